/**
 * Re-deriving observations from stored captures (lib/db/rederive.ts): lost observations come
 * back identical to what the write path stored; rows the rules no longer derive go; rows whose
 * capture was pruned stay; a stored capture that fails today's schema is left alone and listed;
 * captures read by an older adapter version are reported, not "re-read".
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../lib/db/backup';
import { rederiveObservations } from '../../../lib/db/rederive';
import type { ObservationRow } from '../../../lib/db/schema';
import { dropDatabases, dumpTables, fillLikeDemo, freshDb } from './demo-database';

afterEach(dropDatabases);

async function demo() {
  const db = freshDb();
  await fillLikeDemo(db);
  return { db, observations: await db.observations.toArray(), entities: await db.entities.toArray() };
}

describe('rederiveObservations', () => {
  it('rebuilds lost observations exactly as the write path stored them', async () => {
    const { db, observations } = await demo();
    expect(observations.length).toBeGreaterThan(20);
    await db.observations.clear();
    const result = await rederiveObservations(db, { chunkSize: 5 });
    expect(await db.observations.toArray()).toEqual(observations);
    expect(result).toMatchObject({ captures: await db.captures.count(), observationsWritten: observations.length, observationsRemoved: 0, invalidCount: 0 });
  });

  it('gives price rows stored without a kind the kind of their capture', async () => {
    const { db, observations } = await demo();
    // Listing prices carry their kind; a price column of a backend report (抖店 售价) has none to carry.
    const prices = observations.filter((row) => row.metric === 'price' && row.captureId.includes(':item:'));
    expect(prices.length).toBeGreaterThan(0);
    expect(prices.every((row) => row.priceKind !== undefined)).toBe(true);
    // As a build before database version 3 stored them: no kind.
    await db.observations.bulkPut(prices.map(({ priceKind: _kind, ...row }) => row));
    await rederiveObservations(db);
    expect(await db.observations.bulkGet(prices.map((row) => row.id))).toEqual(prices);
  });

  it('changes nothing on a database that is already derived (and can run twice)', async () => {
    const { db } = await demo();
    const before = await dumpTables(db);
    await rederiveObservations(db);
    await rederiveObservations(db);
    expect(await dumpTables(db)).toEqual(before);
  });

  it('removes a stored capture’s observations the rules no longer derive, keeps those of pruned captures', async () => {
    const { db, observations } = await demo();
    const capture = (await db.captures.toCollection().first())!;
    const notDerived: ObservationRow = { ...observations[0]!, id: `${capture.entityKey}|madeUpMetric|${capture.capturedAt}`, metric: 'madeUpMetric', captureId: capture.id, entityKey: capture.entityKey };
    const orphan: ObservationRow = { ...observations[0]!, id: 'taobao:shop:gone|visitors|2025-01-01T00:00:00.000Z', entityKey: 'taobao:shop:gone', captureId: 'taobao:shop:gone@2025-01-01T00:00:00.000Z', capturedAt: '2025-01-01T00:00:00.000Z' };
    await db.observations.bulkAdd([notDerived, orphan]);
    const result = await rederiveObservations(db);
    expect(await db.observations.get(notDerived.id)).toBeUndefined();
    expect(await db.observations.get(orphan.id)).toEqual(orphan);
    expect(result.observationsRemoved).toBe(1);
  });

  it('restores missing entity rows from the captures, never overwriting existing ones', async () => {
    const { db, entities } = await demo();
    const [kept, ...rest] = entities;
    await db.entities.clear();
    await db.entities.add({ ...kept!, name: 'renamed by the operator' });
    const result = await rederiveObservations(db);
    expect(result.entitiesAdded).toBe(rest.length);
    expect((await db.entities.get(kept!.key))?.name).toBe('renamed by the operator');
    expect((await db.entities.toArray()).map((entity) => entity.key).sort()).toEqual(entities.map((entity) => entity.key).sort());
  });

  it('leaves a stored capture that fails the current schema alone and says why', async () => {
    const { db } = await demo();
    const row = (await db.captures.filter((capture) => capture.capture.metrics.length > 0).first())!;
    const broken = { ...row, capture: { ...row.capture, metrics: [{ metric: 'visitors', label: '访客数', value: '-', unit: 'count', bound: 'exact' }] } };
    await db.captures.put(broken as never);
    const own = await db.observations.where('captureId').equals(row.id).toArray();
    const result = await rederiveObservations(db);
    expect(result.invalidCount).toBe(1);
    expect(result.invalid).toEqual([{ id: row.id, problem: expect.stringContaining('metrics.0.value') }]);
    expect(await db.observations.where('captureId').equals(row.id).toArray()).toEqual(own);
  });

  it('reports captures per adapter version against the current versions (they are not re-read)', async () => {
    const { db } = await demo();
    const before = await db.captures.toArray();
    const listingRows = before.filter((row) => row.adapterId === 'taobao/listing');
    const storedVersion = listingRows[0]!.adapterVersion;
    expect(listingRows.every((row) => row.adapterVersion === storedVersion)).toBe(true);
    // As if the listing adapter had been improved since these captures were taken.
    const result = await rederiveObservations(db, { currentVersions: { 'taobao/listing': storedVersion + 1 } });
    const listing = result.byAdapter.find((entry) => entry.adapterId === 'taobao/listing');
    expect(listing).toEqual({ adapterId: 'taobao/listing', version: storedVersion, current: storedVersion + 1, captures: listingRows.length });
    expect(result.byAdapter.reduce((sum, entry) => sum + entry.captures, 0)).toBe(before.length);
    // The stored captures are the old version's output, unchanged.
    expect(await db.captures.toArray()).toEqual(before);
  });

  it('reports progress chunk by chunk up to the number of captures', async () => {
    const { db } = await demo();
    const total = await db.captures.count();
    const seen: Progress[] = [];
    await rederiveObservations(db, { chunkSize: 4, onProgress: (progress) => seen.push(progress) });
    expect(seen[0]).toEqual({ phase: 'rederive', done: 0, total });
    expect(seen.at(-1)).toEqual({ phase: 'rederive', done: total, total });
    expect(seen.length).toBe(1 + Math.ceil(total / 4));
  });
});
