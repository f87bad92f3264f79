/**
 * 商智 商品明细 (`jdsz.jd.com/szweb/view/product/productDetail.html`): one row per SKU with its
 * figures (成交金额, 成交商品件数, 成交单量, 成交客户数, 成交转化率, 客单价, UV价值, 浏览量, 访客数,
 * 加购客户数, 加购商品件数, 下单金额 …), read by column header with the finder's table reader
 * (lib/capture/finder.ts `readTableRows`), which also follows fixed-header tables whose header
 * and body are two <table>s.
 *
 * Rows, and why some are not items:
 * - the 合计 row (the page's own total, which JD puts first) is not an item;
 * - placeholder rows (暂无数据, a row of `-`) carry no item: left out; `-` in an item's row is
 *   that figure unknown (an issue), never 0;
 * - the SKU comes from a SKU column, or from `SKU：…` written in the product cell; SPU tables
 *   are not given SKU ids (an SPU id is another number space than item.jd.com's SKUs);
 * - 下单转化率 is not read (it would claim the conversion rate beside 成交转化率, ./words.ts);
 * - one metric shown twice in a row with different values is not read (an issue says so).
 */
import type { CaptureIssue, ItemRow, MetricReading } from '../../capture/schema';
import { readTableRows, type TableRowReading } from '../../capture/finder';
import { normaliseDigits, NUMBER_END } from '../../capture/numbers';
import { isHiddenInTree, visibleText } from '../../capture/text';
import type { Extracted, PageAdapter } from '../types';
import { headerShopName, isUnreadLabel, pagePeriod } from './backend';
import { isJdSzItemReportUrl, SZ_HOSTS } from './urls';
import { JD_EMPTY_TABLE_WORDS, JD_RANK_HEADERS, JD_SKU_HEADERS, JD_SUMMARY_ROW_WORDS, JD_TITLE_HEADERS } from './words';

const MAX_ROWS = 200;
// The SKU ends at a clean boundary: `SKU：1000口9876543` (a glyph lost) is no SKU, never its first digits.
const SKU_IN_TEXT = new RegExp(`SKU\\s*(?:ID|编号)?\\s*[:：]\\s*(\\d{1,20})${NUMBER_END}`, 'i');
const LOADING = /^(?:加载中|正在加载|loading)/i;

function headerKey(header: string): string {
  return normaliseDigits(header).replace(/[\s?？ⓘ❓:：]+/g, '').toUpperCase();
}

function cellFor(row: TableRowReading, headers: readonly string[]): string | undefined {
  for (const [header, text] of Object.entries(row.cells)) {
    if (headers.includes(headerKey(header))) return text.trim();
  }
  return undefined;
}

const SKU_KEYS = JD_SKU_HEADERS.map(headerKey);
const TITLE_KEYS = JD_TITLE_HEADERS.map(headerKey);
const RANK_KEYS = JD_RANK_HEADERS.map(headerKey);

function isSummaryRow(row: TableRowReading): boolean {
  const first = Object.values(row.cells).map((text) => text.replace(/\s+/g, '')).find((text) => text !== '');
  return first !== undefined && JD_SUMMARY_ROW_WORDS.includes(first);
}

interface RowOutcome {
  item?: ItemRow;
  /** Issues of this row, field without the row prefix. */
  issues: CaptureIssue[];
}

/** One metric twice in a row: the same value is kept once, different values are not kept. */
function dedupeMetrics(metrics: MetricReading[]): { metrics: MetricReading[]; issues: CaptureIssue[] } {
  const issues: CaptureIssue[] = [];
  const kept: MetricReading[] = [];
  for (const id of [...new Set(metrics.map((metric) => metric.metric))]) {
    const same = metrics.filter((metric) => metric.metric === id);
    const values = new Set(same.map((metric) => `${metric.value}|${metric.max ?? ''}|${metric.bound}`));
    if (values.size === 1) kept.push(same[0]!);
    else issues.push({ field: `metrics.${id}`, problem: `shown with different values (${same.map((m) => `'${m.label}' ${m.value}`).join(', ')}): none kept`.slice(0, 200) });
  }
  return { metrics: kept, issues };
}

function readRow(row: TableRowReading): RowOutcome {
  const productCell = cellFor(row, TITLE_KEYS);
  const skuCell = cellFor(row, SKU_KEYS);
  let itemId: string | undefined;
  if (skuCell !== undefined && /^\d{1,20}$/.test(normaliseDigits(skuCell))) itemId = normaliseDigits(skuCell);
  let title = productCell;
  if (productCell !== undefined) {
    const inText = SKU_IN_TEXT.exec(normaliseDigits(productCell));
    if (inText) {
      itemId ??= inText[1]!;
      title = normaliseDigits(productCell).replace(SKU_IN_TEXT, '').replace(/\s+/g, ' ').trim();
    }
  }
  const deduped = dedupeMetrics(row.metrics);
  const issues = [...row.issues, ...deduped.issues];
  if (itemId === undefined && (title === undefined || title === '')) return { issues: [] };
  const item: ItemRow = { metrics: deduped.metrics.slice(0, 60) };
  const rankText = cellFor(row, RANK_KEYS);
  if (rankText !== undefined && /^\d{1,5}$/.test(rankText) && Number(rankText) > 0) item.rank = Number(rankText);
  if (itemId !== undefined) item.itemId = itemId;
  if (title) item.title = title.slice(0, 300);
  return { item, issues };
}

/** The item tables on the page: tables whose header row names metrics. */
function itemTables(doc: Document) {
  const body = doc.body;
  if (!body) return [];
  return readTableRows(body, 'jd', { ignore: isUnreadLabel });
}

/** A visible message in the page saying the table is empty or still loading. */
function tableMessage(doc: Document): 'empty' | 'loading' | undefined {
  const body = doc.body;
  if (!body) return undefined;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 20 || isHiddenInTree(el)) continue;
    const text = visibleText(el).replace(/\s+/g, '');
    if (JD_EMPTY_TABLE_WORDS.includes(text)) return 'empty';
    if (LOADING.test(text)) return 'loading';
  }
  return undefined;
}

function extractItemReport(doc: Document): Extracted {
  const issues: CaptureIssue[] = [];
  const items: ItemRow[] = [];
  const shopName = headerShopName(doc);
  const period = pagePeriod(doc);
  /** problem → rows (1-based positions among kept items) where it happened, per field. */
  const grouped = new Map<string, { field: string; problem: string; rows: number[] }>();
  let summaryRows = 0;
  const tables = itemTables(doc);
  for (const table of tables) {
    for (const row of table.rows) {
      if (items.length >= MAX_ROWS) break;
      if (isSummaryRow(row)) {
        summaryRows++;
        continue;
      }
      const outcome = readRow(row);
      if (!outcome.item) continue;
      items.push(outcome.item);
      for (const rowIssue of outcome.issues) {
        const key = `${rowIssue.field}|${rowIssue.problem}`;
        const entry = grouped.get(key) ?? { field: `items.${rowIssue.field}`, problem: rowIssue.problem, rows: [] };
        entry.rows.push(items.length);
        grouped.set(key, entry);
      }
    }
  }
  for (const { field, problem, rows } of grouped.values()) {
    const where = `row${rows.length > 1 ? 's' : ''} ${rows.slice(0, 8).join(', ')}${rows.length > 8 ? ' …' : ''}`;
    issues.push({ field: field.slice(0, 60), problem: `${problem} (${where})`.slice(0, 200) });
  }
  if (items.length === 0) {
    if (tables.length === 0) issues.push({ field: 'items', problem: 'no table with metric columns (成交金额, 访客数 …) found on the page' });
    else if (tableMessage(doc) === 'empty') issues.push({ field: 'items', problem: 'the table shows no items (暂无数据)' });
    else issues.push({ field: 'items', problem: `the table shows no item rows${summaryRows > 0 ? ' (only its 合计 row)' : ''}` });
  }
  if (!period) issues.push({ field: 'period', problem: 'the page states no period (统计时间 or a date picker)' });
  return {
    period,
    ...(shopName ? { shop: { name: shopName } } : {}),
    metrics: [],
    listing: null,
    results: null,
    items,
    issues: issues.slice(0, 100),
  };
}

export const jdSzItemReportAdapter: PageAdapter = {
  id: 'jd/sz-item-report',
  version: 1,
  platform: 'jd',
  pageKind: 'item-report',
  hosts: SZ_HOSTS.map((host) => `*://${host}/*`),
  sampleUrls: [
    'https://jdsz.jd.com/szweb/view/product/productDetail.html',
    'https://jdsz.jd.com/szweb/view/product/productDetail.html?tab=sku',
    'https://sz.jd.com/szweb/view/product/productDetail.html',
    'http://jdsz.jd.com/szweb/view/product/productDetail.html#/',
  ],
  matchesUrl: isJdSzItemReportUrl,
  detect(doc) {
    const tables = itemTables(doc);
    if (tables.length === 0) return false;
    if (tables.some((table) => table.rows.some((row) => !isSummaryRow(row) && readRow(row).item !== undefined))) return true;
    // A rendered empty table (暂无数据) is a state worth recording; a loading one is not.
    return tableMessage(doc) === 'empty';
  },
  extract: extractItemReport,
};
