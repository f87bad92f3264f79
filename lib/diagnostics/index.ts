/**
 * The diagnostics engine: `diagnose(input) → Finding[]`, sorted by severity. Pure functions of
 * a Capture, the stored history and the operator's settings; no browser APIs, so the
 * background, the side panel and the command line all run the same code.
 *
 * Rules, one module each:
 * - derive.ts       ratios from figures captured together; shown ratios checked against their parts
 * - benchmarks.ts   page peers, then settings, then rough defaults (data/benchmarks.ts)
 * - anomalies.ts    against the entity's own history of the same period kind (median, MAD)
 * - funnel.ts       impressions → clicks → visitors → add-to-cart → buyers
 * - stock.ts        days of stock cover of the operator's items
 * - ads.ts          ROI against break-even, spend pacing, paid against organic traffic
 * Actions are data (data/actions.ts).
 */
import type { Capture, ItemRow } from '../capture/schema';
import { dayOf, entityOf, periodKeyOf } from '../db/store';
import { paidVsOrganicFindings, pacingFindings, roiFindings, trafficClassOf, trafficSegments } from './ads';
import { anomalyFindings, type AnomalyTarget } from './anomalies';
import { benchmarkFindings } from './benchmarks';
import { AD_PLATFORM_HOSTS } from './data/traffic-sources';
import { consistencyFindings, deriveMetrics, isSuspect, type MetricSet } from './derive';
import { sortFindings } from './findings';
import { buildFunnel, funnelFindings, type FunnelData } from './funnel';
import { stockFindings, stockTargetsOfRows, type StockTarget } from './stock';
import type { DiagnosticsInput, Evidence, Finding } from './types';

export type * from './types';
export { sortFindings } from './findings';
export type { FunnelData, FunnelStage, FunnelStep, FunnelRate } from './funnel';
export type { MetricSet, MetricValue } from './derive';

/**
 * Report-row figures checked for anomalies. A report can list 200 items; testing every figure of
 * every row would turn chance into findings, so only the figures that move sales are watched.
 */
export const ITEM_ANOMALY_METRICS: ReadonlySet<string> = new Set(['visitors', 'itemVisitors', 'payAmount', 'buyers', 'units', 'conversionRate']);

/** Backend pages show the operator's own figures; only there do defaults and stock apply. */
const OWN_PAGE_KINDS: ReadonlySet<Capture['pageKind']> = new Set(['dashboard', 'item-report']);

export function isAdsPage(url: string): boolean {
  try {
    return AD_PLATFORM_HOSTS.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

export function itemEntityKey(capture: Pick<Capture, 'platform'>, itemId: string): string {
  return `${capture.platform}:item:${itemId}`;
}

export interface Analysis {
  findings: Finding[];
  /** The page's own figures with derived ratios filled in. */
  metrics: MetricSet;
  /** Funnel chart data for the page's own figures, when at least two stages were captured. */
  funnel?: FunnelData;
}

interface ItemSubject {
  row: ItemRow;
  subject: Evidence['subject'];
  set: MetricSet;
}

export function analyse(input: DiagnosticsInput): Analysis {
  const { capture } = input;
  const history = input.history ?? [];
  const settings = input.settings;
  const adsPage = isAdsPage(capture.url);
  const entityKey = input.entityKey ?? entityOf(capture)?.key;
  const period = capture.period?.label ?? null;
  const periodKey = periodKeyOf(capture.period);
  const currentDay = dayOf(capture);
  const ownPage = OWN_PAGE_KINDS.has(capture.pageKind);
  const rows = capture.items ?? [];

  const page: Evidence['subject'] = { kind: 'page', ...(entityKey ? { entityKey } : {}) };
  const metrics = deriveMetrics(capture.metrics, { adsPage });
  const benchmarkContext = { platform: capture.platform, pageKind: capture.pageKind, ...(settings ? { settings } : {}) };

  const items: ItemSubject[] = rows
    .filter((row) => trafficClassOf(row) === undefined)
    .map((row) => ({
      row,
      subject: {
        kind: 'item' as const,
        ...(row.itemId ? { itemId: row.itemId, entityKey: itemEntityKey(capture, row.itemId) } : {}),
        ...(row.title ? { title: row.title } : {}),
      },
      set: deriveMetrics(row.metrics, { adsPage }),
    }));

  const findings: Finding[] = [];
  findings.push(...consistencyFindings(metrics, page, period));
  findings.push(...benchmarkFindings(metrics, { ...benchmarkContext, shopReferences: ownPage }, page, period));
  for (const item of items) {
    findings.push(...consistencyFindings(item.set, item.subject, period));
    findings.push(...benchmarkFindings(item.set, { ...benchmarkContext, shopReferences: false }, item.subject, period));
  }

  const anomalyTargets: AnomalyTarget[] = [];
  if (entityKey) {
    for (const value of metrics.values.values()) {
      if (!isSuspect(metrics, value.metric)) anomalyTargets.push({ value, entityKey, subject: page });
    }
  }
  for (const item of items) {
    const key = item.subject.entityKey;
    if (!key) continue;
    for (const value of item.set.values.values()) {
      if (ITEM_ANOMALY_METRICS.has(value.metric) && !isSuspect(item.set, value.metric)) {
        anomalyTargets.push({ value, entityKey: key, subject: item.subject });
      }
    }
  }
  const timing = { history, periodKey, period, currentDay, capturedAt: capture.capturedAt };
  findings.push(...anomalyFindings(anomalyTargets, timing));

  const funnel = buildFunnel(metrics, { ...benchmarkContext, shopReferences: ownPage });
  findings.push(...funnelFindings(funnel, page, period));

  if (ownPage) {
    const stockTargets: StockTarget[] = stockTargetsOfRows(
      items.map((i) => i.row),
      (itemId) => itemEntityKey(capture, itemId),
    );
    // The page's own figures are one item's only when the database keys them by an item.
    const pageStock = metrics.values.get('stock');
    if (entityKey?.includes(':item:') && pageStock?.source === 'page' && pageStock.bound === 'exact' && pageStock.max === undefined) {
      const units = metrics.values.get('units');
      stockTargets.push({
        entityKey,
        subject: page,
        stock: pageStock.value,
        ...(units && units.bound === 'exact' && units.max === undefined ? { rowUnits: units.value } : {}),
      });
    }
    findings.push(...stockFindings(stockTargets, { ...timing, ...(settings?.restockLeadDays ? { restockLeadDays: settings.restockLeadDays } : {}) }));
  }

  findings.push(...roiFindings(metrics, settings, period));
  findings.push(...pacingFindings(metrics, settings, capture.period, capture.capturedAt));
  findings.push(...paidVsOrganicFindings(trafficSegments(rows), period));

  return { findings: sortFindings(findings), metrics, ...(funnel ? { funnel: funnel.data } : {}) };
}

/** Every finding for a capture, most severe first. */
export function diagnose(input: DiagnosticsInput): Finding[] {
  return analyse(input).findings;
}
