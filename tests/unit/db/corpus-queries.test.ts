/**
 * The competitor-corpus queries (lib/db/queries.ts `corpusCaptures`, `scorecardPeerCaptures`):
 * what they return, that every read walks an index range (never a table scan), and that the
 * `[platform+pageKind+capturedAt]` index added to version 2 covers captures a version-1 build
 * wrote.
 */
import Dexie, { type DBCoreOpenCursorRequest, type DBCoreQueryRequest } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Capture, SearchResult } from '../../../lib/capture/schema';
import { corpusCaptures, scorecardPeerCaptures } from '../../../lib/db/queries';
import { openDb, SCHEMA_V1, type ShopLensDb } from '../../../lib/db/schema';
import { entityOf } from '../../../lib/db/store';
import { captureRow, dashboardCapture, freshDb, listingCapture, seed } from './seed-rows';

function searchCapture(query: string, capturedAt: string, results: SearchResult[], platform: Capture['platform'] = 'taobao'): Capture {
  const url =
    platform === 'taobao'
      ? `https://s.taobao.com/search?q=${encodeURIComponent(query)}`
      : `https://mobile.yangkeduo.com/search_result.html?search_key=${encodeURIComponent(query)}`;
  return { platform, pageKind: 'search', url, capturedAt, adapter: { id: 'test/search', version: 1 }, period: null, metrics: [], listing: null, results, issues: [] };
}

function rowOf(capture: Capture) {
  return captureRow(capture, entityOf(capture)!.key);
}

const result = (rank: number, title: string, itemId?: string): SearchResult => ({ rank, title, price: null, ...(itemId ? { itemId } : {}) });

function listingOf(itemId: string, capturedAt: string, category?: string, platform: Capture['platform'] = 'taobao'): Capture {
  const capture = listingCapture(capturedAt, { platform, url: `https://item.taobao.com/item.htm?id=${itemId}` });
  capture.listing = { ...capture.listing!, itemId, title: `商品${itemId}`, ...(category ? { category } : {}) };
  return capture;
}

const ROWS = [
  searchCapture('保温杯', '2026-11-20T00:00:00.000Z', [result(1, '保温杯 旧', '1')]),
  searchCapture('ＩＰＨＯＮＥ 壳', '2026-11-21T00:00:00.000Z', [result(1, '手机壳', '5')]),
  searchCapture('保温杯', '2026-11-22T00:00:00.000Z', [result(1, '保温杯 新', '1'), result(2, '保温杯 B', '2')]),
  searchCapture('水杯', '2026-11-22T01:00:00.000Z', [result(1, '水杯 C', '3')]),
  searchCapture('保温杯', '2026-11-22T02:00:00.000Z', [result(1, '拼多多保温杯', '9')], 'pinduoduo'),
  listingOf('1', '2026-11-22T03:00:00.000Z', '保温杯'),
  listingOf('7', '2026-11-22T04:00:00.000Z', '保温杯', 'pinduoduo'),
  listingOf('8', '2026-11-22T05:00:00.000Z'),
  dashboardCapture('2026-11-22T06:00:00.000Z'),
].map(rowOf);

/** Records every read below the Dexie API, to prove the queries walk indexes. */
function recordReads(target: ShopLensDb) {
  const reads: { table: string; index: string | null; rangeType: number }[] = [];
  target.use({
    stack: 'dbcore',
    name: 'corpus-read-recorder',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const note = (req: DBCoreQueryRequest | DBCoreOpenCursorRequest) => reads.push({ table: name, index: req.query.index.name, rangeType: req.query.range.type });
          return {
            ...table,
            query(req) {
              note(req);
              return table.query(req);
            },
            openCursor(req) {
              note(req);
              return table.openCursor(req);
            },
          };
        },
      };
    },
  });
  return reads;
}

let db: ShopLensDb;
beforeEach(async () => {
  db = freshDb();
  await seed(db, { captures: ROWS });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const titlesOf = (captures: Capture[]) => captures.map((c) => c.results?.map((r) => r.title).join('+') ?? c.listing?.title ?? c.pageKind);

describe('corpusCaptures', () => {
  it.each([
    ['a keyword: its searches, newest first, this platform only', { platform: 'taobao' as const, keyword: '保温杯' }, ['保温杯 新+保温杯 B', '保温杯 旧']],
    ['a keyword typed differently (full width, spaces, case)', { platform: 'taobao' as const, keyword: ' iphone  壳 ' }, ['手机壳']],
    ['a category: its listings on this platform', { platform: 'taobao' as const, category: '保温杯' }, ['商品1']],
    ['no keyword or category: the platform’s newest searches, then listings', { platform: 'taobao' as const }, ['水杯 C', '保温杯 新+保温杯 B', '手机壳', '保温杯 旧', '商品8', '商品1']],
    ['a bounded walk', { platform: 'taobao' as const, limit: 1 }, ['水杯 C', '商品8']],
    ['another platform', { platform: 'pinduoduo' as const }, ['拼多多保温杯', '商品7']],
    ['a keyword nobody searched', { platform: 'taobao' as const, keyword: '茶杯' }, []],
  ])('%s', async (_name, query, expected) => {
    expect(titlesOf(await corpusCaptures(db, query))).toEqual(expected);
  });

  it('reads index ranges only', async () => {
    // Middleware applies from the next open: a second connection to the same database.
    const recorded = openDb(db.name);
    const reads = recordReads(recorded);
    await recorded.open();
    db.close();
    db = recorded;
    await corpusCaptures(db, { platform: 'taobao', keyword: '保温杯' });
    await corpusCaptures(db, { platform: 'taobao', category: '保温杯' });
    await corpusCaptures(db, { platform: 'taobao' });
    expect(reads.length).toBeGreaterThanOrEqual(4);
    for (const read of reads) {
      expect(read.table).toBe('captures');
      // A primary-key (null index) read without a range would be a scan.
      expect(read.index).not.toBeNull();
      expect(read.index).not.toBe('');
    }
    expect(new Set(reads.map((r) => r.index))).toEqual(new Set(['[entityKey+capturedAt]', '[capture.listing.category+capturedAt]', '[platform+pageKind+capturedAt]']));
  });
});

describe('scorecardPeerCaptures', () => {
  it('gives the platform’s searches and listings and the category’s listings, each once', async () => {
    const recorded = openDb(db.name);
    const reads = recordReads(recorded);
    const peers = await scorecardPeerCaptures(recorded, { platform: 'taobao', category: '保温杯' });
    expect(titlesOf(peers)).toEqual(['水杯 C', '保温杯 新+保温杯 B', '手机壳', '保温杯 旧', '商品8', '商品1']);
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.every((read) => read.index !== null && read.index !== '')).toBe(true);
    recorded.close();
  });
});

describe('version 1 → current: the corpus index', () => {
  it('covers captures written by a version-1 build', async () => {
    const name = `corpus-migration-${Math.random().toString(36).slice(2)}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('captures').bulkPut(ROWS);
    v1.close();

    const upgraded = openDb(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(3);
    expect(await upgraded.captures.count()).toBe(ROWS.length);
    expect(titlesOf(await corpusCaptures(upgraded, { platform: 'taobao' }))).toEqual(['水杯 C', '保温杯 新+保温杯 B', '手机壳', '保温杯 旧', '商品8', '商品1']);
    expect(titlesOf(await corpusCaptures(upgraded, { platform: 'taobao', keyword: '保温杯' }))).toEqual(['保温杯 新+保温杯 B', '保温杯 旧']);
    upgraded.close();
    await Dexie.delete(name);
  });
});
