import { describe, expect, it } from 'vitest';
import {
  afterPage,
  decideRefresh,
  DEFAULT_REFRESH_SETTINGS,
  EMPTY_REFRESH_STATUS,
  isQuietHour,
  isRefreshablePage,
  MAX_PAGES_WITHOUT_FIGURES,
  mayOpen,
  nextCheckAt,
  NOTHING_DUE_RECHECK_MS,
  PAGE_TIMEOUT_MS,
  quietHoursEnd,
  riskSignal,
  stopForRisk,
  tooManyPagesWithoutFigures,
  type PageOutcome,
  type RefreshCandidate,
  type RefreshDecision,
  type RefreshSettings,
} from '../../../lib/watch/refresh';

/** 2026-11-21 at an hour of China time. */
const chinaTime = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 21, hour - 8, minute));
const on: RefreshSettings = { ...DEFAULT_REFRESH_SETTINGS, enabled: true, minutesBetweenPages: 1, hoursPerPage: 12 };
const listing = (key: string, lastSeen?: string, extra: Partial<RefreshCandidate> = {}): RefreshCandidate => ({
  key,
  url: `https://item.taobao.com/item.htm?id=${key}`,
  refresh: true,
  ...(lastSeen ? { lastSeen } : {}),
  ...extra,
});

describe('isRefreshablePage', () => {
  it.each([
    ['https://item.taobao.com/item.htm?id=1', true],
    ['https://detail.tmall.com/item.htm?id=1&spm=x', true],
    ['https://mobile.yangkeduo.com/goods.html?goods_id=1', true],
    ['https://item.jd.com/100066896338.html', true],
    ['http://item.taobao.com/item.htm?id=1', false],
    ['https://sycm.taobao.com/portal/home.htm', false],
    ['https://myseller.taobao.com/home.htm', false],
    ['https://mms.pinduoduo.com/goods/goods_list', false],
    ['https://login.taobao.com/member/login.jhtml', false],
    ['https://s.taobao.com/search?q=x', false],
    ['https://item.taobao.com.evil.example/item.htm?id=1', false],
    ['https://user:pw@item.taobao.com/item.htm?id=1', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isRefreshablePage(url)).toBe(expected);
  });
});

describe('riskSignal', () => {
  it.each([
    [{ url: 'https://item.taobao.com/item.htm?id=1', text: '请拖动滑块完成验证' }, 'slider'],
    [{ url: 'https://item.taobao.com/item.htm?id=1', text: '请输入验证码' }, 'captcha'],
    [{ url: 'https://item.taobao.com/item.htm?id=1', title: '操作过于频繁，请稍后再试' }, 'tooFrequent'],
    [{ url: 'https://item.taobao.com/item.htm?id=1', text: 'Please slide to verify' }, 'slider'],
    [{ url: 'https://item.taobao.com/item.htm/_____tmd_____/punish?x5secdata=1' }, 'captcha'],
    [{ url: 'https://login.taobao.com/member/login.jhtml?redirectURL=x' }, 'login'],
    [{ url: 'https://item.taobao.com/item.htm?id=1', title: '夏季连衣裙', text: '¥143.50 月销 3000+ 有货' }, undefined],
  ] as const)('%j → %s', (page, kind) => {
    expect(riskSignal(page)?.kind).toBe(kind);
  });

  it('stopping turns refresh off and keeps the reason', () => {
    const stopped = stopForRisk(on, { kind: 'slider', evidence: '滑块' }, 'https://item.taobao.com/item.htm?id=1', chinaTime(10));
    expect(stopped.enabled).toBe(false);
    expect(stopped.stopped).toMatchObject({ kind: 'slider', evidence: '滑块' });
    expect(decideRefresh({ now: chinaTime(11), settings: { ...stopped, enabled: true }, candidates: [listing('1')] })).toEqual({ action: 'idle', reason: 'stopped' });
  });
});

describe('quiet hours (China time)', () => {
  it.each([
    [21, false],
    [22, true],
    [23, true],
    [0, true],
    [7, true],
    [8, false],
    [12, false],
  ])('%i:00 quiet %s with 22–8', (hour, quiet) => {
    expect(isQuietHour(hour, 22, 8)).toBe(quiet);
  });

  it('a non-wrapping window and an empty one', () => {
    expect(isQuietHour(3, 1, 6)).toBe(true);
    expect(isQuietHour(6, 1, 6)).toBe(false);
    expect(isQuietHour(3, 5, 5)).toBe(false);
  });

  it('ends at the next quietUntil', () => {
    expect(quietHoursEnd(chinaTime(23), 8).toISOString()).toBe(new Date(Date.UTC(2026, 10, 22, 0)).toISOString());
    expect(quietHoursEnd(chinaTime(3), 8).toISOString()).toBe(new Date(Date.UTC(2026, 10, 21, 0)).toISOString());
  });
});

describe('decideRefresh', () => {
  const now = chinaTime(14);
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();

  it('is off by default', () => {
    expect(DEFAULT_REFRESH_SETTINGS.enabled).toBe(false);
    expect(decideRefresh({ now, settings: DEFAULT_REFRESH_SETTINGS, candidates: [listing('1')] })).toEqual({ action: 'idle', reason: 'disabled' });
  });

  it('opens nothing at night', () => {
    const decision = decideRefresh({ now: chinaTime(23, 30), settings: on, candidates: [listing('1')] });
    expect(decision).toMatchObject({ action: 'idle', reason: 'night' });
  });

  it.each([
    [0.5, 'too-soon'],
    [0.99, 'too-soon'],
    [1, 'open'],
  ])('one page a minute at most: %d min after the last → %s', (minutes, outcome) => {
    const decision = decideRefresh({ now, settings: on, lastPageAt: new Date(now.getTime() - minutes * 60_000).toISOString(), candidates: [listing('1')] });
    expect(decision.action === 'open' ? 'open' : decision.reason).toBe(outcome);
  });

  it('a setting below one minute still waits a minute', () => {
    const decision = decideRefresh({ now, settings: { ...on, minutesBetweenPages: 0 }, lastPageAt: new Date(now.getTime() - 30_000).toISOString(), candidates: [listing('1')] });
    expect(decision).toMatchObject({ action: 'idle', reason: 'too-soon' });
  });

  it('opens the most overdue public listing; the operator’s own visits count', () => {
    const decision = decideRefresh({
      now,
      settings: on,
      candidates: [
        listing('seen-recently', hoursAgo(2)),
        listing('older', hoursAgo(30)),
        listing('oldest', hoursAgo(20), { lastRefreshAt: hoursAgo(40) }),
        listing('never'),
      ],
    });
    expect(decision).toEqual({ action: 'open', key: 'never', url: 'https://item.taobao.com/item.htm?id=never' });
    const withoutNever = decideRefresh({ now, settings: on, candidates: [listing('seen-recently', hoursAgo(2)), listing('older', hoursAgo(30)), listing('oldest', hoursAgo(20), { lastRefreshAt: hoursAgo(40) })] });
    expect(withoutNever).toMatchObject({ action: 'open', key: 'older' });
  });

  it('never opens a backend page or an unmarked watch, whatever the row says', () => {
    const decision = decideRefresh({
      now,
      settings: on,
      candidates: [
        { key: 'backend', url: 'https://sycm.taobao.com/portal/home.htm', refresh: true },
        { key: 'search', url: 'https://s.taobao.com/search?q=x', refresh: true },
        listing('not-marked', undefined, { refresh: false }),
        { key: 'no-url', refresh: true },
      ],
    });
    expect(decision).toEqual({ action: 'idle', reason: 'nothing-due' });
  });
});

describe('one page at a time, and the registry’s second check', () => {
  const now = chinaTime(14);

  it('opens nothing while a page it opened is still open', () => {
    expect(decideRefresh({ now, settings: on, pageOpen: true, candidates: [listing('1')] })).toEqual({ action: 'idle', reason: 'busy' });
  });

  it('a last page “in the future” (clock set back) waits one gap from now, not hours', () => {
    const decision = decideRefresh({ now, settings: on, lastPageAt: new Date(now.getTime() + 5 * 3600_000).toISOString(), candidates: [listing('1')] });
    expect(decision).toEqual({ action: 'idle', reason: 'too-soon', nextCheckAt: new Date(now.getTime() + 60_000).toISOString() });
  });

  it.each([
    ['both accept', true, true],
    ['the registry refuses (no listing reader for it)', false, false],
  ])('%s → open %s', (_name, registry, opens) => {
    const decision = decideRefresh({ now, settings: on, candidates: [listing('1')], isListingPage: () => registry });
    expect(decision.action === 'open').toBe(opens);
  });

  it('a registry check that throws refuses, and the fixed list still guards what the registry accepts', () => {
    expect(mayOpen('https://item.taobao.com/item.htm?id=1', () => { throw new Error('bad'); })).toBe(false);
    expect(mayOpen('https://sycm.taobao.com/portal/home.htm', () => true)).toBe(false);
    expect(mayOpen('https://item.taobao.com/item.htm?id=1')).toBe(true);
  });
});

describe('nextCheckAt', () => {
  const now = chinaTime(14);
  const at = (decision: RefreshDecision) => nextCheckAt(decision, now)?.getTime();
  it.each<[string, RefreshDecision, number | undefined]>([
    ['after opening: when the page’s time is up', { action: 'open', key: '1', url: 'u' }, now.getTime() + PAGE_TIMEOUT_MS],
    ['off: no alarm', { action: 'idle', reason: 'disabled' }, undefined],
    ['stopped: no alarm', { action: 'idle', reason: 'stopped' }, undefined],
    ['nothing due: look again later', { action: 'idle', reason: 'nothing-due' }, now.getTime() + NOTHING_DUE_RECHECK_MS],
    ['too soon: at the decision’s time', { action: 'idle', reason: 'too-soon', nextCheckAt: new Date(now.getTime() + 42_000).toISOString() }, now.getTime() + 42_000],
    ['night: when it ends', { action: 'idle', reason: 'night', nextCheckAt: quietHoursEnd(chinaTime(23), 8).toISOString() }, quietHoursEnd(chinaTime(23), 8).getTime()],
    ['a time already past: now', { action: 'idle', reason: 'too-soon', nextCheckAt: new Date(now.getTime() - 1000).toISOString() }, now.getTime()],
  ])('%s', (_name, decision, expected) => {
    expect(at(decision)).toBe(expected);
  });
});

describe('pages without figures', () => {
  const now = chinaTime(14);
  const run = (outcomes: PageOutcome[]) => outcomes.reduce((status, outcome) => afterPage(status, outcome, now), EMPTY_REFRESH_STATUS);

  it.each<[PageOutcome[], number, boolean]>([
    [['timeout'], 1, false],
    [['timeout', 'not-recognised', 'timeout'], 3, true],
    [['timeout', 'timeout', 'captured', 'timeout'], 1, false],
    [['timeout', 'taken-over', 'open-failed', 'timeout'], 2, false],
  ])('%j → %i in a row, stop %s', (outcomes, count, stop) => {
    const status = run(outcomes);
    expect(status.pagesWithoutFigures).toBe(count);
    expect(tooManyPagesWithoutFigures(status)).toBe(stop);
    expect(status.lastOutcome).toBe(outcomes[outcomes.length - 1]);
  });

  it('stops at MAX_PAGES_WITHOUT_FIGURES, not before', () => {
    expect(MAX_PAGES_WITHOUT_FIGURES).toBeGreaterThan(1);
    expect(tooManyPagesWithoutFigures(run(Array(MAX_PAGES_WITHOUT_FIGURES - 1).fill('timeout')))).toBe(false);
    expect(tooManyPagesWithoutFigures(run(Array(MAX_PAGES_WITHOUT_FIGURES).fill('timeout')))).toBe(true);
  });
});
