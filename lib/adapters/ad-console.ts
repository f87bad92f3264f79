/**
 * Ad consoles (京准通, 巨量千川) label the sales and orders the ads brought with the shop's own words
 * (成交金额, 成交订单数 …), which the metric registry reads as the shop's payAmount and orders. On
 * these pages every figure is about paid traffic, so those become the ad metrics, as the Taobao
 * and PDD ad reports give them directly (总成交金额, 交易额 → adSales): one id means one thing on
 * every platform, and ad figures never enter the shop's sales series.
 *
 * Content-script code: type imports only.
 */
import type { CaptureIssue, MetricReading } from '../capture/schema';
import type { Extracted } from './types';

/** The shop's metric id → the ad metric it is on an ad console (same unit). */
export const AD_CONSOLE_METRICS: Readonly<Record<string, string>> = {
  payAmount: 'adSales',
  orders: 'adOrders',
};

function asAdMetric(id: string): string {
  return AD_CONSOLE_METRICS[id] ?? id;
}

function renameField(issue: CaptureIssue): CaptureIssue {
  const metric = /^metrics\.(\w+)$/.exec(issue.field)?.[1];
  return metric && AD_CONSOLE_METRICS[metric] ? { ...issue, field: `metrics.${asAdMetric(metric)}` } : issue;
}

/**
 * An ad console's capture with the shop's sales and orders read as the ads' (AD_CONSOLE_METRICS).
 * When the page also shows the ad metric under its own label (总订单金额 beside 成交金额), the two
 * are one figure shown twice: kept when they agree, neither when they differ.
 */
export function asAdConsoleFigures(extracted: Extracted): Extracted {
  const metrics: MetricReading[] = [];
  const issues = extracted.issues.map(renameField);
  const dropped = new Set<string>();
  for (const reading of extracted.metrics) {
    const metric = asAdMetric(reading.metric);
    const renamed: MetricReading = metric === reading.metric ? reading : { ...reading, metric };
    const same = metrics.find((known) => known.metric === metric);
    if (!same) {
      metrics.push(renamed);
      continue;
    }
    if (same.value === renamed.value && same.max === renamed.max && same.bound === renamed.bound) continue;
    dropped.add(metric);
    issues.push({
      field: `metrics.${metric}`,
      problem: `shown with different values ('${same.label}' ${same.value}, '${renamed.label}' ${renamed.value}): none kept`.slice(0, 200),
    });
  }
  return { ...extracted, metrics: metrics.filter((reading) => !dropped.has(reading.metric)), issues: issues.slice(0, 100) };
}
