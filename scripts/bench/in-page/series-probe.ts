/**
 * A one-year daily series query on a database of 100,000 observations, in a plain local page
 * (same IndexedDB engine as the extension): the panel's query (observationsOfMetric over the
 * `[entityKey+metric+day]` index) plus turning the rows into a series.
 */
import { openDb } from '../../../lib/db/schema';
import { observationsOfMetric } from '../../../lib/db/queries';
import { seriesFromObservations } from '../../../lib/trends/series';
import { fillerObservations, listingCaptures, rowsOf } from '../synthetic';

async function measure(total: number, runs: number) {
  await indexedDB.deleteDatabase('bench-series');
  const db = openDb('bench-series');
  const url = 'https://detail.tmall.com/item.htm?id=777000111222';
  const own = listingCaptures(url, 366).map(rowsOf);
  const ownObservations = own.flatMap((r) => r.observations);
  await db.transaction('rw', db.entities, db.captures, db.observations, async () => {
    await db.entities.put(own[0]!.entity);
    await db.captures.bulkPut(own.map((r) => r.capture));
    await db.observations.bulkPut(ownObservations);
    await db.observations.bulkPut(fillerObservations(total - ownObservations.length));
  });
  const count = await db.observations.count();
  const entityKey = own[0]!.entity.key;
  const samples: number[] = [];
  let points = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const rows = await observationsOfMetric(db, entityKey, 'price', '2025-11-22', '2026-11-22');
    points = seriesFromObservations(rows)?.points.length ?? 0;
    samples.push(performance.now() - start);
  }
  db.close();
  return { samples, count, points };
}

(globalThis as unknown as { __shoplensSeriesProbe: unknown }).__shoplensSeriesProbe = { measure };
