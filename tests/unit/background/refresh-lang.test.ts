/**
 * The background refresh's stop notification speaks the language the operator chose in the panel
 * (storage.local, lib/i18n/stored-lang.ts), read when the notification is shown: the background
 * starts once, the operator may switch any time after.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createBackgroundRefresh, REFRESH_NOTIFICATION_ID, type RefreshApi } from '../../../lib/background/refresh';
import type { ShopLensDb } from '../../../lib/db/schema';
import { LANG_STORAGE_KEY } from '../../../lib/i18n';
import { readLangChoice } from '../../../lib/i18n/stored-lang';
import { pinEntity, saveRefreshSettings, updateWatch } from '../../../lib/watch/store';
import { freshDb } from '../db/seed-rows';
import { TEST_ADAPTERS } from './test-adapters';

const ITEM = { key: 'taobao:item:617129397971', url: 'https://detail.tmall.com/item.htm?id=617129397971' };
/** 14:00 China time, outside the quiet hours. */
const NOW = new Date(Date.UTC(2026, 10, 22, 6));

let db: ShopLensDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

function fakeApi() {
  const notifications: { id: string; title: string }[] = [];
  let nextId = 100;
  const api: RefreshApi = {
    alarms: { create: () => undefined, clear: async () => true, get: async () => undefined },
    tabs: { create: async () => ({ id: nextId++ }), remove: async () => undefined, get: async () => ({ url: ITEM.url }) },
    notifications: {
      create: async (id, options) => {
        notifications.push({ id, title: options.title });
        return id;
      },
    },
    session: fakeBrowser.storage.session,
  };
  return { api, notifications };
}

async function stopTitle(storedAfterStart: unknown): Promise<string[]> {
  const fake = fakeApi();
  const refresh = createBackgroundRefresh({
    db,
    api: fake.api,
    lang: () => readLangChoice(fakeBrowser.storage.local),
    now: () => NOW,
    isListingPage: (url) => TEST_ADAPTERS.find((adapter) => adapter.matchesUrl(new URL(url)))?.pageKind === 'listing',
    log: () => undefined,
  });
  await pinEntity(db, { key: ITEM.key, platform: 'taobao', kind: 'item', ref: '617129397971', name: ITEM.key, url: ITEM.url }, NOW);
  await updateWatch(db, ITEM.key, { refresh: true }, NOW);
  await saveRefreshSettings(db, { enabled: true, minutesBetweenPages: 1 });
  await refresh.tick(); // opens the listing in tab 100
  // The operator switches (or not) after the background started.
  if (storedAfterStart !== undefined) await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: storedAfterStart });
  await refresh.riskSignal({ type: 'risk-signal', url: ITEM.url, kind: 'slider', evidence: '滑块' }, { tab: { id: 100 } });
  expect(fake.notifications.map((n) => n.id)).toEqual([REFRESH_NOTIFICATION_ID]);
  return fake.notifications.map((n) => n.title);
}

describe('the refresh stop notification’s language', () => {
  it.each([
    ['en', 'ShopLens: background refresh stopped'],
    ['zh', '店镜：后台刷新已停止'],
    ['de', '店镜：后台刷新已停止'],
    [undefined, '店镜：后台刷新已停止'],
  ] as const)('choice %s stored after start → %s', async (stored, title) => {
    expect(await stopTitle(stored)).toEqual([title]);
  });
});
