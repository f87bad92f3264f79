/**
 * Retention (lib/db/retention.ts): raw captures older than N days go, the newest capture of each
 * page and every observation stay; the setting is validated and defaults when missing or bad;
 * storage use comes from the browser's estimate; a full disk is recorded for the options page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  clearStorageFull,
  DEFAULT_RETENTION,
  isValidCaptureDays,
  pruneCaptures,
  readRetention,
  readStorageFull,
  recordStorageFull,
  RETENTION_KEY,
  storageUse,
  writeRetention,
} from '../../../lib/db/retention';
import { storeCapture } from '../../../lib/db/store';
import { dropDatabases, freshDb } from './demo-database';
import { dashboardCapture, listingCapture } from './sample-captures';

afterEach(dropDatabases);

const NOW = new Date('2026-11-22T12:00:00.000Z');
const daysAgo = (days: number, hour = 2) => new Date(NOW.getTime() - days * 86_400_000 + (hour - 12) * 3_600_000).toISOString();

async function storeSeries(): Promise<ReturnType<typeof freshDb>> {
  const db = freshDb();
  // The shop dashboard on days 100, 40, 10 and 1 ago; one listing only 200 days ago.
  for (const ago of [100, 40, 10, 1]) {
    const at = daysAgo(ago);
    const day = at.slice(0, 10);
    await storeCapture(db, dashboardCapture({ capturedAt: at, period: { label: '昨日', start: day, end: day } }), new Date(at));
  }
  await storeCapture(db, listingCapture({ capturedAt: daysAgo(200) }), new Date(daysAgo(200)));
  return db;
}

describe('pruneCaptures', () => {
  it.each<[string, number | null, string[]]>([
    ['30 days: older dashboard captures go, the lone old listing stays as its page’s newest', 30, [daysAgo(10), daysAgo(1), daysAgo(200)]],
    ['60 days', 60, [daysAgo(40), daysAgo(10), daysAgo(1), daysAgo(200)]],
    ['1 day: only the newest of each page', 1, [daysAgo(1), daysAgo(200)]],
    ['forever: nothing is deleted', null, [daysAgo(100), daysAgo(40), daysAgo(10), daysAgo(1), daysAgo(200)]],
  ])('%s', async (_name, captureDays, kept) => {
    const db = await storeSeries();
    const observationsBefore = await db.observations.toArray();
    const result = await pruneCaptures(db, { captureDays }, NOW);
    const remaining = (await db.captures.toArray()).map((row) => row.capturedAt);
    expect(remaining.sort()).toEqual([...kept].sort());
    expect(result.deleted).toBe(5 - kept.length);
    // Observations are kept forever, whatever happened to their captures.
    expect(await db.observations.toArray()).toEqual(observationsBefore);
  });

  it('reports the old captures it kept because each is the newest of its page', async () => {
    const db = await storeSeries();
    expect(await pruneCaptures(db, { captureDays: 30 }, NOW)).toEqual({ deleted: 2, keptNewest: 1 });
  });

  it('works through more captures than one chunk', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 1_203 }, (_, i) => {
      const at = new Date(Date.parse('2025-01-01T00:00:00.000Z') + i * 60_000).toISOString();
      return {
        id: `taobao:shop:1@${at}`,
        entityKey: 'taobao:shop:1',
        pageKey: 'sycm.taobao.com/portal/home.htm',
        platform: 'taobao' as const,
        pageKind: 'dashboard' as const,
        capturedAt: at,
        periodKey: '',
        adapterId: 'test/dashboard',
        adapterVersion: 1,
        contentHash: String(i),
        capture: dashboardCapture({ capturedAt: at }),
      };
    });
    await db.captures.bulkAdd(rows);
    expect(await pruneCaptures(db, { captureDays: 30 }, NOW)).toEqual({ deleted: 1_202, keptNewest: 1 });
    expect((await db.captures.toArray()).map((row) => row.id)).toEqual([rows.at(-1)!.id]);
  });
});

describe('the retention setting', () => {
  it('defaults when nothing is stored', async () => {
    expect(await readRetention()).toEqual(DEFAULT_RETENTION);
  });

  const cases: [unknown, boolean][] = [
    [1, true],
    [365, true],
    [3650, true],
    [null, true],
    [0, false],
    [-5, false],
    [3651, false],
    [7.5, false],
    ['30', false],
    [undefined, false],
    [{ days: 30 }, false],
  ];

  it.each([...cases, [Number.NaN, false], [Number.POSITIVE_INFINITY, false]])('%s is a valid setting: %s', (days, valid) => {
    expect(isValidCaptureDays(days)).toBe(valid);
  });

  // (storage.local keeps JSON: NaN would come back as null, so it is refused before storing.)
  it.each(cases)('stored %s is read back as is: %s (else the default)', async (days, valid) => {
    await fakeBrowser.storage.local.set({ [RETENTION_KEY]: { captureDays: days } });
    expect(await readRetention()).toEqual(valid ? { captureDays: days } : DEFAULT_RETENTION);
  });

  it('round-trips and refuses to store an invalid value', async () => {
    await writeRetention({ captureDays: 90 });
    expect(await readRetention()).toEqual({ captureDays: 90 });
    await writeRetention({ captureDays: null });
    expect(await readRetention()).toEqual({ captureDays: null });
    await expect(writeRetention({ captureDays: 0 })).rejects.toThrow();
    expect(await readRetention()).toEqual({ captureDays: null });
  });
});

describe('storage use', () => {
  it.each<[string, Pick<StorageManager, 'estimate'> | undefined, unknown]>([
    ['the browser’s estimate', { estimate: async () => ({ usage: 5_000_000, quota: 80_000_000_000 }) }, { usage: 5_000_000, quota: 80_000_000_000 }],
    ['no Storage API', undefined, undefined],
    ['an estimate without numbers', { estimate: async () => ({}) }, undefined],
    ['an estimate that fails', { estimate: async () => Promise.reject(new Error('denied')) }, undefined],
  ])('%s', async (_name, storage, expected) => {
    expect(await storageUse(storage)).toEqual(expected);
  });
});

describe('a full disk', () => {
  it('is recorded with the time and a count, and cleared once space was freed', async () => {
    expect(await readStorageFull()).toBeUndefined();
    await recordStorageFull(new Date('2026-11-22T01:00:00.000Z'));
    await recordStorageFull(new Date('2026-11-22T02:00:00.000Z'));
    expect(await readStorageFull()).toEqual({ at: '2026-11-22T02:00:00.000Z', count: 2 });
    await clearStorageFull();
    expect(await readStorageFull()).toBeUndefined();
  });
});
