import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Capture } from '../../../lib/capture/schema';
import type { ShopLensDb } from '../../../lib/db/schema';
import { captureRow, freshDb, ITEM_KEY, LISTING_URL, listingCapture, seed } from '../db/seed-rows';
import { expectState, pinPanelTo, renderPanel } from './panel-helpers';

let db: ShopLensDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(() => {
  db.close();
});

async function showListing(capture: Capture) {
  await seed(db, { captures: [captureRow(capture, ITEM_KEY)] });
  pinPanelTo(LISTING_URL);
  renderPanel(db);
  await expectState('captured');
}

describe('a listing capture', () => {
  it('shows the title as text only, never as markup', async () => {
    await showListing(listingCapture('2026-11-22T00:00:00.000Z'));
    const title = screen.getByTestId('listing-title');
    expect(title.textContent).toBe('保温杯 316不锈钢 <b>大容量</b>');
    expect(title.querySelector('b')).toBeNull();
    expect(screen.getByTestId('listing-item-id').textContent).toBe('商品ID 617129397971');
    expect(screen.getByTestId('capture-page').textContent).toBe('淘宝/天猫 · 商品详情页');
    // A listing is not about a period: no "no period" notice.
    expect(screen.queryByTestId('period')).toBeNull();
  });

  it('shows the price with its kind and the page wording, other prices apart', async () => {
    await showListing(listingCapture('2026-11-22T00:00:00.000Z'));
    const price = screen.getByTestId('listing-price');
    expect(price.dataset.priceKind).toBe('coupon');
    expect(price.textContent).toContain('¥143.50');
    expect(price.textContent).toContain('券后价');
    expect(price.textContent).toContain('页面写作“券后”');
    expect(price.textContent).not.toContain('175.5');
    const others = screen.getByTestId('listing-other-prices');
    expect(others.textContent).toContain('¥175.50');
    expect(others.textContent).toContain('优惠前/原价');
  });

  it('shows a price range and never shortens a price', async () => {
    const capture = listingCapture('2026-11-22T00:00:00.000Z');
    capture.listing!.price = { min: 12999, max: 15999, kind: 'subsidised', label: '平台加补后' };
    capture.listing!.otherPrices = [];
    await showListing(capture);
    const price = screen.getByTestId('listing-price');
    expect(price.textContent).toBe('价格 ¥12,999.00 ~ ¥15,999.00 平台加补后');
  });

  it('shows sales and reviews with their bounds and phrases', async () => {
    await showListing(listingCapture('2026-11-22T00:00:00.000Z'));
    const sales = screen.getByTestId('listing-sales');
    expect(sales.dataset.bound).toBe('atLeast');
    expect(sales.textContent).toBe('10万+已售10万+');
    expect(screen.getByTestId('listing-reviews').textContent).toBe('1.49万商品评价(14,870)');
    expect(screen.getByTestId('listing-stock').textContent).toBe('有货(限购10件)200 件');
    expect(screen.getByTestId('listing-scores').textContent).toContain('宝贝描述');
    expect(screen.getByTestId('listing-scores').textContent).toContain('4.8');
    expect(screen.getByTestId('listing-promotions').textContent).toBe('满300减30');
  });

  it('says the price is missing, with the reason among what could not be read', async () => {
    const capture = listingCapture('2026-11-22T00:00:00.000Z', {
      issues: [{ field: 'listing.price', problem: '只找到分期价（每期 ¥12.00），不是商品价格' }],
    });
    delete capture.listing!.price;
    await showListing(capture);
    const price = screen.getByTestId('listing-price');
    expect(price.dataset.priceKind).toBe('none');
    expect(price.textContent).toContain('没有读到可信的价格');
    expect(price.textContent).not.toMatch(/¥/);
    expect(within(screen.getByTestId('issues-list')).getByText('listing.price')).toBeTruthy();
  });
});

describe('a search results capture', () => {
  it('shows a compact list: rank, title, price kind, sales, ad marker, missing prices said', async () => {
    const url = 'https://s.taobao.com/search?q=保温杯&spm=a21bo';
    const capture: Capture = {
      platform: 'taobao',
      pageKind: 'search',
      url,
      capturedAt: '2026-11-22T00:00:00.000Z',
      adapter: { id: 'taobao/search', version: 1 },
      period: null,
      metrics: [],
      listing: null,
      results: [
        { rank: 1, itemId: '1', title: '保温杯 大容量', price: { min: 52.9, kind: 'shown' }, sales: { value: 7261, bound: 'exact', phrase: '7261人付款' }, shop: '甲店' },
        { rank: 2, itemId: '2', title: '<img src=x onerror=alert(1)>', price: { min: 4.92, kind: 'coupon' }, sponsored: true },
        { rank: 3, itemId: '3', title: '保温壶', price: null },
      ],
      issues: [],
    };
    await seed(db, { captures: [captureRow(capture, 'taobao:keyword:保温杯')] });
    pinPanelTo(url);
    renderPanel(db);
    await expectState('captured');
    const results = screen.getAllByTestId('search-result');
    expect(results).toHaveLength(3);
    expect(results[0]!.textContent).toContain('¥52.90');
    expect(results[0]!.textContent).toContain('7261人付款');
    expect(results[1]!.textContent).toContain('¥4.92 券后价');
    expect(results[1]!.textContent).toContain('广告');
    expect(results[1]!.querySelector('img')).toBeNull();
    expect(results[2]!.textContent).toContain('价格未读到');
    expect(screen.getByText('搜索结果（3 个）')).toBeTruthy();
  });
});
