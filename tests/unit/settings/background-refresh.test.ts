/**
 * The background refresh setting as stored (lib/settings/background-refresh.ts, lib/watch/store.ts):
 * every read validated field by field, the quiet hours and the one-minute floor never taken from
 * storage, and a risk stop that only the operator's "on" clears.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopLensDb } from '../../../lib/db/schema';
import { parseRefreshSettings, parseRefreshStatus, QUIET_HOURS, readRefreshSettings } from '../../../lib/settings/background-refresh';
import { DEFAULT_REFRESH_SETTINGS, REFRESH_SETTINGS_KEY } from '../../../lib/watch/refresh';
import { saveRefreshSettings, stopRefresh } from '../../../lib/watch/store';
import { freshDb } from '../db/seed-rows';

const STOP = { at: '2026-11-22T06:00:00.000Z', kind: 'slider' as const, evidence: '滑块', url: 'https://item.taobao.com/item.htm?id=1' };

describe('parseRefreshSettings', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_REFRESH_SETTINGS],
    ['not an object', 'on', DEFAULT_REFRESH_SETTINGS],
    ['on, with a pace', { enabled: true, minutesBetweenPages: 3, hoursPerPage: 24 }, { ...DEFAULT_REFRESH_SETTINGS, enabled: true, minutesBetweenPages: 3, hoursPerPage: 24 }],
    ['a pace below a minute is refused', { enabled: true, minutesBetweenPages: 0.2 }, { ...DEFAULT_REFRESH_SETTINGS, enabled: true }],
    ['a string for a number is refused', { minutesBetweenPages: '1' }, DEFAULT_REFRESH_SETTINGS],
    ['stored quiet hours are ignored (they are fixed)', { quietFrom: 3, quietUntil: 3 }, DEFAULT_REFRESH_SETTINGS],
    ['a stop reads as off, even when the row says on', { enabled: true, stopped: STOP }, { ...DEFAULT_REFRESH_SETTINGS, enabled: false, stopped: STOP }],
    ['a malformed stop is dropped', { enabled: true, stopped: { kind: 'nonsense' } }, { ...DEFAULT_REFRESH_SETTINGS, enabled: true }],
  ])('%s', (_name, raw, expected) => {
    expect(parseRefreshSettings(raw)).toEqual(expected);
  });

  it('is off by default with the stated quiet hours', () => {
    expect(DEFAULT_REFRESH_SETTINGS.enabled).toBe(false);
    expect(QUIET_HOURS).toEqual({ from: 22, until: 8 });
  });
});

describe('parseRefreshStatus', () => {
  it.each([
    [undefined, { pagesWithoutFigures: 0 }],
    [{ lastPageAt: 'yesterday', lastOutcome: 'exploded', pagesWithoutFigures: -1 }, { pagesWithoutFigures: 0 }],
    [
      { lastPageAt: '2026-11-22T06:00:00.000Z', lastUrl: 'https://item.jd.com/1.html', lastOutcome: 'timeout', pagesWithoutFigures: 2 },
      { lastPageAt: '2026-11-22T06:00:00.000Z', lastUrl: 'https://item.jd.com/1.html', lastOutcome: 'timeout', pagesWithoutFigures: 2 },
    ],
  ])('%j', (raw, expected) => {
    expect(parseRefreshStatus(raw)).toEqual(expected);
  });
});

describe('saving and stopping', () => {
  let db: ShopLensDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('keeps what is not changed and never stores a bad value', async () => {
    await saveRefreshSettings(db, { enabled: true, minutesBetweenPages: 4 });
    await saveRefreshSettings(db, { hoursPerPage: 6 });
    expect(await readRefreshSettings(db)).toEqual({ ...DEFAULT_REFRESH_SETTINGS, enabled: true, minutesBetweenPages: 4, hoursPerPage: 6 });
    await db.settings.put({ key: REFRESH_SETTINGS_KEY, value: { enabled: true, minutesBetweenPages: -5 } });
    await saveRefreshSettings(db, { hoursPerPage: 2 });
    expect((await db.settings.get(REFRESH_SETTINGS_KEY))?.value).toMatchObject({ minutesBetweenPages: DEFAULT_REFRESH_SETTINGS.minutesBetweenPages, hoursPerPage: 2 });
  });

  it('a stop holds through other changes; only "on" with the stop forgotten resumes', async () => {
    await saveRefreshSettings(db, { enabled: true });
    await stopRefresh(db, { kind: 'slider', evidence: '滑块' }, STOP.url, new Date(STOP.at));
    expect(await readRefreshSettings(db)).toMatchObject({ enabled: false, stopped: STOP });
    await saveRefreshSettings(db, { minutesBetweenPages: 9 });
    await saveRefreshSettings(db, { enabled: true });
    expect(await readRefreshSettings(db)).toMatchObject({ enabled: false, stopped: STOP, minutesBetweenPages: 9 });
    await saveRefreshSettings(db, { enabled: true, stopped: undefined });
    const resumed = await readRefreshSettings(db);
    expect(resumed.enabled).toBe(true);
    expect(resumed.stopped).toBeUndefined();
  });
});
