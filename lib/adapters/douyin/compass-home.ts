/**
 * 电商罗盘 home (`compass.jinritemai.com/shop`): the 经营概况 / 收支概况 core data. Each card shows
 * the shop's value, 较上期 and a peer value side by side (`¥63,750.34 较上期 7.35% 同行顶尖
 * ¥4.35万` → 63750.34; `33.15万 较上期 64.97% 同行标杆 19.22万` → 331500; `-` → missing).
 *
 * Two sources, structured first:
 * - The JSON the page fetches after load (./compass-api.ts: fen and unit codes documented
 *   there), when the bridge delivered it. Exact values, each with its own name.
 * - The rendered cards (./dashboard.ts), for figures the responses lack and for each card's
 *   change and peer values.
 * Where both have a metric, they must agree within the card's display rounding (33.15万 shows
 * 331,487 to four figures); then the fetched value is kept with the card's change and peers.
 * If they disagree (a response left over from another date, a fen/yuan slip), neither is kept
 * and an issue says why. A card showing `-` or nothing yet (the skeleton before the data
 * arrives) does not compete with a fetched value. Fetched data for another period than the
 * page states is not used at all.
 */
import type { CaptureIssue, MetricReading, Period } from '../../capture/schema';
import type { Extracted, PageAdapter, PageResponse } from '../types';
import { COMPASS_HOME_ENDPOINTS, readCompassHomeResponses, type ApiReading } from './compass-api';
import { boundedIssues, readDashboard, type DashboardReading } from './dashboard';
import { COMPASS_HOST, isCompassHomeUrl } from './urls';
import { COMPASS_HOME_SECTION_TITLES } from './words';

/**
 * True when a figure shown on the page is the fetched value as the page would round it: equal,
 * or within half a unit of the third significant digit (`1.31万` for 13,116.02 — the coarsest
 * rounding the 罗盘 cards use). A fen/yuan slip (×100) or another day's figure is far outside.
 */
export function agreesWithinDisplayRounding(shown: number, fetched: number): boolean {
  if (shown === fetched) return true;
  if (shown === 0 || fetched === 0 || Math.sign(shown) !== Math.sign(fetched)) return false;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(fetched))) - 2);
  return Math.abs(shown - fetched) <= step / 2 + 1e-9;
}

function describe(period: Period): string {
  return period.start && period.end ? (period.start === period.end ? period.start : `${period.start}~${period.end}`) : period.label;
}

/** The page states dates that are not the fetched data's dates. */
function periodsDisagree(page: Period | null, fetched: Period | null): boolean {
  if (!page?.start || !fetched?.start) return false;
  return page.start !== fetched.start || page.end !== fetched.end;
}

interface Merged {
  metrics: MetricReading[];
  issues: CaptureIssue[];
}

/** Fetched values first, the page's for the rest (see the file comment). */
export function mergeFetchedAndShown(api: ApiReading, dom: DashboardReading): Merged {
  const metrics: MetricReading[] = [];
  const issues: CaptureIssue[] = [...api.issues];
  const fetchedIds = new Set(api.metrics.map((m) => m.metric));
  const shownById = new Map(dom.metrics.map((m) => [m.metric, m]));
  for (const fetched of api.metrics) {
    const shown = shownById.get(fetched.metric);
    if (!shown) {
      metrics.push(fetched);
      continue;
    }
    if (shown.max !== undefined || shown.bound !== 'exact' || !agreesWithinDisplayRounding(shown.value, fetched.value)) {
      issues.push({
        field: `metrics.${fetched.metric}`,
        problem: `the page shows ${shown.value} but the fetched data says ${fetched.value}: neither kept`,
      });
      continue;
    }
    const kept: MetricReading = { ...fetched };
    if (shown.change) kept.change = shown.change;
    if (shown.peers) kept.peers = shown.peers;
    metrics.push(kept);
  }
  for (const shown of dom.metrics) if (!fetchedIds.has(shown.metric)) metrics.push(shown);
  // Notes about a card whose value came from the fetched data (a skeleton `-`) are moot; notes
  // about its change or peers (a change without a sign) still hold.
  for (const issue of dom.issues) {
    const id = issue.field.replace(/^metrics\./, '');
    if (fetchedIds.has(id) && !metrics.some((m) => m.metric === id)) continue;
    if (fetchedIds.has(id) && /shown as|has no value|no data/.test(issue.problem)) continue;
    issues.push(issue);
  }
  return { metrics, issues };
}

function readApi(responses: readonly PageResponse[] | undefined): ApiReading {
  return readCompassHomeResponses(responses ?? []);
}

function extractCompassHome(doc: Document, _url: URL, responses?: readonly PageResponse[]): Extracted {
  const dom = readDashboard(doc, COMPASS_HOME_SECTION_TITLES);
  let api = readApi(responses);
  const issues: CaptureIssue[] = [];
  if (api.metrics.length > 0 && periodsDisagree(dom.period, api.period)) {
    issues.push({
      field: 'responses',
      problem: `fetched data is for ${describe(api.period!)}, the page shows ${describe(dom.period!)}: not used`,
    });
    api = { metrics: [], issues: [], period: null, used: 0 };
  }
  const merged = mergeFetchedAndShown(api, dom);
  issues.push(...merged.issues);
  // The page's words (近1天, 昨日) with the fetched data's dates when the page shows none.
  let period = dom.period ?? api.period;
  if (dom.period && !dom.period.start && api.period?.start && api.metrics.length > 0) {
    period = { label: dom.period.label, start: api.period.start, end: api.period.end };
  }
  if (merged.metrics.length === 0) {
    issues.unshift({ field: 'metrics', problem: 'no figure found: neither fetched core data nor rendered 经营概况 cards' });
  }
  if (!period) issues.push({ field: 'period', problem: 'neither the page nor the fetched data states a period' });
  return { period, metrics: merged.metrics, listing: null, results: null, issues: boundedIssues(issues) };
}

export const compassHomeAdapter: PageAdapter = {
  id: 'douyin/compass-home',
  version: 1,
  platform: 'douyin',
  pageKind: 'dashboard',
  hosts: [`*://${COMPASS_HOST}/*`],
  sampleUrls: [
    'https://compass.jinritemai.com/shop',
    'https://compass.jinritemai.com/shop?date_type=1&date_value=1785427200%2C1785427200&index_selected=pay_cnt',
    'http://compass.jinritemai.com/shop/',
  ],
  endpoints: COMPASS_HOME_ENDPOINTS,
  matchesUrl: isCompassHomeUrl,
  detect(doc, _url, responses) {
    if (readApi(responses).metrics.length > 0) return true;
    return readDashboard(doc, COMPASS_HOME_SECTION_TITLES).metrics.length > 0;
  },
  extract: extractCompassHome,
};
