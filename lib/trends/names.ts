/** Names of the figures a trend can show: canonical metrics (lib/metrics) and market figures. */
import { metricName, t, type Lang } from '../i18n';

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
