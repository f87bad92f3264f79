/**
 * Reads a Taobao/Tmall listing from the embedded ICE data (`loaderData.home.data.res`, see
 * ./ice-context.ts). Every value is checked before use: prices against their fen amount
 * (`priceText "29.9"` must equal `priceMoney "2990"`), counts must be whole numbers, and a
 * value that does not check out is reported, not repaired.
 */
import type { Price } from '../../capture/schema';
import { fenToYuan, isNoData, parseFigure, parsePrice, type Figure } from '../../capture/numbers';
import { metricForLabel } from '../../metrics';
import { arrayAt, booleanAt, isRecord, numberAt, recordAt, textAt, valueAt, type JsonRecord } from '../json-reader';
import { icePriceVO, iceRateVO } from './ice-context';
import {
  found,
  missing,
  quote,
  sameAmount,
  type Found,
  type ListingParts,
  type ListingImages,
  type ListingPrices,
  type ListingScore,
  type ListingShop,
  type ListingSkus,
  type ListingStock,
} from './listing-parts';
import { ATTRIBUTE_HEADINGS, priceKindForLabel, SERVICE_SCORE_LEVELS, SHIPPING_PROMISE } from './listing-words';

/** sku2info key of the item-level summary (lowest price with 起, total stock). */
const ITEM_SUMMARY_KEY = '0';

interface ReadPrice {
  min: number;
  max?: number;
  from: boolean;
  title?: string;
}

/** One ICE price block (`{priceText, priceMoney, priceDesc, priceTitle, hiddenPrice}`). */
function readPriceBlock(block: JsonRecord): { price?: ReadPrice; problem?: string } {
  if (booleanAt(block, 'hiddenPrice') === true) return { problem: 'the page hides the price (hiddenPrice)' };
  const text = textAt(block, 'priceText');
  if (text === undefined) return { problem: 'no priceText' };
  if (isNoData(text)) return { problem: `price shown as ${quote(text)}` };
  const figure = parsePrice(text);
  if (!figure) return { problem: `unreadable price text ${quote(text)}` };
  const money = textAt(block, 'priceMoney');
  if (money !== undefined) {
    const yuan = fenToYuan(money);
    if (yuan === null) return { problem: `unreadable priceMoney ${quote(money)}` };
    if (!sameAmount(yuan, figure.min)) {
      return { problem: `priceText ${quote(text)} disagrees with priceMoney ${money} fen` };
    }
  }
  const price: ReadPrice = { min: figure.min, from: figure.from || textAt(block, 'priceDesc') === '起' };
  if (figure.max !== undefined) price.max = figure.max;
  const title = textAt(block, 'priceTitle');
  if (title !== undefined) price.title = title;
  return { price };
}

interface SkuPrices {
  values: number[];
  unreadable: number;
}

/** Prices of the real SKUs (summary entry left out) under `key` ('price' or 'subPrice') with `title`. */
function skuPrices(sku2info: JsonRecord | undefined, key: 'price' | 'subPrice', title: string | undefined): SkuPrices {
  const result: SkuPrices = { values: [], unreadable: 0 };
  if (!sku2info) return result;
  for (const [skuId, entry] of Object.entries(sku2info)) {
    if (skuId === ITEM_SUMMARY_KEY || !isRecord(entry)) continue;
    const block = recordAt(entry, key);
    if (!block) continue;
    // A SKU price titled differently is a different price (a 券后 next to a 优惠前).
    const skuTitle = textAt(block, 'priceTitle');
    if (skuTitle !== undefined && title !== undefined && skuTitle !== title) continue;
    const read = readPriceBlock(block);
    if (!read.price) {
      result.unreadable++;
      continue;
    }
    result.values.push(read.price.min);
    if (read.price.max !== undefined) result.values.push(read.price.max);
  }
  return result;
}

/**
 * The shown price, widened to the SKU range when the page marks it as the lowest (起) and
 * the SKUs agree on that lowest price. A range the SKUs contradict is not given.
 */
function withSkuRange(shown: ReadPrice, skus: SkuPrices, what: string, notes: string[]): { min: number; max?: number } {
  if (shown.max !== undefined) return { min: shown.min, max: shown.max };
  if (!shown.from) return { min: shown.min };
  if (skus.values.length === 0) {
    notes.push(`${what} is a 起 (from) price and no SKU prices were found: upper end unknown`);
    return { min: shown.min };
  }
  const low = Math.min(...skus.values);
  const high = Math.max(...skus.values);
  if (!sameAmount(low, shown.min)) {
    notes.push(`${what}: SKU prices start at ${low}, not at the shown ${shown.min}起; upper end left out`);
    return { min: shown.min };
  }
  if (skus.unreadable > 0) notes.push(`${what}: ${skus.unreadable} SKU price(s) unreadable, range from the others`);
  return high > shown.min && !sameAmount(high, shown.min) ? { min: shown.min, max: high } : { min: shown.min };
}

function toPrice(range: { min: number; max?: number }, kind: Price['kind'], label: string | undefined): Price {
  const price: Price = range.max === undefined ? { min: range.min, kind } : { min: range.min, max: range.max, kind };
  if (label !== undefined) price.label = label.slice(0, 40);
  return price;
}

function readPrices(res: JsonRecord): Found<ListingPrices> {
  const priceVO = icePriceVO(res);
  const sku2info = recordAt(res, 'skuCore', 'sku2info');
  const summary = recordAt(sku2info, ITEM_SUMMARY_KEY);
  const notes: string[] = [];

  const mainBlock = recordAt(priceVO, 'price') ?? recordAt(summary, 'price');
  if (!mainBlock) return missing('no price block (priceVO.price)');
  const main = readPriceBlock(mainBlock);
  if (!main.price) return missing(main.problem ?? 'unreadable price');

  const mainRange = withSkuRange(main.price, skuPrices(sku2info, 'price', main.price.title), 'price', notes);
  let kind: Price['kind'] = 'shown';
  if (main.price.title !== undefined) {
    const known = priceKindForLabel(main.price.title);
    if (known) kind = known;
    else notes.push(`price label ${quote(main.price.title)} is not a known kind: kept as shown`);
  }
  const prices: ListingPrices = { price: toPrice(mainRange, kind, main.price.title), otherPrices: [] };

  // The second price (平台加补后, 券后 …): priceVO.extraPrice, else the summary's subPrice.
  const extraBlock = recordAt(priceVO, 'extraPrice') ?? recordAt(summary, 'subPrice');
  if (extraBlock) {
    const extra = readPriceBlock(extraBlock);
    const extraKind = extra.price?.title === undefined ? undefined : priceKindForLabel(extra.price.title);
    if (!extra.price) {
      notes.push(`second price left out: ${extra.problem ?? 'unreadable'}`);
    } else if (!extraKind) {
      notes.push(
        extra.price.title === undefined
          ? 'a second price without a label was left out'
          : `second price labelled ${quote(extra.price.title)} (not a known kind) was left out`,
      );
    } else {
      const what = extra.price.title ?? 'second price';
      const range = withSkuRange(extra.price, skuPrices(sku2info, 'subPrice', extra.price.title), what, notes);
      prices.otherPrices.push(toPrice(range, extraKind, extra.price.title));
    }
  }
  return found(prices, notes);
}

/** A count (sales, reviews) the data gives as text such as `1万+`, `2000+`, `0`. */
function readCount(text: string | undefined, what: string): Found<{ value: number; bound: 'exact' | 'atLeast'; phrase: string }> {
  if (text === undefined) return missing(`no ${what}`);
  if (isNoData(text)) return missing(`${what} shown as ${quote(text)}`);
  const figure: Figure | null = parseFigure(text);
  if (
    !figure ||
    figure.percent ||
    figure.currency ||
    figure.max !== undefined ||
    figure.from ||
    !Number.isInteger(figure.value) ||
    figure.value < 0
  ) {
    return missing(`unreadable ${what} ${quote(text)}`);
  }
  return found({ value: figure.value, bound: figure.bound, phrase: text.slice(0, 60) });
}

function readShop(res: JsonRecord): Found<ListingShop> {
  const seller = recordAt(res, 'seller');
  if (!seller) return missing('no seller block');
  const name = textAt(seller, 'shopName');
  const id = textAt(seller, 'shopId');
  if (name === undefined && id === undefined) return missing('seller block has no shopName or shopId');
  const shop: ListingShop = {};
  if (id !== undefined && /^\d{1,40}$/.test(id)) shop.id = id;
  if (name !== undefined) shop.name = name.slice(0, 100);
  return found(shop);
}

/** A service score: a plain decimal between 0 and 5 (DSR scale). */
export function readScoreValue(text: string): number | undefined {
  const figure = parseFigure(text);
  if (!figure || figure.percent || figure.currency || figure.multiplied || figure.suffix || figure.max !== undefined) {
    return undefined;
  }
  if (figure.bound !== 'exact' || figure.from || figure.value < 0 || figure.value > 5) return undefined;
  return figure.value;
}

function readScores(res: JsonRecord): Found<ListingScore[]> {
  const evaluates = arrayAt(res, 'seller', 'evaluates');
  if (!evaluates || evaluates.length === 0) return missing('no seller.evaluates');
  const scores: ListingScore[] = [];
  const notes: string[] = [];
  for (const entry of evaluates.slice(0, 10)) {
    const label = textAt(entry, 'title');
    const scoreText = textAt(entry, 'score');
    if (label === undefined) continue;
    const value = scoreText === undefined ? undefined : readScoreValue(scoreText);
    if (value === undefined) {
      notes.push(`${label.slice(0, 20)} score ${scoreText === undefined ? 'missing' : quote(scoreText)}`);
      continue;
    }
    const metric = metricForLabel('taobao', label);
    const score: ListingScore = metric
      ? { metric: metric.id, label: label.slice(0, 40), value }
      : { label: label.slice(0, 40), value };
    const level = textAt(entry, 'levelText');
    if (level !== undefined && SERVICE_SCORE_LEVELS.includes(level)) score.level = level;
    scores.push(score);
  }
  if (scores.length === 0) return { problem: `no readable service score (${notes.join('; ')})` };
  return found(scores, notes);
}

function readStock(res: JsonRecord): Found<ListingStock> {
  const sku2info = recordAt(res, 'skuCore', 'sku2info');
  if (!sku2info) return missing('no skuCore.sku2info');
  let entry = recordAt(sku2info, ITEM_SUMMARY_KEY);
  if (!entry) {
    const skus = Object.values(sku2info).filter(isRecord);
    if (skus.length !== 1) return missing('no item-level stock entry in sku2info');
    entry = skus[0];
  }
  const text = textAt(entry, 'quantityText');
  if (text === undefined) return missing('no quantityText for the item');
  if (text.length > 60) return missing(`stock text too long ${quote(text)}`);
  const stock: ListingStock = { text };
  const notes: string[] = [];
  const quantity = numberAt(entry, 'quantity');
  if (quantity !== undefined && Number.isInteger(quantity) && quantity >= 0) {
    // moreQuantity: the page caps the number it shows ("200+"): the figure is not the stock.
    if (booleanAt(entry, 'moreQuantity') === true) notes.push(`stock quantity ${quantity} is a display cap (moreQuantity): left out`);
    else stock.quantity = quantity;
  }
  return found(stock, notes);
}

function readTitle(res: JsonRecord): Found<string> {
  const title = textAt(res, 'item', 'title');
  return title === undefined ? missing('no item.title') : found(title);
}

/** The item id the embedded data is about, when it states one. */
export function iceItemId(res: JsonRecord): string | undefined {
  return textAt(res, 'item', 'itemId');
}

/** Main images: `item.images` (URLs). A main video is known only when `item.videos` is given. */
function readImages(res: JsonRecord): Found<ListingImages> {
  const images = arrayAt(res, 'item', 'images');
  if (!images) return missing('no item.images');
  const count = images.filter((url) => typeof url === 'string' && url.trim() !== '').length;
  const result: ListingImages = { count };
  const videos = arrayAt(res, 'item', 'videos');
  if (videos) result.video = videos.some((video) => isRecord(video) || (typeof video === 'string' && video.trim() !== ''));
  return found(result);
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * SKUs: `skuBase.skus` (an empty list = a single-spec item: one SKU), and the median of their
 * own prices of the main price's kind (same `priceTitle`), the common price a 起 price is
 * compared with. Prices are checked against their fen amounts like the main price.
 */
function readSkus(res: JsonRecord): Found<ListingSkus> {
  const skus = arrayAt(res, 'skuBase', 'skus');
  if (!skus) return missing('no skuBase.skus');
  const result: ListingSkus = { count: Math.max(1, skus.filter(isRecord).length) };
  const notes: string[] = [];
  const sku2info = recordAt(res, 'skuCore', 'sku2info');
  const mainTitle = textAt(icePriceVO(res), 'price', 'priceTitle') ?? textAt(sku2info, ITEM_SUMMARY_KEY, 'price', 'priceTitle');
  const prices = skuPrices(sku2info, 'price', mainTitle);
  const common = median(prices.values);
  if (common !== undefined) result.medianPrice = Number(common.toFixed(2));
  if (prices.unreadable > 0) notes.push(`${prices.unreadable} SKU price(s) unreadable: common SKU price from the others`);
  return found(result, notes);
}

/**
 * Attributes shown with a value, from the attribute block (`componentsVO.extensionInfoVO.infos`,
 * the entry titled 参数信息 …, its `items` of `{title, text}`). This block is not in the real
 * captures we hold: the reader accepts only that exact shape and otherwise reports it missing.
 */
function readAttributes(res: JsonRecord): Found<number> {
  const infos = arrayAt(res, 'componentsVO', 'extensionInfoVO', 'infos');
  if (!infos) return missing('no attribute block (extensionInfoVO.infos)');
  const block = infos.find((info) => ATTRIBUTE_HEADINGS.includes(textAt(info, 'title') ?? ''));
  const items = block === undefined ? undefined : arrayAt(block, 'items');
  if (!items) return missing('no attribute list (参数信息) in extensionInfoVO.infos');
  const filled = items.filter((item) => {
    if (textAt(item, 'title') === undefined) return false;
    const value = valueAt(item, 'text');
    const texts = Array.isArray(value) ? value : [value];
    return texts.some((text) => typeof text === 'string' && text.trim() !== '' && !isNoData(text));
  }).length;
  return found(filled);
}

/** The shipping promise (`logisticsTime`) of the item summary entry. */
function readShipping(res: JsonRecord): Found<string> {
  const text = textAt(res, 'skuCore', 'sku2info', ITEM_SUMMARY_KEY, 'logisticsTime');
  if (text === undefined) return missing('no logisticsTime for the item');
  if (text.length > 80 || !SHIPPING_PROMISE.test(text)) return missing(`logisticsTime ${quote(text)} is not a shipping promise`);
  return found(text);
}

export function readListingFromIce(res: JsonRecord): ListingParts {
  return {
    images: readImages(res),
    skus: readSkus(res),
    attributes: readAttributes(res),
    shipping: readShipping(res),
    returns: missing('return terms are not in the embedded data'),
    title: readTitle(res),
    prices: readPrices(res),
    sales: readCount(textAt(res, 'item', 'vagueSellCount'), 'vagueSellCount'),
    reviews: readCount(textAt(iceRateVO(res), 'totalCount'), 'rateVO.totalCount'),
    shop: readShop(res),
    scores: readScores(res),
    stock: readStock(res),
  };
}
