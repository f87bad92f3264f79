/** The competitor corpus (lib/titles/corpus.ts): tables of captures in, entries and peers out. */
import { describe, expect, it } from 'vitest';
import type { Capture, SearchResult } from '../../../lib/capture/schema';
import { entityOf } from '../../../lib/db/store';
import {
  competitorTitles,
  corpusFromCaptures,
  filterCorpus,
  keywordsOfItem,
  normaliseKeyword,
  peerFigures,
  searchKeywordOf,
} from '../../../lib/titles/corpus';

function result(rank: number, title: string, extra: Partial<SearchResult> = {}): SearchResult {
  return { rank, title, price: null, ...extra };
}

function search(url: string, capturedAt: string, results: SearchResult[], platform: Capture['platform'] = 'taobao'): Capture {
  return {
    platform,
    pageKind: 'search',
    url,
    capturedAt,
    adapter: { id: 'test/search', version: 1 },
    period: null,
    metrics: [],
    listing: null,
    results,
    issues: [],
  };
}

function listing(itemId: string, title: string, capturedAt: string, extra: Partial<NonNullable<Capture['listing']>> = {}, platform: Capture['platform'] = 'taobao'): Capture {
  return {
    platform,
    pageKind: 'listing',
    url: `https://item.taobao.com/item.htm?id=${itemId}`,
    capturedAt,
    adapter: { id: 'test/listing', version: 1 },
    period: null,
    metrics: [],
    listing: { itemId, title, ...extra },
    results: null,
    issues: [],
  };
}

const count = (value: number, bound: 'exact' | 'atLeast' = 'exact') => ({ value, bound });

describe('searchKeywordOf and normaliseKeyword', () => {
  it.each([
    ['https://s.taobao.com/search?q=%E4%BF%9D%E6%B8%A9%E6%9D%AF', '保温杯'],
    ['https://search.jd.com/Search?keyword=%E4%BF%9D%E6%B8%A9%E6%9D%AF&enc=utf-8', '保温杯'],
    ['https://mobile.yangkeduo.com/search_result.html?search_key=%E4%BF%9D%E6%B8%A9%E6%9D%AF', '保温杯'],
    ['https://s.taobao.com/search?q=%20%E4%BF%9D%E6%B8%A9%E6%9D%AF%20%20316%20', '保温杯 316'],
    ['https://s.taobao.com/search?q=', undefined],
    ['https://s.taobao.com/search', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, expected) => {
    expect(searchKeywordOf(url)).toBe(expected);
  });

  it.each([
    ['ＩＰＨＯＮＥ  15', 'iphone 15'],
    ['  保温杯 ', '保温杯'],
    ['T恤 女', 't恤 女'],
  ])('normalises %j to %j, as the database keys keyword entities', (typed, expected) => {
    expect(normaliseKeyword(typed)).toBe(expected);
    const capture = search(`https://s.taobao.com/search?q=${encodeURIComponent(typed)}`, '2026-11-22T00:00:00.000Z', []);
    expect(entityOf(capture)?.key).toBe(`taobao:keyword:${expected}`);
  });
});

describe('corpusFromCaptures', () => {
  it('turns search results into entries with keyword, rank, sales and reviews; listings with category and scores', () => {
    const corpus = corpusFromCaptures([
      search('https://s.taobao.com/search?q=保温杯', '2026-11-22T01:00:00.000Z', [
        result(1, '316不锈钢保温杯 大容量', { itemId: '1', sales: count(10000, 'atLeast'), sponsored: true }),
        result(2, '儿童保温杯 吸管', { itemId: '2', reviews: count(500) }),
        result(3, '   ', { itemId: '3' }),
      ]),
      listing('9', '保温杯女士', '2026-11-22T02:00:00.000Z', { category: '保温杯', sales: count(300), scores: [{ label: '宝贝描述', value: 4.8 }] }),
    ]);
    expect(corpus).toEqual([
      {
        platform: 'taobao',
        source: 'listing',
        title: '保温杯女士',
        itemId: '9',
        category: '保温杯',
        sales: 300,
        scores: [{ label: '宝贝描述', value: 4.8 }],
        capturedAt: '2026-11-22T02:00:00.000Z',
      },
      { platform: 'taobao', source: 'search', title: '316不锈钢保温杯 大容量', rank: 1, keyword: '保温杯', itemId: '1', sponsored: true, sales: 10000, capturedAt: '2026-11-22T01:00:00.000Z' },
      { platform: 'taobao', source: 'search', title: '儿童保温杯 吸管', rank: 2, keyword: '保温杯', itemId: '2', reviews: 500, capturedAt: '2026-11-22T01:00:00.000Z' },
    ]);
  });

  it('keeps the newest capture of each listing per keyword, and the same listing under another keyword', () => {
    const corpus = corpusFromCaptures([
      search('https://s.taobao.com/search?q=保温杯', '2026-11-20T00:00:00.000Z', [result(5, '保温杯 旧', { itemId: '1', sales: count(100) })]),
      search('https://s.taobao.com/search?q=%E4%BF%9D%E6%B8%A9%E6%9D%AF', '2026-11-22T00:00:00.000Z', [result(2, '保温杯 新', { itemId: '1', sales: count(200) })]),
      search('https://s.taobao.com/search?q=水杯', '2026-11-21T00:00:00.000Z', [result(9, '保温杯 新', { itemId: '1' })]),
      listing('1', '保温杯 新', '2026-11-19T00:00:00.000Z'),
      listing('1', '保温杯 最新', '2026-11-23T00:00:00.000Z'),
    ]);
    expect(corpus.map((e) => [e.source, e.keyword ?? '', e.title, e.rank ?? null])).toEqual([
      ['listing', '', '保温杯 最新', null],
      ['search', '保温杯', '保温杯 新', 2],
      ['search', '水杯', '保温杯 新', 9],
    ]);
  });

  it('ignores dashboards, item reports and editors', () => {
    const dashboard: Capture = { ...listing('1', 'x', '2026-11-22T00:00:00.000Z'), pageKind: 'dashboard', listing: null };
    const editor: Capture = { ...dashboard, pageKind: 'editor', editor: { title: '我的标题' } };
    expect(corpusFromCaptures([dashboard, editor])).toEqual([]);
  });
});

describe('filterCorpus and competitorTitles', () => {
  const corpus = corpusFromCaptures([
    search('https://s.taobao.com/search?q=保温杯', '2026-11-22T00:00:00.000Z', [
      result(1, '保温杯 A', { itemId: 'a', sales: count(900) }),
      result(2, '保温杯 B', { itemId: 'b', sales: count(50) }),
      result(3, '我的保温杯', { itemId: 'own' }),
      result(4, '无ID的保温杯'),
    ]),
    search('https://s.taobao.com/search?q=水杯', '2026-11-21T00:00:00.000Z', [result(1, '保温杯 A', { itemId: 'a', sales: count(1200) })]),
    search('https://mobile.yangkeduo.com/search_result.html?search_key=保温杯', '2026-11-22T00:00:00.000Z', [result(1, '拼多多保温杯', { itemId: 'p' })], 'pinduoduo'),
    listing('c', '保温杯 C', '2026-11-20T00:00:00.000Z', { category: '保温杯', sales: count(30) }),
  ]);

  it.each([
    ['platform only: every entry of the platform', { platform: 'taobao' as const }, ['保温杯 A', '保温杯 B', '我的保温杯', '无ID的保温杯', '保温杯 A', '保温杯 C']],
    ['a keyword, normalised', { platform: 'taobao' as const, keyword: ' 保温杯 ' }, ['保温杯 A', '保温杯 B', '我的保温杯', '无ID的保温杯']],
    ['a category', { platform: 'taobao' as const, category: '保温杯' }, ['保温杯 C']],
    ['own item left out by id', { platform: 'taobao' as const, keyword: '保温杯', exclude: { itemId: 'own' } }, ['保温杯 A', '保温杯 B', '无ID的保温杯']],
    ['own title left out', { platform: 'taobao' as const, keyword: '保温杯', exclude: { title: '无ID的保温杯' } }, ['保温杯 A', '保温杯 B', '我的保温杯']],
    ['another platform', { platform: 'pinduoduo' as const }, ['拼多多保温杯']],
    ['a keyword never searched', { platform: 'taobao' as const, keyword: '茶杯' }, []],
  ])('%s', (_name, filter, titles) => {
    expect(filterCorpus(corpus, filter).map((e) => e.title)).toEqual(titles);
  });

  it('gives one competitor per listing with its best rank and highest sales', () => {
    expect(competitorTitles(filterCorpus(corpus, { platform: 'taobao' }))).toEqual([
      { title: '保温杯 A', sales: 1200, rank: 1 },
      { title: '保温杯 B', sales: 50, rank: 2 },
      { title: '我的保温杯', rank: 3 },
      { title: '无ID的保温杯', rank: 4 },
      { title: '保温杯 C', sales: 30 },
    ]);
    expect(competitorTitles(filterCorpus(corpus, { platform: 'taobao' }), 2)).toHaveLength(2);
  });
});

describe('peerFigures', () => {
  const corpus = corpusFromCaptures([
    search('https://s.taobao.com/search?q=保温杯', '2026-11-22T00:00:00.000Z', [
      result(1, '保温杯 A', { itemId: 'a', sales: count(900) }),
      result(2, '我的保温杯', { itemId: 'own', sales: count(100) }),
      result(3, '保温杯 B', { itemId: 'b', sales: count(50), reviews: count(7) }),
    ]),
    search('https://s.taobao.com/search?q=水杯', '2026-11-21T00:00:00.000Z', [result(1, '保温杯 A', { itemId: 'a', sales: count(1200) }), result(2, '水杯 D', { itemId: 'd' })]),
    listing('a', '保温杯 A', '2026-11-20T00:00:00.000Z', { reviews: count(3000), scores: [{ label: '宝贝描述', value: 4.9 }] }),
    listing('c', '保温杯 C', '2026-11-20T00:00:00.000Z', { category: '杯子', sales: count(30), scores: [{ label: '__proto__', value: 4.1 }] }),
  ]);

  it('finds the keywords whose results showed the item', () => {
    expect(keywordsOfItem(corpus, 'taobao', 'a')).toEqual(['保温杯', '水杯']);
    expect(keywordsOfItem(corpus, 'taobao', 'own')).toEqual(['保温杯']);
    expect(keywordsOfItem(corpus, 'pinduoduo', 'a')).toEqual([]);
  });

  it('compares with the other listings of the same keywords, one figure each, listing pages adding reviews and scores', () => {
    const peers = peerFigures(corpus, { platform: 'taobao', itemId: 'own', title: '我的保温杯' });
    expect(peers).toEqual({
      basis: { kind: 'keyword', keywords: ['保温杯'] },
      listings: 2,
      sales: [900, 50],
      reviews: [3000, 7],
      scores: { 宝贝描述: [4.9] },
    });
  });

  it('falls back to the category, and gives nothing when neither is known', () => {
    const byCategory = peerFigures(corpus, { platform: 'taobao', itemId: 'x', category: '杯子' });
    expect(byCategory?.basis).toEqual({ kind: 'category', category: '杯子' });
    expect(byCategory?.sales).toEqual([30]);
    // A page label is data, never a prototype key.
    expect(byCategory?.scores['__proto__']).toEqual([4.1]);
    expect(Object.getPrototypeOf(byCategory!.scores)).toBeNull();
    expect(peerFigures(corpus, { platform: 'taobao', itemId: 'x' })).toBeUndefined();
  });
});
