/**
 * Bundled into an IIFE for a plain local page (IndexedDB behaves the same there as in the
 * service worker): times the real write path against Dexie bulkPut of the same rows, for one
 * capture with 30 metrics (storeCapture) and for 10,000 captures stored in sequence (the
 * background's CaptureWriter, which batches captures arriving while a write is in flight).
 */
import { METRIC_DEFINITIONS } from '../../../lib/metrics/definitions';
import type { Capture } from '../../../lib/capture/schema';
import { openDb } from '../../../lib/db/schema';
import { contentHashOf, entityOf, observationsOf, pageKeyOf, periodKeyOf, storeCapture } from '../../../lib/db/store';
import { createCaptureWriter } from '../../../lib/background/capture-writer';

function dashboardCapture(i: number): Capture {
  const day = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000);
  const date = day.toISOString().slice(0, 10);
  const metrics = METRIC_DEFINITIONS.slice(0, 30).map((def, j) => ({
    metric: def.id,
    label: def.name.zh,
    value: def.unit === 'ratio' ? ((i + j) % 100) / 1000 : (i * 31 + j * 7) % 100_000,
    unit: def.unit,
    bound: 'exact' as const,
    change: { basis: '较前一日', ratio: ((i % 40) - 20) / 100 },
    peers: [{ label: '同行同层平均', value: j * 3 }],
  }));
  return {
    platform: 'taobao',
    pageKind: 'dashboard',
    url: 'https://sycm.taobao.com/portal/home.htm',
    capturedAt: day.toISOString(),
    adapter: { id: 'taobao/sycm-home', version: 1 },
    period: { label: date, start: date, end: date },
    shop: { name: '店镜测试旗舰店' },
    metrics,
    listing: null,
    results: null,
    issues: [],
  };
}

function rowsOf(capture: Capture) {
  const entity = entityOf(capture)!;
  const id = `${entity.key}@${capture.capturedAt}`;
  return {
    entity: { ...entity, firstSeen: capture.capturedAt, lastSeen: capture.capturedAt },
    capture: {
      id,
      entityKey: entity.key,
      pageKey: pageKeyOf(capture.url),
      platform: capture.platform,
      pageKind: capture.pageKind,
      capturedAt: capture.capturedAt,
      periodKey: periodKeyOf(capture.period),
      adapterId: capture.adapter.id,
      adapterVersion: capture.adapter.version,
      contentHash: contentHashOf(capture),
      capture,
    },
    observations: observationsOf(capture, id, entity.key),
  };
}

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
