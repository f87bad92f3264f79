import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ShopLensDb } from '../../../lib/db/schema';
import { LANG_STORAGE_KEY } from '../../../lib/i18n';
import { captureRow, DASHBOARD_URL, dashboardCapture, freshDb, seed, SHOP_KEY } from '../db/seed-rows';
import { expectState, pinPanelTo, renderPanel } from './panel-helpers';

let db: ShopLensDb;

beforeEach(async () => {
  db = freshDb();
  await seed(db, { captures: [captureRow(dashboardCapture('2026-11-22T01:00:00.000Z'), SHOP_KEY)] });
  pinPanelTo(DASHBOARD_URL);
});

afterEach(() => {
  db.close();
});

/** The choice where the background (notifications) and the content scripts (badges, title counter) read it. */
async function sharedChoice(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(LANG_STORAGE_KEY))[LANG_STORAGE_KEY];
}

function visitorsRow(): HTMLElement {
  return screen.getAllByTestId('figure-row').find((el) => el.dataset.metric === 'visitors')!;
}

describe('language switch', () => {
  it('starts in Chinese and switches every string and number format to English', async () => {
    renderPanel(db);
    await expectState('captured');
    expect(screen.getByText('本页数据')).toBeTruthy();
    expect(screen.getByTestId('lang-zh').getAttribute('aria-pressed')).toBe('true');
    expect(within(visitorsRow()).getByTestId('figure-value').textContent).toBe('1.23万');

    act(() => screen.getByTestId('lang-en').click());

    expect(screen.getByText('Figures on this page')).toBeTruthy();
    expect(screen.queryByText('本页数据')).toBeNull();
    expect(screen.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('capture-page').textContent).toBe('Taobao/Tmall · Backend dashboard');
    expect(screen.getByTestId('period').textContent).toBe('Period 昨日 (2026-11-21)');
    expect(within(visitorsRow()).getByTestId('figure-value').textContent).toBe('12,345');
    // The page's own label stays as the page wrote it; the canonical name is now English.
    expect(visitorsRow().textContent).toContain('访客数');
    expect(within(visitorsRow()).getByTestId('figure-metric-name').textContent).toBe('Visitors');
    expect(within(visitorsRow()).getByTestId('figure-peers').textContent).toContain("Peer benchmarks (not your shop’s figures)");
    expect(screen.getByText('Could not be read')).toBeTruthy();
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    await waitFor(async () => expect(await sharedChoice()).toBe('en'));
  });

  it('opens in the language chosen before', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    renderPanel(db);
    await expectState('captured');
    expect(screen.getByText('Figures on this page')).toBeTruthy();
    act(() => screen.getByTestId('lang-zh').click());
    expect(screen.getByText('本页数据')).toBeTruthy();
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('zh');
    await waitFor(async () => expect(await sharedChoice()).toBe('zh'));
  });

  it('switches when the language is changed in another extension page (the options page)', async () => {
    renderPanel(db);
    await expectState('captured');
    expect(screen.getByText('本页数据')).toBeTruthy();
    await act(() => fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' }));
    expect(screen.getByText('Figures on this page')).toBeTruthy();
    expect(screen.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
  });
});
