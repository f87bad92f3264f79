/**
 * The content script's risk probe (lib/content/risk-probe.ts): it reports the first sign of risk
 * control on a hidden page (the background refresh's tabs are hidden), once per address, and
 * says nothing on a normal listing or on a page the operator is looking at.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RiskSignalMessage } from '../../../lib/background/refresh-messages';
import { riskSignalMessageSchema } from '../../../lib/background/refresh-messages';
import { PROBE_DELAYS_MS, riskSignOfPage, startRiskProbe, type RiskProbe } from '../../../lib/content/risk-probe';

const LISTING = 'https://item.taobao.com/item.htm?id=617129397971';
const NORMAL_LISTING = '<div id="top">亲，请登录 免费注册</div><h1>保温杯 316不锈钢</h1><span class="price">¥143.50</span><span>月销 3000+</span>';

let href = LISTING;
let hidden = true;
let sent: RiskSignalMessage[] = [];
let probe: RiskProbe | undefined;

function start(): RiskProbe {
  probe = startRiskProbe({
    document,
    currentUrl: () => href,
    send: async (message) => void sent.push(message),
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    log: () => undefined,
  });
  return probe;
}

beforeEach(() => {
  vi.useFakeTimers();
  href = LISTING;
  hidden = true;
  sent = [];
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.title = '保温杯-淘宝网';
  document.body.innerHTML = NORMAL_LISTING;
});

afterEach(() => {
  probe?.stop();
  probe = undefined;
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const runAll = async () => {
  await vi.advanceTimersByTimeAsync(Math.max(...PROBE_DELAYS_MS) + 1);
};

describe('riskSignOfPage', () => {
  it.each([
    ['a normal listing (logged out: 亲，请登录 in the top bar)', LISTING, NORMAL_LISTING, '保温杯-淘宝网', undefined],
    ['a slider page', LISTING, '<div>请拖动滑块完成验证</div>', '验证', 'slider'],
    ['a throttling page', LISTING, '<p>操作过于频繁，请稍后再试</p>', '提示', 'tooFrequent'],
    ['a captcha in the title only', LISTING, NORMAL_LISTING, '安全验证', 'captcha'],
    ['the punish address', 'https://item.taobao.com/item.htm/_____tmd_____/punish?x5secdata=1', '<div></div>', '', 'captcha'],
    ['a NoCaptcha container', LISTING, `${NORMAL_LISTING}<div id="nc_1_wrapper"></div>`, '保温杯', 'slider'],
    ['the word only inside a script', LISTING, `${NORMAL_LISTING}<script>var tip = "验证码";</script>`, '保温杯', undefined],
  ])('%s → %s', (_name, url, html, title, kind) => {
    document.body.innerHTML = html;
    document.title = title;
    expect(riskSignOfPage(document, url)?.kind).toBe(kind);
  });

  it('a captcha container that is not shown is no sign', () => {
    document.body.innerHTML = `${NORMAL_LISTING}<div id="nc_1_wrapper"></div>`;
    const container = document.getElementById('nc_1_wrapper')!;
    Object.defineProperty(container, 'checkVisibility', { value: () => false });
    expect(riskSignOfPage(document, LISTING)).toBeUndefined();
  });
});

describe('startRiskProbe', () => {
  it('reports a captcha that appears after the page, once, with a message the background accepts', async () => {
    start();
    await vi.advanceTimersByTimeAsync(PROBE_DELAYS_MS[1]! - 1);
    expect(sent).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', '<div class="dialog">请输入验证码</div>');
    await runAll();
    expect(sent).toEqual([{ type: 'risk-signal', url: LISTING, kind: 'captcha', evidence: '验证码' }]);
    expect(riskSignalMessageSchema.safeParse(sent[0]).success).toBe(true);
  });

  it('says nothing on a normal listing', async () => {
    start();
    await runAll();
    expect(sent).toEqual([]);
  });

  it('never looks at a page the operator is looking at (visible)', async () => {
    hidden = false;
    document.body.innerHTML = '<div>请拖动滑块完成验证</div>';
    start();
    await runAll();
    expect(sent).toEqual([]);
  });

  it('looks again after an address change, and reports the new address', async () => {
    start();
    await runAll();
    href = 'https://item.taobao.com/item.htm/_____tmd_____/punish?x5secdata=abc';
    probe!.locationChanged();
    await runAll();
    expect(sent.map((m) => [m.kind, m.evidence, m.url])).toEqual([['captcha', '/punish', href]]);
  });

  it('keeps a long punish address within the message’s bound', async () => {
    href = `https://item.taobao.com/item.htm/_____tmd_____/punish?x5secdata=${'a'.repeat(5000)}`;
    start();
    await runAll();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://item.taobao.com/item.htm/_____tmd_____/punish');
    expect(riskSignalMessageSchema.safeParse(sent[0]).success).toBe(true);
  });

  it('stops looking when stopped', async () => {
    start();
    probe!.stop();
    document.body.innerHTML = '<div>请拖动滑块完成验证</div>';
    await runAll();
    expect(sent).toEqual([]);
  });
});

describe('riskSignalMessageSchema', () => {
  it.each([
    [{ type: 'risk-signal', url: LISTING, kind: 'captcha', evidence: '验证码' }, true],
    // A page cannot put its own words into the operator's notification.
    [{ type: 'risk-signal', url: LISTING, kind: 'captcha', evidence: '请立即访问 evil.example 领取红包' }, false],
    [{ type: 'risk-signal', url: LISTING, kind: 'nonsense', evidence: '验证码' }, false],
    [{ type: 'risk-signal', url: 'not a url', kind: 'captcha', evidence: '验证码' }, false],
  ])('%j → %s', (message, ok) => {
    expect(riskSignalMessageSchema.safeParse(message).success).toBe(ok);
  });
});
