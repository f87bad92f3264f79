import { describe, expect, it } from 'vitest';
import {
  decideRefresh,
  DEFAULT_REFRESH_SETTINGS,
  isQuietHour,
  isRefreshablePage,
  quietHoursEnd,
  riskSignal,
  stopForRisk,
  type RefreshCandidate,
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
