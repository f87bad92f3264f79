/**
 * The price kind of stored `price` observations (database version 3, ./schema.ts).
 *
 * Before version 3 an observation said "price" and nothing more, so a listing's 券后 price one
 * day and its list price the next landed in one series. The kind is known: the listing capture
 * each price observation was derived from holds `listing.price.kind`. Observation ids are
 * `<entityKey>|price|<capturedAt>` and capture rows hold the same entity key and time, so the
 * row a capture gave is found by key, without scanning observations.
 *
 * Used by the Dexie upgrade to version 3 (on the operator's database) and by a restore of an
 * older backup (./backup.ts, from the backup's own captures). A price row whose capture is gone
 * (deleted by retention) keeps no kind: unknown, never guessed.
 */
import Dexie, { type Table } from 'dexie';
import { PLATFORMS, PRICE_KINDS, type Price } from '../capture/schema';
import type { CaptureRow, ObservationRow } from './schema';

type PriceKind = Price['kind'];

/** Database version whose observations carry `priceKind`. */
export const PRICE_KIND_DB_VERSION = 3;

const BATCH = 500;

export function isPriceKind(value: unknown): value is PriceKind {
  return typeof value === 'string' && (PRICE_KINDS as readonly string[]).includes(value);
}

/** The id of the price observation a listing capture row gave. */
export function priceObservationId(entityKey: string, capturedAt: string): string {
  return `${entityKey}|price|${capturedAt}`;
}

/** The kind of a stored capture's listing price, when it has one. */
function priceKindOfCapture(row: Pick<CaptureRow, 'capture'>): PriceKind | undefined {
  const kind = (row.capture as { listing?: { price?: { kind?: unknown } | null } | null } | undefined)?.listing?.price?.kind;
  return isPriceKind(kind) ? kind : undefined;
}

/**
 * Fills `priceKind` on price observations that lack it, from the listing captures still
 * stored. Awaits only Dexie work, so it runs inside the caller's transaction (the version-3
 * upgrade). Returns how many rows got a kind.
 */
export async function backfillPriceKinds(captures: Table<CaptureRow, string>, observations: Table<ObservationRow, string>): Promise<number> {
  const kinds = new Map<string, PriceKind>();
  for (const platform of PLATFORMS) {
    await captures
      .where('[platform+pageKind+capturedAt]')
      .between([platform, 'listing', Dexie.minKey], [platform, 'listing', Dexie.maxKey])
      .each((row) => {
        const kind = priceKindOfCapture(row);
        if (kind) kinds.set(priceObservationId(row.entityKey, row.capturedAt), kind);
      });
  }
  const ids = [...kinds.keys()];
  let filled = 0;
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const rows = await observations.bulkGet(batch);
    const changed: ObservationRow[] = [];
    rows.forEach((row, i) => {
      if (!row || row.metric !== 'price' || row.priceKind !== undefined) return;
      changed.push({ ...row, priceKind: kinds.get(batch[i]!)! });
    });
    if (changed.length > 0) await observations.bulkPut(changed);
    filled += changed.length;
  }
  return filled;
}

/**
 * The same for rows being restored from a backup made before version 3: price observations
 * get the kind of the backup's own capture they came from. Pure; returns the rows (new
 * objects where a kind was added) and how many got one.
 */
export function fillPriceKindsFromCaptures(
  observations: readonly ObservationRow[],
  captures: readonly Pick<CaptureRow, 'entityKey' | 'capturedAt' | 'capture'>[],
): { rows: ObservationRow[]; filled: number } {
  const kinds = new Map<string, PriceKind>();
  for (const row of captures) {
    const kind = priceKindOfCapture(row);
    if (kind) kinds.set(priceObservationId(row.entityKey, row.capturedAt), kind);
  }
  let filled = 0;
  const rows = observations.map((row) => {
    if (row.metric !== 'price' || row.priceKind !== undefined) return row;
    const kind = kinds.get(row.id);
    if (!kind) return row;
    filled++;
    return { ...row, priceKind: kind };
  });
  return { rows, filled };
}
