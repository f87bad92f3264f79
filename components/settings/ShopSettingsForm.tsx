/**
 * One shop's diagnostics settings: gross margin (break-even ROI), daily ad budget (spend
 * pacing), restock lead time (stock cover) and the operator's own benchmarks. The operator types
 * percentages; lib/settings/diagnostics-settings.ts stores fractions and validates again on save
 * and on every read. Usable in the side panel and in the options page.
 *
 * Stable hooks (data-testid): shop-settings, settings-gross-margin, settings-ad-budget,
 * settings-lead-days, settings-benchmark (data-metric), settings-benchmark-metric,
 * settings-benchmark-low, settings-benchmark-high, settings-benchmark-add,
 * settings-benchmark-remove, settings-save, settings-status (data-status = saved | invalid | failed).
 */
import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import type { Unit } from '../../lib/capture/schema';
import type { CustomBenchmark } from '../../lib/diagnostics/types';
import type { Lang } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';
import { METRIC_DEFINITIONS, metricDefinition } from '../../lib/metrics';
import {
  dailyAdBudgetSchema,
  grossMarginSchema,
  restockLeadDaysSchema,
  saveShopSettings,
  type ShopSettings,
} from '../../lib/settings/diagnostics-settings';
import './settings.css';

/** Metrics a benchmark can be set for: everything but the platforms' relative indexes. */
const BENCHMARK_METRICS = (METRIC_DEFINITIONS as readonly { id: string; unit: Unit; name: { zh: string; en: string } }[]).filter(
  (def) => def.unit !== 'index',
);

interface BenchmarkDraft {
  key: number;
  metric: string;
  low: string;
  high: string;
}

interface Draft {
  grossMargin: string;
  dailyAdBudget: string;
  restockLeadDays: string;
  benchmarks: BenchmarkDraft[];
}

/** Ratios are typed as percentages: 35 for 0.35. */
function shownScale(metric: string): number {
  return metricDefinition(metric)?.unit === 'ratio' ? 100 : 1;
}

function show(value: number | undefined, scale = 1): string {
  return value === undefined ? '' : String(Number((value * scale).toPrecision(12)));
}

let nextKey = 1;

export function draftOf(settings: ShopSettings | undefined): Draft {
  return {
    grossMargin: show(settings?.grossMargin, 100),
    dailyAdBudget: show(settings?.dailyAdBudget),
    restockLeadDays: show(settings?.restockLeadDays),
    benchmarks: Object.entries(settings?.benchmarks ?? {}).map(([metric, b]) => ({
      key: nextKey++,
      metric,
      low: show(b.low, shownScale(metric)),
      high: show(b.high, shownScale(metric)),
    })),
  };
}

type Problem = { field: string; reason: 'number' | 'range' | 'order' };

/** A typed number: '' is "not set"; full-width digits and thousands separators are accepted. */
function parseNumber(text: string): number | null | undefined {
  const clean = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (clean === '') return undefined;
  const value = Number(clean);
  return Number.isFinite(value) ? value : null;
}

/** The settings a draft describes, or the problems that keep it from being saved. */
export function settingsOfDraft(draft: Draft, lang: Lang, labels: { margin: string; budget: string; lead: string }): { settings: ShopSettings; problems: Problem[] } {
  const problems: Problem[] = [];
  const settings: { -readonly [K in keyof ShopSettings]: ShopSettings[K] } = {};

  const field = <T,>(text: string, name: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, scale = 1): T | undefined => {
    const value = parseNumber(text);
    if (value === undefined) return undefined;
    if (value === null) {
      problems.push({ field: name, reason: 'number' });
      return undefined;
    }
    const parsed = schema.safeParse(value / scale);
    if (!parsed.success) {
      problems.push({ field: name, reason: 'range' });
      return undefined;
    }
    return parsed.data;
  };

  const margin = field(draft.grossMargin, labels.margin, grossMarginSchema, 100);
  if (margin !== undefined) settings.grossMargin = margin;
  const budget = field(draft.dailyAdBudget, labels.budget, dailyAdBudgetSchema);
  if (budget !== undefined) settings.dailyAdBudget = budget;
  const lead = field(draft.restockLeadDays, labels.lead, restockLeadDaysSchema);
  if (lead !== undefined) settings.restockLeadDays = lead;

  const benchmarks: Record<string, CustomBenchmark> = {};
  for (const row of draft.benchmarks) {
    const def = metricDefinition(row.metric);
    if (!def) continue;
    const name = def.name[lang];
    const scale = shownScale(row.metric);
    const low = parseNumber(row.low);
    const high = parseNumber(row.high);
    if (low === undefined && high === undefined) continue; // an empty row is no benchmark
    if (low === undefined || low === null || high === null) {
      problems.push({ field: name, reason: 'number' });
      continue;
    }
    if (low < 0 || (high !== undefined && high < 0)) {
      problems.push({ field: name, reason: 'range' });
      continue;
    }
    if (high !== undefined && high < low) {
      problems.push({ field: name, reason: 'order' });
      continue;
    }
    benchmarks[row.metric] = { low: low / scale, ...(high !== undefined ? { high: high / scale } : {}) };
  }
  if (Object.keys(benchmarks).length > 0) settings.benchmarks = benchmarks;
  return { settings, problems };
}

const REASON_KEYS = {
  number: 'settings.invalid.number',
  range: 'settings.invalid.range',
  order: 'settings.invalid.order',
} as const;

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'invalid'; problems: Problem[] } | { kind: 'failed'; reason: string };

export interface ShopSettingsFormProps {
  /** The shop's entity key (`taobao:shop:1001`): what the settings are stored under. */
  shopKey: string;
  /** The shop's name as pages show it, for the heading. */
  shopName?: string;
  /** What is stored now (re-mount with a new `key` to reset the form after an outside change). */
  current: ShopSettings | undefined;
}

export function ShopSettingsForm({ shopKey, shopName, current }: ShopSettingsFormProps) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const labels = { margin: t('settings.grossMargin'), budget: t('settings.dailyAdBudget'), lead: t('settings.restockLeadDays') };

  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus({ kind: 'idle' });
  };
  const updateBenchmark = (key: number, patch: Partial<BenchmarkDraft>) =>
    update({ benchmarks: draft.benchmarks.map((b) => (b.key === key ? { ...b, ...patch } : b)) });
  const unusedMetric = BENCHMARK_METRICS.find((def) => !draft.benchmarks.some((b) => b.metric === def.id))?.id;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { settings, problems } = settingsOfDraft(draft, lang, labels);
    if (problems.length > 0) {
      setStatus({ kind: 'invalid', problems });
      return;
    }
    saveShopSettings(browser.storage.local, shopKey, settings).then(
      () => setStatus({ kind: 'saved' }),
      (error: unknown) => setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <form className="shop-settings" data-testid="shop-settings" onSubmit={onSubmit} noValidate>
      <p className="muted">{t('settings.shopIntro', { shop: shopName || shopKey })}</p>
      <label className="settings-field">
        <span>{t('settings.grossMargin')}</span>
        <input
          inputMode="decimal"
          data-testid="settings-gross-margin"
          value={draft.grossMargin}
          onChange={(e) => update({ grossMargin: e.currentTarget.value })}
        />
        <small className="muted">{t('settings.grossMarginHint')}</small>
      </label>
      <label className="settings-field">
        <span>{t('settings.dailyAdBudget')}</span>
        <input
          inputMode="decimal"
          data-testid="settings-ad-budget"
          value={draft.dailyAdBudget}
          onChange={(e) => update({ dailyAdBudget: e.currentTarget.value })}
        />
      </label>
      <label className="settings-field">
        <span>{t('settings.restockLeadDays')}</span>
        <input
          inputMode="numeric"
          data-testid="settings-lead-days"
          value={draft.restockLeadDays}
          onChange={(e) => update({ restockLeadDays: e.currentTarget.value })}
        />
      </label>

      <fieldset className="settings-benchmarks">
        <legend>{t('settings.benchmarks')}</legend>
        <p className="muted">{t('settings.benchmarksHint')}</p>
        {draft.benchmarks.map((row) => (
          <div className="settings-benchmark" key={row.key} data-testid="settings-benchmark" data-metric={row.metric}>
            <select
              aria-label={t('settings.benchmarkMetric')}
              data-testid="settings-benchmark-metric"
              value={row.metric}
              onChange={(e) => updateBenchmark(row.key, { metric: e.currentTarget.value })}
            >
              {BENCHMARK_METRICS.map((def) => (
                <option key={def.id} value={def.id} disabled={def.id !== row.metric && draft.benchmarks.some((b) => b.metric === def.id)}>
                  {def.name[lang]}
                  {def.unit === 'ratio' ? ' (%)' : ''}
                </option>
              ))}
            </select>
            <input
              aria-label={t('settings.benchmarkLow')}
              placeholder={t('settings.benchmarkLow')}
              inputMode="decimal"
              data-testid="settings-benchmark-low"
              value={row.low}
              onChange={(e) => updateBenchmark(row.key, { low: e.currentTarget.value })}
            />
            <input
              aria-label={t('settings.benchmarkHigh')}
              placeholder={t('settings.benchmarkHigh')}
              inputMode="decimal"
              data-testid="settings-benchmark-high"
              value={row.high}
              onChange={(e) => updateBenchmark(row.key, { high: e.currentTarget.value })}
            />
            <button
              type="button"
              data-testid="settings-benchmark-remove"
              onClick={() => update({ benchmarks: draft.benchmarks.filter((b) => b.key !== row.key) })}
            >
              {t('settings.benchmarkRemove')}
            </button>
          </div>
        ))}
        {unusedMetric ? (
          <button
            type="button"
            data-testid="settings-benchmark-add"
            onClick={() => update({ benchmarks: [...draft.benchmarks, { key: nextKey++, metric: unusedMetric, low: '', high: '' }] })}
          >
            {t('settings.benchmarkAdd')}
          </button>
        ) : null}
      </fieldset>

      <div className="settings-actions">
        <button type="submit" data-testid="settings-save">
          {t('settings.save')}
        </button>
        {status.kind === 'saved' ? (
          <span className="settings-status" data-testid="settings-status" data-status="saved" role="status">
            {t('settings.saved')}
          </span>
        ) : null}
        {status.kind === 'failed' ? (
          <span className="settings-status is-error" data-testid="settings-status" data-status="failed" role="alert">
            {t('settings.saveFailed', { reason: status.reason })}
          </span>
        ) : null}
        {status.kind === 'invalid' ? (
          <ul className="settings-status is-error" data-testid="settings-status" data-status="invalid" role="alert">
            {status.problems.map((p, i) => (
              <li key={i}>{t('settings.invalid', { field: p.field, reason: t(REASON_KEYS[p.reason]) })}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
