import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Capture } from '../../../lib/capture/schema';
import { openDb, type ShopLensDb } from '../../../lib/db/schema';
import {
  canonicalJson,
  contentHashOf,
  dayOf,
  entityOf,
  fnv1a64,
  observationsOf,
  pageKeyOf,
  periodKeyOf,
  storeCapture,
} from '../../../lib/db/store';
import { dashboardCapture, itemReportCapture, listingCapture, reading } from './sample-captures';

let dbCount = 0;
const opened: ShopLensDb[] = [];
function freshDb(): ShopLensDb {
  const db = openDb(`store-test-${Date.now()}-${dbCount++}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('pageKeyOf', () => {
  it.each([
    ['drops scheme, tracking params and anchor', 'https://detail.tmall.com/item.htm?spm=a1z10.1&id=617129397971&scm=1007#detail', 'detail.tmall.com/item.htm?id=617129397971'],
    ['same page from http and https', 'http://detail.tmall.com/item.htm?id=617129397971', 'detail.tmall.com/item.htm?id=617129397971'],
    ['lower-cases the host, keeps path case', 'https://SYCM.Taobao.com/portal/Home.htm', 'sycm.taobao.com/portal/Home.htm'],
    ['no identifying params at all', 'https://sycm.taobao.com/portal/home.htm?spm=x&from=y', 'sycm.taobao.com/portal/home.htm'],
    ['sorts identifying params', 'https://sycm.taobao.com/cc/item_archives?itemId=9&activeKey=sale&dateType=day', 'sycm.taobao.com/cc/item_archives?activeKey=sale&itemId=9'],
    ['keeps search words, encoded once', 'https://s.taobao.com/search?q=%E4%BF%9D%E6%B8%A9%E6%9D%AF&imgfile=&ie=utf8', 's.taobao.com/search?q=%E4%BF%9D%E6%B8%A9%E6%9D%AF'],
    ['pdd goods id', 'https://mobile.yangkeduo.com/goods.html?goods_id=672673135904&refer_page_name=index', 'mobile.yangkeduo.com/goods.html?goods_id=672673135904'],
    ['keeps a hash route without its query', 'https://mms.pinduoduo.com/#/sycm/goods_effect?date=1', 'mms.pinduoduo.com/#/sycm/goods_effect'],
    ['keeps a non-default port', 'http://localhost:8080/item.htm?id=1', 'localhost:8080/item.htm?id=1'],
    ['empty identifying value is dropped', 'https://item.taobao.com/item.htm?id=', 'item.taobao.com/item.htm'],
  ])('%s', (_name, url, expected) => {
    expect(pageKeyOf(url)).toBe(expected);
  });

  it('gives the same key for two visits that differ only in tracking', () => {
    expect(pageKeyOf('https://item.taobao.com/item.htm?id=5&spm=a')).toBe(pageKeyOf('https://item.taobao.com/item.htm?spm=b&id=5&ns=1#x'));
  });

  it('gives different keys for different items', () => {
    expect(pageKeyOf('https://item.taobao.com/item.htm?id=5')).not.toBe(pageKeyOf('https://item.taobao.com/item.htm?id=6'));
  });

  it('returns an unparseable address as it is', () => {
    expect(pageKeyOf(' not a url ')).toBe('not a url');
  });
});

describe('entityOf', () => {
  it.each<[string, Capture, ReturnType<typeof entityOf>]>([
    [
      'listing → the item, named by its title',
      listingCapture(),
      { key: 'taobao:item:617129397971', platform: 'taobao', kind: 'item', ref: '617129397971', name: '保温杯 316不锈钢' },
    ],
    [
      'listing that could not be read → the item id from the address',
      listingCapture({ listing: null, url: 'https://item.taobao.com/item.htm?id=42&spm=x' }),
      { key: 'taobao:item:42', platform: 'taobao', kind: 'item', ref: '42', name: '' },
    ],
    [
      'JD listing read from its path',
      listingCapture({ platform: 'jd', listing: null, url: 'https://item.jd.com/100066896338.html' }),
      { key: 'jd:item:100066896338', platform: 'jd', kind: 'item', ref: '100066896338', name: '' },
    ],
    [
      'search → the keyword from q, compared in NFKC lower case',
      listingCapture({ pageKind: 'search', listing: null, results: [], url: 'https://s.taobao.com/search?q=ＩＰｈｏｎｅ%20%2015' }),
      { key: 'taobao:keyword:iphone 15', platform: 'taobao', kind: 'keyword', ref: 'iphone 15', name: 'ＩＰｈｏｎｅ 15' },
    ],
    [
      'PDD search → search_key',
      listingCapture({ platform: 'pinduoduo', pageKind: 'search', listing: null, results: [], url: 'https://mobile.yangkeduo.com/search_result.html?search_key=%E4%BF%9D%E6%B8%A9%E6%9D%AF' }),
      { key: 'pinduoduo:keyword:保温杯', platform: 'pinduoduo', kind: 'keyword', ref: '保温杯', name: '保温杯' },
    ],
    [
      'JD search → keyword',
      listingCapture({ platform: 'jd', pageKind: 'search', listing: null, results: [], url: 'https://search.jd.com/Search?keyword=kettle&enc=utf-8' }),
      { key: 'jd:keyword:kettle', platform: 'jd', kind: 'keyword', ref: 'kettle', name: 'kettle' },
    ],
    [
      'dashboard → own shop by id',
      dashboardCapture(),
      { key: 'taobao:shop:1234', platform: 'taobao', kind: 'shop', ref: '1234', name: '某某旗舰店', own: true },
    ],
    [
      'dashboard → own shop by name when no id',
      dashboardCapture({ shop: { name: '某某旗舰店' } }),
      { key: 'taobao:shop:某某旗舰店', platform: 'taobao', kind: 'shop', ref: '某某旗舰店', name: '某某旗舰店', own: true },
    ],
    [
      'dashboard with no shop named → "own"',
      dashboardCapture({ shop: undefined }),
      { key: 'taobao:shop:own', platform: 'taobao', kind: 'shop', ref: 'own', name: '', own: true },
    ],
    [
      'item report → own shop',
      itemReportCapture(),
      { key: 'taobao:shop:1234', platform: 'taobao', kind: 'shop', ref: '1234', name: '某某旗舰店', own: true },
    ],
    [
      'editor with an item id → that item, own',
      dashboardCapture({ pageKind: 'editor', url: 'https://item.upload.taobao.com/sell/publish.htm?itemId=555', editor: { title: '新标题' } }),
      { key: 'taobao:item:555', platform: 'taobao', kind: 'item', ref: '555', name: '新标题', own: true },
    ],
    [
      'editor for a new listing → own shop',
      dashboardCapture({ pageKind: 'editor', url: 'https://item.upload.taobao.com/sell/publish.htm', editor: { title: '新标题' } }),
      { key: 'taobao:shop:1234', platform: 'taobao', kind: 'shop', ref: '1234', name: '某某旗舰店', own: true },
    ],
  ])('%s', (_name, capture, expected) => {
    expect(entityOf(capture)).toEqual(expected);
  });

  it.each<[string, Capture]>([
    ['listing with no id anywhere', listingCapture({ listing: null, url: 'https://item.taobao.com/item.htm' })],
    ['search with no query', listingCapture({ pageKind: 'search', listing: null, results: [], url: 'https://s.taobao.com/search?q=%20' })],
  ])('%s → undefined', (_name, capture) => {
    expect(entityOf(capture)).toBeUndefined();
  });
});

describe('dayOf', () => {
  it.each<[string, Pick<Capture, 'period' | 'capturedAt'>, string]>([
    ['period end date', { period: { label: '近7天', start: '2026-11-15', end: '2026-11-21' }, capturedAt: '2026-11-22T03:00:00Z' }, '2026-11-21'],
    ['a date spelled in the label', { period: { label: '2026-11-20' }, capturedAt: '2026-11-22T03:00:00Z' }, '2026-11-20'],
    ['昨日 without dates → day before the capture day', { period: { label: '昨日' }, capturedAt: '2026-11-22T03:00:00Z' }, '2026-11-21'],
    ['实时 → capture day', { period: { label: '实时' }, capturedAt: '2026-11-22T03:00:00Z' }, '2026-11-22'],
    ['no period → capture day in Shanghai (UTC evening is next day there)', { period: null, capturedAt: '2026-11-21T17:30:00Z' }, '2026-11-22'],
    ['no period, before Shanghai midnight', { period: null, capturedAt: '2026-11-21T15:59:59Z' }, '2026-11-21'],
    ['offset timestamps are read as instants', { period: null, capturedAt: '2026-11-22T00:30:00+08:00' }, '2026-11-22'],
    ['昨日 near Shanghai midnight', { period: { label: '昨日' }, capturedAt: '2026-11-21T16:10:00Z' }, '2026-11-21'],
  ])('%s', (_name, capture, expected) => {
    expect(dayOf(capture)).toBe(expected);
  });
});

describe('periodKeyOf', () => {
  it.each([
    [null, ''],
    [{ label: '昨日', start: '2026-11-21', end: '2026-11-21' }, '昨日|2026-11-21|2026-11-21'],
    [{ label: '实时' }, '实时||'],
  ])('%j → %s', (period, expected) => {
    expect(periodKeyOf(period)).toBe(expected);
  });
});

describe('content hash', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('fnv1a64(%j) is the published FNV-1a 64 value', (text, expected) => {
    expect(fnv1a64(text)).toBe(expected);
  });

  it('hashes UTF-8 bytes, so CJK text differs from its neighbours', () => {
    expect(fnv1a64('访客数')).not.toBe(fnv1a64('访客')); // cannot collide by truncation
    expect(fnv1a64('访客数')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
  });

  it('ignores the capture time and tracking parameters', () => {
    const a = listingCapture();
    const b = listingCapture({ capturedAt: '2026-11-23T09:00:00.000Z', url: 'https://detail.tmall.com/item.htm?id=617129397971&spm=other' });
    expect(contentHashOf(b)).toBe(contentHashOf(a));
  });

  it.each<[string, (c: Capture) => void]>([
    ['a price', (c) => void (c.listing!.price!.min = 27.9)],
    ['a bound', (c) => void (c.listing!.sales!.bound = 'exact')],
    ['an issue', (c) => void c.issues.push({ field: 'price', problem: 'unreadable' })],
    ['the item', (c) => void (c.url = 'https://detail.tmall.com/item.htm?id=1')],
  ])('changes when %s changes', (_name, change) => {
    const changed = listingCapture();
    change(changed);
    expect(contentHashOf(changed)).not.toBe(contentHashOf(listingCapture()));
  });
});

describe('observationsOf', () => {
  it('one row per dashboard metric, dated by the period end', () => {
    const rows = observationsOf(dashboardCapture(), 'cap-1', 'taobao:shop:1234');
    expect(rows).toEqual([
      {
        id: 'taobao:shop:1234|visitors|2026-11-22T01:00:00.000Z',
        entityKey: 'taobao:shop:1234',
        metric: 'visitors',
        captureId: 'cap-1',
        capturedAt: '2026-11-22T01:00:00.000Z',
        periodKey: '昨日|2026-11-21|2026-11-21',
        day: '2026-11-21',
        value: 1520,
        unit: 'count',
        bound: 'exact',
      },
      {
        id: 'taobao:shop:1234|payAmount|2026-11-22T01:00:00.000Z',
        entityKey: 'taobao:shop:1234',
        metric: 'payAmount',
        captureId: 'cap-1',
        capturedAt: '2026-11-22T01:00:00.000Z',
        periodKey: '昨日|2026-11-21|2026-11-21',
        day: '2026-11-21',
        value: 10095,
        unit: 'yuan',
        bound: 'exact',
      },
    ]);
  });

  it('keeps ranges and lower bounds', () => {
    const capture = dashboardCapture({ metrics: [reading('payAmount', 7_500_000, { max: 10_000_000, unit: 'yuan', bound: 'atLeast' })] });
    const [row] = observationsOf(capture, 'c', 'e');
    expect(row).toMatchObject({ value: 7_500_000, max: 10_000_000, bound: 'atLeast' });
  });

  it('listing: price (lowest, yuan, with range top), sales with bound, reviews, stock; on the capture day', () => {
    const rows = observationsOf(listingCapture(), 'c', 'taobao:item:617129397971');
    expect(rows.map(({ metric, value, max, unit, bound, day }) => ({ metric, value, max, unit, bound, day }))).toEqual([
      { metric: 'price', value: 29.9, max: 34.9, unit: 'yuan', bound: 'exact', day: '2026-11-22' },
      { metric: 'sales', value: 10000, max: undefined, unit: 'count', bound: 'atLeast', day: '2026-11-22' },
      { metric: 'reviews', value: 14870, max: undefined, unit: 'count', bound: 'exact', day: '2026-11-22' },
      { metric: 'stock', value: 200, max: undefined, unit: 'count', bound: 'exact', day: '2026-11-22' },
    ]);
    expect(rows.every((row) => !('max' in row) || row.metric === 'price')).toBe(true);
  });

  it('listing with missing price and stock quantity writes no row for them (missing is never 0)', () => {
    const capture = listingCapture();
    delete capture.listing!.price;
    capture.listing!.stock = { text: '有货' };
    const metrics = observationsOf(capture, 'c', 'e').map((row) => row.metric);
    expect(metrics).toEqual(['sales', 'reviews']);
  });

  it('item-report rows go to their own item entities; rows without id are skipped', () => {
    const rows = observationsOf(itemReportCapture(), 'c', 'taobao:shop:1234');
    expect(rows.map((row) => `${row.entityKey}|${row.metric}=${row.value}`)).toEqual([
      'taobao:item:111|visitors=300',
      'taobao:item:111|payAmount=899.5',
      'taobao:item:222|visitors=120',
    ]);
  });

  it('a metric repeated by the adapter keeps the first reading only', () => {
    const capture = dashboardCapture({ metrics: [reading('visitors', 10), reading('visitors', 99)] });
    expect(observationsOf(capture, 'c', 'e').map((row) => row.value)).toEqual([10]);
  });
});

describe('storeCapture', () => {
  it('writes entity, capture and observations', async () => {
    const db = freshDb();
    const capture = dashboardCapture();
    const now = new Date('2026-11-22T01:00:01.000Z');
    const result = await storeCapture(db, capture, now);
    expect(result).toEqual({ stored: true, captureId: 'taobao:shop:1234@2026-11-22T01:00:00.000Z', observations: 2 });

    expect(await db.entities.get('taobao:shop:1234')).toEqual({
      key: 'taobao:shop:1234',
      platform: 'taobao',
      kind: 'shop',
      ref: '1234',
      name: '某某旗舰店',
      firstSeen: now.toISOString(),
      lastSeen: now.toISOString(),
      own: true,
    });
    const row = await db.captures.get('taobao:shop:1234@2026-11-22T01:00:00.000Z');
    expect(row).toMatchObject({
      entityKey: 'taobao:shop:1234',
      pageKey: 'sycm.taobao.com/portal/home.htm',
      platform: 'taobao',
      pageKind: 'dashboard',
      periodKey: '昨日|2026-11-21|2026-11-21',
      adapterId: 'test/dashboard',
      adapterVersion: 1,
      contentHash: contentHashOf(capture),
    });
    expect(row!.capture).toEqual(capture);
    const series = await db.observations.where('[entityKey+metric+day]').equals(['taobao:shop:1234', 'payAmount', '2026-11-21']).toArray();
    expect(series.map((o) => o.value)).toEqual([10095]);
  });

  it('drops an identical repeat of the same page and period, but moves lastSeen', async () => {
    const db = freshDb();
    await storeCapture(db, dashboardCapture(), new Date('2026-11-22T01:00:01Z'));
    const again = dashboardCapture({ capturedAt: '2026-11-22T01:05:00.000Z', url: 'https://sycm.taobao.com/portal/home.htm?spm=new' });
    expect(await storeCapture(db, again, new Date('2026-11-22T01:05:01Z'))).toEqual({ stored: false, reason: 'duplicate' });
    expect(await db.captures.count()).toBe(1);
    expect(await db.observations.count()).toBe(2);
    expect(await db.entities.get('taobao:shop:1234')).toMatchObject({ firstSeen: '2026-11-22T01:00:01.000Z', lastSeen: '2026-11-22T01:05:01.000Z' });
  });

  it('a re-delivered message (same entity, same instant) is a duplicate even when not the latest', async () => {
    const db = freshDb();
    const first = dashboardCapture();
    await storeCapture(db, first);
    await storeCapture(db, dashboardCapture({ capturedAt: '2026-11-22T02:00:00.000Z', metrics: [reading('visitors', 1)] }));
    expect(await storeCapture(db, first)).toEqual({ stored: false, reason: 'duplicate' });
    expect(await db.captures.count()).toBe(2);
  });

  it.each<[string, Partial<Capture>]>([
    ['a figure changed', { metrics: [reading('visitors', 1521), reading('payAmount', 10095)] }],
    ['another period', { period: { label: '近7天', start: '2026-11-15', end: '2026-11-21' } }],
    ['another page', { url: 'https://sycm.taobao.com/portal/other.htm' }],
  ])('stores a second capture when %s', async (_name, change) => {
    const db = freshDb();
    await storeCapture(db, dashboardCapture());
    const second = dashboardCapture({ capturedAt: '2026-11-22T01:05:00.000Z', ...change });
    expect(await storeCapture(db, second)).toMatchObject({ stored: true });
    expect(await db.captures.count()).toBe(2);
  });

  it('an unchanged listing seen on a new day is stored (that day belongs in its history)', async () => {
    const db = freshDb();
    await storeCapture(db, listingCapture());
    const sameDay = listingCapture({ capturedAt: '2026-11-22T09:00:00.000Z' });
    expect(await storeCapture(db, sameDay)).toEqual({ stored: false, reason: 'duplicate' });
    const nextDay = listingCapture({ capturedAt: '2026-11-23T02:00:00.000Z' });
    expect(await storeCapture(db, nextDay)).toMatchObject({ stored: true, observations: 4 });
    const prices = await db.observations.where('[entityKey+metric+day]').between(['taobao:item:617129397971', 'price', ''], ['taobao:item:617129397971', 'price', '\uffff']).toArray();
    expect(prices.map((p) => p.day)).toEqual(['2026-11-22', '2026-11-23']);
  });

  it('compares with the latest capture of the same period, not an older one', async () => {
    const db = freshDb();
    const a = dashboardCapture();
    const b = dashboardCapture({ capturedAt: '2026-11-22T01:10:00.000Z', metrics: [reading('visitors', 7)] });
    const aAgain = dashboardCapture({ capturedAt: '2026-11-22T01:20:00.000Z' });
    await storeCapture(db, a);
    await storeCapture(db, b);
    // Figures went back to what they were: that is a change, not a repeat.
    expect(await storeCapture(db, aAgain)).toMatchObject({ stored: true });
  });

  it('keeps the latest non-empty name and the first firstSeen; never un-marks own', async () => {
    const db = freshDb();
    await storeCapture(db, listingCapture(), new Date('2026-11-22T02:00:01Z'));
    const renamed = listingCapture({ capturedAt: '2026-11-22T03:00:00.000Z' });
    renamed.listing!.title = '保温杯 新款';
    renamed.listing!.price!.min = 25;
    await storeCapture(db, renamed, new Date('2026-11-22T03:00:01Z'));
    const unnamed = listingCapture({ capturedAt: '2026-11-22T04:00:00.000Z', listing: null });
    await storeCapture(db, unnamed, new Date('2026-11-22T04:00:01Z'));
    const entity = await db.entities.get('taobao:item:617129397971');
    expect(entity).toMatchObject({ name: '保温杯 新款', firstSeen: '2026-11-22T02:00:01.000Z', lastSeen: '2026-11-22T04:00:01.000Z' });
    expect(entity!.own).toBeUndefined();

    await storeCapture(db, dashboardCapture());
    await storeCapture(db, dashboardCapture({ pageKind: 'editor', url: 'https://item.upload.taobao.com/sell/publish.htm?itemId=617129397971', editor: { title: '保温杯 新款' } }));
    expect((await db.entities.get('taobao:item:617129397971'))!.own).toBe(true);
  });

  it('item-report: upserts each row item and stores its observations', async () => {
    const db = freshDb();
    const result = await storeCapture(db, itemReportCapture());
    expect(result).toMatchObject({ stored: true, observations: 3 });
    expect((await db.entities.toArray()).map((e) => e.key).sort()).toEqual(['taobao:item:111', 'taobao:item:222', 'taobao:shop:1234']);
    expect(await db.entities.get('taobao:item:111')).toMatchObject({ kind: 'item', name: '连衣裙 A' });
    const item111 = await db.observations.where('[entityKey+capturedAt]').equals(['taobao:item:111', '2026-11-22T01:00:00.000Z']).toArray();
    expect(item111.map((o) => o.metric).sort()).toEqual(['payAmount', 'visitors']);
  });

  it('refuses a capture it cannot key, writing nothing', async () => {
    const db = freshDb();
    const result = await storeCapture(db, listingCapture({ listing: null, url: 'https://item.taobao.com/item.htm' }));
    expect(result).toEqual({ stored: false, reason: 'unidentified' });
    expect(await db.captures.count()).toBe(0);
    expect(await db.entities.count()).toBe(0);
  });

  it('storage full: reports quota and leaves nothing half-written', async () => {
    const db = freshDb();
    await db.open();
    const proto = globalThis.IDBObjectStore.prototype;
    const originalPut = proto.put;
    vi.spyOn(proto, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'observations') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return originalPut.apply(this, args);
    });
    expect(await storeCapture(db, dashboardCapture())).toEqual({ stored: false, reason: 'quota' });
    vi.restoreAllMocks();
    expect(await db.entities.count()).toBe(0);
    expect(await db.captures.count()).toBe(0);
    expect(await db.observations.count()).toBe(0);
    // And the database still works afterwards.
    expect(await storeCapture(db, dashboardCapture())).toMatchObject({ stored: true });
  });

  it('other errors are not swallowed', async () => {
    const db = freshDb();
    await db.open();
    const proto = globalThis.IDBObjectStore.prototype;
    const originalPut = proto.put;
    vi.spyOn(proto, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'observations') throw new DOMException('broken', 'UnknownError');
      return originalPut.apply(this, args);
    });
    await expect(storeCapture(db, dashboardCapture())).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await db.captures.count()).toBe(0);
  });
});
