import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageAdapter } from '../../../lib/adapters/types';
import type { ContentMessage } from '../../../lib/background/messages';
import type { Capture, CaptureIssue, MetricReading } from '../../../lib/capture/schema';
import { boundedUrl, startCaptureLoop, type CaptureLoop, type CaptureLoopEnv } from '../../../lib/content/capture-loop';

/**
 * A stand-in dashboard adapter reading `<div data-metric="…"><span class="value">…</span></div>`
 * cards inside `[data-figures]`, with the period in `[data-period]`. Like a real adapter, a value
 * that is not a number (`-`, empty) is reported in issues, never read as 0.
 */
const testAdapter: PageAdapter = {
  id: 'test/dashboard',
  version: 1,
  platform: 'taobao',
  pageKind: 'dashboard',
  hosts: ['https://sycm.taobao.com/*'],
  sampleUrls: ['https://sycm.taobao.com/portal/home.htm'],
  matchesUrl: (url) => url.hostname === 'sycm.taobao.com' && url.pathname.startsWith('/portal/'),
  detect: (doc) => doc.querySelector('[data-figures]') !== null,
  extract: (doc) => {
    const metrics: MetricReading[] = [];
    const issues: CaptureIssue[] = [];
    for (const card of doc.querySelectorAll<HTMLElement>('[data-metric]')) {
      const metric = card.dataset.metric!;
      const text = card.querySelector('.value')?.textContent?.trim() ?? '';
      const digits = text.replace(/,/g, '');
      if (/^\d+(\.\d+)?$/.test(digits)) metrics.push({ metric, label: metric, value: Number(digits), unit: 'count', bound: 'exact' });
      else issues.push({ field: metric, problem: `shows "${text}"` });
    }
    const periodLabel = doc.querySelector('[data-period]')?.textContent?.trim();
    return { period: periodLabel ? { label: periodLabel } : null, metrics, listing: null, results: null, issues };
  },
};

const HOME = 'https://sycm.taobao.com/portal/home.htm?spm=a21ag.1';
const OTHER = 'https://sycm.taobao.com/portal/item.htm?itemId=42';

let href = HOME;
let sent: ContentMessage[] = [];
let loop: CaptureLoop | undefined;
let log: ReturnType<typeof vi.fn<(message: string, detail?: unknown) => void>>;
let sendImpl: (message: ContentMessage) => Promise<unknown>;

function start(overrides: Partial<CaptureLoopEnv> = {}): CaptureLoop {
  loop = startCaptureLoop({
    document,
    currentUrl: () => href,
    send: (message) => {
      sent.push(structuredClone(message));
      return sendImpl(message);
    },
    timers: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    adapters: [testAdapter],
    log,
    ...overrides,
  });
  return loop;
}

const captures = (): Capture[] => sent.flatMap((m) => (m.type === 'capture' ? [m.capture] : []));
const statuses = () => sent.flatMap((m) => (m.type === 'page-status' ? [m.state] : []));
const values = (capture: Capture) => Object.fromEntries(capture.metrics.map((m) => [m.metric, m.value]));
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

function renderCards(cards: Record<string, string>, period = '昨日'): void {
  document.body.innerHTML = `<main><div data-period>${period}</div><div data-figures>${Object.entries(cards)
    .map(([metric, value]) => `<div data-metric="${metric}"><span class="value">${value}</span></div>`)
    .join('')}</div></main>`;
}

function setValue(metric: string, value: string): void {
  document.querySelector(`[data-metric="${metric}"] .value`)!.textContent = value;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-22T02:00:00.000Z') });
  href = HOME;
  sent = [];
  log = vi.fn();
  sendImpl = async (message) => (message.type === 'capture' ? { ok: true, result: { stored: true, captureId: 'x', observations: 1 } } : { ok: true });
  document.body.innerHTML = '';
});

afterEach(() => {
  loop?.stop();
  loop = undefined;
  vi.useRealTimers();
});

describe('placeholders are never sent as figures', () => {
  it.each([100, 350, 900, 1400])('values shown as "-" that become numbers after %i ms are sent once, with the numbers', async (delay) => {
    renderCards({ visitors: '-', payAmount: '-' });
    start();
    await wait(delay);
    setValue('visitors', '1,520');
    setValue('payAmount', '10095.5');
    await wait(5_000);

    expect(captures()).toHaveLength(1);
    expect(values(captures()[0]!)).toEqual({ visitors: 1520, payAmount: 10095.5 });
    expect(captures()[0]!.issues).toEqual([]);
    expect(statuses()).toEqual(['waiting', 'captured']);
  });

  it('cards drawn one after another are sent once, complete', async () => {
    renderCards({ visitors: '1,520' });
    start();
    await wait(250);
    document.querySelector('[data-figures]')!.insertAdjacentHTML('beforeend', '<div data-metric="payAmount"><span class="value">88</span></div>');
    await wait(5_000);
    expect(captures().map(values)).toEqual([{ visitors: 1520, payAmount: 88 }]);
  });

  it('a value that stays "-" is finally sent as missing (an issue), never as 0', async () => {
    renderCards({ visitors: '1,520', payAmount: '-' });
    start();
    await wait(1_000);
    expect(captures()).toHaveLength(0); // an incomplete reading must hold longer than the debounce
    await wait(2_000);
    expect(captures()).toHaveLength(1);
    expect(values(captures()[0]!)).toEqual({ visitors: 1520 });
    expect(captures()[0]!.issues).toEqual([{ field: 'payAmount', problem: 'shows "-"' }]);
  });

  it('waits while detect is false, then captures once the figures are there', async () => {
    document.body.innerHTML = '<div class="loading">加载中</div>';
    start();
    await wait(3_000);
    expect(captures()).toHaveLength(0);
    expect(statuses()).toEqual(['waiting']);
    renderCards({ visitors: '7' });
    await wait(2_000);
    expect(captures().map(values)).toEqual([{ visitors: 7 }]);
    expect(statuses()).toEqual(['waiting', 'captured']);
  });
});

describe('sending again when the figures change', () => {
  it('sends the new figures after the operator picks another period', async () => {
    renderCards({ visitors: '100' }, '昨日');
    start();
    await wait(2_000);
    renderCards({ visitors: '700' }, '近7天');
    await wait(2_000);
    expect(captures().map((c) => [c.period?.label, values(c)])).toEqual([
      ['昨日', { visitors: 100 }],
      ['近7天', { visitors: 700 }],
    ]);
  });

  it('never pairs a new period label with the old figures still on screen', async () => {
    renderCards({ visitors: '100' }, '昨日');
    start();
    await wait(2_000);
    document.querySelector('[data-period]')!.textContent = '近7天'; // the picker updates at once …
    await wait(3_000); // … the figures arrive later
    setValue('visitors', '700');
    await wait(2_000);
    expect(captures().map((c) => [c.period?.label, values(c)])).toEqual([
      ['昨日', { visitors: 100 }],
      ['近7天', { visitors: 700 }],
    ]);
  });

  it('an identical re-render is not sent again', async () => {
    renderCards({ visitors: '100' });
    start();
    await wait(2_000);
    renderCards({ visitors: '100' });
    await wait(2_000);
    expect(captures()).toHaveLength(1);
  });

  it('still captures under a constant stream of unrelated mutations (a ticking clock)', async () => {
    renderCards({ visitors: '100' });
    document.body.insertAdjacentHTML('beforeend', '<span id="clock">0</span>');
    const ticker = setInterval(() => {
      document.getElementById('clock')!.textContent = String(Date.now());
    }, 100);
    start();
    await wait(6_000);
    clearInterval(ticker);
    expect(captures().map(values)).toEqual([{ visitors: 100 }]);
  });

  it.each([
    ['rejected (the background was restarting)', async () => Promise.reject(new Error('Receiving end does not exist.'))],
    ['thrown at once (extension context invalidated)', () => {
      throw new Error('Extension context invalidated.');
    }],
  ])('a capture whose sending was %s is sent again on the next change', async (_name, failure) => {
    sendImpl = (message) => (message.type === 'capture' ? failure() : Promise.resolve({ ok: true }));
    renderCards({ visitors: '100' });
    start();
    await wait(2_000);
    expect(captures()).toHaveLength(1);
    sendImpl = async () => ({ ok: true, result: { stored: true, captureId: 'x', observations: 1 } });
    document.body.insertAdjacentHTML('beforeend', '<span>re-render</span>');
    await wait(2_000);
    expect(captures()).toHaveLength(2);
    expect(values(captures()[1]!)).toEqual({ visitors: 100 });
  });
});

describe('address changes', () => {
  it('re-runs on a new address, and never sends the old page figures under it', async () => {
    renderCards({ visitors: '100' });
    start();
    await wait(2_000);
    href = OTHER;
    loop!.locationChanged();
    await wait(3_000); // the single-page app has changed the address, not yet the figures
    expect(captures()).toHaveLength(1);
    renderCards({ visitors: '42' });
    await wait(2_000);
    expect(captures().map((c) => [c.url, values(c)])).toEqual([
      [HOME, { visitors: 100 }],
      [OTHER, { visitors: 42 }],
    ]);
  });

  it('notices an address change at its next reading even without the event', async () => {
    renderCards({ visitors: '100' });
    start();
    await wait(2_000);
    href = OTHER;
    renderCards({ visitors: '42' });
    await wait(3_000);
    expect(captures().map((c) => c.url)).toEqual([HOME, OTHER]);
  });

  it('an address no adapter reads: reports not recognised and sends nothing', async () => {
    renderCards({ visitors: '100' });
    start();
    await wait(2_000);
    href = 'https://sycm.taobao.com/mc/market.htm';
    loop!.locationChanged();
    renderCards({ visitors: '5' });
    await wait(3_000);
    expect(captures()).toHaveLength(1);
    expect(statuses()).toEqual(['waiting', 'captured', 'not-recognised']);
    expect(loop!.observing).toBe(false);
  });
});

describe('an unrecognised page', () => {
  it('sends no capture, only one not-recognised status, and does not observe', async () => {
    href = 'https://sycm.taobao.com/mc/market.htm';
    renderCards({ visitors: '100' });
    start();
    await wait(1_000);
    renderCards({ visitors: '200' });
    await wait(5_000);
    expect(captures()).toEqual([]);
    expect(sent).toEqual([{ type: 'page-status', url: 'https://sycm.taobao.com/mc/market.htm', adapterId: null, state: 'not-recognised' }]);
    expect(loop!.observing).toBe(false);
  });
});

describe('staying cheap', () => {
  it('stops observing after a long quiet time and wakes on the next click', async () => {
    renderCards({ visitors: '100' });
    start({ options: { idleStopMs: 30_000 } });
    await wait(2_000);
    expect(loop!.observing).toBe(true);
    await wait(30_000);
    expect(loop!.observing).toBe(false);

    setValue('visitors', '150'); // unseen: nobody is observing
    await wait(2_000);
    expect(captures()).toHaveLength(1);

    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(loop!.observing).toBe(true);
    await wait(2_000);
    expect(captures().map(values)).toEqual([{ visitors: 100 }, { visitors: 150 }]);
  });

  it('keeps observing while the figures keep changing', async () => {
    renderCards({ visitors: '1' });
    start({ options: { idleStopMs: 10_000 } });
    for (let i = 2; i <= 6; i++) {
      await wait(4_000);
      setValue('visitors', String(i));
    }
    expect(loop!.observing).toBe(true);
    await wait(12_000);
    expect(loop!.observing).toBe(false);
  });

  it('stop() disconnects: nothing is sent afterwards', async () => {
    renderCards({ visitors: '-' });
    start();
    await wait(100);
    loop!.stop();
    setValue('visitors', '9');
    await wait(5_000);
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await wait(5_000);
    expect(captures()).toEqual([]);
    expect(loop!.observing).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a failing adapter sends nothing and does not break the loop', async () => {
    const broken: PageAdapter = {
      ...testAdapter,
      extract: () => {
        throw new TypeError('Cannot read properties of null');
      },
    };
    renderCards({ visitors: '100' });
    start({ adapters: [broken] });
    await wait(3_000);
    expect(captures()).toEqual([]);
    expect(statuses()).toEqual(['waiting']);
    expect(log).toHaveBeenCalledWith('adapter test/dashboard failed', expect.any(TypeError));
  });
});

describe('boundedUrl', () => {
  it('leaves ordinary addresses alone', () => {
    expect(boundedUrl(HOME)).toBe(HOME);
  });

  it('drops the longest tracking parameters of an over-long address, keeping identifying ones', () => {
    const long = `https://detail.tmall.com/item.htm?id=617129397971&utparam=${'x'.repeat(3000)}&spm=a1z10&skuId=5`;
    const bounded = new URL(boundedUrl(long));
    expect(boundedUrl(long).length).toBeLessThanOrEqual(2048);
    expect(bounded.searchParams.get('id')).toBe('617129397971');
    expect(bounded.searchParams.get('skuId')).toBe('5');
    expect(bounded.searchParams.get('spm')).toBe('a1z10');
    expect(bounded.searchParams.has('utparam')).toBe(false);
  });
});
