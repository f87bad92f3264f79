/**
 * 生意参谋 › 市场 › 产品排行 (`sycm.taobao.com/mq/industry/product/rank.htm`): the category's best
 * selling products, one row each: 排名, 产品名称 (brand + model), 交易指数, 支付件数 → capture.items.
 * A real rendered page: ../shared/realpages/sycm (SOURCES-2.md A1).
 *
 * These rows are the MARKET's products, not the operator's items, and the capture says so by what
 * it leaves out:
 * - no row carries an itemId. A 产品 is identified by its spuId (a product-library id, another
 *   number space than item ids) and stands for every shop's listings of it; given as an itemId it
 *   would be keyed `taobao:item:<spuId>` beside the operator's own items, and item-report rows
 *   with ids are taken as the operator's own items (lib/db/store.ts, lib/watch/run.ts);
 * - capture.metrics stays empty: nothing here is a figure of the operator's shop.
 * 交易指数 is a relative index (unit `index`), never yuan; 支付件数 is a count.
 * Titles the table cuts short (`屈螺酮...`) are completed from the cell's own title attribute when
 * it starts with the text shown.
 *
 * Content-script code: type imports only from the schema.
 */
import type { CaptureIssue, ItemRow } from '../../capture/schema';
import { readTableRows, type TableRowReading } from '../../capture/finder';
import { normaliseDigits } from '../../capture/numbers';
import { isHiddenInTree, visibleText } from '../../capture/text';
import type { Extracted, PageAdapter } from '../types';
import { readShopName } from './sycm-home';
import { sycmPagePeriod } from './sycm-item';
import { SYCM_EMPTY_TABLE_TEXTS, SYCM_PRODUCT_COLUMN_HEADERS, SYCM_RANK_COLUMN_HEADERS, SYCM_TOTAL_ROW_WORDS } from './sycm-item-words';

const SYCM_HOST = 'sycm.taobao.com';
const RANK_PATHS = new Set(['/mq/industry/product/rank.htm']);
const MAX_ROWS = 200;
const HELP_MARKS = /[\s?？ⓘ❓:：]+$/;
const CUT = /(?:\.{3}|…)$/;

/** True for the 市场 产品排行 address. */
export function isSycmMarketRankUrl(url: URL): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  // The port is ignored, as Chrome's match patterns ignore it (the demo serves on a local port).
  return url.hostname.toLowerCase() === SYCM_HOST && RANK_PATHS.has(url.pathname);
}

function headerIn(headers: readonly string[], wanted: readonly string[]): string | undefined {
  return headers.find((header) => wanted.includes(normaliseDigits(header).replace(HELP_MARKS, '').replace(/\s+/g, '')));
}

interface ProductTable {
  rows: TableRowReading[];
  productColumn: string;
  rankColumn?: string;
}

function productTables(doc: Document): ProductTable[] {
  if (!doc.body) return [];
  const tables: ProductTable[] = [];
  for (const reading of readTableRows(doc.body, 'taobao')) {
    const productColumn = headerIn(reading.headers, SYCM_PRODUCT_COLUMN_HEADERS);
    if (productColumn === undefined) continue;
    const rankColumn = headerIn(reading.headers, SYCM_RANK_COLUMN_HEADERS);
    tables.push(rankColumn === undefined ? { rows: reading.rows, productColumn } : { rows: reading.rows, productColumn, rankColumn });
  }
  return tables;
}

function isProductRow(row: TableRowReading, table: ProductTable): boolean {
  const first = Object.values(row.cells).map((text) => text.replace(/\s+/g, '')).find((text) => text !== '');
  if (first !== undefined && SYCM_TOTAL_ROW_WORDS.includes(first)) return false;
  return (row.cells[table.productColumn] ?? '').trim() !== '' || row.metrics.length > 0;
}

/** The product name as shown; a name cut short (`…`) is completed from the cell's title attribute. */
function productName(text: string, cell: Element | undefined): string {
  const shown = text.replace(/\s+/g, ' ').trim();
  if (!CUT.test(shown) || !cell) return shown;
  const prefix = shown.replace(CUT, '');
  for (const el of [cell, ...Array.from(cell.querySelectorAll('[title]'))]) {
    // The attribute writes `汇仁 + 肾宝片 …` where the cell shows `汇仁+肾宝片 …`.
    const full = (el.getAttribute('title') ?? '').replace(/\s*\+\s*/g, '+').replace(/\s+/g, ' ').trim();
    if (full.length > prefix.length && full.startsWith(prefix)) return full;
  }
  return shown;
}

function showsEmptyTable(doc: Document): boolean {
  if (!doc.body) return false;
  return Array.from(doc.body.querySelectorAll('td,div,p,span')).some(
    (el) => el.children.length === 0 && SYCM_EMPTY_TABLE_TEXTS.includes(visibleText(el)) && !isHiddenInTree(el),
  );
}

function extractMarketRank(doc: Document): Extracted {
  const issues: CaptureIssue[] = [];
  const period = sycmPagePeriod(doc);
  const shopName = readShopName(doc);
  const items: ItemRow[] = [];
  const tables = productTables(doc);
  if (tables.length === 0) {
    issues.push({ field: 'items', problem: 'no product table (产品名称 column under metric headers) on the page' });
  } else {
    if (tables.length > 1) issues.push({ field: 'items', problem: `${tables.length} product tables on the page: only the first is read` });
    const table = tables[0]!;
    for (const row of table.rows) {
      if (!isProductRow(row, table)) continue;
      if (items.length >= MAX_ROWS) {
        issues.push({ field: 'items', problem: `more than ${MAX_ROWS} product rows: the rest are left out` });
        break;
      }
      const position = items.length + 1;
      const item: ItemRow = { metrics: row.metrics.slice(0, 60) };
      const rankText = table.rankColumn === undefined ? undefined : row.cells[table.rankColumn]?.trim();
      if (rankText !== undefined && /^\d{1,5}$/.test(rankText) && Number(rankText) > 0) item.rank = Number(rankText);
      const name = productName(row.cells[table.productColumn] ?? '', row.cellElements?.[table.productColumn]);
      if (name) item.title = name.slice(0, 300);
      for (const issue of row.issues) issues.push({ field: `items[${position}].${issue.field}`.slice(0, 60), problem: issue.problem });
      items.push(item);
    }
    if (items.length === 0) {
      issues.push({ field: 'items', problem: showsEmptyTable(doc) ? 'the product table shows no products (暂无数据)' : 'the product table has no product rows' });
    }
  }
  if (!period) issues.push({ field: 'period', problem: 'the page states no period (统计时间 or the date picker)' });
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

export const sycmMarketRankAdapter: PageAdapter = {
  id: 'taobao/sycm-market-rank',
  version: 1,
  platform: 'taobao',
  pageKind: 'item-report',
  hosts: ['*://sycm.taobao.com/*'],
  sampleUrls: [
    'https://sycm.taobao.com/mq/industry/product/rank.htm',
    'https://sycm.taobao.com/mq/industry/product/rank.htm?spm=a21ag.7782686.LeftMenu.d320.3a4b1d5e#/?cateId=50023720&dateRange=2017-06-22%7C2017-06-22&dateType=recent1&device=0&seller=-1',
    'http://sycm.taobao.com/mq/industry/product/rank.htm',
  ],
  matchesUrl: isSycmMarketRankUrl,
  detect(doc) {
    const tables = productTables(doc);
    if (tables.length === 0) return false;
    return tables[0]!.rows.some((row) => isProductRow(row, tables[0]!)) || showsEmptyTable(doc);
  },
  extract: (doc) => extractMarketRank(doc),
};
