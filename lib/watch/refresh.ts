/**
 * The optional background refresh of watched listings: which public listing page to open next,
 * if any, and when to stop. Pure decisions; the caller owns alarms and tabs.
 *
 * Rules (pinned by tests/unit/watch/refresh.test.ts)
 * - Off by default; the operator turns it on. Only watches marked for refresh, and only public
 *   listing pages (PUBLIC_LISTING_PAGES): never a seller backend, never a login page, never any
 *   other address, whatever a watch row says.
 * - At most one page per minute, whatever the setting says (`minutesBetweenPages` ≥ 1).
 * - None at night: no page during the quiet hours (China time, where the marketplaces run).
 * - A page is due when neither a refresh nor the operator's own visit has read it for
 *   `hoursPerPage`; the most overdue goes first.
 * - Risk control stops everything: a captcha, a slider, 验证码, 操作过于频繁, a redirect to a
 *   login or punish page. Refresh then stays stopped (and says why) until the operator turns it
 *   on again; it never retries on its own.
 */

export const REFRESH_SETTINGS_KEY = 'watch.refresh';
export const MIN_MINUTES_BETWEEN_PAGES = 1;
const HOUR_MS = 3600 * 1000;
const MINUTE_MS = 60 * 1000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export type RiskKind = 'captcha' | 'slider' | 'tooFrequent' | 'login';

export interface RiskSignal {
  kind: RiskKind;
  /** The phrase or address part that gave it away. */
  evidence: string;
}

export interface RefreshSettings {
  enabled: boolean;
  minutesBetweenPages: number;
  hoursPerPage: number;
  /** Quiet hours, China time: from `quietFrom`:00 until `quietUntil`:00 (wrapping midnight). */
  quietFrom: number;
  quietUntil: number;
  /** Set when risk control was met; cleared when the operator turns refresh on again. */
  stopped?: { at: string; kind: RiskKind; evidence: string; url: string };
}

export const DEFAULT_REFRESH_SETTINGS: RefreshSettings = {
  enabled: false,
  minutesBetweenPages: 5,
  hoursPerPage: 12,
  quietFrom: 22,
  quietUntil: 8,
};

/** Public listing pages, by host and path. Everything else is never opened on its own. */
export const PUBLIC_LISTING_PAGES: readonly { host: string; path: RegExp }[] = [
  { host: 'item.taobao.com', path: /^\/item\.htm$/ },
  { host: 'detail.tmall.com', path: /^\/item\.htm$/ },
  { host: 'mobile.yangkeduo.com', path: /^\/goods\d?\.html$/ },
  { host: 'item.jd.com', path: /^\/\d+\.html$/ },
  { host: 'haohuo.jinritemai.com', path: /^\/views\/product\/(item|detail)\d*$/ },
];

/** Seller backends and account pages: never opened by refresh (a second guard beside the list above). */
export const NEVER_OPENED_HOSTS: readonly string[] = [
  'sycm.taobao.com',
  'myseller.taobao.com',
  'login.taobao.com',
  'login.tmall.com',
  'mms.pinduoduo.com',
  'fxg.jinritemai.com',
  'compass.jinritemai.com',
  'qianchuan.jinritemai.com',
  'sz.jd.com',
  'jdsz.jd.com',
  'passport.jd.com',
];

export function isRefreshablePage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  const host = parsed.hostname.toLowerCase();
  if (NEVER_OPENED_HOSTS.includes(host)) return false;
  return PUBLIC_LISTING_PAGES.some((page) => page.host === host && page.path.test(parsed.pathname));
}

/** Words a risk-control page shows, by kind. Matched in the page title and visible text. */
export const RISK_PHRASES: readonly { kind: RiskKind; phrases: readonly string[] }[] = [
  { kind: 'slider', phrases: ['滑块', '向右滑动', '拖动滑块', '请按住滑块', 'slider', 'slide to verify'] },
  { kind: 'captcha', phrases: ['验证码', '安全验证', '人机验证', '请完成验证', '身份验证', 'captcha', 'nocaptcha'] },
  { kind: 'tooFrequent', phrases: ['操作过于频繁', '访问过于频繁', '请求过于频繁', '访问频繁', '稍后再试', 'unusual traffic', 'too many requests'] },
];

/** Address parts of risk-control and login redirects. */
export const RISK_ADDRESS_PARTS: readonly { kind: RiskKind; part: string }[] = [
  { kind: 'captcha', part: '/punish' },
  { kind: 'captcha', part: '_____tmd_____' },
  { kind: 'captcha', part: 'x5sec' },
  { kind: 'captcha', part: 'captcha' },
  { kind: 'login', part: 'login.taobao.com' },
  { kind: 'login', part: 'login.tmall.com' },
  { kind: 'login', part: 'passport.jd.com' },
  { kind: 'login', part: 'mobile.yangkeduo.com/login' },
];

/** The first sign of risk control on a page the refresh opened, or undefined. */
export function riskSignal(page: { url: string; title?: string; text?: string }): RiskSignal | undefined {
  const address = page.url.toLowerCase();
  for (const { kind, part } of RISK_ADDRESS_PARTS) if (address.includes(part)) return { kind, evidence: part };
  const text = `${page.title ?? ''}\n${page.text ?? ''}`.toLowerCase();
  for (const { kind, phrases } of RISK_PHRASES) {
    for (const phrase of phrases) if (text.includes(phrase.toLowerCase())) return { kind, evidence: phrase };
  }
  return undefined;
}

/** Settings after risk control was met: refresh off, with the reason kept for the panel. */
export function stopForRisk(settings: RefreshSettings, signal: RiskSignal, url: string, now: Date): RefreshSettings {
  return { ...settings, enabled: false, stopped: { at: now.toISOString(), kind: signal.kind, evidence: signal.evidence, url } };
}

/** Hour of the day in China time. */
export function shanghaiHour(now: Date): number {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
}

export function isQuietHour(hour: number, from: number, until: number): boolean {
  if (from === until) return false;
  return from < until ? hour >= from && hour < until : hour >= from || hour < until;
}

/** The next moment the quiet hours end (China time `quietUntil`:00). */
export function quietHoursEnd(now: Date, until: number): Date {
  const shanghai = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const end = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate(), until) - SHANGHAI_OFFSET_MS;
  return new Date(end > now.getTime() ? end : end + 24 * HOUR_MS);
}

export interface RefreshCandidate {
  key: string;
  url?: string;
  /** The watch is marked for refresh. */
  refresh: boolean;
  lastRefreshAt?: string;
  /** When the page was last read at all (the entity's lastSeen: the operator's visits count). */
  lastSeen?: string;
}

export type RefreshDecision =
  | { action: 'open'; key: string; url: string }
  | { action: 'idle'; reason: 'disabled' | 'stopped' | 'night' | 'too-soon' | 'nothing-due'; nextCheckAt?: string };

export function decideRefresh(input: {
  now: Date;
  settings: RefreshSettings;
  /** When refresh last opened a page, any page. */
  lastPageAt?: string;
  candidates: readonly RefreshCandidate[];
}): RefreshDecision {
  const { now, settings } = input;
  if (settings.stopped) return { action: 'idle', reason: 'stopped' };
  if (!settings.enabled) return { action: 'idle', reason: 'disabled' };
  if (isQuietHour(shanghaiHour(now), settings.quietFrom, settings.quietUntil)) {
    return { action: 'idle', reason: 'night', nextCheckAt: quietHoursEnd(now, settings.quietUntil).toISOString() };
  }
  const gapMs = Math.max(MIN_MINUTES_BETWEEN_PAGES, settings.minutesBetweenPages) * MINUTE_MS;
  const last = input.lastPageAt ? Date.parse(input.lastPageAt) : Number.NaN;
  if (Number.isFinite(last) && now.getTime() - last < gapMs) {
    return { action: 'idle', reason: 'too-soon', nextCheckAt: new Date(last + gapMs).toISOString() };
  }
  const dueMs = Math.max(1, settings.hoursPerPage) * HOUR_MS;
  let best: { key: string; url: string; readAt: number } | undefined;
  for (const candidate of input.candidates) {
    if (!candidate.refresh || !candidate.url || !isRefreshablePage(candidate.url)) continue;
    const times = [candidate.lastRefreshAt, candidate.lastSeen].map((t) => (t ? Date.parse(t) : Number.NaN)).filter(Number.isFinite);
    const readAt = times.length ? Math.max(...times) : Number.NEGATIVE_INFINITY;
    if (now.getTime() - readAt < dueMs) continue;
    if (!best || readAt < best.readAt || (readAt === best.readAt && candidate.key < best.key)) best = { key: candidate.key, url: candidate.url, readAt };
  }
  return best ? { action: 'open', key: best.key, url: best.url } : { action: 'idle', reason: 'nothing-due' };
}
