import { describe, expect, it, vi } from 'vitest';
import { createCaptureWriter } from '../../../lib/background/capture-writer';
import { openDb } from '../../../lib/db/schema';
import { storeCapture, storeCaptures } from '../../../lib/db/store';
import type { Capture } from '../../../lib/capture/schema';
import { dashboardCapture, listingCapture, reading } from '../db/sample-captures';

let dbCount = 0;
const freshDb = () => openDb(`capture-writer-${++dbCount}`);

/** A burst with repeats, a re-delivered message, a new day and an unidentifiable capture. */
function burst(): Capture[] {
  const a = dashboardCapture({ capturedAt: '2026-11-21T02:00:00.000Z' });
  const aRepeat = { ...a, capturedAt: '2026-11-21T02:05:00.000Z' };
  const b = dashboardCapture({ capturedAt: '2026-11-21T03:00:00.000Z', metrics: [reading('visitors', 1300)] });
  const listing = listingCapture({ capturedAt: '2026-11-21T04:00:00.000Z' });
  const listingNextDay = { ...listing, capturedAt: '2026-11-22T04:00:00.000Z' };
  const noId = listingCapture({ capturedAt: '2026-11-21T05:00:00.000Z', url: 'https://detail.tmall.com/item.htm', listing: null });
  return [a, aRepeat, a, b, listing, listingNextDay, noId];
}

async function contents(db: ReturnType<typeof openDb>) {
  return {
    entities: (await db.entities.toArray()).map(({ key, firstSeen, lastSeen }) => ({ key, firstSeen, lastSeen })),
    captures: (await db.captures.toArray()).map((row) => row.id),
    observations: (await db.observations.toArray()).map((row) => row.id),
  };
}

describe('storeCaptures / CaptureWriter', () => {
  it('give exactly the results and rows of storing the captures one by one', async () => {
    const now = new Date('2026-11-22T06:00:00.000Z');
    const one = freshDb();
    const sequential = [];
    for (const capture of burst()) sequential.push(await storeCapture(one, capture, now));

    const batched = freshDb();
    const inOneTransaction = await storeCaptures(batched, burst(), now);

    const queued = freshDb();
    const writer = createCaptureWriter(queued);
    const viaWriter = await Promise.all(burst().map((capture) => writer.store(capture, now)));

    expect(sequential.map((r) => r.stored)).toEqual([true, false, false, true, true, true, false]);
    expect(inOneTransaction).toEqual(sequential);
    expect(viaWriter).toEqual(sequential);
    expect(await contents(batched)).toEqual(await contents(one));
    expect(await contents(queued)).toEqual(await contents(one));
  });

  it('coalesces captures that arrive while a write is in flight into one batch, in order', async () => {
    const write = vi.fn(storeCaptures);
    const writer = createCaptureWriter(freshDb(), write);
    const captures = burst();
    await Promise.all(captures.map((capture) => writer.store(capture)));
    expect(write).toHaveBeenCalledTimes(2);
    expect(write.mock.calls[0]![1]).toEqual([captures[0]]);
    expect(write.mock.calls[1]![1]).toEqual(captures.slice(1));
  });

  it('rejects only the batch whose write failed, and keeps serving later captures', async () => {
    let calls = 0;
    const writer = createCaptureWriter(freshDb(), async (db, captures, now) => {
      if (++calls === 1) throw new Error('disk on fire');
      return storeCaptures(db, captures, now);
    });
    await expect(writer.store(burst()[0]!)).rejects.toThrow('disk on fire');
    await expect(writer.store(burst()[3]!)).resolves.toMatchObject({ stored: true });
  });
});
