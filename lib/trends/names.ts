/** Names of the figures a trend can show: canonical metrics (lib/metrics) and market figures. */
import { metricName, priceKindName, t, type Lang } from '../i18n';
import type { SeriesPriceKind, TrendSeries } from './series';

export function trendMetricName(metric: string, lang: Lang): string {
  switch (metric) {
    case 'medianPrice':
      return t('trends.market.medianPrice', lang);
    case 'lowerQuartilePrice':
      return t('trends.market.lowerQuartilePrice', lang);
    case 'upperQuartilePrice':
      return t('trends.market.upperQuartilePrice', lang);
    case 'minPrice':
      return t('trends.market.minPrice', lang);
    case 'maxPrice':
      return t('trends.market.maxPrice', lang);
    case 'listings':
      return t('trends.market.listings', lang);
    default:
      return metricName(metric, lang) ?? metric;
  }
}

/** A price series' kind in words: the listing price kind, or "kind unknown" for rows stored without one. */
export function seriesPriceKindName(kind: SeriesPriceKind, lang: Lang): string {
  return kind === 'unknown' ? t('trends.priceKind.unknown', lang) : priceKindName(kind, lang);
}

/** What a series shows: its figure, and for a price series which price (`价格 · 券后价`). */
export function seriesName(series: Pick<TrendSeries, 'metric' | 'priceKind'>, lang: Lang): string {
  const name = trendMetricName(series.metric, lang);
  return series.priceKind === undefined ? name : t('trends.priceKind.line', lang, { metric: name, kind: seriesPriceKindName(series.priceKind, lang) });
}
