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
 * - Never two pages at once: the next waits until the open one has sent its capture or its time
 *   (PAGE_TIMEOUT_MS) is up.
 * - Risk control stops everything: a captcha, a slider, 验证码, 操作过于频繁, a redirect to a
 *   login or punish page (the signs are data: ./risk-signs.ts), and also several pages in a row
 *   without figures. Refresh then stays stopped (and says why) until the operator turns it on
 *   again; it never retries on its own.
 */

import { riskSignOfAddress, riskSignOfText, type RiskKind, type RiskSign } from './risk-signs';

export const REFRESH_SETTINGS_KEY = 'watch.refresh';
export const MIN_MINUTES_BETWEEN_PAGES = 1;
const HOUR_MS = 3600 * 1000;
const MINUTE_MS = 60 * 1000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export type { RiskKind, RiskSign } from './risk-signs';
/** The sign that stopped the refresh (kept under its older name). */
export type RiskSignal = RiskSign;

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

export { RISK_ADDRESS_PARTS, RISK_CONTAINERS, RISK_PHRASES } from './risk-signs';

/** The first sign of risk control on a page the refresh opened (its address, then its title and text), or undefined. */
export function riskSignal(page: { url: string; title?: string; text?: string }): RiskSignal | undefined {
  return riskSignOfAddress(page.url) ?? riskSignOfText(`${page.title ?? ''}\n${page.text ?? ''}`);
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

export type IdleReason = 'disabled' | 'stopped' | 'night' | 'busy' | 'too-soon' | 'nothing-due';

export type RefreshDecision = { action: 'open'; key: string; url: string } | { action: 'idle'; reason: IdleReason; nextCheckAt?: string };

export interface RefreshInput {
  now: Date;
  settings: RefreshSettings;
  /** When refresh last opened a page, any page. */
  lastPageAt?: string;
  /** A page the refresh opened is still open (waiting for its capture): never two at once. */
  pageOpen?: boolean;
  candidates: readonly RefreshCandidate[];
  /**
   * A second, independent check of each address: a page ShopLens reads as a public listing
   * (the background passes the registry's listing adapters). Both this and
   * PUBLIC_LISTING_PAGES must accept an address before it is opened.
   */
  isListingPage?: (url: string) => boolean;
}

/** Whether refresh may open `url` at all: a public listing page by both checks. */
export function mayOpen(url: string, isListingPage?: (url: string) => boolean): boolean {
  if (!isRefreshablePage(url)) return false;
  if (!isListingPage) return true;
  try {
    return isListingPage(url);
  } catch {
    return false;
  }
}

export function decideRefresh(input: RefreshInput): RefreshDecision {
  const { now, settings } = input;
  if (settings.stopped) return { action: 'idle', reason: 'stopped' };
  if (!settings.enabled) return { action: 'idle', reason: 'disabled' };
  if (isQuietHour(shanghaiHour(now), settings.quietFrom, settings.quietUntil)) {
    return { action: 'idle', reason: 'night', nextCheckAt: quietHoursEnd(now, settings.quietUntil).toISOString() };
  }
  if (input.pageOpen) return { action: 'idle', reason: 'busy' };
  const gapMs = Math.max(MIN_MINUTES_BETWEEN_PAGES, settings.minutesBetweenPages) * MINUTE_MS;
  const parsedLast = input.lastPageAt ? Date.parse(input.lastPageAt) : Number.NaN;
  // A last page "in the future" (the clock was set back) counts as now: still one page per gap, never a day's wait.
  const last = Number.isFinite(parsedLast) ? Math.min(parsedLast, now.getTime()) : Number.NaN;
  if (Number.isFinite(last) && now.getTime() - last < gapMs) {
    return { action: 'idle', reason: 'too-soon', nextCheckAt: new Date(last + gapMs).toISOString() };
  }
  const dueMs = Math.max(1, settings.hoursPerPage) * HOUR_MS;
  let best: { key: string; url: string; readAt: number } | undefined;
  for (const candidate of input.candidates) {
    if (!candidate.refresh || !candidate.url || !mayOpen(candidate.url, input.isListingPage)) continue;
    const times = [candidate.lastRefreshAt, candidate.lastSeen].map((t) => (t ? Date.parse(t) : Number.NaN)).filter(Number.isFinite);
    const readAt = times.length ? Math.max(...times) : Number.NEGATIVE_INFINITY;
    if (now.getTime() - readAt < dueMs) continue;
    if (!best || readAt < best.readAt || (readAt === best.readAt && candidate.key < best.key)) best = { key: candidate.key, url: candidate.url, readAt };
  }
  return best ? { action: 'open', key: best.key, url: best.url } : { action: 'idle', reason: 'nothing-due' };
}

// ---------------------------------------------------------------------------------------------
// Pacing of the pages the refresh opens (lib/background/refresh.ts owns the alarm and the tabs)

/** How long an opened page may take to send its capture before its tab is closed anyway. */
export const PAGE_TIMEOUT_MS = 60 * 1000;
/** With nothing due, look again this often (the operator may have marked a new watch). */
export const NOTHING_DUE_RECHECK_MS = 15 * MINUTE_MS;
/** This many opened pages in a row without figures stop the refresh: something is in the way. */
export const MAX_PAGES_WITHOUT_FIGURES = 3;

/**
 * When to look again after a decision: after opening a page, when its time is up; when idle,
 * at the decision's own time; never while refresh is off or stopped (undefined: no alarm).
 */
export function nextCheckAt(decision: RefreshDecision, now: Date): Date | undefined {
  if (decision.action === 'open') return new Date(now.getTime() + PAGE_TIMEOUT_MS);
  switch (decision.reason) {
    case 'disabled':
    case 'stopped':
      return undefined;
    case 'busy':
      return new Date(now.getTime() + PAGE_TIMEOUT_MS);
    case 'nothing-due':
      return new Date(now.getTime() + NOTHING_DUE_RECHECK_MS);
    case 'night':
    case 'too-soon':
      return decision.nextCheckAt ? new Date(Math.max(Date.parse(decision.nextCheckAt), now.getTime())) : new Date(now.getTime() + MINUTE_MS);
  }
}

/** How an opened page ended. */
export type PageOutcome =
  /** Its capture arrived and was stored. */
  | 'captured'
  /** The content script said no reader knows the page (a removed listing, a changed address). */
  | 'not-recognised'
  /** Nothing arrived in PAGE_TIMEOUT_MS. */
  | 'timeout'
  /** The tab could not be opened. */
  | 'open-failed'
  /** The operator closed the tab or switched to it (then it is theirs: left open). */
  | 'taken-over'
  /** Risk control: refresh stopped. */
  | 'risk';

/** What the refresh did last, for the options page and the panel (a settings row, ./store.ts). */
export interface RefreshStatus {
  lastPageAt?: string;
  lastKey?: string;
  lastUrl?: string;
  lastOutcome?: PageOutcome;
  lastOutcomeAt?: string;
  /** Opened pages in a row that gave no figures (reset by a capture). */
  pagesWithoutFigures: number;
}

export const REFRESH_STATUS_KEY = 'watch.refresh.status';
export const EMPTY_REFRESH_STATUS: RefreshStatus = { pagesWithoutFigures: 0 };

/** The status after an opened page ended; a page without figures counts towards MAX_PAGES_WITHOUT_FIGURES. */
export function afterPage(status: RefreshStatus, outcome: PageOutcome, now: Date): RefreshStatus {
  const noFigures = outcome === 'not-recognised' || outcome === 'timeout';
  return {
    ...status,
    lastOutcome: outcome,
    lastOutcomeAt: now.toISOString(),
    pagesWithoutFigures: outcome === 'captured' ? 0 : noFigures ? status.pagesWithoutFigures + 1 : status.pagesWithoutFigures,
  };
}

/** True when the pages without figures in a row are enough to stop. */
export function tooManyPagesWithoutFigures(status: RefreshStatus): boolean {
  return status.pagesWithoutFigures >= MAX_PAGES_WITHOUT_FIGURES;
}
