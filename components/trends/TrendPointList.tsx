/**
 * The series as text: each observed day with its value, and each run of days not observed, in
 * day order. Compact on screen, complete for screen readers and tests.
 *
 * Stable hooks: `trend-point-list`; each day `trend-point` with data-day, data-value (the
 * stored number), data-bound, data-estimated; each gap `trend-gap` with data-from, data-to.
 */
import type { Unit } from '../../lib/capture/schema';
import { formatPrice, formatValue } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/react';
import { seriesEntries, type TrendPoint, type TrendSeries } from '../../lib/trends/series';

export function pointText(point: TrendPoint, unit: Unit, metric: string, lang: 'zh' | 'en'): string {
  if (metric === 'price' && unit === 'yuan' && point.bound === 'exact') return formatPrice(point.value, point.max, lang);
  const options: { bound: TrendPoint['bound']; max?: number } = { bound: point.bound };
  if (point.max !== undefined) options.max = point.max;
  return formatValue(point.value, unit, lang, options);
}

export function TrendPointList({ series, label }: { series: TrendSeries; label: string }) {
  const { t, lang } = useI18n();
  return (
    <ol className="trend-points" data-testid="trend-point-list" aria-label={label}>
      {seriesEntries(series).map((entry) =>
        entry.kind === 'point' ? (
          <li
            key={entry.point.day}
            data-testid="trend-point"
            data-day={entry.point.day}
            data-value={entry.point.value}
            data-bound={entry.point.bound}
            data-estimated={entry.point.estimated ? 'true' : 'false'}
          >
            <time dateTime={entry.point.day}>{entry.point.day}</time>{' '}
            <span className="trend-point-value">{pointText(entry.point, series.unit, series.metric, lang)}</span>
            {entry.point.bound === 'atLeast' ? <span className="trend-flag"> · {t('trends.point.atLeast')}</span> : null}
            {entry.point.estimated ? <span className="trend-flag"> · {t('trends.point.estimated')}</span> : null}
          </li>
        ) : (
          <li key={`gap-${entry.gap.from}`} className="trend-gap" data-testid="trend-gap" data-from={entry.gap.from} data-to={entry.gap.to}>
            {entry.gap.from === entry.gap.to ? t('trends.gapDay', { day: entry.gap.from }) : t('trends.gap', { from: entry.gap.from, to: entry.gap.to })}
          </li>
        ),
      )}
    </ol>
  );
}
