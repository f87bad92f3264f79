/**
 * The background refresh setting (lib/watch/refresh.ts): off by default; when on, watched public
 * listing pages marked for it are reopened in a background tab, at most one page per minute,
 * none during the quiet hours (22:00–08:00 China time), stopping at the first sign of risk
 * control. Kept in the database's `settings` table (REFRESH_SETTINGS_KEY), written only by the
 * background (the options page and the panel ask with the `refresh:settings` message), and read
 * by the options page and the panel with useLiveQuery. The background's account of what it did
 * last is a second row (REFRESH_STATUS_KEY).
 *
 * A stored row is input like any other (a restored backup, an older build): every read is
 * validated with zod field by field, and a bad field falls back to its default. Two things never
 * come from storage: the pacing floor (at least one minute between pages, lib/watch/refresh.ts
 * enforces it whatever is stored) and the quiet hours, which are fixed here, not settable.
 */
import { z } from 'zod';
import type { ShopLensDb } from '../db/schema';
import { RISK_KINDS } from '../watch/risk-signs';
import {
  DEFAULT_REFRESH_SETTINGS,
  EMPTY_REFRESH_STATUS,
  REFRESH_SETTINGS_KEY,
  REFRESH_STATUS_KEY,
  type PageOutcome,
  type RefreshSettings,
  type RefreshStatus,
} from '../watch/refresh';

export { DEFAULT_REFRESH_SETTINGS, REFRESH_SETTINGS_KEY, REFRESH_STATUS_KEY };

/** The quiet hours, China time (fixed: the operator's explanation states them). */
export const QUIET_HOURS = { from: DEFAULT_REFRESH_SETTINGS.quietFrom, until: DEFAULT_REFRESH_SETTINGS.quietUntil } as const;

/** Bounds of the two settable numbers (the panel message schema uses the same). */
export const MINUTES_BETWEEN_PAGES = { min: 1, max: 24 * 60 } as const;
export const HOURS_PER_PAGE = { min: 1, max: 24 * 30 } as const;

const isoDateTime = z.string().datetime({ offset: true });

const stoppedSchema = z.object({
  at: isoDateTime,
  kind: z.enum(RISK_KINDS),
  evidence: z.string().max(200),
  url: z.string().max(2048),
});

const OUTCOMES = ['captured', 'not-recognised', 'timeout', 'open-failed', 'taken-over', 'risk'] as const satisfies readonly PageOutcome[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whatever the settings row held, as valid settings: each bad or missing field is its default; quiet hours are always the fixed ones. */
export function parseRefreshSettings(raw: unknown): RefreshSettings {
  const stored = isPlainObject(raw) ? raw : {};
  const settings: RefreshSettings = { ...DEFAULT_REFRESH_SETTINGS };
  if (typeof stored.enabled === 'boolean') settings.enabled = stored.enabled;
  const minutes = z.number().int().min(MINUTES_BETWEEN_PAGES.min).max(MINUTES_BETWEEN_PAGES.max).safeParse(stored.minutesBetweenPages);
  if (minutes.success) settings.minutesBetweenPages = minutes.data;
  const hours = z.number().int().min(HOURS_PER_PAGE.min).max(HOURS_PER_PAGE.max).safeParse(stored.hoursPerPage);
  if (hours.success) settings.hoursPerPage = hours.data;
  const stopped = stoppedSchema.safeParse(stored.stopped);
  if (stopped.success) {
    settings.stopped = stopped.data;
    // A stop is a stop: a row that says both "stopped" and "on" reads as off.
    settings.enabled = false;
  }
  return settings;
}

/** Whatever the status row held, as a valid status (bad fields dropped). */
export function parseRefreshStatus(raw: unknown): RefreshStatus {
  if (!isPlainObject(raw)) return { ...EMPTY_REFRESH_STATUS };
  const status: RefreshStatus = { ...EMPTY_REFRESH_STATUS };
  const at = (value: unknown) => {
    const parsed = isoDateTime.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const lastPageAt = at(raw.lastPageAt);
  if (lastPageAt) status.lastPageAt = lastPageAt;
  if (typeof raw.lastKey === 'string' && raw.lastKey.length <= 2200) status.lastKey = raw.lastKey;
  if (typeof raw.lastUrl === 'string' && raw.lastUrl.length <= 2048) status.lastUrl = raw.lastUrl;
  if (typeof raw.lastOutcome === 'string' && (OUTCOMES as readonly string[]).includes(raw.lastOutcome)) status.lastOutcome = raw.lastOutcome as PageOutcome;
  const lastOutcomeAt = at(raw.lastOutcomeAt);
  if (lastOutcomeAt) status.lastOutcomeAt = lastOutcomeAt;
  const count = z.number().int().min(0).max(1000).safeParse(raw.pagesWithoutFigures);
  if (count.success) status.pagesWithoutFigures = count.data;
  return status;
}

/** The refresh settings, validated, defaults filled in. Safe inside liveQuery (Dexie work only). */
export async function readRefreshSettings(db: ShopLensDb): Promise<RefreshSettings> {
  return parseRefreshSettings((await db.settings.get(REFRESH_SETTINGS_KEY))?.value);
}

export async function readRefreshStatus(db: ShopLensDb): Promise<RefreshStatus> {
  return parseRefreshStatus((await db.settings.get(REFRESH_STATUS_KEY))?.value);
}
