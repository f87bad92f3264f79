/**
 * 生意参谋 item pages (the operator's own items) → capture.items:
 * - 商品排行 (`sycm.taobao.com/cc/item_rank`) and 宏观监控 (`/cc/macro_monitor`): the item table,
 *   one row per item mapped by column header with the finder's table reader
 *   (lib/capture/finder.ts `readTableRows`, which also follows fixed headers whose header and body
 *   are two <table>s). The 宏观监控 overview cards above it are shop-wide sums of item figures
 *   (商品访客数 877 is not the shop's 访客数): they are not read, so they never enter the shop's
 *   series beside the 首页 figures.
 * - 商品360 (`/cc/item_archives?itemId=N`): one item's overview. Read as an item report with ONE
 *   row keyed by the address's itemId, not as a dashboard: a dashboard's figures are stored as the
 *   shop's (lib/db/store.ts), and this item's 支付金额 is not the shop's. Only its 核心指标 cards
 *   are read (./sycm-item-words.ts); the SKU and attribute tables below are per SKU. When the page
 *   still shows another item than the address names (the single-page app has not caught up), no
 *   row is read.
 *
 * Rows, and why some are not items: the table's own 合计 row; placeholder rows (暂无数据 across
 * the table, loading rows of `-`); `-` in an item's row is that figure unknown (an issue), never 0.
 * Item ids come from the item's link (item.taobao.com / detail.tmall.com / 商品360) or an
 * `ID：N` line in the item cell; two different ids in one cell give none.
 *
 * Content-script code: type imports only from the schema.
 */
import type { CaptureIssue, ItemRow, MetricReading, Period } from '../../capture/schema';
import { findMetrics, isOutsideData, readTableRows, type FindOptions, type TableRowReading } from '../../capture/finder';
import { normaliseDigits } from '../../capture/numbers';
import { isHiddenInTree, visibleText } from '../../capture/text';
import type { Extracted, PageAdapter } from '../types';
import { listingItemId } from './listing';
import { elementsTitled, sectionAround } from './sections';
import { periodLines, pickerPeriod, readShopName } from './sycm-home';
import {
  SYCM_EMPTY_TABLE_TEXTS,
  SYCM_ITEM360_SECTION_TITLES,
  SYCM_ITEM_COLUMN_HEADERS,
  SYCM_ITEM_EXTRA_LABELS,
  SYCM_ITEM_UNREAD_LABELS,
  SYCM_RANK_COLUMN_HEADERS,
  SYCM_TOTAL_ROW_WORDS,
} from './sycm-item-words';
import { SYCM_REALTIME_SECTION_TITLES } from './sycm-words';

const SYCM_HOST = 'sycm.taobao.com';
const TABLE_PATHS = new Set(['/cc/item_rank', '/cc/macro_monitor']);
const ITEM360_PATH = '/cc/item_archives';
const ITEM_ID = /^\d{1,20}$/;
const ID_IN_TEXT = /(?:商品|宝贝)?\s*ID\s*[:：]\s*(\d{6,20})/i;
const MAX_ROWS = 200;
const HELP_MARKS = /[\s?？ⓘ❓:：]+$/;

export type SycmItemPage = { kind: 'table' } | { kind: 'item360'; itemId: string };

/** Which 生意参谋 item page an address is, or undefined. */
export function sycmItemPage(url: URL): SycmItemPage | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // The port is ignored, as Chrome's match patterns ignore it (the demo serves on a local port).
  if (url.hostname.toLowerCase() !== SYCM_HOST) return undefined;
  const path = url.pathname.replace(/\/+$/, '');
  if (TABLE_PATHS.has(path)) return { kind: 'table' };
  if (path !== ITEM360_PATH) return undefined;
  const itemId = url.searchParams.get('itemId')?.trim();
  return itemId && ITEM_ID.test(itemId) ? { kind: 'item360', itemId } : undefined;
}

function isUnreadLabel(el: Element): boolean {
  const raw = el.textContent ?? '';
  if (raw.length === 0 || raw.length > 20) return false;
  return SYCM_ITEM_UNREAD_LABELS.includes(visibleText(el).replace(HELP_MARKS, '').replace(/\s+/g, ''));
}

const FIND_OPTIONS: FindOptions = { ignore: isUnreadLabel, extraLabels: SYCM_ITEM_EXTRA_LABELS };

function headerKey(header: string): string {
  return normaliseDigits(header).replace(HELP_MARKS, '').replace(/\s+/g, '');
}

function headerIn(headers: readonly string[], wanted: readonly string[]): string | undefined {
  return headers.find((header) => wanted.includes(headerKey(header)));
}

/** The period the page states: a 统计时间 line, else the date picker's choice. */
export function sycmPagePeriod(doc: Document): Period | null {
  return periodLines(doc)[0]?.period ?? pickerPeriod(doc);
}

// ---------------------------------------------------------------------------------------------
// Item ids

/** The item id a link leads to: an item page, or 商品360 in the backend. */
function linkedItemId(link: Element): string | undefined {
  let url: URL;
  try {
    url = new URL(link.getAttribute('href') ?? '', 'https://sycm.taobao.com/');
  } catch {
    return undefined;
  }
  if (url.hostname.toLowerCase() === SYCM_HOST) {
    const page = sycmItemPage(url);
    return page?.kind === 'item360' ? page.itemId : undefined;
  }
  return listingItemId(url);
}

interface ItemCell {
  itemId?: string;
  title?: string;
  problem?: string;
}

function readItemCell(text: string, cell: Element | undefined): ItemCell {
  const ids = new Set<string>();
  let linkTitle = '';
  for (const link of cell ? Array.from(cell.querySelectorAll('a[href]')) : []) {
    if (isHiddenInTree(link, cell)) continue;
    const id = linkedItemId(link);
    if (!id) continue;
    ids.add(id);
    const words = visibleText(link);
    if (words.length > linkTitle.length && !ID_IN_TEXT.test(words)) linkTitle = words;
  }
  const flat = normaliseDigits(text).replace(/\s+/g, ' ').trim();
  const written = ID_IN_TEXT.exec(flat);
  if (written?.[1]) ids.add(written[1]);
  const result: ItemCell = {};
  const title = linkTitle || (written ? flat.slice(0, written.index) : flat).replace(/[\s|｜,，]+$/, '').trim();
  if (title) result.title = title.slice(0, 300);
  if (ids.size === 1) result.itemId = [...ids][0]!;
  else if (ids.size > 1) result.problem = `the item cell names ${ids.size} different item ids: none kept`;
  else result.problem = 'no item id in the item cell (no item link, no ID line)';
  return result;
}

// ---------------------------------------------------------------------------------------------
// Item tables (商品排行, 宏观监控)

interface ItemTable {
  rows: TableRowReading[];
  itemColumn: string;
  rankColumn?: string;
}

function itemTables(doc: Document): ItemTable[] {
  if (!doc.body) return [];
  const tables: ItemTable[] = [];
  for (const reading of readTableRows(doc.body, 'taobao', FIND_OPTIONS)) {
    const itemColumn = headerIn(reading.headers, SYCM_ITEM_COLUMN_HEADERS);
    if (itemColumn === undefined) continue;
    const rankColumn = headerIn(reading.headers, SYCM_RANK_COLUMN_HEADERS);
    tables.push(rankColumn === undefined ? { rows: reading.rows, itemColumn } : { rows: reading.rows, itemColumn, rankColumn });
  }
  return tables;
}

function isTotalRow(row: TableRowReading): boolean {
  const first = Object.values(row.cells).map((text) => text.replace(/\s+/g, '')).find((text) => text !== '');
  return first !== undefined && SYCM_TOTAL_ROW_WORDS.includes(first);
}

function isPlaceholder(row: TableRowReading, table: ItemTable): boolean {
  return (row.cells[table.itemColumn] ?? '').trim() === '' && row.metrics.length === 0;
}

/** One metric twice in a row: the same value is kept once, different values are not kept. */
function dedupeMetrics(metrics: MetricReading[]): { metrics: MetricReading[]; issues: CaptureIssue[] } {
  const issues: CaptureIssue[] = [];
  const kept: MetricReading[] = [];
  for (const id of [...new Set(metrics.map((metric) => metric.metric))]) {
    const same = metrics.filter((metric) => metric.metric === id);
    if (new Set(same.map((metric) => `${metric.value}|${metric.max ?? ''}|${metric.bound}`)).size === 1) kept.push(same[0]!);
    else issues.push({ field: `metrics.${id}`, problem: `shown with different values (${same.map((m) => `'${m.label}' ${m.value}`).join(', ')}): none kept`.slice(0, 200) });
  }
  return { metrics: kept, issues };
}

function showsEmptyTable(doc: Document): boolean {
  if (!doc.body) return false;
  return Array.from(doc.body.querySelectorAll('td,div,p,span')).some(
    (el) => el.children.length === 0 && SYCM_EMPTY_TABLE_TEXTS.includes(visibleText(el)) && !isHiddenInTree(el),
  );
}

/** Row issues grouped by problem, each naming its rows (1-based among the items kept). */
class RowIssues {
  private readonly grouped = new Map<string, { field: string; problem: string; rows: number[] }>();

  add(row: number, issue: CaptureIssue): void {
    const key = `${issue.field}|${issue.problem}`;
    const entry = this.grouped.get(key) ?? { field: `items.${issue.field}`.slice(0, 60), problem: issue.problem, rows: [] };
    entry.rows.push(row);
    this.grouped.set(key, entry);
  }

  list(): CaptureIssue[] {
    return [...this.grouped.values()].map(({ field, problem, rows }) => ({
      field,
      problem: `${problem} (row${rows.length > 1 ? 's' : ''} ${rows.slice(0, 8).join(', ')}${rows.length > 8 ? ' …' : ''})`.slice(0, 200),
    }));
  }
}

function readItemTable(doc: Document): { items: ItemRow[]; issues: CaptureIssue[] } {
  const issues: CaptureIssue[] = [];
  const items: ItemRow[] = [];
  const tables = itemTables(doc);
  if (tables.length === 0) {
    issues.push({ field: 'items', problem: 'no item table (商品 column under metric headers) on the page' });
    return { items, issues };
  }
  if (tables.length > 1) issues.push({ field: 'items', problem: `${tables.length} item tables on the page: only the first is read` });
  const table = tables[0]!;
  const rowIssues = new RowIssues();
  let totals = 0;
  for (const row of table.rows) {
    if (isTotalRow(row)) {
      totals++;
      continue;
    }
    if (isPlaceholder(row, table)) continue;
    if (items.length >= MAX_ROWS) {
      issues.push({ field: 'items', problem: `more than ${MAX_ROWS} item rows: the rest are left out` });
      break;
    }
    const position = items.length + 1;
    const cell = readItemCell(row.cells[table.itemColumn] ?? '', row.cellElements?.[table.itemColumn]);
    const deduped = dedupeMetrics(row.metrics);
    const item: ItemRow = { metrics: deduped.metrics.slice(0, 60) };
    const rankText = table.rankColumn === undefined ? undefined : row.cells[table.rankColumn]?.trim();
    if (rankText !== undefined && /^\d{1,5}$/.test(rankText) && Number(rankText) > 0) item.rank = Number(rankText);
    if (cell.itemId !== undefined) item.itemId = cell.itemId;
    if (cell.title !== undefined) item.title = cell.title;
    for (const issue of [...row.issues, ...deduped.issues]) rowIssues.add(position, issue);
    if (cell.problem) rowIssues.add(position, { field: 'itemId', problem: cell.problem });
    items.push(item);
  }
  issues.push(...rowIssues.list());
  if (items.length === 0) {
    const why = showsEmptyTable(doc) ? 'the item table shows no items (暂无数据)' : `the item table has no item rows${totals > 0 ? ' (only its 合计 row)' : ''}`;
    issues.push({ field: 'items', problem: why });
  }
  return { items, issues };
}

// ---------------------------------------------------------------------------------------------
// 商品360

function item360Sections(doc: Document): Element[] {
  const titles = elementsTitled(doc, SYCM_ITEM360_SECTION_TITLES);
  const markers = [...titles, ...elementsTitled(doc, SYCM_REALTIME_SECTION_TITLES)];
  const roots = titles.map((title) => sectionAround(title, markers, FIND_OPTIONS)).filter((root): root is Element => root !== null);
  return roots.filter((root, index) => roots.indexOf(root) === index);
}

/** Item ids the page itself states (`商品ID：N` in its header), outside navigation and hidden parts. */
function statedItemIds(doc: Document): Set<string> {
  const ids = new Set<string>();
  for (const el of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 40 || isOutsideData(el)) continue;
    const text = normaliseDigits(visibleText(el));
    const match = /^(?:商品|宝贝)\s*ID\s*[:：]?\s*(\d{6,20})$/i.exec(text);
    if (match?.[1] && !Array.from(el.children).some((child) => visibleText(child) === visibleText(el))) ids.add(match[1]);
  }
  return ids;
}

/** The item's title: the text of a link to its own page. */
function item360Title(doc: Document, itemId: string): string | undefined {
  let best = '';
  for (const link of Array.from(doc.body?.querySelectorAll('a[href]') ?? [])) {
    if (isHiddenInTree(link) || linkedItemId(link) !== itemId) continue;
    const text = visibleText(link);
    if (text.length > best.length) best = text;
  }
  return best.length >= 2 ? best.slice(0, 300) : undefined;
}

function readItem360(doc: Document, itemId: string): { items: ItemRow[]; issues: CaptureIssue[] } {
  const issues: CaptureIssue[] = [];
  const stated = statedItemIds(doc);
  if (stated.size > 0 && !(stated.size === 1 && stated.has(itemId))) {
    const shown = [...stated].slice(0, 3).join(', ');
    issues.push({ field: 'items', problem: `the page shows item ${shown}, the address names ${itemId} (not updated yet?): not read` });
    return { items: [], issues };
  }
  const roots = item360Sections(doc);
  if (roots.length === 0) {
    issues.push({ field: 'items', problem: 'no 核心指标 section with figures on the 商品360 page' });
    return { items: [], issues };
  }
  const found = findMetrics(roots, 'taobao', FIND_OPTIONS);
  const row: ItemRow = { itemId, metrics: found.metrics.slice(0, 60) };
  const title = item360Title(doc, itemId);
  if (title) row.title = title;
  issues.push(...found.issues.map((issue) => ({ field: `items[1].${issue.field}`.slice(0, 60), problem: issue.problem })));
  if (found.metrics.length === 0) issues.push({ field: 'items', problem: 'the 核心指标 section shows no readable figure' });
  return { items: found.metrics.length > 0 ? [row] : [], issues };
}

// ---------------------------------------------------------------------------------------------
// Adapter

function extractSycmItem(doc: Document, url: URL): Extracted {
  const page = sycmItemPage(url);
  const period = sycmPagePeriod(doc);
  const shopName = readShopName(doc);
  const extracted: Extracted = {
    period,
    ...(shopName ? { shop: { name: shopName } } : {}),
    metrics: [],
    listing: null,
    results: null,
    items: [],
    issues: [],
  };
  if (!page) {
    extracted.issues.push({ field: 'url', problem: 'not a 生意参谋 item page (商品排行, 宏观监控, 商品360 with itemId)' });
    return extracted;
  }
  const read = page.kind === 'table' ? readItemTable(doc) : readItem360(doc, page.itemId);
  extracted.items = read.items;
  extracted.issues.push(...read.issues);
  if (!period) extracted.issues.push({ field: 'period', problem: 'the page states no period (统计时间 or the date picker)' });
  extracted.issues = extracted.issues.slice(0, 100);
  return extracted;
}

export const sycmItemReportAdapter: PageAdapter = {
  id: 'taobao/sycm-item-report',
  version: 1,
  platform: 'taobao',
  pageKind: 'item-report',
  hosts: ['*://sycm.taobao.com/*'],
  sampleUrls: [
    'https://sycm.taobao.com/cc/item_rank',
    'https://sycm.taobao.com/cc/item_rank?dateRange=2026-11-21%7C2026-11-21&dateType=day',
    'https://sycm.taobao.com/cc/macro_monitor',
    'https://sycm.taobao.com/cc/macro_monitor?dateType=recent7',
    'https://sycm.taobao.com/cc/item_archives?activeKey=sale&dateType=day&itemId=729386171519',
    'http://sycm.taobao.com/cc/item_archives?itemId=729386171519',
  ],
  matchesUrl: (url) => sycmItemPage(url) !== undefined,
  detect(doc, url) {
    const page = sycmItemPage(url);
    if (!page) return false;
    if (page.kind === 'item360') return readItem360(doc, page.itemId).items.length > 0;
    const tables = itemTables(doc);
    if (tables.length === 0) return false;
    const table = tables[0]!;
    return table.rows.some((row) => !isTotalRow(row) && !isPlaceholder(row, table)) || showsEmptyTable(doc);
  },
  extract: extractSycmItem,
};
