/**
 * The result list older s.taobao.com pages embed in an inline script:
 * `g_page_config = {"pageName":"mainsrp","mods":{"itemlist":{"data":{"query":…,"auctions":[…]}}}}`
 * (a real one: ../shared/realpages/taobao/taobao-search-2018_g_page_config_mainsrp.json).
 *
 * Each auction gives `nid` (item id), `title` (with <span class=H> highlight tags: text only is
 * kept), `view_price` ("52.90", yuan, the price the card shows), `view_sales` ("7261人付款"),
 * `nick` (shop) and `p4p: 1` on paid placements (直通车, whose `detail_url` goes through
 * click.simba.taobao.com). Auctions are in page order; the side column of ads lives elsewhere
 * (`mods.p4p`) and is not read. `comment_count` is not a figure the card shows: not read.
 *
 * Read as text, never run (../embedded-json.ts); typed readers only (../json-reader.ts).
 */
import type { CaptureIssue, CountReading, SearchResult } from '../../capture/schema';
import { parsePrice, parseSalesPhrase } from '../../capture/numbers';
import { findEmbeddedJson } from '../embedded-json';
import { arrayAt, booleanAt, numberAt, textAt } from '../json-reader';
import { TAOBAO_SPONSORED_LINK_HOSTS } from './search-words';

const MAX_RESULTS = 200;
const ITEM_ID = /^\d{1,20}$/;

export interface PageConfigList {
  /** `mods.itemlist.data.query`: the words the list was made for. */
  query?: string;
  auctions: unknown[];
}

/** The embedded result list, or undefined when the page has none. */
export function readPageConfigList(doc: Document): PageConfigList | undefined {
  return findEmbeddedJson(doc, 'g_page_config', '"auctions"', (value): PageConfigList | undefined => {
    const auctions = arrayAt(value, 'mods', 'itemlist', 'data', 'auctions');
    if (!auctions) return undefined;
    const query = textAt(value, 'mods', 'itemlist', 'data', 'query');
    return query === undefined ? { auctions } : { query, auctions };
  });
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Text of a title that carries highlight markup (`南方黑<span class=H>芝麻</span>糊`): tags dropped, never parsed as HTML. */
export function plainTitle(markup: string): string {
  return markup
    .replace(/<[^>]{0,200}>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_all, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isSponsored(auction: unknown): boolean {
  const flag = numberAt(auction, 'p4p') ?? (booleanAt(auction, 'p4p') ? 1 : 0);
  if (flag === 1) return true;
  const link = textAt(auction, 'detail_url');
  if (!link) return false;
  try {
    return TAOBAO_SPONSORED_LINK_HOSTS.includes(new URL(link, 'https://s.taobao.com/').hostname.toLowerCase());
  } catch {
    return false;
  }
}

export interface PageConfigResults {
  results: SearchResult[];
  issues: CaptureIssue[];
}

/** The results of the embedded list, rank = position in it (the page's order). */
export function resultsFromPageConfig(list: PageConfigList): PageConfigResults {
  const results: SearchResult[] = [];
  const issues: CaptureIssue[] = [];
  const untitled: number[] = [];
  list.auctions.slice(0, MAX_RESULTS).forEach((auction, index) => {
    const rank = index + 1;
    const field = `results[${rank}]`;
    const title = plainTitle(textAt(auction, 'title') ?? '') || plainTitle(textAt(auction, 'raw_title') ?? '');
    if (!title) {
      untitled.push(rank);
      return;
    }
    const shown = textAt(auction, 'view_price');
    const figure = shown === undefined ? null : parsePrice(shown);
    const result: SearchResult = { rank, title: title.slice(0, 300), price: null };
    if (figure && figure.max === undefined && !figure.from) result.price = { min: figure.min, kind: 'shown' };
    else issues.push({ field: `${field}.price`, problem: shown === undefined ? 'no price in the embedded list (view_price empty or missing)' : `view_price "${shown.slice(0, 20)}" is not a price` });
    const nid = textAt(auction, 'nid');
    if (nid !== undefined && ITEM_ID.test(nid)) result.itemId = nid;
    const salesText = textAt(auction, 'view_sales');
    if (salesText !== undefined) {
      const phrase = parseSalesPhrase(salesText);
      if (phrase?.kind === 'sales') {
        const sales: CountReading = { value: phrase.value, bound: phrase.bound, phrase: phrase.phrase.slice(0, 60) };
        result.sales = sales;
      } else {
        issues.push({ field: `${field}.sales`, problem: `view_sales "${salesText.slice(0, 20)}" is not a sales count` });
      }
    }
    const shop = textAt(auction, 'nick');
    if (shop !== undefined && shop.length <= 100) result.shop = shop;
    if (isSponsored(auction)) result.sponsored = true;
    results.push(result);
  });
  if (untitled.length > 0) issues.push({ field: 'results', problem: `embedded results at rank ${untitled.slice(0, 10).join(', ')} have no title: left out` });
  if (list.auctions.length > MAX_RESULTS) issues.push({ field: 'results', problem: `only the first ${MAX_RESULTS} of ${list.auctions.length} embedded results kept` });
  return { results, issues };
}
