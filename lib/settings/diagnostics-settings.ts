/**
 * The operator's diagnostics settings, per shop: gross margin (break-even ROI), daily ad budget
 * (spend pacing), restock lead time and custom benchmarks. Kept in `browser.storage.local` under
 * one key (DIAGNOSTICS_SETTINGS_KEY) as `{ version: 1, shops: { <shop entity key>: {...} } }`.
 *
 * Storage can hold anything (an older version, a hand edit, another extension build), so every
 * read is validated with zod, field by field: a bad benchmark drops that benchmark, not the
 * shop's margin. Values are kept in the engine's units: margin as a fraction (0.35), money in
 * yuan, ratios as fractions; the form converts percentages.
 */
import { z } from 'zod';
import type { CustomBenchmark, DiagnosticsSettings } from '../diagnostics/types';
import { metricDefinition } from '../metrics';
import { DIAGNOSTICS_SETTINGS_KEY } from './keys';

export { DIAGNOSTICS_SETTINGS_KEY };

export const SETTINGS_VERSION = 1;
/** More shops than any operator runs; bounds what one read can cost. */
const MAX_SHOPS = 200;
const MAX_BENCHMARKS = 60;

const finite = z.number().finite();

export const grossMarginSchema = finite.gt(0).lte(1);
export const dailyAdBudgetSchema = finite.positive().max(1e9);
export const restockLeadDaysSchema = z.number().int().positive().max(365);
export const customBenchmarkSchema = z
  .object({
    low: finite.nonnegative(),
    high: finite.nonnegative().optional(),
    note: z.string().max(200).optional(),
  })
  .refine((b) => b.high === undefined || b.high >= b.low, { message: 'high is below low' });

export type ShopSettings = DiagnosticsSettings;

export interface StoredDiagnosticsSettings {
  version: typeof SETTINGS_VERSION;
  /** Keyed by shop entity key (`taobao:shop:1001`, lib/db/store.ts `entityOf`). */
  shops: Record<string, ShopSettings>;
}

export function emptySettings(): StoredDiagnosticsSettings {
  return { version: SETTINGS_VERSION, shops: {} };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys that would reach an object's prototype if assigned naively. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function parseBenchmarks(raw: unknown): Record<string, CustomBenchmark> | undefined {
  if (!isPlainObject(raw)) return undefined;
  const kept: [string, CustomBenchmark][] = [];
  for (const [metric, value] of Object.entries(raw)) {
    if (kept.length >= MAX_BENCHMARKS) break;
    if (UNSAFE_KEYS.has(metric) || !metricDefinition(metric)) continue;
    const parsed = customBenchmarkSchema.safeParse(value);
    if (!parsed.success) continue;
    const benchmark: CustomBenchmark = { low: parsed.data.low };
    if (parsed.data.high !== undefined) benchmark.high = parsed.data.high;
    if (parsed.data.note !== undefined) benchmark.note = parsed.data.note;
    kept.push([metric, benchmark]);
  }
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** One shop's settings, keeping every field that is valid on its own; undefined when none is. */
export function parseShopSettings(raw: unknown): ShopSettings | undefined {
  if (!isPlainObject(raw)) return undefined;
  const settings: { -readonly [K in keyof ShopSettings]: ShopSettings[K] } = {};
  const margin = grossMarginSchema.safeParse(raw.grossMargin);
  if (margin.success) settings.grossMargin = margin.data;
  const budget = dailyAdBudgetSchema.safeParse(raw.dailyAdBudget);
  if (budget.success) settings.dailyAdBudget = budget.data;
  const lead = restockLeadDaysSchema.safeParse(raw.restockLeadDays);
  if (lead.success) settings.restockLeadDays = lead.data;
  const benchmarks = parseBenchmarks(raw.benchmarks);
  if (benchmarks) settings.benchmarks = benchmarks;
  return Object.keys(settings).length > 0 ? settings : undefined;
}

/** Whatever storage held, as valid settings (unknown versions and shapes read as empty). */
export function parseDiagnosticsSettings(raw: unknown): StoredDiagnosticsSettings {
  if (!isPlainObject(raw) || raw.version !== SETTINGS_VERSION || !isPlainObject(raw.shops)) return emptySettings();
  const shops: [string, ShopSettings][] = [];
  for (const [shopKey, value] of Object.entries(raw.shops)) {
    if (shops.length >= MAX_SHOPS) break;
    if (UNSAFE_KEYS.has(shopKey) || shopKey.length === 0 || shopKey.length > 200) continue;
    const settings = parseShopSettings(value);
    if (settings) shops.push([shopKey, settings]);
  }
  return { version: SETTINGS_VERSION, shops: Object.fromEntries(shops) };
}

/** The slice of `browser.storage.local` used here, so tests and other callers can pass their own. */
export interface StorageAreaLike {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function readDiagnosticsSettings(area: StorageAreaLike): Promise<StoredDiagnosticsSettings> {
  try {
    const stored = await area.get(DIAGNOSTICS_SETTINGS_KEY);
    return parseDiagnosticsSettings(stored[DIAGNOSTICS_SETTINGS_KEY]);
  } catch {
    // Storage unavailable: diagnose with defaults rather than not at all.
    return emptySettings();
  }
}

export function settingsForShop(all: StoredDiagnosticsSettings, shopKey: string | undefined): ShopSettings | undefined {
  if (!shopKey || UNSAFE_KEYS.has(shopKey) || !Object.hasOwn(all.shops, shopKey)) return undefined;
  return all.shops[shopKey];
}

/**
 * Stores one shop's settings (validated: invalid fields are dropped, not stored); `undefined` or
 * empty settings remove the shop's entry. Returns what was stored for the shop.
 */
export async function saveShopSettings(area: StorageAreaLike, shopKey: string, settings: ShopSettings | undefined): Promise<ShopSettings | undefined> {
  if (UNSAFE_KEYS.has(shopKey) || shopKey.length === 0 || shopKey.length > 200) throw new Error(`not a shop key: ${shopKey.slice(0, 60)}`);
  const all = await readDiagnosticsSettings(area);
  const clean = parseShopSettings(settings);
  const shops = Object.fromEntries(Object.entries(all.shops).filter(([key]) => key !== shopKey));
  if (clean) shops[shopKey] = clean;
  await area.set({ [DIAGNOSTICS_SETTINGS_KEY]: { version: SETTINGS_VERSION, shops } });
  return clean;
}
