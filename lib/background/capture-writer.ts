/**
 * Coalesces captures that arrive while a write is in flight into one transaction.
 *
 * Captures are written in arrival order with the same results as storing them one by one, but a
 * burst (an SPA re-rendering several sections, a restore, a re-derive) shares one transaction
 * instead of paying a transaction's fixed cost per capture.
 */
import type { Capture } from '../capture/schema';
import type { ShopLensDb } from '../db/schema';
import { storeCaptures, type StoreResult } from '../db/store';

/** Keeps one transaction short enough that a panel reading meanwhile is not held up for long. */
export const MAX_BATCH = 500;

interface Pending {
  capture: Capture;
  now: Date;
  resolve(result: StoreResult): void;
  reject(error: unknown): void;
}

export interface CaptureWriter {
  store(capture: Capture, now?: Date): Promise<StoreResult>;
}

export function createCaptureWriter(db: ShopLensDb, write: typeof storeCaptures = storeCaptures): CaptureWriter {
  const queue: Pending[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      // One clock per batch: the latest arrival's, so lastSeen never moves backwards.
      const now = batch.reduce((latest, p) => (p.now > latest ? p.now : latest), batch[0]!.now);
      try {
        const results = await write(db, batch.map((p) => p.capture), now);
        batch.forEach((p, i) => p.resolve(results[i]!));
      } catch (error) {
        batch.forEach((p) => p.reject(error));
      }
    }
    writing = false;
  }

  return {
    store(capture, now = new Date()) {
      return new Promise<StoreResult>((resolve, reject) => {
        queue.push({ capture, now, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
