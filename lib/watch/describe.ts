/**
 * An alert in words, for the notification and the panel's alert list. A change between bounds
 * says "at least": the figure is the change certain from what the pages showed.
 */
import { t, type Lang } from '../i18n';
import { formatRatio, formatValue } from '../i18n/format';
import { trendMetricName } from '../trends/names';
import type { AlertRow, AlertValue } from './types';

export interface AlertText {
  title: string;
  body: string;
}

function valueText(value: AlertValue, unit: Parameters<typeof formatValue>[1], lang: Lang): string {
  const options: { bound: AlertValue['bound']; max?: number } = { bound: value.bound };
  if (value.max !== undefined && unit !== 'yuan') options.max = value.max;
  return formatValue(value.value, unit, lang, options);
}

export function describeAlert(row: AlertRow, lang: Lang): AlertText {
  const colon = lang === 'zh' ? '：' : ': ';
  const who = row.watchName || row.watchKey;
  const alert = row.alert;
  switch (alert.type) {
    case 'change': {
      const metric = trendMetricName(alert.metric, lang);
      let change = alert.ratio !== null ? formatRatio(alert.ratio) : formatValue(alert.amount, alert.unit, lang);
      if (alert.from.bound !== 'exact' || alert.to.bound !== 'exact') change = t('alert.atLeast', lang, { change });
      const title = alert.direction === 'up' ? t('alert.change.up', lang, { metric, change }) : t('alert.change.down', lang, { metric, change });
      const from = valueText(alert.from, alert.unit, lang);
      const to = valueText(alert.to, alert.unit, lang);
      const days = alert.from.day === alert.to.day ? alert.to.day : `${alert.from.day} → ${alert.to.day}`;
      return { title, body: `${who}${colon}${from} → ${to} (${days})` };
    }
    case 'title':
      return { title: t('alert.title', lang), body: `${who}${colon}${alert.from} → ${alert.to}` };
    case 'stock':
      return { title: alert.state === 'out' ? t('alert.stock.out', lang) : t('alert.stock.back', lang), body: `${who}${alert.text ? `${colon}${alert.text}` : ''}` };
    case 'newListing':
      return { title: t('alert.newListing', lang), body: `${who}${colon}${alert.title || alert.itemId}` };
  }
}
