import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  forgetTabStatus,
  PAGE_STATUS_KEY,
  pageStatusFor,
  recordPageStatus,
  type PageStatusMap,
  type PageStatusRecord,
} from '../../../lib/background/page-status';

function record(tabId: number, url: string, state: PageStatusRecord['state'], at: string): PageStatusRecord {
  const pageKey = new URL(url).host + new URL(url).pathname;
  return { tabId, url, pageKey, adapterId: state === 'not-recognised' ? null : 'test/dashboard', state, at };
}

async function storedMap(): Promise<PageStatusMap> {
  return (await fakeBrowser.storage.session.get(PAGE_STATUS_KEY))[PAGE_STATUS_KEY] as PageStatusMap;
}

describe('recordPageStatus / forgetTabStatus', () => {
  it('keeps the latest report per tab, even when reports arrive together', async () => {
    await Promise.all([
      recordPageStatus(record(1, 'https://sycm.taobao.com/portal/home.htm', 'waiting', '2026-11-22T01:00:00.000Z')),
      recordPageStatus(record(2, 'https://item.taobao.com/item.htm', 'captured', '2026-11-22T01:00:01.000Z')),
      recordPageStatus(record(1, 'https://sycm.taobao.com/portal/home.htm', 'captured', '2026-11-22T01:00:02.000Z')),
    ]);
    const map = await storedMap();
    expect(Object.keys(map).sort()).toEqual(['1', '2']);
    expect(map['1']!.state).toBe('captured');
  });

  it('forgets a closed tab', async () => {
    await recordPageStatus(record(1, 'https://sycm.taobao.com/portal/home.htm', 'waiting', '2026-11-22T01:00:00.000Z'));
    await recordPageStatus(record(2, 'https://item.taobao.com/item.htm', 'waiting', '2026-11-22T01:00:00.000Z'));
    await forgetTabStatus(1);
    expect(Object.keys(await storedMap())).toEqual(['2']);
  });

  it('keeps at most 100 tabs, dropping the oldest reports', async () => {
    for (let tab = 0; tab < 105; tab++) {
      const at = new Date(Date.UTC(2026, 10, 22, 0, 0, tab)).toISOString();
      await recordPageStatus(record(tab, 'https://sycm.taobao.com/portal/home.htm', 'waiting', at));
    }
    const map = await storedMap();
    expect(Object.keys(map)).toHaveLength(100);
    expect(map['0']).toBeUndefined();
    expect(map['104']).toBeDefined();
  });
});

describe('pageStatusFor', () => {
  const home = 'https://sycm.taobao.com/portal/home.htm';
  const item = 'https://item.taobao.com/item.htm';
  const map: PageStatusMap = {
    '1': record(1, home, 'waiting', '2026-11-22T01:00:00.000Z'),
    '2': record(2, home, 'captured', '2026-11-22T01:00:05.000Z'),
    '3': record(3, item, 'not-recognised', '2026-11-22T01:00:09.000Z'),
  };

  it.each<[string, { tabId?: number; url: string }, number | undefined]>([
    ["the tab's own report for its page", { tabId: 1, url: home }, 1],
    ['no tab: the newest report about the page', { url: home }, 2],
    ["the tab's report is about another page: newest for this page", { tabId: 3, url: home }, 2],
    ['a page nobody reported', { url: 'https://s.taobao.com/search' }, undefined],
  ])('%s', (_name, where, expectedTab) => {
    expect(pageStatusFor(map, where)?.tabId).toBe(expectedTab);
  });

  it('handles no map yet', () => {
    expect(pageStatusFor(undefined, { url: home })).toBeUndefined();
  });
});
