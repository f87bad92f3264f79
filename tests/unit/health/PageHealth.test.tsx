/**
 * The page-health view (components/health/PageHealth.tsx) on its own and inside the side panel.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageHealth } from '../../../components/health/PageHealth';
import type { Capture } from '../../../lib/capture/schema';
import type { CaptureRow, ShopLensDb } from '../../../lib/db/schema';
import { formatDateTime } from '../../../lib/i18n/format';
import { I18nProvider } from '../../../lib/i18n/react';
import { captureRow, DASHBOARD_URL, dashboardCapture, freshDb, seed, SHOP_KEY } from '../db/seed-rows';
import { expectState, pinPanelTo, renderPanel } from '../panel/panel-helpers';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T01:00:00.000Z`;

function day(dayOfMonth: number, missing: string[]): CaptureRow {
  const capture: Capture = dashboardCapture(at(dayOfMonth), {
    issues: missing.map((field) => ({ field, problem: `<b>页面显示 "-"</b> ${dayOfMonth}` })),
  });
  capture.metrics = capture.metrics.filter((reading) => !missing.includes(`metrics.${reading.metric}`));
  return captureRow(capture, SHOP_KEY);
}

function renderHealth(rows: CaptureRow[], lang: 'zh' | 'en' = 'zh') {
  return render(
    <I18nProvider initialLang={lang}>
      <PageHealth captures={rows} />
    </I18nProvider>,
  );
}

afterEach(() => {
  cleanup();
});

describe('PageHealth', () => {
  it('renders nothing without captures', () => {
    const { container } = renderHealth([]);
    expect(container.innerHTML).toBe('');
  });

  it('names the adapter and what it read; open only when something is missing', () => {
    renderHealth([day(22, [])]);
    const health = screen.getByTestId('page-health') as HTMLDetailsElement;
    expect(health.open).toBe(false);
    expect(health.dataset.missing).toBe('0');
    expect(screen.getByTestId('health-adapter').textContent).toContain('读取器 taobao/sycm-home（版本 1）');
    expect(screen.getAllByTestId('health-found-field').map((el) => el.dataset.field)).toEqual([
      'period',
      'shop',
      'metrics.visitors',
      'metrics.payAmount',
      'metrics.conversionRate',
    ]);
    expect(screen.getByTestId('health-all-found').textContent).toBe('应有的内容都读到了。');
  });

  it('lists what is missing, with the adapter’s reason as text and since when', () => {
    renderHealth([day(22, ['metrics.payAmount']), day(21, ['metrics.payAmount']), day(20, [])]);
    const health = screen.getByTestId('page-health') as HTMLDetailsElement;
    expect(health.open).toBe(true);
    const [missing] = screen.getAllByTestId('health-missing-field');
    expect(missing!.dataset).toMatchObject({ field: 'metrics.payAmount', since: at(21), captures: '2' });
    // The registered metric name beside the field id.
    expect(missing!.textContent).toContain('支付金额');
    // Page text stays text: the markup in the problem is shown, not rendered.
    expect(missing!.textContent).toContain('<b>页面显示 "-"</b> 22');
    expect(missing!.querySelector('b')).toBeNull();
    expect(missing!.textContent).toContain(`自 ${formatDateTime(at(21))} 起缺失，连续 2 次读取`);
    expect(missing!.textContent).toContain(`上次读到：${formatDateTime(at(20))}`);
    expect(screen.getAllByTestId('health-found-field').map((el) => el.dataset.field)).not.toContain('metrics.payAmount');
  });

  it('says “in every stored capture” when the run reaches the oldest one, in English too', () => {
    renderHealth([day(22, ['period']), day(21, ['period'])], 'en');
    const missing = screen.getByTestId('health-missing-field');
    expect(missing.textContent).toContain(`Missing in all 2 stored captures of this page, the oldest at ${formatDateTime(at(21))}`);
    expect(missing.textContent).not.toContain('Last read');
    expect(within(screen.getByTestId('page-health')).getByText('Page health')).toBeTruthy();
  });
});

describe('in the side panel', () => {
  let db: ShopLensDb;
  beforeEach(() => {
    db = freshDb();
    pinPanelTo(DASHBOARD_URL);
  });
  afterEach(() => {
    db.close();
  });

  it('shows the health of the page in view, from its stored captures', async () => {
    await seed(db, { captures: [day(20, []), day(21, ['metrics.conversionRate']), day(22, ['metrics.conversionRate'])] });
    renderPanel(db);
    await expectState('captured');
    const missing = await screen.findByTestId('health-missing-field');
    expect(missing.dataset).toMatchObject({ field: 'metrics.conversionRate', since: at(21), captures: '2' });
  });

  it('updates when the background stores a new capture', async () => {
    await seed(db, { captures: [day(21, ['metrics.conversionRate'])] });
    renderPanel(db);
    await expectState('captured');
    expect((await screen.findByTestId('page-health')).dataset.missing).toBe('1');
    await seed(db, { captures: [day(22, [])] });
    await screen.findByTestId('health-all-found');
    expect(screen.getByTestId('page-health').dataset.missing).toBe('0');
  });
});
