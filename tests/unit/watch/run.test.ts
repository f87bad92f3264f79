/**
 * The watch rules end to end on the database: captures stored through the write path, then
 * evaluateWatches, alerts and rule memory stored; and the background message path
 * (handle-capture → onAlerts) and the panel's watchlist messages (handle-panel).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleContentMessage } from '../../../lib/background/handle-capture';
import { handlePanelMessage } from '../../../lib/background/handle-panel';
import type { Capture, SearchResult } from '../../../lib/capture/schema';
import type { ShopLensDb } from '../../../lib/db/schema';
import { storeCapture } from '../../../lib/db/store';
import { evaluateWatches } from '../../../lib/watch/run';
import { pinEntity } from '../../../lib/watch/store';
import type { AlertRow } from '../../../lib/watch/types';
import { TEST_ADAPTERS } from '../background/test-adapters';
import { dashboardCapture, freshDb, ITEM_KEY, listingCapture, reading, SHOP_KEY } from '../db/seed-rows';

let db: ShopLensDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const at = (dayOfMonth: number, hour = 2) => `2026-11-${String(dayOfMonth).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

function listingOn(dayOfMonth: number, price: number, extra: { title?: string; stock?: { text: string; quantity?: number } } = {}): Capture {
  const capture = listingCapture(at(dayOfMonth));
  capture.listing!.price = { min: price, kind: 'coupon', label: '券后' };
  if (extra.title) capture.listing!.title = extra.title;
  if (extra.stock) capture.listing!.stock = extra.stock;
  return capture;
}

/** Stores a capture and runs the rules, as the background does. */
async function capture(c: Capture): Promise<AlertRow[]> {
  const result = await storeCapture(db, c, new Date(c.capturedAt));
  if (!result.stored) return [];
  return evaluateWatches(db, c, result.captureId, new Date(c.capturedAt));
}

const pinItem = () => pinEntity(db, { key: ITEM_KEY, platform: 'taobao', kind: 'item', ref: '617129397971', name: '保温杯' }, new Date(at(1)));

describe('evaluateWatches', () => {
  it('does nothing for entities nobody watches', async () => {
    await capture(listingOn(20, 100));
    expect(await capture(listingOn(21, 50))).toEqual([]);
    expect(await db.alerts.count()).toBe(0);
  });

  it('alerts a price drop on a watched listing, measured from the history before pinning', async () => {
    await capture(listingOn(20, 159));
    await pinItem();
    const alerts = await capture(listingOn(21, 143.5));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      watchKey: ITEM_KEY,
      ruleId: 'price',
      at: at(21),
      seen: 0,
      alert: { type: 'change', metric: 'price', direction: 'down', from: { value: 159, day: '2026-11-20' }, to: { value: 143.5, day: '2026-11-21' } },
    });
    expect(await db.alerts.get(alerts[0]!.id)).toEqual(alerts[0]);
    // The reference moved: the next small wobble says nothing.
    expect(await capture(listingOn(22, 144))).toEqual([]);
    expect(await capture(listingOn(23, 142.9))).toEqual([]);
    expect((await db.watches.get(ITEM_KEY))?.state.change?.['price|snapshot:coupon']?.reference?.value).toBe(143.5);
  });

  it('never compares prices of different kinds (a coupon price with a shown price)', async () => {
    const kindOn = (d: number, price: number, kind: 'coupon' | 'shown') => {
      const c = listingOn(d, price);
      c.listing!.price = { min: price, kind };
      return c;
    };
    await capture(kindOn(19, 175.5, 'shown'));
    await pinItem();
    // The history before pinning holds a shown price only: a coupon price has nothing to compare with.
    expect(await capture(kindOn(20, 143.5, 'coupon'))).toEqual([]);
    expect(await capture(kindOn(21, 175.5, 'shown'))).toEqual([]);
    const drop = await capture(kindOn(22, 120, 'coupon'));
    expect(drop.map((a) => a.alert.type === 'change' && [a.alert.from.value, a.alert.to.value, a.alert.group])).toEqual([[143.5, 120, 'snapshot:coupon']]);
  });

  it('hovering around the threshold over many days alerts once', async () => {
    await pinItem();
    const prices = [100, 94.9, 95.2, 94.8, 95.1, 94.9, 95.3];
    const fired: AlertRow[] = [];
    for (const [i, price] of prices.entries()) fired.push(...(await capture(listingOn(10 + i, price))));
    expect(fired.map((a) => a.at)).toEqual([at(11)]);
  });

  it('alerts title changes and out of stock / back in stock', async () => {
    await pinItem();
    await capture(listingOn(10, 100, { title: '保温杯 500ml' }));
    const titleAlerts = await capture(listingOn(11, 100, { title: '保温杯 500ml 新款' }));
    expect(titleAlerts.map((a) => a.alert)).toEqual([{ type: 'title', from: '保温杯 500ml', to: '保温杯 500ml 新款' }]);
    const out = await capture(listingOn(12, 100, { title: '保温杯 500ml 新款', stock: { text: '无货' } }));
    expect(out.map((a) => a.alert)).toEqual([{ type: 'stock', state: 'out', text: '无货' }]);
    const back = await capture(listingOn(13, 100, { title: '保温杯 500ml 新款', stock: { text: '有货', quantity: 30 } }));
    expect(back.map((a) => a.alert.type === 'stock' && a.alert.state)).toEqual(['back']);
  });

  it('alerts a new listing of a watched shop seen in search results, after learning the shop', async () => {
    await pinEntity(db, { key: 'taobao:shop:山茶花旗舰店', platform: 'taobao', kind: 'shop', ref: '山茶花旗舰店', name: '山茶花旗舰店' });
    const search = (capturedAt: string, results: SearchResult[]): Capture => ({
      platform: 'taobao',
      pageKind: 'search',
      url: 'https://s.taobao.com/search?q=保温杯',
      capturedAt,
      adapter: { id: 'taobao/search', version: 1 },
      period: null,
      metrics: [],
      listing: null,
      results,
      issues: [],
    });
    const r = (rank: number, itemId: string, shop: string): SearchResult => ({ rank, itemId, title: `杯${itemId}`, price: { min: 50, kind: 'shown' }, shop });
    expect(await capture(search(at(10), [r(1, 'a', '山茶花旗舰店'), r(2, 'x', '别家')]))).toEqual([]);
    const alerts = await capture(search(at(11), [r(1, 'a', '山茶花旗舰店'), r(2, 'b', '山茶花 旗舰店'), r(3, 'y', '别家')]));
    expect(alerts.map((a) => a.alert)).toEqual([{ type: 'newListing', itemId: 'b', title: '杯b', shop: '山茶花 旗舰店' }]);
    expect(alerts[0]!.id).toBe(`taobao:shop:山茶花旗舰店|newListing|${at(11)}|b`);
  });

  it('compares own daily figures day by day, once per day', async () => {
    await pinEntity(db, { key: SHOP_KEY, platform: 'taobao', kind: 'shop', ref: '5000123', name: '山茶花旗舰店', role: 'own' });
    const day = (d: number, pay: number, hour = 1) =>
      dashboardCapture(at(d + 1, hour), {
        period: { label: '昨日', start: `2026-11-${d}`, end: `2026-11-${d}` },
        metrics: [reading('payAmount', '支付金额', pay, 'yuan'), reading('visitors', '访客数', 1000, 'count')],
      });
    await capture(day(19, 10000));
    const jump = await capture(day(20, 15000));
    expect(jump.map((a) => a.alert.type === 'change' && `${a.alert.metric} ${a.alert.direction}`)).toEqual(['payAmount up']);
    // The same day read again with a correction: no second alert.
    expect(await capture(day(20, 15500, 5))).toEqual([]);
  });
});

describe('background paths', () => {
  it('handle-capture runs the rules after storing and hands the alerts on', async () => {
    await capture(listingOn(21, 159));
    await pinItem();
    const told: AlertRow[][] = [];
    // The test adapters stand in for the registry: the capture names one of them.
    const next = { ...listingOn(22, 120), adapter: { id: 'test/listing', version: 1 } };
    const response = await handleContentMessage({ type: 'capture', capture: next }, { url: next.url, tab: { id: 3, url: next.url } }, {
      db,
      adapters: TEST_ADAPTERS,
      now: () => new Date(at(22)),
      recordStatus: async () => undefined,
      disabledAdapters: async () => new Set<string>(),
      onAlerts: async (alerts) => void told.push(alerts),
    });
    expect(response, JSON.stringify(response)).toMatchObject({ ok: true, result: { stored: true } });
    expect(told.map((alerts) => alerts.map((a) => a.ruleId))).toEqual([['price']]);
  });

  const ROOT = 'chrome-extension://abc/';
  const fromPanel = { url: `${ROOT}sidepanel.html?url=x` };
  const send = (message: unknown, sender = fromPanel) => handlePanelMessage(message, sender, { db, extensionRoot: ROOT, now: () => new Date(at(1)) });

  it('pins, marks, edits rules and unpins from the panel', async () => {
    expect(await send({ type: 'watch:pin', key: ITEM_KEY, platform: 'taobao', kind: 'item', ref: '617129397971', name: '保温杯', url: 'https://detail.tmall.com/item.htm?id=617129397971' })).toEqual({ ok: true });
    const pinned = await db.watches.get(ITEM_KEY);
    expect(pinned).toMatchObject({ role: 'unset', refresh: false, url: 'https://detail.tmall.com/item.htm?id=617129397971' });
    expect(pinned?.rules.map((r) => r.id)).toEqual(['price', 'sales', 'title', 'stock']);

    await send({ type: 'watch:update', key: ITEM_KEY, role: 'competitor' });
    expect((await db.watches.get(ITEM_KEY))?.role).toBe('competitor');

    // A rule with a new threshold forgets its memory; others keep theirs.
    await db.watches.update(ITEM_KEY, { state: { change: { 'price|snapshot': { reference: { value: 1, bound: 'exact', day: 'd', at: 'a' } }, 'sales|snapshot': {} } } });
    const rules = pinned!.rules.map((r) => (r.id === 'price' && r.type === 'change' ? { ...r, percent: 10, amount: 20 } : r));
    expect(await send({ type: 'watch:update', key: ITEM_KEY, rules })).toEqual({ ok: true });
    const edited = await db.watches.get(ITEM_KEY);
    expect(edited?.rules[0]).toMatchObject({ percent: 10, amount: 20 });
    expect(Object.keys(edited?.state.change ?? {})).toEqual(['sales|snapshot']);

    await send({ type: 'watch:unpin', key: ITEM_KEY });
    expect(await db.watches.get(ITEM_KEY)).toBeUndefined();
  });

  it('marks alerts seen and clears them', async () => {
    await capture(listingOn(20, 159));
    await pinItem();
    await capture(listingOn(21, 100));
    await capture(listingOn(22, 159));
    expect(await db.alerts.where('[seen+at]').between([0, ''], [0, '\uffff']).count()).toBe(2);
    await send({ type: 'alerts:seen' });
    expect((await db.alerts.toArray()).map((a) => a.seen)).toEqual([1, 1]);
    await send({ type: 'alerts:clear' });
    expect(await db.alerts.count()).toBe(0);
  });

  it.each([
    ['a content script (a marketplace page)', { url: 'https://detail.tmall.com/item.htm?id=1' }],
    ['no address', {}],
    ['another extension', { url: 'chrome-extension://other/page.html' }],
  ])('refuses messages from %s', async (_name, sender) => {
    expect(await send({ type: 'watch:unpin', key: ITEM_KEY }, sender as typeof fromPanel)).toEqual({ ok: false, reason: 'not-extension-page' });
  });

  it.each([
    ['an unknown type', { type: 'watch:explode' }],
    ['a negative threshold', { type: 'watch:update', key: ITEM_KEY, rules: [{ id: 'p', type: 'change', enabled: true, metric: 'price', direction: 'both', percent: -5 }] }],
    ['a bad kind', { type: 'watch:pin', key: 'k:k:k', platform: 'taobao', kind: 'planet', ref: 'x', name: '' }],
    ['refresh every 0 minutes', { type: 'refresh:settings', minutesBetweenPages: 0 }],
  ])('refuses %s', async (_name, message) => {
    expect(await send(message)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('keeps refresh off by default and forgets a risk stop when turned on again', async () => {
    await db.settings.put({ key: 'watch.refresh', value: { enabled: false, stopped: { at: 'x', kind: 'slider', evidence: '滑块', url: 'u' } } });
    await send({ type: 'refresh:settings', enabled: true });
    const stored = (await db.settings.get('watch.refresh'))?.value as Record<string, unknown>;
    expect(stored.enabled).toBe(true);
    expect(stored.stopped).toBeUndefined();
  });
});
