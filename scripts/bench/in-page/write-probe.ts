/**
 * Bundled into an IIFE for a plain local page (IndexedDB behaves the same there as in the
 * service worker): times the real write path against Dexie bulkPut of the same rows, for one
 * capture with 30 metrics (storeCapture) and for 10,000 captures stored in sequence (the
 * background's CaptureWriter, which batches captures arriving while a write is in flight).
 */
import { openDb } from '../../../lib/db/schema';
import { storeCapture } from '../../../lib/db/store';
import { dashboardCapture, rowsOf } from '../synthetic';
import { createCaptureWriter } from '../../../lib/background/capture-writer';

async function fresh(name: string) {
  await indexedDB.deleteDatabase(name);
  const db = openDb(name);
  await db.open();
  return db;
}

async function single(runs: number) {
  const store: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < runs; run++) {
    const capture = dashboardCapture(run);
    let db = await fresh(`bench-store-${run}`);
    let start = performance.now();
    await storeCapture(db, capture);
    store.push(performance.now() - start);
    db.close();
    db = await fresh(`bench-bulk-${run}`);
    const rows = rowsOf(capture);
    start = performance.now();
    await db.transaction('rw', db.entities, db.captures, db.observations, async () => {
      await db.entities.bulkPut([rows.entity]);
      await db.captures.bulkPut([rows.capture]);
      await db.observations.bulkPut(rows.observations);
    });
    baseline.push(performance.now() - start);
    db.close();
  }
  return { store, baseline };
}

async function sequence(count: number) {
  const captures = Array.from({ length: count }, (_, i) => dashboardCapture(i));
  let db = await fresh('bench-seq-store');
  // Through the background's writer, as captures arrive: submitted one after another, written in
  // order with the results of one-by-one storing (tests/unit/background/capture-writer.test.ts).
  const writer = createCaptureWriter(db);
  let start = performance.now();
  await Promise.all(captures.map((capture) => writer.store(capture)));
  const store = performance.now() - start;
  const stored = await db.observations.count();
  db.close();
  db = await fresh('bench-seq-bulk');
  const rows = captures.map(rowsOf);
  start = performance.now();
  await db.transaction('rw', db.entities, db.captures, db.observations, async () => {
    await db.entities.bulkPut([rows[0]!.entity]);
    await db.captures.bulkPut(rows.map((r) => r.capture));
    await db.observations.bulkPut(rows.flatMap((r) => r.observations));
  });
  const baseline = performance.now() - start;
  db.close();
  return { store, baseline, stored };
}

(globalThis as unknown as { __shoplensWriteProbe: unknown }).__shoplensWriteProbe = { single, sequence };
