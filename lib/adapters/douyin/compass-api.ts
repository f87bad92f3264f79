/**
 * 电商罗盘 JSON the pages fetch after load, and its unit conventions. The page-world bridge
 * (lib/bridge) hands the bodies of these endpoints to the adapter as `responses`; they are
 * untrusted and read with the typed readers of ../json-reader.ts (no zod in content scripts).
 *
 * Endpoints (the 罗盘 home requests both after load; 2026 captures by product-flow-system,
 * SOURCES-2.md §E):
 *   GET /compass_api/shop/common/homepage/core_index               经营概况
 *   GET /compass_api/shop/common/homepage/summary_core_index_v3    收支概况 (投放消耗 is here)
 *   query: date_type, begin_date / end_date as `YYYY/MM/DD 00:00:00`
 * Body: `{ st: 0, msg, data: { module_data: { <module>: { compass_general_multi_index_card_value:
 *   { data: [ { <field>: { index_value: { value: {unit, value}, benchmark: {unit, value},
 *   last_value: {unit, value} } } } ] } } } } }`.
 *
 * Unit conventions (stated per value by the `unit` code, never guessed from the field name):
 *   3 = 分 (fen): yuan = value / 100   (income_amt {unit:3, value:6544976} → ¥65,449.76)
 *   4 = ratio, a decimal fraction       (0.0707 → 7.07%)
 *   5 = count                           (pay_cnt 3265)
 * Any other code is refused (issue), and a code that does not fit the field's metric (a count
 * code for 成交金额) is refused too: a fen amount read as yuan is 100 times too big and still
 * looks like an ordinary number.
 *
 * Only `value` is the shop's own figure: `benchmark` is the peers' (同行顶尖) and `last_value` the
 * previous period's. Reading "the number nearest the label" once gave product-flow-system 314万
 * orders on a day with ¥6.5万 sales; here each has its own name and only `value` is taken.
 * `st` other than 0 is a failed request: 11001 is risk control (当前网络不稳定), 8 not logged in.
 */
import type { CaptureIssue, MetricReading, Period, Unit } from '../../capture/schema';
import { readPeriod } from '../../capture/period';
import { fenToYuan } from '../../capture/numbers';
import { arrayAt, isRecord, numberAt, recordAt, textAt } from '../json-reader';
import type { EndpointSpec, PageResponse } from '../types';

export const COMPASS_HOME_ENDPOINTS: readonly EndpointSpec[] = [
  {
    id: 'compass/homepage-core-index',
    path: /^\/compass_api\/shop\/common\/homepage\/core_index(?:\?|$)/,
    note: 'index_value.value {unit, value}: unit 3 = fen (÷100 → yuan), 4 = decimal ratio, 5 = count; benchmark = peers, last_value = previous period (neither is the shop\'s figure)',
  },
  {
    id: 'compass/homepage-summary-core-index',
    path: /^\/compass_api\/shop\/common\/homepage\/summary_core_index_v3(?:\?|$)/,
    note: 'same cell shape and unit codes as core_index; ad_costed_amt (投放消耗) is in fen',
  },
];

/** Field → metric, with the label the 罗盘 home shows for it. Fields not listed are not read. */
export const COMPASS_HOME_FIELDS: Readonly<Record<string, { metric: string; label: string; unit: Unit }>> = {
  income_amt: { metric: 'payAmount', label: '成交金额', unit: 'yuan' },
  pay_amt: { metric: 'userPayAmount', label: '用户支付金额', unit: 'yuan' },
  pay_cnt: { metric: 'orders', label: '成交订单数', unit: 'count' },
  pay_ucnt: { metric: 'buyers', label: '成交人数', unit: 'count' },
  product_show_ucnt: { metric: 'impressionUsers', label: '商品曝光人数', unit: 'count' },
  product_click_ucnt: { metric: 'clickUsers', label: '商品点击人数', unit: 'count' },
  ad_costed_amt: { metric: 'adSpend', label: '投放消耗', unit: 'yuan' },
};

/** Unit codes of 罗盘 index values. */
export const COMPASS_UNIT_CODES: Readonly<Record<number, 'fen' | 'ratio' | 'count'>> = { 3: 'fen', 4: 'ratio', 5: 'count' };

const CODE_FOR_UNIT: Partial<Record<Unit, 'fen' | 'ratio' | 'count'>> = { yuan: 'fen', ratio: 'ratio', count: 'count' };

/** A 罗盘 `{unit, value}` in the metric's unit, or why not. */
export function compassValue(cell: unknown, unit: Unit): { value: number } | { problem: string } {
  if (!isRecord(cell)) return { problem: 'no value' };
  const code = numberAt(cell, 'unit');
  const raw = numberAt(cell, 'value');
  if (raw === undefined) return { problem: 'no value' };
  const kind = code === undefined ? undefined : COMPASS_UNIT_CODES[code];
  if (!kind) return { problem: `unknown unit code ${textAt(cell, 'unit') ?? 'missing'}: not read` };
  if (CODE_FOR_UNIT[unit] !== kind) return { problem: `unit code ${code} (${kind}) where ${unit} was expected: not read` };
  if (kind === 'fen') {
    const yuan = fenToYuan(raw);
    return yuan === null ? { problem: `${raw} is not a whole number of fen: not read` } : { value: yuan };
  }
  if (kind === 'count') return Number.isInteger(raw) && raw >= 0 ? { value: raw } : { problem: `${raw} is not a count: not read` };
  return { value: raw };
}

/** Why a 罗盘 body is not data, or null when `st` is 0. */
export function compassFailure(body: unknown): string | null {
  if (!isRecord(body)) return 'not a JSON object';
  const status = numberAt(body, 'st') ?? numberAt(body, 'code');
  if (status === 0) return null;
  if (status === 11001) return 'refused by risk control (st 11001, 当前网络不稳定)';
  if (status === 8) return 'not logged in (st 8)';
  return `failed (st ${status ?? 'missing'}${textAt(body, 'msg') ? `: ${textAt(body, 'msg')!.slice(0, 40)}` : ''})`;
}

/** The latest response of each endpoint id (the page refetches when the date changes). */
export function latestResponses(responses: readonly PageResponse[], endpoints: readonly EndpointSpec[]): PageResponse[] {
  const latest = new Map<string, PageResponse>();
  for (const response of responses) {
    const spec = endpoints.find((endpoint) => endpoint.id === response.endpoint);
    if (!spec) continue;
    let target: URL;
    try {
      target = new URL(response.url);
    } catch {
      continue;
    }
    // The bridge matched it already; a response whose address does not fit its endpoint is not trusted.
    if (!spec.path.test(`${target.pathname}${target.search}`)) continue;
    latest.set(response.endpoint, response);
  }
  return [...latest.values()];
}

/** The period a request asked for: its begin_date / end_date (`2026/07/30 00:00:00`). */
export function requestPeriod(address: string): Period | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  const begin = url.searchParams.get('begin_date');
  const end = url.searchParams.get('end_date');
  if (!begin || !end) return null;
  const day = (text: string) => /^\s*(\d{4}[-/]\d{1,2}[-/]\d{1,2})/.exec(text)?.[1];
  const [from, to] = [day(begin), day(end)];
  if (!from || !to) return null;
  const period = readPeriod(from === to ? from : `${from} ~ ${to}`);
  if (!period?.start || !period.end) return null;
  return { label: period.start === period.end ? period.start : `${period.start}~${period.end}`, start: period.start, end: period.end };
}

export interface ApiReading {
  metrics: MetricReading[];
  issues: CaptureIssue[];
  /** The period the responses are for; null when they do not say or disagree. */
  period: Period | null;
  /** Responses that held data (st 0 and at least one row). */
  used: number;
}

/** The shop's figures in the 罗盘 home responses (own `value`s only; see the file comment). */
export function readCompassHomeResponses(responses: readonly PageResponse[]): ApiReading {
  const reading: ApiReading = { metrics: [], issues: [], period: null, used: 0 };
  const periods: Period[] = [];
  const seen = new Map<string, MetricReading>();
  for (const response of latestResponses(responses, COMPASS_HOME_ENDPOINTS)) {
    const failure = compassFailure(response.body);
    if (failure) {
      reading.issues.push({ field: 'responses', problem: `${response.endpoint}: ${failure}` });
      continue;
    }
    const modules = recordAt(response.body, 'data', 'module_data');
    let rows = 0;
    for (const block of Object.values(modules ?? {})) {
      for (const row of arrayAt(block, 'compass_general_multi_index_card_value', 'data') ?? []) {
        if (!isRecord(row)) continue;
        rows++;
        for (const [field, spec] of Object.entries(COMPASS_HOME_FIELDS)) {
          if (!Object.prototype.hasOwnProperty.call(row, field)) continue;
          const own = recordAt(row, field, 'index_value', 'value');
          const value = compassValue(own, spec.unit);
          if ('problem' in value) {
            reading.issues.push({ field: `metrics.${spec.metric}`, problem: `${field} in ${response.endpoint}: ${value.problem}` });
            continue;
          }
          const metric: MetricReading = { metric: spec.metric, label: spec.label, value: value.value, unit: spec.unit, bound: 'exact' };
          const earlier = seen.get(spec.metric);
          if (earlier && earlier.value !== metric.value) {
            reading.issues.push({ field: `metrics.${spec.metric}`, problem: `${field} differs between responses (${earlier.value}, ${metric.value}): none kept` });
            seen.set(spec.metric, { ...earlier, value: Number.NaN });
          } else if (!earlier) {
            seen.set(spec.metric, metric);
          }
        }
      }
    }
    if (rows === 0) {
      reading.issues.push({ field: 'responses', problem: `${response.endpoint}: st 0 but no data rows (empty answer, not zero sales)` });
      continue;
    }
    reading.used++;
    const period = requestPeriod(response.url);
    if (period) periods.push(period);
  }
  // Keep the mapping's order, so the same responses always give the same capture.
  for (const spec of Object.values(COMPASS_HOME_FIELDS)) {
    const metric = seen.get(spec.metric);
    if (metric && !Number.isNaN(metric.value)) reading.metrics.push(metric);
  }
  const first = periods[0];
  if (first && periods.every((p) => p.start === first.start && p.end === first.end)) reading.period = first;
  else if (periods.length > 1) {
    // Two periods in one capture would mix days: none of the fetched figures is kept.
    reading.issues.push({ field: 'period', problem: 'the fetched responses are for different periods: not used' });
    reading.metrics = [];
  }
  return reading;
}
