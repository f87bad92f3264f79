/**
 * The listing scorecard in the panel (components/titles/Scorecard.tsx) and the titles of the
 * page in view (PageTitles): score, every check with its status and fix, unchecked checks shown
 * as such, peers found in the captured searches; jieba reached through the lazy web loader.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScorecardCard } from '../../../components/titles/Scorecard';
import type { Capture, Listing, SearchResult } from '../../../lib/capture/schema';
import type { ShopLensDb } from '../../../lib/db/schema';
import { entityOf } from '../../../lib/db/store';
import { I18nProvider } from '../../../lib/i18n/react';
import { scoreListing } from '../../../lib/scorecard/scorecard';
import { CHECK_IDS } from '../../../lib/scorecard/weights';
import { captureRow, freshDb, ITEM_KEY, LISTING_URL, listingCapture, seed } from '../db/seed-rows';
import { expectState, pinPanelTo, renderPanel } from './panel-helpers';

// The panel loads jieba through lib/titles/segment-web.ts; in Node the Node build stands in.
const webLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../lib/titles/segment-web', async () => {
  const { nodeSegmenter } = await import('../../../lib/titles/segment-node');
  return {
    loadWebSegmenter: async () => {
      webLoads.count++;
      return nodeSegmenter();
    },
  };
});

let db: ShopLensDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

const BAIT: Listing = {
  itemId: '690055443322',
  title: '顶级加厚珊瑚绒四件套冬季保暖床单被套床上用品',
  price: { min: 9.9, max: 259, kind: 'list', label: '优惠前' },
  images: { count: 3, video: false },
  skuCount: 5,
  skuPriceMedian: 229,
  shipping: '承诺15天内发货',
  returns: '保障不支持7天无理由退货',
};

function renderCard(listing: Listing, lang: 'zh' | 'en' = 'zh') {
  return render(
    <I18nProvider initialLang={lang}>
      <ScorecardCard scorecard={scoreListing({ platform: 'taobao', listing })} />
    </I18nProvider>,
  );
}

const checkRow = (id: string) => screen.getAllByTestId('scorecard-check').find((li) => li.dataset.check === id)!;

describe('ScorecardCard', () => {
  it('shows the score and every check, failed ones with what to fix, missing data as not checked', () => {
    const expected = scoreListing({ platform: 'taobao', listing: BAIT });
    renderCard(BAIT);
    expect(screen.getByTestId('scorecard-score').textContent).toBe(`${expected.score} 分`);
    expect(screen.getAllByTestId('scorecard-check').map((li) => li.dataset.check)).toEqual([...CHECK_IDS]);

    const price = checkRow('skuPrice');
    expect(price.dataset.status).toBe('fail');
    expect(within(price).getByText('未通过')).toBeTruthy();
    expect(within(price).getByTestId('scorecard-detail').textContent).toBe('起价 ¥9.9，而多数规格在 ¥229 左右');
    expect(within(price).getByTestId('scorecard-fix').textContent).toMatch(/^怎么改：起价远低于常见规格价，有低价引流风险/);
    expect(within(price).getByText(`0/${expected.checks.find((c) => c.id === 'skuPrice')!.weight} 分`)).toBeTruthy();

    const attributes = checkRow('attributes');
    expect(attributes.dataset.status).toBe('unchecked');
    expect(within(attributes).getByText('未检查')).toBeTruthy();
    expect(within(attributes).getByTestId('scorecard-detail').textContent).toBe('未检查（无数据）：没有读到商品参数');
    expect(within(attributes).queryByTestId('scorecard-fix')).toBeNull();

    const checked = expected.checks.filter((c) => c.status !== 'unchecked').length;
    expect(screen.getByTestId('scorecard-coverage').textContent).toBe(`${checked}/${CHECK_IDS.length} 项有数据；未检查的项不计入得分。`);
  });

  it('says so when nothing could be checked, in English too', () => {
    renderCard({ itemId: '1', title: '' }, 'en');
    expect(screen.getByTestId('scorecard-score').textContent).toBe('Nothing could be checked');
    expect(screen.getAllByTestId('scorecard-check').every((li) => li.dataset.status === 'unchecked')).toBe(true);
    expect(within(checkRow('images')).getByTestId('scorecard-detail').textContent).toBe('Not checked (no data): the number of main images was not read');
  });

  it('renders page text in the checks as text', () => {
    renderCard({ ...BAIT, shipping: '<img src=x onerror=alert(1)>3天内发货' });
    expect(within(checkRow('shipping')).getByTestId('scorecard-detail').textContent).toBe('发货承诺：<img src=x onerror=alert(1)>3天内发货');
    expect(screen.getByTestId('scorecard').querySelector('img')).toBeNull();
  });
});

function searchCapture(keyword: string, results: SearchResult[]): Capture {
  return {
    platform: 'taobao',
    pageKind: 'search',
    url: `https://s.taobao.com/search?q=${encodeURIComponent(keyword)}`,
    capturedAt: '2026-11-21T00:00:00.000Z',
    adapter: { id: 'test/search', version: 1 },
    period: null,
    metrics: [],
    listing: null,
    results,
    issues: [],
  };
}

describe('on a listing page in the panel', () => {
  it('shows the title audit with jieba tokens and the scorecard, peers from the searches the item showed up in', async () => {
    const listing = listingCapture('2026-11-22T00:00:00.000Z');
    const search = searchCapture('保温杯', [
      { rank: 1, title: '保温杯 A', price: null, itemId: 'a', sales: { value: 500000, bound: 'exact' } },
      { rank: 2, title: '保温杯 B', price: null, itemId: 'b', sales: { value: 300000, bound: 'exact' } },
      { rank: 3, title: listing.listing!.title, price: null, itemId: listing.listing!.itemId },
      { rank: 4, title: '保温杯 C', price: null, itemId: 'c', sales: { value: 200000, bound: 'exact' } },
    ]);
    await seed(db, { captures: [captureRow(listing, ITEM_KEY), captureRow(search, entityOf(search)!.key)] });
    pinPanelTo(LISTING_URL);
    renderPanel(db);
    await expectState('captured');

    const view = await screen.findByTestId('titles-view');
    expect(view.dataset.mode).toBe('listing');
    expect(within(view).getByTestId('titles-source-title').textContent).toBe(listing.listing!.title);
    await waitFor(() => expect(within(view).getByTestId('titles-segmenter').dataset.state).toBe('ready'));
    expect(webLoads.count).toBe(1);
    expect(within(view).getAllByTestId('title-token').find((t) => t.textContent === '保温杯')?.dataset.role).toBe('product');

    // Sales 10万+ against the median of A, B, C (300000): below it, above a third of it.
    await waitFor(() => expect(checkRow('sales').dataset.status).toBe('warn'));
    expect(within(checkRow('sales')).getByTestId('scorecard-detail').textContent).toContain('搜索“保温杯”中见到的商品（3 个）的中位数 300000');
    expect(checkRow('promotions').dataset.status).toBe('pass');
  });
});
