/**
 * A series as CSV (lib/export/csv.ts: RFC 4180, UTF-8 BOM for Excel): one row per observed
 * day, the value written in full (never 万-shortened or rounded) so the numbers read back
 * exactly. Days never observed have no row; lower bounds and estimates are said in their own
 * columns, so a `10万+` never passes for an exact 100000.
 */
import { toCsv, type CsvValue } from '../export/csv';
import { t, unitName, type Lang } from '../i18n';
import { seriesName } from './names';
import type { TrendSeries } from './series';

export function seriesCsvRows(series: TrendSeries, lang: Lang): CsvValue[][] {
  const header = [
    t('trends.csv.day', lang),
    t('trends.csv.metric', lang),
    t('trends.csv.value', lang),
    t('trends.csv.max', lang),
    t('trends.csv.unit', lang),
    t('trends.csv.note', lang),
    t('trends.csv.capturedAt', lang),
  ];
  // A price series says which price it is (券后价 …): kinds are never one series.
  const name = seriesName(series, lang);
  const unit = unitName(series.unit, lang);
  const rows: CsvValue[][] = [header];
  for (const point of series.points) {
    const notes: string[] = [];
    if (point.bound === 'atLeast') notes.push(t('trends.point.atLeast', lang));
    if (point.estimated) notes.push(t('trends.point.estimated', lang));
    rows.push([point.day, name, point.value, point.max, unit, notes.join(lang === 'zh' ? '；' : '; '), point.capturedAt]);
  }
  return rows;
}

export function seriesCsv(series: TrendSeries, lang: Lang): string {
  return toCsv(seriesCsvRows(series, lang));
}

/** A file name for a series export: letters, digits, dashes only. */
export function exportFileName(entityKey: string, metric: string, extension: 'csv' | 'png', day?: string): string {
  const safe = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `shoplens-${safe(entityKey)}-${safe(metric)}${day ? `-${day}` : ''}.${extension}`;
}
