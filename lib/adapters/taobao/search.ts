/**
 * Taobao search results (`s.taobao.com/search?q=…`, also `&tab=mall` for Tmall only): the
 * results in page order with rank, item id, title, price and which one, sales phrase, shop and a
 * sponsored flag where the page marks the card.
 *
 * Structured data first: older pages embed the list as `g_page_config` (./search-page-config.ts).
 * It is used when it is about this page: its query is the address's `q`, and the cards the page
 * shows (when it shows any with item ids) are mostly the same items. Otherwise, and on current
 * pages, the rendered cards are read by structure and text (./search-dom.ts).
 *
 * Ranks count the results on this page from 1 (the `s`/`page` parameters are not turned into an
 * offset). A paid placement keeps its rank among the results and is flagged `sponsored`.
 */
import type { CaptureIssue } from '../../capture/schema';
import { isHiddenInTree } from '../../capture/text';
import { textAt } from '../json-reader';
import type { Extracted, PageAdapter } from '../types';
import { readPageConfigList, resultsFromPageConfig, type PageConfigList } from './search-page-config';
import { findCards, resultsFromDom } from './search-dom';
import { TAOBAO_NO_RESULTS } from './search-words';

const SEARCH_HOST = 's.taobao.com';

/** The search words of a results address, or undefined when it is not one. */
export function taobaoSearchQuery(url: URL): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // The port is ignored, as Chrome's match patterns ignore it (the demo serves on a local port).
  if (url.hostname.toLowerCase() !== SEARCH_HOST) return undefined;
  if (url.pathname !== '/search' && url.pathname !== '/search/') return undefined;
  const q = url.searchParams.get('q')?.trim();
  return q ? q : undefined;
}

function sameQuery(a: string, b: string): boolean {
  const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Why the embedded list is not about the page shown, or undefined when it is. Paging and
 * re-searching happen in place: the inline script stays from the first load.
 */
function staleReason(list: PageConfigList, query: string, shownIds: string[]): string | undefined {
  if (list.query !== undefined && !sameQuery(list.query, query)) {
    return `embedded list is for "${list.query.slice(0, 30)}", not "${query.slice(0, 30)}": not used`;
  }
  if (shownIds.length === 0) return undefined;
  const embedded = new Set(list.auctions.map((auction) => textAt(auction, 'nid')));
  const shared = shownIds.filter((id) => embedded.has(id)).length;
  if (shared * 2 < shownIds.length) return `the cards shown are mostly other items than the embedded list (${shared} of ${shownIds.length} shared): embedded list not used`;
  return undefined;
}

/** True when the page says the search found nothing (./search-words.ts TAOBAO_NO_RESULTS). */
export function saysNothingFound(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  return Array.from(body.querySelectorAll('*')).some((el) => {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 80 || el.children.length > 3) return false;
    const compact = raw.replace(/\s+/g, '');
    return TAOBAO_NO_RESULTS.some((phrase) => phrase.test(compact)) && !isHiddenInTree(el);
  });
}

function extractSearch(doc: Document, url: URL): Extracted {
  const issues: CaptureIssue[] = [];
  const base: Extracted = { period: null, metrics: [], listing: null, results: null, issues };
  const query = taobaoSearchQuery(url);
  if (query === undefined) {
    issues.push({ field: 'url', problem: 'not a Taobao search address (s.taobao.com/search?q=…)' });
    return base;
  }
  // A page that says nothing was found has no results: the cards below are other items.
  if (saysNothingFound(doc)) {
    issues.push({ field: 'results', problem: 'the page says nothing was found' });
    return { ...base, results: [], issues };
  }
  const dom = resultsFromDom(doc);
  const list = readPageConfigList(doc);
  if (list) {
    const stale = staleReason(list, query, dom.results.flatMap((result) => (result.itemId ? [result.itemId] : [])));
    if (!stale) {
      const embedded = resultsFromPageConfig(list);
      return { ...base, results: embedded.results, issues: embedded.issues.slice(0, 100) };
    }
    issues.push({ field: 'results', problem: stale });
  }
  issues.push(...dom.issues);
  if (dom.results.length === 0) {
    issues.push({ field: 'results', problem: 'no result cards (item link and price) on the page' });
  }
  return { ...base, results: dom.results, issues: issues.slice(0, 100) };
}

export const taobaoSearchAdapter: PageAdapter = {
  id: 'taobao/search',
  version: 1,
  platform: 'taobao',
  pageKind: 'search',
  hosts: ['*://s.taobao.com/*'],
  sampleUrls: [
    'https://s.taobao.com/search?q=%E8%8A%9D%E9%BA%BB%E7%B3%8A',
    'https://s.taobao.com/search?q=保温杯',
    'https://s.taobao.com/search?page=2&q=%E4%BF%9D%E6%B8%A9%E6%9D%AF&tab=mall',
    'https://s.taobao.com/search?q=%E8%8A%9D%E9%BA%BB%E7%B3%8A&imgfile=&commend=all&ssid=s5-e&search_type=item&sourceId=tb.index&ie=utf8',
    'http://s.taobao.com/search?q=kettle',
  ],
  matchesUrl: (url) => taobaoSearchQuery(url) !== undefined,
  detect(doc, url) {
    if (taobaoSearchQuery(url) === undefined) return false;
    if (readPageConfigList(doc)?.auctions.length) return true;
    return findCards(doc).cards.length > 0 || saysNothingFound(doc);
  },
  extract: extractSearch,
};
