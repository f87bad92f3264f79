/** Hand-built captures, readings and histories for the diagnostics tests. */
import type { Capture, ItemRow, MetricReading, Period } from '../../../lib/capture/schema';
import type { ObservationRow } from '../../../lib/db/schema';
import { metricDefinition } from '../../../lib/metrics';

/** A page reading of a metric with its canonical unit and first label unless given. */
export function reading(metric: string, value: number, extra: Partial<MetricReading> = {}): MetricReading {
  const def = metricDefinition(metric);
  if (!def) throw new Error(`unknown metric ${metric}`);
  const label = def.labels.common?.[0] ?? Object.values(def.labels).flat()[0] ?? metric;
  return { metric, label, value, unit: def.unit, bound: 'exact', ...extra };
}

export function capture(overrides: Partial<Capture> = {}): Capture {
  return {
    platform: 'taobao',
    pageKind: 'dashboard',
    url: 'https://sycm.taobao.com/portal/home.htm',
    capturedAt: '2026-11-22T01:00:00.000Z', // 09:00 in Shanghai
    adapter: { id: 'taobao/sycm-home', version: 1 },
    period: { label: '昨日', start: '2026-11-21', end: '2026-11-21' },
    shop: { id: '1001', name: '某某旗舰店' },
    metrics: [],
    listing: null,
    results: null,
    items: null,
    issues: [],
    ...overrides,
  };
}

export const SHOP_KEY = 'taobao:shop:1001';

export function item(itemId: string | undefined, metrics: MetricReading[], extra: Partial<ItemRow> = {}): ItemRow {
  return { ...(itemId ? { itemId } : {}), title: itemId ? `商品${itemId}` : undefined, metrics, ...extra };
}

const DAY_MS = 24 * 3600 * 1000;

export function isoDay(base: string, offset: number): string {
  return new Date(Date.parse(`${base}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
}

export function periodKey(period: Period): string {
  return `${period.label}|${period.start ?? ''}|${period.end ?? ''}`;
}

/** One observation row per value, on consecutive days ending the day before `lastDay` + 1. */
export function dailyHistory(
  entityKey: string,
  metric: string,
  values: readonly (number | null)[],
  lastDay: string,
  options: { unit?: ObservationRow['unit']; periodLabel?: string } = {},
): ObservationRow[] {
  const unit = options.unit ?? metricDefinition(metric)?.unit ?? 'count';
  const rows: ObservationRow[] = [];
  values.forEach((value, i) => {
    if (value === null) return; // a day never observed
    const day = isoDay(lastDay, i - (values.length - 1));
    const capturedAt = `${isoDay(day, 1)}T01:00:00.000Z`;
    rows.push({
      id: `${entityKey}|${metric}|${capturedAt}`,
      entityKey,
      metric,
      captureId: `${entityKey}@${capturedAt}`,
      capturedAt,
      periodKey: periodKey({ label: options.periodLabel ?? '昨日', start: day, end: day }),
      day,
      value,
      unit,
      bound: 'exact',
    });
  });
  return rows;
}

/** A multi-day period row ending on `day`. */
export function periodRow(entityKey: string, metric: string, value: number, label: string, start: string, day: string): ObservationRow {
  const capturedAt = `${isoDay(day, 1)}T02:00:00.000Z`;
  return {
    id: `${entityKey}|${metric}|${capturedAt}`,
    entityKey,
    metric,
    captureId: `${entityKey}@${capturedAt}`,
    capturedAt,
    periodKey: periodKey({ label, start, end: day }),
    day,
    value,
    unit: metricDefinition(metric)?.unit ?? 'count',
    bound: 'exact',
  };
}
