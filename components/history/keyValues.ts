/**
 * The few values a history row shows so the operator sees what moved: for a listing its
 * price (with kind: a coupon price and a list price are not the same figure) and sales; for
 * figures, the first metrics of the current capture that the snapshot also has, so rows
 * line up with what is on screen.
 */
import type { Capture } from '../../lib/capture/schema';
import { formatCount, formatPrice, formatValue } from '../../lib/i18n/format';
import { metricName, priceKindName, type Lang } from '../../lib/i18n';

export interface KeyValue {
  metric: string;
  name: string;
  text: string;
}

export const KEY_VALUES_PER_SNAPSHOT = 3;

export function keyValues(snapshot: Capture, current: Capture, lang: Lang): KeyValue[] {
  const values: KeyValue[] = [];
  const listing = snapshot.listing;
  if (listing?.price) {
    values.push({
      metric: 'price',
      name: metricName('price', lang) ?? 'price',
      text: `${formatPrice(listing.price.min, listing.price.max, lang)} ${priceKindName(listing.price.kind, lang)}`,
    });
  }
  if (listing?.sales) {
    values.push({
      metric: 'sales',
      name: metricName('sales', lang) ?? 'sales',
      text: formatCount(listing.sales.value, lang, listing.sales.bound),
    });
  }

  const byMetric = new Map(snapshot.metrics.map((reading) => [reading.metric, reading]));
  const shared = current.metrics.map((reading) => reading.metric).filter((metric) => byMetric.has(metric));
  const order = shared.length > 0 ? shared : snapshot.metrics.map((reading) => reading.metric);
  for (const metric of new Set(order)) {
    if (values.length >= KEY_VALUES_PER_SNAPSHOT) break;
    const reading = byMetric.get(metric);
    if (!reading) continue;
    values.push({
      metric,
      name: metricName(metric, lang) ?? reading.label,
      text: formatValue(reading.value, reading.unit, lang, { bound: reading.bound, max: reading.max }),
    });
  }
  return values.slice(0, KEY_VALUES_PER_SNAPSHOT);
}
