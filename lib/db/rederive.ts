/**
 * Re-deriving: rebuilding the `observations` table (and missing entity rows) from the raw
 * captures stored in the `captures` table.
 *
 * What it CAN do
 * - Apply the current derivation rules (lib/db/store.ts: observationsOf, entityOf,
 *   rowEntitiesOf, dayOf) to every stored capture: when those rules change (a new listing field
 *   becomes a time series, the day of a period is computed differently), or when observations
 *   were lost (a restore of captures only, a bug), the series are rebuilt from the source.
 *   Each capture's observations are replaced by exactly what the rules derive now; rows the
 *   rules no longer derive are removed.
 * - Re-validate every stored capture against the current Capture schema: one that no longer
 *   passes is left untouched (not deleted, not derived) and listed with the reason.
 * - Say which captures were read by an older version of their adapter (`byAdapter`).
 *
 * What it CANNOT do
 * - Re-read a page. A stored capture is the adapter's output, not the page: ShopLens keeps no
 *   HTML. A capture taken by adapter version 1 keeps version 1's readings (and its `issues`)
 *   after version 2 ships; an improved adapter helps only captures taken after it, i.e. when
 *   the operator opens the page again. So a changed adapter version alone changes nothing here:
 *   the summary reports those captures so the operator knows which figures come from the older
 *   reader.
 * - Rebuild observations whose capture was deleted by retention (./retention.ts): they are kept
 *   as they are, never removed by a re-derive.
 *
 * Runs in chunks of captures, each in its own transaction that awaits only Dexie work (the
 * derivation itself is synchronous), so a chunk's observations are always replaced whole.
 */
import type { Capture } from '../capture/schema';
import { captureSchema } from '../capture/schema';
import type { OnProgress } from './backup';
import type { EntityRow, ObservationRow, ShopLensDb } from './schema';
import { entityOf, observationsOf, rowEntitiesOf, type EntityRef } from './store';

const CHUNK = 200;

export interface AdapterVersionCount {
  adapterId: string;
  /** The adapter version that read these captures. */
  version: number;
  /** The version ShopLens has now; undefined when no adapter has this id any more. */
  current: number | undefined;
  captures: number;
}

export interface InvalidCapture {
  id: string;
  /** Where and why the stored capture fails the current schema. */
  problem: string;
}

export interface RederiveResult {
  /** Captures read. */
  captures: number;
  observationsWritten: number;
  /** Observations of a stored capture that the current rules no longer derive. */
  observationsRemoved: number;
  /** Entity rows that were missing and were rebuilt from captures. */
  entitiesAdded: number;
  /** Captures that fail the current schema (left as they are; at most 100 listed). */
  invalid: InvalidCapture[];
  invalidCount: number;
  /** Captures per adapter id and version, with the current version of each adapter. */
  byAdapter: AdapterVersionCount[];
}

function entityRowOf(ref: EntityRef, capture: Capture): EntityRow {
  const row: EntityRow = {
    key: ref.key,
    platform: ref.platform,
    kind: ref.kind,
    ref: ref.ref,
    name: ref.name,
    firstSeen: capture.capturedAt,
    lastSeen: capture.capturedAt,
  };
  if (ref.own) row.own = true;
  return row;
}

function versionKey(adapterId: string, version: number): string {
  return `${adapterId}\u0000${version}`;
}

/**
 * Rebuilds every stored capture's observations with the current rules (see the file comment).
 * `currentVersions` maps adapter id → version (from lib/adapters/registry) for the summary.
 */
export async function rederiveObservations(
  db: ShopLensDb,
  options: { currentVersions?: Readonly<Record<string, number>>; onProgress?: OnProgress; chunkSize?: number } = {},
): Promise<RederiveResult> {
  const chunkSize = Math.max(1, options.chunkSize ?? CHUNK);
  const result: RederiveResult = {
    captures: 0,
    observationsWritten: 0,
    observationsRemoved: 0,
    entitiesAdded: 0,
    invalid: [],
    invalidCount: 0,
    byAdapter: [],
  };
  const versions = new Map<string, AdapterVersionCount>();
  const total = await db.captures.count();
  options.onProgress?.({ phase: 'rederive', done: 0, total });

  let lastId: string | undefined;
  for (;;) {
    const after = lastId;
    const processed = await db.transaction('rw', db.captures, db.observations, db.entities, async () => {
      const rows = await (after === undefined ? db.captures.orderBy(':id') : db.captures.where(':id').above(after)).limit(chunkSize).toArray();
      if (rows.length === 0) return 0;
      const fresh: ObservationRow[] = [];
      const entities = new Map<string, EntityRow>();
      const derivedIds: string[] = [];
      for (const row of rows) {
        const counted = versions.get(versionKey(row.adapterId, row.adapterVersion));
        if (counted) counted.captures += 1;
        else {
          versions.set(versionKey(row.adapterId, row.adapterVersion), {
            adapterId: row.adapterId,
            version: row.adapterVersion,
            current: options.currentVersions?.[row.adapterId],
            captures: 1,
          });
        }
        const checked = captureSchema.safeParse(row.capture);
        if (!checked.success) {
          result.invalidCount += 1;
          const issue = checked.error.issues[0];
          if (result.invalid.length < 100) {
            result.invalid.push({ id: row.id, problem: issue ? `${issue.path.join('.')}: ${issue.message}`.slice(0, 200) : 'invalid' });
          }
          continue;
        }
        const capture = checked.data;
        derivedIds.push(row.id);
        fresh.push(...observationsOf(capture, row.id, row.entityKey));
        const main = entityOf(capture);
        for (const ref of [...(main ? [main] : []), ...rowEntitiesOf(capture)]) {
          if (!entities.has(ref.key)) entities.set(ref.key, entityRowOf(ref, capture));
        }
      }
      const freshIds = new Set(fresh.map((row) => row.id));
      const previous = (await db.observations.where('captureId').anyOf(derivedIds).primaryKeys()) as string[];
      const stale = previous.filter((id) => !freshIds.has(id));
      await db.observations.bulkDelete(stale);
      await db.observations.bulkPut(fresh);
      result.observationsRemoved += stale.length;
      result.observationsWritten += fresh.length;

      const entityKeys = [...entities.keys()];
      const existing = await db.entities.bulkGet(entityKeys);
      const missing = entityKeys.filter((_, i) => existing[i] === undefined).map((entityKey) => entities.get(entityKey)!);
      await db.entities.bulkAdd(missing);
      result.entitiesAdded += missing.length;

      lastId = rows[rows.length - 1]!.id;
      return rows.length;
    });
    if (processed === 0) break;
    result.captures += processed;
    options.onProgress?.({ phase: 'rederive', done: result.captures, total: Math.max(total, result.captures) });
  }
  result.byAdapter = [...versions.values()].sort((a, b) => (a.adapterId < b.adapterId ? -1 : a.adapterId > b.adapterId ? 1 : a.version - b.version));
  return result;
}
