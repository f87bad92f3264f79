/**
 * Ad reports of 万相台无界 (`one.alimama.com/index.html#!/report/…`, `#!/manage/…`) and 直通车
 * (`subway.simba.taobao.com/#!/report/bpreport/…`, `#!/manage/…`): spend (花费), 展现量, 点击量,
 * 点击率, 平均点击花费 (cpc), 千次展现花费 (cpm), 总成交笔数, 总成交金额, 投入产出比 (ROI) for the
 * period and account (or scene) the page shows.
 *
 * Where the figures are taken from, in order:
 * 1. the summary block (数据汇总 / 数据概览 … cards or label/value bars above the report), read by
 *    the label→value finder (lib/capture/finder.ts), which keeps 较前一日 changes apart;
 * 2. without one, the report table's own total row (合计): one row, mapped by column header. Plan,
 *    unit or day rows are never added up here: a sum over the rows one page of a paged table shows
 *    is not the account's figure.
 * A report narrowed to part of the account (a search over plans, one plan or item in the route's
 * parameters) is not read: its totals are that part's.
 *
 * 总成交金额 and 总成交笔数 are what the ads brought (adSales, adOrders), never the shop's 支付金额 or
 * order count: the same day's 生意参谋 figures must not be overwritten by them (lib/metrics).
 * Blocks of today's running totals (实时数据) are left out; the period comes from the route's
 * parameters (startTime/endTime, start/end) or the page.
 *
 * Content-script code: type imports only from the schema.
 */
import type { CaptureIssue, MetricReading, Period } from '../../capture/schema';
import { findMetrics, isOutsideData, readTableRows } from '../../capture/finder';
import { readPeriod } from '../../capture/period';
import { isHiddenInTree, visibleText } from '../../capture/text';
import type { Extracted, PageAdapter } from '../types';
import {
  ALIMAMA_FILTER_PARAMS,
  ALIMAMA_OTHER_PERIOD_TITLES,
  ALIMAMA_PERIOD_PREFIXES,
  ALIMAMA_PROMOTION_CALLS,
  ALIMAMA_SUMMARY_TITLES,
  ALIMAMA_TOTAL_ROW_WORDS,
} from './alimama-words';
import { elementsTitled, promotionBlocks, sectionAround } from './sections';

const CONSOLE_HOSTS = ['one.alimama.com', 'subway.simba.taobao.com'];
const CONSOLE_PATHS = new Set(['/', '/index.html', '/index.jsp']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface HashRoute {
  path: string;
  params: URLSearchParams;
}

/** The single-page app's route: `#!/report/index?startTime=…` → path and parameters. */
function hashRoute(url: URL): HashRoute | undefined {
  const match = /^#!?(\/[^?]*)(?:\?(.*))?$/.exec(url.hash);
  if (!match) return undefined;
  return { path: match[1]!, params: new URLSearchParams(match[2] ?? '') };
}

/** True for a report or promotion-management route on either console (downloads excepted). */
export function isAlimamaReportUrl(url: URL): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  // The port is ignored, as Chrome's match patterns ignore it (the demo serves on a local port).
  if (!CONSOLE_HOSTS.includes(url.hostname.toLowerCase()) || !CONSOLE_PATHS.has(url.pathname)) return false;
  const route = hashRoute(url);
  if (!route || !/^\/(?:report|manage)\/[\w-]/.test(route.path)) return false;
  return !/download/i.test(route.path);
}

// ---------------------------------------------------------------------------------------------
// Period

/** The period the route asks for (`startTime=2026-11-21&endTime=2026-11-21`, 直通车 `start`/`end`). */
function routePeriod(route: HashRoute | undefined): Period | null {
  if (!route) return null;
  const start = route.params.get('startTime') ?? route.params.get('start') ?? route.params.get('startDate');
  const end = route.params.get('endTime') ?? route.params.get('end') ?? route.params.get('endDate');
  if (!start || !end || !DATE.test(start) || !DATE.test(end)) return null;
  const period = readPeriod(start === end ? start : `${start}~${end}`);
  return period?.start ? period : null;
}

/** A date picker's text: a range (`2026-11-15 至 2026-11-21`, `近7天（…~…）`) or a named day (`昨天（2026-11-21）`). */
const PICKER_RANGE = /^(?:(?:昨天|今天|昨日|今日|(?:最近|近|过去)\s*\d+\s*天)\s*[（(]?\s*)?\d{4}-\d{2}-\d{2}\s*(?:~|至|-)\s*\d{4}-\d{2}-\d{2}\s*[)）]?$/;
const PICKER_DAY = /^(?:昨天|今天|昨日|今日)\s*[（(]\s*\d{4}-\d{2}-\d{2}\s*[)）]$/;
/** Picker menus (options, not the current choice) and table cells (a day row's date, not the report's period). */
const NOT_PICKER = 'li,[role="option"],[role="listbox"],[role="menu"],td,th,[role="cell"],[role="gridcell"],svg';

/**
 * The period the page shows: a 统计时间 line, else the date picker's text (`2026-11-15 至 2026-11-21`,
 * `昨天（2026-11-21）`), else the two date inputs of a range picker. Options of the picker's menu
 * (lists, listboxes) are not its current choice.
 */
function pagePeriod(doc: Document): Period | null {
  const body = doc.body;
  if (!body) return null;
  let picked: Period | null = null;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 60 || el.closest(NOT_PICKER) || isOutsideData(el)) continue;
    const text = visibleText(el);
    const prefix = ALIMAMA_PERIOD_PREFIXES.find((word) => text.startsWith(word));
    const rest = prefix ? text.slice(prefix.length).replace(/^[\s:：]+/, '') : text;
    if (!prefix && !PICKER_RANGE.test(text) && !PICKER_DAY.test(text)) continue;
    // The innermost holder of the whole line.
    if (Array.from(el.children).some((child) => visibleText(child) === text)) continue;
    const period = readPeriod(rest);
    if (!period?.start) continue;
    if (prefix) return period;
    picked ??= period;
  }
  if (picked) return picked;
  const dates = Array.from(body.querySelectorAll('input'))
    .filter((input) => !isHiddenInTree(input) && DATE.test((input.getAttribute('value') ?? '').trim()))
    .map((input) => (input.getAttribute('value') ?? '').trim());
  if (dates.length === 1 || dates.length === 2) {
    const period = readPeriod(dates.join('~'));
    return period?.start ? period : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Figures

interface Layout {
  roots: Element[];
  ignore: (el: Element) => boolean;
}

function readLayout(doc: Document): Layout {
  const titles = elementsTitled(doc, ALIMAMA_SUMMARY_TITLES);
  const otherTitles = elementsTitled(doc, ALIMAMA_OTHER_PERIOD_TITLES);
  const markers = [...titles, ...otherTitles];
  const promotions = promotionBlocks(doc, ALIMAMA_PROMOTION_CALLS, markers);
  const otherRoots = new Set<Element>();
  const ignore = (el: Element) => promotions.has(el) || otherRoots.has(el);
  for (const title of otherTitles) {
    const root = sectionAround(title, markers, { ignore }) ?? title.parentElement;
    if (root) otherRoots.add(root);
  }
  const roots: Element[] = [];
  for (const title of titles) {
    const root = sectionAround(title, markers, { ignore });
    if (root && !roots.includes(root)) roots.push(root);
  }
  return { roots: roots.filter((root) => !roots.some((other) => other !== root && other.contains(root))), ignore };
}

interface TotalRow {
  metrics: MetricReading[];
  issues: CaptureIssue[];
}

/** The one total row (合计) among the page's report tables, or why there is none. */
function totalRow(doc: Document, ignore: (el: Element) => boolean): TotalRow | { problem: string } | null {
  if (!doc.body) return null;
  const totals: TotalRow[] = [];
  for (const table of readTableRows(doc.body, 'taobao', { ignore })) {
    for (const row of table.rows) {
      const first = Object.values(row.cells).map((text) => text.replace(/\s+/g, '')).find((text) => text !== '');
      if (first !== undefined && ALIMAMA_TOTAL_ROW_WORDS.some((word) => first.startsWith(word))) totals.push({ metrics: row.metrics, issues: row.issues });
    }
  }
  if (totals.length === 0) return null;
  if (totals.length > 1) return { problem: `${totals.length} total rows (合计) in the page's tables: none read` };
  return totals[0]!;
}

/** Route parameters that narrow the report to part of the account, as `name=value`. */
function filtersOf(route: HashRoute | undefined): string[] {
  if (!route) return [];
  return ALIMAMA_FILTER_PARAMS.filter((name) => (route.params.get(name) ?? '').trim() !== '').map((name) => `${name}=${route.params.get(name)!.slice(0, 20)}`);
}

interface Reading {
  metrics: MetricReading[];
  issues: CaptureIssue[];
  period: Period | null;
}

function readReport(doc: Document, url: URL): Reading {
  const route = hashRoute(url);
  const period = routePeriod(route) ?? pagePeriod(doc);
  const issues: CaptureIssue[] = [];
  const filters = filtersOf(route);
  if (filters.length > 0) {
    issues.push({ field: 'metrics', problem: `the report is narrowed to part of the account (${filters.join(', ')}): its totals are not read`.slice(0, 200) });
    return { metrics: [], issues, period };
  }
  const layout = readLayout(doc);
  let metrics: MetricReading[] = [];
  if (layout.roots.length > 0) {
    const found = findMetrics(layout.roots, 'taobao', { ignore: layout.ignore });
    metrics = found.metrics;
    issues.push(...found.issues);
  }
  if (metrics.length === 0) {
    const total = totalRow(doc, layout.ignore);
    if (total && 'problem' in total) issues.push({ field: 'metrics', problem: total.problem });
    else if (total) {
      metrics = total.metrics;
      issues.push(...total.issues);
    }
  }
  if (metrics.length === 0) issues.unshift({ field: 'metrics', problem: 'no summary block (数据汇总 …) and no total row (合计) with figures found' });
  return { metrics, issues, period };
}

function extractReport(doc: Document, url: URL): Extracted {
  const reading = readReport(doc, url);
  const issues = [...reading.issues];
  if (!reading.period) issues.push({ field: 'period', problem: 'neither the address (startTime/endTime) nor the page states the period' });
  return { period: reading.period, metrics: reading.metrics, listing: null, results: null, issues: issues.slice(0, 100) };
}

export const alimamaReportAdapter: PageAdapter = {
  id: 'taobao/alimama-report',
  version: 1,
  platform: 'taobao',
  pageKind: 'dashboard',
  hosts: ['*://one.alimama.com/*', '*://subway.simba.taobao.com/*'],
  sampleUrls: [
    'https://one.alimama.com/index.html#!/report/whole?startTime=2026-11-21&endTime=2026-11-21',
    'https://one.alimama.com/index.html#!/manage/search?mx_bizCode=onebpSearch&bizCode=onebpSearch&tab=campaign&startTime=2026-11-21&endTime=2026-11-21',
    'https://one.alimama.com/index.html#!/manage/onesite?bizCode=onebpSite',
    'https://subway.simba.taobao.com/#!/report/bpreport/index?page=1&start=2026-11-15&end=2026-11-21&effect=30',
    'https://subway.simba.taobao.com/index.jsp#!/manage/campaign/index',
    'http://subway.simba.taobao.com/#!/report/bpreport/campaign/index',
  ],
  matchesUrl: isAlimamaReportUrl,
  detect(doc, url) {
    return readReport(doc, url).metrics.length > 0;
  },
  extract: extractReport,
};
