/**
 * 数据中心 › 商品数据 › 商品明细 (`mms.pinduoduo.com/sycm/goods_effect`): one row per goods, its
 * metrics mapped by column header (商品访客数, 商品浏览量, 成交金额, 成交转化率 …) → capture.items.
 *
 * The table is read with the finder's per-item table reader (lib/capture/finder.ts readTableRows):
 * header and body may be two <table>s (fixed header); every body row must line up with the header
 * or no row is read. On top of that this adapter:
 * - skips placeholder rows (a 暂无数据 row spanning the table, loading rows with empty cells);
 * - takes the goods name and id from the goods column (`…名称 ID：930005554830`);
 * - decodes digits drawn with the obfuscating font (private-use characters) from the font the
 *   page embeds, and reports those it cannot decode cell by cell, with one page-level note
 *   saying why (./obfuscated-font.ts).
 * Column labels and a real row: RPA doc `rpa.conn.pinduoduo.item.goods.data` (SOURCES.md).
 */
import type { CaptureIssue, ItemRow } from '../../capture/schema';
import { readTableRows, type TableReading, type TableRowReading } from '../../capture/finder';
import { NUMBER_END } from '../../capture/numbers';
import { isHiddenInTree, visibleText } from '../../capture/text';
import { fontTextDecoder } from '../../capture/fonts/font-text';
import type { Extracted, PageAdapter, PageFonts } from '../types';
import { obfuscatedFontIssue, pddDigitFonts } from './obfuscated-font';
import { readPagePeriod } from './sections';
import { isPddGoodsEffectUrl, PDD_MMS_PATTERNS } from './urls';
import { PDD_EMPTY_TABLE_TEXTS, PDD_GOODS_COLUMN_HEADERS, PDD_PERIOD_PREFIXES, PDD_RANK_COLUMN_HEADERS } from './words';

const MAX_ITEMS = 200;
// The id ends at a clean boundary: `ID：9300055口1189` (a glyph lost) is no id, never its first digits.
const GOODS_ID = new RegExp(`(?:商品)?ID\\s*[:：]?\\s*(\\d{6,20})${NUMBER_END}`);

interface GoodsTable {
  reading: TableReading;
  goodsColumn?: string;
  rankColumn?: string;
}

function headerIn(headers: readonly string[], wanted: readonly string[]): string | undefined {
  return headers.find((header) => wanted.includes(header.replace(/\s+/g, '')));
}

function goodsTables(doc: Document, fonts: PageFonts | undefined): GoodsTable[] {
  if (!doc.body) return [];
  return readTableRows(doc.body, 'pinduoduo', fonts ? { decodeText: fontTextDecoder(fonts) } : {})
    .map((reading) => {
      const table: GoodsTable = { reading };
      const goods = headerIn(reading.headers, PDD_GOODS_COLUMN_HEADERS);
      const rank = headerIn(reading.headers, PDD_RANK_COLUMN_HEADERS);
      if (goods !== undefined) table.goodsColumn = goods;
      if (rank !== undefined) table.rankColumn = rank;
      return table;
    })
    .filter((table) => table.goodsColumn !== undefined);
}

/** A row that stands for no goods: no goods text and no figure (暂无数据 spanning the row, a loading row). */
function isPlaceholder(row: TableRowReading, table: GoodsTable): boolean {
  const goods = table.goodsColumn === undefined ? '' : (row.cells[table.goodsColumn] ?? '');
  return goods.trim() === '' && row.metrics.length === 0;
}

function goodsOf(text: string): { title?: string; itemId?: string } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const id = GOODS_ID.exec(flat);
  const title = (id ? flat.slice(0, id.index) : flat).replace(/[\s|｜,，]+$/, '').trim();
  const goods: { title?: string; itemId?: string } = {};
  if (title !== '') goods.title = title.slice(0, 300);
  if (id?.[1]) goods.itemId = id[1];
  return goods;
}

function showsEmptyTable(doc: Document): boolean {
  if (!doc.body) return false;
  return Array.from(doc.body.querySelectorAll('td,[role="cell"],div,p,span')).some(
    (el) => el.children.length === 0 && !isHiddenInTree(el) && PDD_EMPTY_TABLE_TEXTS.includes(visibleText(el)),
  );
}

function extractGoodsEffect(doc: Document, _url: URL, _responses?: unknown, fonts?: PageFonts): Extracted {
  const issues: CaptureIssue[] = [];
  const period = readPagePeriod(doc, PDD_PERIOD_PREFIXES);
  const extracted: Extracted = { period, metrics: [], listing: null, results: null, items: [], issues };
  if (!period) issues.push({ field: 'period', problem: 'the page states no period (统计时间)' });
  const tables = goodsTables(doc, fonts);
  if (tables.length === 0) {
    issues.push({ field: 'items', problem: 'no goods table (商品 column under metric headers) on the page' });
    return extracted;
  }
  if (tables.length > 1) issues.push({ field: 'items', problem: `${tables.length} goods tables on the page: only the first is read` });
  const table = tables[0]!;
  const items: ItemRow[] = [];
  let obfuscated = 0;
  for (const row of table.reading.rows) {
    if (isPlaceholder(row, table)) continue;
    if (items.length >= MAX_ITEMS) {
      issues.push({ field: 'items', problem: `more than ${MAX_ITEMS} goods rows: the rest are left out` });
      break;
    }
    const position = items.length + 1;
    const item: ItemRow = { metrics: row.metrics };
    const goods = goodsOf(table.goodsColumn === undefined ? '' : (row.cells[table.goodsColumn] ?? ''));
    if (goods.title !== undefined) item.title = goods.title;
    if (goods.itemId !== undefined) item.itemId = goods.itemId;
    const rankText = table.rankColumn === undefined ? undefined : row.cells[table.rankColumn]?.trim();
    if (rankText !== undefined && /^\d{1,4}$/.test(rankText) && Number(rankText) > 0) item.rank = Number(rankText);
    for (const issue of row.issues) {
      if (issue.problem.includes('obfuscated font (private-use characters)')) obfuscated++;
      issues.push({ field: `items[${position}].${issue.field}`.slice(0, 60), problem: issue.problem });
    }
    if (goods.itemId === undefined) issues.push({ field: `items[${position}].itemId`, problem: 'no goods ID in the goods column' });
    items.push(item);
  }
  extracted.items = items;
  if (obfuscated > 0) issues.push(obfuscatedFontIssue(obfuscated, doc, 'items', fonts));
  if (items.length === 0) {
    issues.push({ field: 'items', problem: showsEmptyTable(doc) ? 'the goods table shows no goods (暂无数据)' : 'the goods table has no readable rows' });
  }
  extracted.issues = issues.slice(0, 100);
  return extracted;
}

export const pddGoodsEffectAdapter: PageAdapter = {
  id: 'pinduoduo/goods-effect',
  // 2: digits drawn with an embedded obfuscating font are decoded.
  version: 2,
  platform: 'pinduoduo',
  pageKind: 'item-report',
  hosts: PDD_MMS_PATTERNS,
  sampleUrls: [
    'https://mms.pinduoduo.com/sycm/goods_effect',
    'https://mms.pinduoduo.com/sycm/goods_effect?msfrom=mms_sidenav',
    'http://mms.pinduoduo.com/sycm/goods_effect/',
  ],
  matchesUrl: isPddGoodsEffectUrl,
  fonts: pddDigitFonts,
  detect(doc, _url, _responses, fonts) {
    const tables = goodsTables(doc, fonts);
    if (tables.length === 0) return false;
    const table = tables[0]!;
    return table.reading.rows.some((row) => !isPlaceholder(row, table)) || showsEmptyTable(doc);
  },
  extract: extractGoodsEffect,
};
