/**
 * Per-product tables: 电商罗盘 商品列表 (`compass.jinritemai.com/shop/commodity/product-list`:
 * 商品曝光人数, 商品点击人数, 成交金额, 成交订单数 … per product) and 抖店 商品管理
 * (`fxg.jinritemai.com/ffa/g/list`: 价格, 库存, 销量 per product). One ItemRow per product.
 *
 * Read by column header (lib/capture/finder.ts readTableRows): a header row of labels above the
 * rows, in one table or as a fixed header table above a body table. Only tables with a product
 * column (商品, 商品信息 …) or an id column (商品ID) are product tables. Rows that are no product
 * (one-cell rows such as 暂无数据 / 加载中, skeleton rows, rows with neither title, id nor a figure)
 * are skipped; a `-` in a cell is that figure missing for that product (an issue), never 0.
 * Price, stock and sales columns are read only here (./words.ts PRODUCT_TABLE_LABELS).
 *
 * The title is the product cell's text without its `ID：…` and price fragments; the id is the
 * id column, else the `ID：…` in the product cell. Neither is guessed from anything else.
 */
import type { CaptureIssue, ItemRow } from '../../capture/schema';
import { readTableRows, type TableRowReading } from '../../capture/finder';
import { NUMBER_END } from '../../capture/numbers';
import type { Extracted, PageAdapter } from '../types';
import { boundedIssues } from './dashboard';
import { isPageChrome, readDouyinPeriod } from './sections';
import { COMPASS_HOST, FXG_HOST, isCompassProductListUrl, isFxgProductListUrl } from './urls';
import { PRODUCT_COLUMNS, PRODUCT_ID_COLUMNS, PRODUCT_TABLE_LABELS, RANK_COLUMNS } from './words';

const MAX_ROWS = 200;
// The id must end where the digits end: `ID: 3691230x0000…` (a garbled or font-obfuscated digit) is
// no id, never its first seven digits (tests/unit/adapters/fuzz.test.ts).
const ID_IN_CELL = /(?:商品)?ID\s*[:：]?\s*(\d{6,25})(?=$|[\s,，;；|/)）\]】])/i;
const ID_TEXT = /^[\w-]{1,40}$/;
const PRICE_FRAGMENT = new RegExp(`[¥￥]\\s*\\d[\\d,]*(?:\\.\\d+)?(?:\\s*[-~至]\\s*[¥￥]?\\s*\\d[\\d,]*(?:\\.\\d+)?)?${NUMBER_END}`, 'g');
const CODE_FRAGMENT = /商家编码\s*[:：]?\s*\S*/g;

function columnText(row: TableRowReading, columns: readonly string[]): string | undefined {
  for (const [header, text] of Object.entries(row.cells)) {
    const name = header.replace(/[\s?？ⓘ]+$/, '');
    if (columns.includes(name)) return text.trim();
  }
  return undefined;
}

function titleOf(productCell: string | undefined): string | undefined {
  if (!productCell) return undefined;
  const title = productCell.replace(ID_IN_CELL, ' ').replace(PRICE_FRAGMENT, ' ').replace(CODE_FRAGMENT, ' ').replace(/\s+/g, ' ').trim();
  return title === '' || title === '-' ? undefined : title;
}

function itemRowOf(row: TableRowReading): { item: ItemRow; issues: CaptureIssue[] } | null {
  const productCell = columnText(row, PRODUCT_COLUMNS);
  const idCell = columnText(row, PRODUCT_ID_COLUMNS);
  const title = titleOf(productCell);
  const itemId = idCell && ID_TEXT.test(idCell) ? idCell : productCell ? ID_IN_CELL.exec(productCell)?.[1] : undefined;
  if (!title && !itemId && row.metrics.length === 0) return null;
  const item: ItemRow = { metrics: row.metrics.slice(0, 60) };
  const rankText = columnText(row, RANK_COLUMNS);
  if (rankText && /^\d{1,6}$/.test(rankText) && Number(rankText) > 0) item.rank = Number(rankText);
  if (itemId) item.itemId = itemId;
  if (title) item.title = title.slice(0, 300);
  return { item, issues: row.issues };
}

function isProductTable(headers: readonly string[]): boolean {
  const names = headers.map((header) => header.replace(/[\s?？ⓘ]+$/, ''));
  return names.some((name) => PRODUCT_COLUMNS.includes(name) || PRODUCT_ID_COLUMNS.includes(name));
}

function readItems(doc: Document): { items: ItemRow[]; issues: CaptureIssue[]; tables: number } {
  const root = doc.querySelector('main,[role="main"]') ?? doc.body;
  const issues: CaptureIssue[] = [];
  const items: ItemRow[] = [];
  if (!root) return { items, issues, tables: 0 };
  const tables = readTableRows(root, 'douyin', { ignore: isPageChrome, extraLabels: PRODUCT_TABLE_LABELS }).filter((table) =>
    isProductTable(table.headers),
  );
  for (const table of tables) {
    for (const row of table.rows) {
      const read = itemRowOf(row);
      if (!read) continue;
      if (items.length >= MAX_ROWS) {
        issues.push({ field: 'items', problem: `more than ${MAX_ROWS} product rows: the rest not read` });
        return { items, issues, tables: tables.length };
      }
      const index = items.length;
      items.push(read.item);
      for (const issue of read.issues) issues.push({ field: `items[${index}].${issue.field}`.slice(0, 60), problem: issue.problem });
      if (!read.item.title && !read.item.itemId) issues.push({ field: `items[${index}]`, problem: 'row without a product title or id' });
    }
  }
  return { items, issues, tables: tables.length };
}

function extractItemReport(doc: Document): Extracted {
  const { items, issues, tables } = readItems(doc);
  if (tables === 0) issues.unshift({ field: 'items', problem: 'no product table (商品 / 商品信息 column with figures) on the page' });
  else if (items.length === 0) issues.unshift({ field: 'items', problem: 'the product table has no rows (暂无数据 or still loading)' });
  const period = readDouyinPeriod(doc);
  return { period, metrics: [], listing: null, results: null, items, issues: boundedIssues(issues) };
}

export const itemReportAdapter: PageAdapter = {
  id: 'douyin/item-report',
  version: 1,
  platform: 'douyin',
  pageKind: 'item-report',
  hosts: [`*://${COMPASS_HOST}/*`, `*://${FXG_HOST}/*`],
  sampleUrls: [
    'https://compass.jinritemai.com/shop/commodity/product-list',
    'https://compass.jinritemai.com/shop/commodity/product-list?date_type=1&from_page=%2Fshop',
    'https://fxg.jinritemai.com/ffa/g/list',
    'https://fxg.jinritemai.com/ffa/g/list?tab=onsale',
  ],
  matchesUrl: (url) => isCompassProductListUrl(url) || isFxgProductListUrl(url),
  detect(doc) {
    return readItems(doc).items.length > 0;
  },
  extract: extractItemReport,
};
