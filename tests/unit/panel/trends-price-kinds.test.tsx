/**
 * A listing whose page showed its 券后 price on some visits and its list price on others: the
 * Trends section draws one labelled line per kind, lists one kind at a time, and never joins
 * the two into one line.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Capture, Price } from '../../../lib/capture/schema';
import type { ShopLensDb } from '../../../lib/db/schema';
import { storeCapture } from '../../../lib/db/store';
import { freshDb, LISTING_URL, listingCapture } from '../db/seed-rows';
import { expectState, pinPanelTo, renderPanel } from './panel-helpers';

let db: ShopLensDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const SLOW = { timeout: 5000 };

function listingAt(capturedAt: string, min: number, kind: Price['kind'], label?: string): Capture {
  const capture = listingCapture(capturedAt);
  capture.listing!.price = { min, kind, ...(label ? { label } : {}) };
  return capture;
}

const points = () => within(screen.getByTestId('trend-point-list')).getAllByTestId('trend-point');

describe('price kinds in the Trends section', () => {
  it('one line per kind, labelled; the list shows the chosen kind only', async () => {
    await storeCapture(db, listingAt('2026-11-20T02:00:00.000Z', 143.5, 'coupon', '券后'));
    await storeCapture(db, listingAt('2026-11-21T02:00:00.000Z', 175.5, 'list', '优惠前'));
    await storeCapture(db, listingAt('2026-11-22T02:00:00.000Z', 139, 'coupon', '券后'));
    pinPanelTo(LISTING_URL);
    renderPanel(db);
    await expectState('captured');
    await waitFor(() => expect(screen.getAllByTestId('trend-price-kind')).toHaveLength(2), SLOW);

    const kinds = screen.getAllByTestId('trend-price-kind');
    // The newest kind first, and chosen.
    expect(kinds.map((k) => [k.dataset.kind, k.textContent, k.getAttribute('aria-pressed')])).toEqual([
      ['coupon', '券后价', 'true'],
      ['list', '优惠前/原价', 'false'],
    ]);
    expect(screen.getByTestId('trend-chart').dataset.lines).toBe('2');
    expect(screen.getByTestId('trend-price-kinds-note').textContent).toContain('每种价格单独一条线');
    // 11-21 had no 券后 price: a gap in the 券后 line, not the list price.
    expect(points().map((p) => [p.dataset.day, p.dataset.value])).toEqual([
      ['2026-11-20', '143.5'],
      ['2026-11-22', '139'],
    ]);
    expect(within(screen.getByTestId('trend-point-list')).getByTestId('trend-gap').dataset).toMatchObject({ from: '2026-11-21', to: '2026-11-21' });
    // Nothing is "left out": the other kind is drawn as its own line.
    expect(screen.queryByTestId('trend-left-out')).toBeNull();

    fireEvent.click(kinds[1]!);
    await waitFor(() => expect(points().map((p) => p.dataset.value)).toEqual(['175.5']), SLOW);
    expect(screen.getAllByTestId('trend-price-kind')[1]!.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('trend-chart').dataset.lines).toBe('2');
  });

  it('a listing seen with one kind only says which price it is', async () => {
    await storeCapture(db, listingAt('2026-11-20T02:00:00.000Z', 159, 'coupon', '券后'));
    await storeCapture(db, listingAt('2026-11-22T02:00:00.000Z', 143.5, 'coupon', '券后'));
    pinPanelTo(LISTING_URL);
    renderPanel(db);
    await expectState('captured');
    const note = await screen.findByTestId('trend-price-kind-note', {}, SLOW);
    expect(note.dataset.kind).toBe('coupon');
    expect(note.textContent).toBe('价格类型：券后价');
    expect(screen.queryAllByTestId('trend-price-kind')).toEqual([]);
    expect(screen.getByTestId('trend-chart').dataset.lines).toBe('1');
    expect(points()).toHaveLength(2);
  });
});
