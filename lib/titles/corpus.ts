/**
 * The competitor corpus: titles other listings use, with their sales and rank, built from what
 * ShopLens has captured: search results (per platform and keyword searched) and listing pages
 * (per platform, and per category when the page states one). Pure: the side panel feeds it the
 * captures a Dexie query found (lib/db/queries.ts `corpusCaptures`), the command line feeds it
 * captures from a file.
 *
 * Choices, and why:
 * - One entry per listing per keyword: the newest capture wins (ranks and sales move), so a
 *   keyword searched twenty times does not count its best seller twenty times.
 * - Sales are what the page showed (`1万+` → 10000, a lower bound): good enough to weigh titles,
 *   never presented as exact.
 * - Sponsored results (广告) are kept: their titles are real competitor titles; their rank is
 *   their position, as the buyer sees it.
 * - The operator's own listing is left out of its own competitors (same item id or same title).
 *
 * No zod, no Dexie, no jieba: type-only imports.
 */
import type { Capture, CountReading, Platform } from '../capture/schema';
import type { CompetitorTitle } from './suggest';

export type CorpusSource = 'search' | 'listing';

export interface CorpusEntry {
  platform: Platform;
  source: CorpusSource;
  title: string;
  itemId?: string;
  /** Search results: the words searched (as typed), and the position (1 = first). */
  keyword?: string;
  rank?: number;
  sponsored?: boolean;
  /** Listing pages: the category when the page states it. */
  category?: string;
  /** As the page showed them; a `10万+` is its lower bound. */
  sales?: number;
  reviews?: number;
  /** Listing pages: service scores by label (宝贝描述 4.8). */
  scores?: { label: string; value: number }[];
  capturedAt: string;
}

/** Parameters that carry the search words on a search results page, in preference order (as lib/db/store.ts). */
export const SEARCH_KEYWORD_PARAMS = ['q', 'keyword', 'search_key', 'query', 'key'] as const;

/**
 * Keywords compare in NFKC (full-width → half-width), lower case, single spaces — the same rule
 * the database keys keyword entities by (lib/db/store.ts; tests/unit/titles/corpus.test.ts pins
 * that the two agree).
 */
export function normaliseKeyword(keyword: string): string {
  return keyword.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The words searched on a search results address, as typed (spaces collapsed), or undefined. */
export function searchKeywordOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  for (const name of SEARCH_KEYWORD_PARAMS) {
    const value = parsed.searchParams.get(name)?.replace(/\s+/g, ' ').trim();
    if (value) return value;
  }
  return undefined;
}

function countOf(reading: CountReading | undefined): number | undefined {
  return reading && Number.isFinite(reading.value) ? reading.value : undefined;
}

function entriesOf(capture: Capture): CorpusEntry[] {
  const base = { platform: capture.platform, capturedAt: capture.capturedAt };
  if (capture.pageKind === 'search' && capture.results) {
    const keyword = searchKeywordOf(capture.url);
    return capture.results
      .filter((result) => result.title.trim())
      .map((result) => {
        const entry: CorpusEntry = { ...base, source: 'search', title: result.title.trim(), rank: result.rank };
        if (keyword) entry.keyword = keyword;
        if (result.itemId) entry.itemId = result.itemId;
        if (result.sponsored) entry.sponsored = true;
        const sales = countOf(result.sales);
        if (sales !== undefined) entry.sales = sales;
        const reviews = countOf(result.reviews);
        if (reviews !== undefined) entry.reviews = reviews;
        return entry;
      });
  }
  if (capture.pageKind === 'listing' && capture.listing?.title.trim()) {
    const listing = capture.listing;
    const entry: CorpusEntry = { ...base, source: 'listing', title: listing.title.trim(), itemId: listing.itemId };
    if (listing.category) entry.category = listing.category;
    const sales = countOf(listing.sales);
    if (sales !== undefined) entry.sales = sales;
    const reviews = countOf(listing.reviews);
    if (reviews !== undefined) entry.reviews = reviews;
    if (listing.scores?.length) entry.scores = listing.scores.map((score) => ({ label: score.label, value: score.value }));
    return [entry];
  }
  return [];
}

/** Who an entry is: the item on its platform, else its title (search cards without an id). */
function identityOf(entry: CorpusEntry): string {
  return `${entry.platform}|${entry.itemId ? `id:${entry.itemId}` : `title:${entry.title}`}`;
}

/**
 * The corpus of some captures: search results and listings, newest capture first, one entry per
 * (listing, keyword) for search results and one per listing for listing pages.
 */
export function corpusFromCaptures(captures: readonly Capture[]): CorpusEntry[] {
  const newestFirst = [...captures].sort((a, b) => (a.capturedAt < b.capturedAt ? 1 : a.capturedAt > b.capturedAt ? -1 : 0));
  const seen = new Set<string>();
  const corpus: CorpusEntry[] = [];
  for (const capture of newestFirst) {
    for (const entry of entriesOf(capture)) {
      const key = `${entry.source}|${entry.source === 'search' ? normaliseKeyword(entry.keyword ?? '') : ''}|${identityOf(entry)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      corpus.push(entry);
    }
  }
  return corpus;
}

export interface CorpusFilter {
  platform: Platform;
  /** Only search results for these words (compared normalised). */
  keyword?: string;
  /** Only listings of this category. */
  category?: string;
  /** The operator's own listing, left out: its item id and/or title. */
  exclude?: { itemId?: string; title?: string };
}

/** Entries matching a filter. Without keyword or category: every entry of the platform. */
export function filterCorpus(corpus: readonly CorpusEntry[], filter: CorpusFilter): CorpusEntry[] {
  const keyword = filter.keyword ? normaliseKeyword(filter.keyword) : undefined;
  const category = filter.category?.trim();
  const excludeTitle = filter.exclude?.title?.trim();
  return corpus.filter((entry) => {
    if (entry.platform !== filter.platform) return false;
    if (filter.exclude?.itemId && entry.itemId === filter.exclude.itemId) return false;
    if (excludeTitle && entry.title === excludeTitle) return false;
    if (keyword !== undefined && (entry.source !== 'search' || normaliseKeyword(entry.keyword ?? '') !== keyword)) return false;
    if (category && !keyword && entry.category !== category) return false;
    return true;
  });
}

/**
 * Competitor titles for the suggestion engine (lib/titles/suggest.ts): one per listing (the same
 * listing found under several keywords keeps its best rank and its highest sales), in the
 * corpus order, at most `limit`.
 */
export function competitorTitles(entries: readonly CorpusEntry[], limit = 500): CompetitorTitle[] {
  const byIdentity = new Map<string, CompetitorTitle>();
  for (const entry of entries) {
    const key = identityOf(entry);
    const known = byIdentity.get(key);
    if (!known) {
      if (byIdentity.size >= limit) continue;
      const competitor: CompetitorTitle = { title: entry.title };
      if (entry.sales !== undefined) competitor.sales = entry.sales;
      if (entry.rank !== undefined) competitor.rank = entry.rank;
      byIdentity.set(key, competitor);
      continue;
    }
    if (entry.sales !== undefined && (known.sales === undefined || entry.sales > known.sales)) known.sales = entry.sales;
    if (entry.rank !== undefined && (known.rank === undefined || entry.rank < known.rank)) known.rank = entry.rank;
  }
  return [...byIdentity.values()];
}

/** The keywords whose search results showed this item (the searches it competes in), newest first. */
export function keywordsOfItem(corpus: readonly CorpusEntry[], platform: Platform, itemId: string): string[] {
  const keywords: string[] = [];
  const seen = new Set<string>();
  for (const entry of corpus) {
    if (entry.platform !== platform || entry.source !== 'search' || entry.itemId !== itemId || !entry.keyword) continue;
    const key = normaliseKeyword(entry.keyword);
    if (seen.has(key)) continue;
    seen.add(key);
    keywords.push(entry.keyword);
  }
  return keywords;
}

/** Figures of the other listings a listing is measured against (the scorecard's peers). */
export interface PeerFigures {
  /** How the peers were chosen. */
  basis: { kind: 'keyword'; keywords: string[] } | { kind: 'category'; category: string };
  /** Distinct listings among the peers. */
  listings: number;
  sales: number[];
  reviews: number[];
  /** Service scores by label. */
  scores: Record<string, number[]>;
}

/**
 * The peers of a listing: the other listings seen in the searches it appeared in; else, the
 * other listings of its category. Undefined when neither is known (the scorecard then leaves
 * the peer checks unchecked). One figure per listing: its highest sales and reviews seen.
 */
export function peerFigures(
  corpus: readonly CorpusEntry[],
  listing: { platform: Platform; itemId?: string; title?: string; category?: string },
): PeerFigures | undefined {
  const exclude = { itemId: listing.itemId, title: listing.title };
  const keywords = listing.itemId ? keywordsOfItem(corpus, listing.platform, listing.itemId) : [];
  let basis: PeerFigures['basis'] | undefined;
  let entries: CorpusEntry[] = [];
  if (keywords.length > 0) {
    basis = { kind: 'keyword', keywords };
    entries = keywords.flatMap((keyword) => filterCorpus(corpus, { platform: listing.platform, keyword, exclude }));
  } else if (listing.category) {
    basis = { kind: 'category', category: listing.category };
    entries = filterCorpus(corpus, { platform: listing.platform, category: listing.category, exclude });
  }
  if (!basis) return undefined;

  // Listing pages know service scores; search cards do not: gather both per listing.
  const listingPages = new Map(corpus.filter((e) => e.source === 'listing' && e.platform === listing.platform && e.itemId).map((e) => [e.itemId!, e]));
  const byIdentity = new Map<string, { sales?: number; reviews?: number; scores?: CorpusEntry['scores'] }>();
  for (const entry of entries) {
    const key = identityOf(entry);
    const peer = byIdentity.get(key) ?? {};
    const page = entry.itemId ? listingPages.get(entry.itemId) : undefined;
    for (const source of [entry, page]) {
      if (!source) continue;
      if (source.sales !== undefined && (peer.sales === undefined || source.sales > peer.sales)) peer.sales = source.sales;
      if (source.reviews !== undefined && (peer.reviews === undefined || source.reviews > peer.reviews)) peer.reviews = source.reviews;
      if (source.scores && !peer.scores) peer.scores = source.scores;
    }
    byIdentity.set(key, peer);
  }
  const peers = [...byIdentity.values()];
  // Labels are page text: a null-prototype object, so `__proto__` is just another label.
  const scores: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
  for (const peer of peers) {
    for (const score of peer.scores ?? []) (scores[score.label] ??= []).push(score.value);
  }
  return {
    basis,
    listings: peers.length,
    sales: peers.map((p) => p.sales).filter((v): v is number => v !== undefined),
    reviews: peers.map((p) => p.reviews).filter((v): v is number => v !== undefined),
    scores,
  };
}
