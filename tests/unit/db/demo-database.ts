/**
 * A database filled the way the demo walk fills it: every page fixture captured through the real
 * write path (lib/db/store.ts) on a few days, hand-written captures of the other page kinds, and
 * a pinned watch with an alert and a setting (database version 2). Used by the backup, re-derive
 * and data-page tests, so "restores with identical counts" is checked on realistic rows.
 */
import { isNotRenderedFixture, listFixtures, runFixture } from '../../../lib/cli/fixtures';
import type { Capture } from '../../../lib/capture/schema';
import { openDb, type ShopLensDb } from '../../../lib/db/schema';
import { storeCapture } from '../../../lib/db/store';
import { dashboardCapture, itemReportCapture, listingCapture } from './sample-captures';

const opened: ShopLensDb[] = [];
let counter = 0;

/** A database no other test uses; closed and deleted by `dropDatabases()`. */
export function freshDb(prefix = 'data-test'): ShopLensDb {
  counter += 1;
  const db = openDb(`${prefix}-${counter}-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  return db;
}

export async function dropDatabases(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
}

let fixtureCaptures: Capture[] | undefined;

/** The captures of every rendered page fixture (computed once per test file). */
export async function captureFixtures(): Promise<Capture[]> {
  if (!fixtureCaptures) {
    const captures: Capture[] = [];
    for (const fixture of listFixtures()) {
      if (isNotRenderedFixture(fixture)) continue;
      const run = await runFixture(fixture);
      if (run.capture) captures.push(run.capture);
    }
    fixtureCaptures = captures;
  }
  return fixtureCaptures;
}

const DAYS = ['2026-11-20', '2026-11-21', '2026-11-22'];

/** Fills `db` through the write path; returns how many captures were stored. */
export async function fillLikeDemo(db: ShopLensDb): Promise<number> {
  let stored = 0;
  const fixtures = await captureFixtures();
  for (const [dayIndex, day] of DAYS.entries()) {
    const at = (hour: number) => `${day}T0${hour}:00:00.000Z`;
    const captures: Capture[] = [
      ...fixtures.map((capture, i) => ({ ...capture, capturedAt: `${day}T0${i % 10}:1${dayIndex}:00.000Z` })),
      dashboardCapture({ capturedAt: at(1), period: { label: '昨日', start: day, end: day }, metrics: [{ metric: 'visitors', label: '访客数', value: 1000 + dayIndex * 37, unit: 'count', bound: 'exact' }] }),
      listingCapture({ capturedAt: at(2), listing: { ...listingCapture().listing!, price: { min: 29.9 + dayIndex, kind: 'shown' } } }),
      itemReportCapture({ capturedAt: at(3), period: { label: '昨日', start: day, end: day } }),
    ];
    for (const capture of captures) {
      const result = await storeCapture(db, capture, new Date(capture.capturedAt));
      if (result.stored) stored += 1;
    }
  }
  await db.watches.add({
    key: 'taobao:item:617129397971',
    platform: 'taobao',
    kind: 'item',
    ref: '617129397971',
    name: '保温杯 316不锈钢',
    role: 'competitor',
    rules: [{ id: 'price', type: 'change', enabled: true, metric: 'price', direction: 'both', percent: 5 }],
    state: { change: { 'price|': { reference: { value: 29.9, bound: 'exact', day: DAYS[0]!, at: `${DAYS[0]}T02:00:00.000Z` } } }, title: '保温杯 316不锈钢' },
    refresh: false,
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-22T02:00:00.000Z',
  });
  await db.alerts.add({
    id: 'taobao:item:617129397971|price|2026-11-22T02:00:00.000Z',
    watchKey: 'taobao:item:617129397971',
    watchName: '保温杯 316不锈钢',
    ruleId: 'price',
    at: '2026-11-22T02:00:00.000Z',
    captureId: 'taobao:item:617129397971@2026-11-22T02:00:00.000Z',
    seen: 0,
    alert: {
      type: 'change',
      metric: 'price',
      unit: 'yuan',
      group: '',
      direction: 'up',
      from: { value: 29.9, bound: 'exact', day: DAYS[0]! },
      to: { value: 31.9, bound: 'exact', day: DAYS[2]! },
      amount: 2,
      ratio: 2 / 29.9,
    },
  });
  await db.settings.add({ key: 'refresh', value: { enabled: false, minutesBetweenPages: 10, hoursPerPage: 24 } });
  return stored;
}

/** Every row of every table, by table name, in key order: for "identical" checks. */
export async function dumpTables(db: ShopLensDb): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

export async function countTables(db: ShopLensDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  return counts;
}
