/**
 * The goods data PDD's goods pages embed for rendering: an inline script sets `window.rawData`,
 * and the goods sit at `store.initDataObj.goods` (older pages: `store.goods` or `goods`), the shop
 * at `store.initDataObj.mall`. Read as JSON text, never run.
 *
 * Money units differ by field, and nothing in a value says which (990 could be ¥990 or 990 fen):
 * - camelCase fields the page renders from (`minGroupPrice`, `maxNormalPrice`, `skus[].groupPrice`)
 *   are yuan: public PDD readers take them as the displayed yuan (a goods-page adapter built on
 *   goldminer-collector and ozonAI states "rawData 页嵌字段（camelCase）是展示态元"). No real
 *   rawData capture was available to confirm it, so listing.ts checks it against the shown price;
 * - snake_case API fields (`min_group_price`, `min_normal_price`, `group_price`) are fen: the 2018
 *   category API in ../shared/realpages/pdd has `normal_price 79900` for ¥799.00, and the render/sku
 *   API's `group_price` is fen in the same public readers.
 * Any other price field is not read. When two fields for one price disagree, or the embedded price
 * disagrees with the price the page shows (listing.ts checks), the price is reported, not guessed.
 *
 * Content-script code: no zod; shapes are checked with the readers in ../json-reader.ts.
 */
import type { CountReading, Price } from '../../capture/schema';
import { fenToYuan, parseSalesPhrase } from '../../capture/numbers';
import { memoised } from '../../capture/text-scan';
import { findEmbeddedJson } from '../embedded-json';
import { arrayAt, isRecord, numberAt, recordAt, textAt, valueAt, type JsonRecord } from '../json-reader';
import { PDD_SHOP_SALES_PREFIXES } from './words';

export const RAWDATA_SCRIPT_MARKER = 'rawData';

export interface RawGoodsData {
  goods: JsonRecord;
  mall?: JsonRecord;
}

/** The goods (and shop) records of `window.rawData`, or undefined when the page embeds none. */
export function readRawGoods(doc: Document): RawGoodsData | undefined {
  // detect and extract both ask: the page's scripts are searched once per capture.
  return memoised(readRawGoods, doc, () => readRawGoodsNow(doc));
}

function readRawGoodsNow(doc: Document): RawGoodsData | undefined {
  return findEmbeddedJson(doc, RAWDATA_SCRIPT_MARKER, '"goods', (value) => {
    const goods = recordAt(value, 'store', 'initDataObj', 'goods') ?? recordAt(value, 'store', 'goods') ?? recordAt(value, 'goods');
    if (!goods) return undefined;
    const mall = recordAt(value, 'store', 'initDataObj', 'mall') ?? recordAt(value, 'store', 'mall') ?? recordAt(value, 'mall');
    return mall ? { goods, mall } : { goods };
  });
}

export function rawGoodsId(goods: JsonRecord): string | undefined {
  const id = textAt(goods, 'goodsID') ?? textAt(goods, 'goodsId') ?? textAt(goods, 'goods_id');
  return id !== undefined && /^\d{1,20}$/.test(id) ? id : undefined;
}

export function rawTitle(goods: JsonRecord): string | undefined {
  const title = textAt(goods, 'goodsName') ?? textAt(goods, 'goods_name');
  return title === undefined ? undefined : title.replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Prices

type MoneyUnit = 'yuan' | 'fen';

/** One price the data holds, from its min/max fields in a known unit. */
interface PriceField {
  kind: Price['kind'];
  /** The page's word for this price. */
  label?: string;
  min: string;
  max: string;
  unit: MoneyUnit;
}

/** Price fields read, in order of trust; see the module comment for the units. */
export const RAWDATA_PRICE_FIELDS: readonly PriceField[] = [
  { kind: 'group', label: '拼单价', min: 'minGroupPrice', max: 'maxGroupPrice', unit: 'yuan' },
  { kind: 'group', label: '拼单价', min: 'min_group_price', max: 'max_group_price', unit: 'fen' },
  { kind: 'list', label: '单买价', min: 'minNormalPrice', max: 'maxNormalPrice', unit: 'yuan' },
  { kind: 'list', label: '单买价', min: 'min_normal_price', max: 'max_normal_price', unit: 'fen' },
];

/** Per-SKU price fields (yuan, as rendered in the SKU dialog). */
const SKU_PRICE_FIELDS: ReadonlyArray<{ kind: Price['kind']; label: string; field: string }> = [
  { kind: 'group', label: '拼单价', field: 'groupPrice' },
  { kind: 'list', label: '单买价', field: 'normalPrice' },
];

/** A yuan amount: a non-negative number with at most two decimals (`29.9`, `"29.90"`). */
function yuanAt(record: JsonRecord, field: string): number | undefined | null {
  const raw = valueAt(record, field);
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = numberAt(record, field);
  if (value === undefined || value < 0 || Math.round(value * 100) !== Number((value * 100).toFixed(6))) return null;
  return value;
}

/** A fen amount turned into yuan (`79900` → 799). */
function fenAt(record: JsonRecord, field: string): number | undefined | null {
  const raw = valueAt(record, field);
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = numberAt(record, field);
  if (value === undefined) return null;
  return fenToYuan(value);
}

function amountAt(record: JsonRecord, field: string, unit: MoneyUnit): number | undefined | null {
  return unit === 'yuan' ? yuanAt(record, field) : fenAt(record, field);
}

export interface RawPrices {
  prices: Price[];
  /**
   * Prices read from yuan fields only (camelCase, SKU prices), whose unit no real capture has
   * confirmed: usable only once the page's shown price agrees (listing.ts). A price a fen field
   * also states (the two agree) is confirmed.
   */
  unconfirmed: Price[];
  /** Why a price the data holds was not taken. */
  problems: string[];
}

function rangePrice(kind: Price['kind'], label: string | undefined, min: number, max: number | undefined): Price {
  const price: Price = max === undefined || max === min ? { min, kind } : { min, max, kind };
  if (label !== undefined) price.label = label;
  return price;
}

/**
 * The group and single-buy prices the data states. Each kind comes from its min/max fields (yuan
 * and fen variants must agree when both are present) or, lacking those, from the SKUs' own prices.
 */
export function readRawPrices(goods: JsonRecord): RawPrices {
  const problems: string[] = [];
  const byKind = new Map<string, Price[]>();
  const fromFen = new Set<string>();
  for (const field of RAWDATA_PRICE_FIELDS) {
    const min = amountAt(goods, field.min, field.unit);
    const max = amountAt(goods, field.max, field.unit);
    if (min === undefined) continue;
    if (min === null || max === null || (max !== undefined && max < min)) {
      problems.push(`${field.min}/${field.max} are not ${field.unit === 'fen' ? 'whole fen' : 'yuan amounts'}: not read`);
      continue;
    }
    const key = `${field.kind}|${field.label ?? ''}`;
    byKind.set(key, [...(byKind.get(key) ?? []), rangePrice(field.kind, field.label, min, max)]);
    if (field.unit === 'fen') fromFen.add(key);
  }
  const skus = (arrayAt(goods, 'skus') ?? []).filter(isRecord);
  for (const sku of SKU_PRICE_FIELDS) {
    const key = `${sku.kind}|${sku.label}`;
    if (byKind.has(key) || skus.length === 0) continue;
    const amounts = skus.map((record) => yuanAt(record, sku.field));
    if (amounts.every((amount) => amount === undefined)) continue;
    if (amounts.some((amount) => amount === null || amount === undefined)) {
      problems.push(`skus[].${sku.field} missing or not a yuan amount on some SKUs: not read`);
      continue;
    }
    const values = amounts as number[];
    byKind.set(key, [rangePrice(sku.kind, sku.label, Math.min(...values), Math.max(...values))]);
  }
  const prices: Price[] = [];
  const unconfirmed: Price[] = [];
  for (const [key, found] of byKind) {
    const first = found[0]!;
    if (found.some((price) => price.min !== first.min || price.max !== first.max)) {
      // 29.9 (yuan field) against 2990 fen is the same price; 29.9 against 299 fen is not.
      problems.push(`embedded ${key.split('|')[1] || key.split('|')[0]} fields disagree (${found.map(show).join(' vs ')}): units uncertain, not read`);
      continue;
    }
    prices.push(first);
    if (!fromFen.has(key)) unconfirmed.push(first);
  }
  return { prices, unconfirmed, problems };
}

function show(price: Price): string {
  return price.max === undefined ? String(price.min) : `${price.min}-${price.max}`;
}

// ---------------------------------------------------------------------------------------------
// Sales and shop

export interface RawSales {
  sales?: CountReading;
  problem?: string;
  notes: string[];
}

/**
 * Sales: the sales tip as shown (`sideSalesTip` 已拼10万+件 → 100000, atLeast), else the plain
 * count `soldQuantity` / `sold_quantity` (exact). A tip counting the whole shop (本店已拼…) is not
 * the goods' sales. A count below the tip's lower bound contradicts it and is noted.
 */
export function readRawSales(goods: JsonRecord): RawSales {
  const notes: string[] = [];
  const tip = textAt(goods, 'sideSalesTip') ?? textAt(goods, 'salesTip') ?? textAt(goods, 'sales_tip');
  const sold = numberAt(goods, 'soldQuantity') ?? numberAt(goods, 'sold_quantity');
  const soldCount = sold !== undefined && Number.isSafeInteger(sold) && sold >= 0 ? sold : undefined;
  if (tip !== undefined) {
    const compact = tip.replace(/\s+/g, '');
    const phrase = parseSalesPhrase(tip);
    if (PDD_SHOP_SALES_PREFIXES.some((prefix) => compact.startsWith(prefix))) {
      return { problem: `sales tip "${compact.slice(0, 30)}" counts the whole shop, not this goods`, notes };
    }
    if (phrase?.kind === 'sales') {
      if (soldCount !== undefined && soldCount < phrase.value) {
        notes.push(`sold_quantity ${soldCount} is below the sales tip ${phrase.phrase}: the tip is used`);
      }
      return { sales: { value: phrase.value, bound: phrase.bound, phrase: phrase.phrase.slice(0, 60) }, notes };
    }
  }
  if (soldCount !== undefined) return { sales: { value: soldCount, bound: 'exact' }, notes };
  if (sold !== undefined) return { problem: 'sold_quantity is not a whole number', notes };
  return { problem: tip === undefined ? 'no sales tip in the embedded data' : `sales tip "${tip.slice(0, 30)}" is not a sales count`, notes };
}

export function readRawShop(data: RawGoodsData): { id?: string; name?: string } | undefined {
  const id = (data.mall && (textAt(data.mall, 'mallID') ?? textAt(data.mall, 'mallId'))) ?? textAt(data.goods, 'mallID') ?? textAt(data.goods, 'mallId');
  const name = data.mall && (textAt(data.mall, 'mallName') ?? textAt(data.mall, 'mall_name'));
  const shop: { id?: string; name?: string } = {};
  if (id !== undefined && /^\d{1,20}$/.test(id)) shop.id = id;
  if (name !== undefined) shop.name = name.slice(0, 100);
  return shop.id === undefined && shop.name === undefined ? undefined : shop;
}
