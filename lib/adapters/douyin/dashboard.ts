/**
 * The rendered-page reading shared by the Douyin dashboards (抖店 home, 罗盘, 千川): scope the page
 * to its data sections (./sections.ts), read the figures with the label→value finder, state the
 * period.
 *
 * Changes whose sign is only a colour: a real 抖店 card reads `较昨日 71.99%` with the direction
 * shown by colour or an icon. The sign is taken from an icon when the icon says it unambiguously
 * (an empty element whose class, aria-label or title names up or down: `arrow-up`, `caret-down`,
 * 上升 …; lib/capture/text.ts trendIconDirection). A colour alone (red/green text, a class on the
 * percentage itself) is not trusted: colour conventions differ between backends and themes.
 * Then the figure's own value is kept, the change is NOT stored, and an issue says the change
 * was shown without a sign. A change with the wrong sign would be a wrong number.
 *
 * Content scripts use this module: type imports only from the schema.
 */
import type { CaptureIssue, MetricReading, Period } from '../../capture/schema';
import { findMetrics } from '../../capture/finder';
import { memoised } from '../../capture/text-scan';
import { dashboardScope, readDouyinPeriod, type DashboardScope } from './sections';

export interface DashboardReading {
  scope: DashboardScope;
  metrics: MetricReading[];
  issues: CaptureIssue[];
  period: Period | null;
}

/** The figures a Douyin dashboard renders, within its data sections. */
export function readDashboard(doc: Document, titles: readonly string[]): DashboardReading {
  // detect and extract both read the dashboard: once per capture (capture/text-scan.ts).
  return memoised(titles, doc, () => readDashboardNow(doc, titles));
}

function readDashboardNow(doc: Document, titles: readonly string[]): DashboardReading {
  const scope = dashboardScope(doc, titles);
  const found = scope.roots.length > 0 ? findMetrics(scope.roots, 'douyin', { ignore: scope.ignore }) : { metrics: [], issues: [] };
  return { scope, metrics: found.metrics, issues: found.issues, period: readDouyinPeriod(doc) };
}

/** Keeps at most 100 issues, the schema's bound (the first ones are the most telling). */
export function boundedIssues(issues: CaptureIssue[]): CaptureIssue[] {
  return issues.slice(0, 100);
}
