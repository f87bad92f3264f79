/**
 * The side panel's Diagnostics view (components/diagnostics/DiagnosticsView.tsx) through the
 * whole panel: the page's latest capture, the entity's stored history and the shop's settings
 * go into the engine; findings show with evidence and actions; the settings form stores
 * validated settings and the diagnosis follows them.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Capture } from '../../../lib/capture/schema';
import type { ShopLensDb } from '../../../lib/db/schema';
import { DIAGNOSTICS_SETTINGS_KEY, OVERLAYS_ENABLED_KEY } from '../../../lib/settings/keys';
import { readDiagnosticsSettings } from '../../../lib/settings/diagnostics-settings';
import { dailyHistory } from '../diagnostics/helpers';
import { captureRow, DASHBOARD_URL, dashboardCapture, freshDb, reading, seed, SHOP_KEY } from '../db/seed-rows';
import { expectState, pinPanelTo, renderPanel } from './panel-helpers';

let db: ShopLensDb;

beforeEach(() => {
  db = freshDb();
  pinPanelTo(DASHBOARD_URL);
});

afterEach(() => {
  db.close();
});

/** A 生意参谋 capture of yesterday (2026-11-21) with these figures. */
function capture(metrics: Capture['metrics']): Capture {
  return dashboardCapture('2026-11-22T01:00:00.000Z', { metrics, issues: [] });
}

async function showPanel(c: Capture, observations: Parameters<typeof seed>[1]['observations'] = []) {
  await seed(db, { captures: [captureRow(c, SHOP_KEY)], observations });
  renderPanel(db);
  await expectState('captured');
  await waitFor(() => expect(screen.queryByTestId('diagnostics-loading')).toBeNull());
  return screen.getByTestId('diagnostics-view');
}

function findingCards(): HTMLElement[] {
  return screen.queryAllByTestId('finding');
}

function card(kind: string, metric: string): HTMLElement {
  const found = findingCards().filter((el) => el.dataset.kind === kind && el.dataset.metric === metric);
  expect(found, `${kind} ${metric}`).toHaveLength(1);
  return found[0]!;
}

const lowConversion = () =>
  capture([
    reading('visitors', '访客数', 1500, 'count'),
    reading('conversionRate', '支付转化率', 0.012, 'ratio', { peers: [{ label: '同行均值', value: 0.035 }] }),
  ]);

describe('the Diagnostics view', () => {
  it('gives a conversion far below its peer value a warning with that peer value as evidence, and actions', async () => {
    await showPanel(lowConversion());
    const conversion = card('peer', 'conversionRate');
    expect(conversion.dataset.severity).toBe('warning');
    expect(within(conversion).getByTestId('finding-evidence').textContent).toContain('1.20%，对比同行均值 3.50%');
    expect(within(conversion).getByText('页面上的同行数据')).toBeTruthy();
    expect(within(conversion).getAllByTestId('finding-action').length).toBeGreaterThan(0);
    expect(screen.getByTestId('diagnostics-summary').textContent).toBe('0 个严重，1 个警告');
  });

  it('reports a 60 % drop in visitors after two stable weeks of stored observations as an anomaly', async () => {
    const stable = [1000, 1010, 990, 1005, 995, 1000, 1012, 988, 1003, 997, 1001, 999, 1008, 992];
    await showPanel(capture([reading('visitors', '访客数', 400, 'count')]), dailyHistory(SHOP_KEY, 'visitors', stable, '2026-11-20'));
    const anomaly = card('anomaly', 'visitors');
    expect(['warning', 'critical']).toContain(anomaly.dataset.severity);
    expect(within(anomaly).getByTestId('finding-evidence').textContent).toContain('400');
    expect(within(anomaly).getByText('本店历史数据')).toBeTruthy();
    // Most severe first: nothing above it.
    expect(findingCards()[0]).toBe(anomaly);
  });

  it('calls nothing unusual on too short a history', async () => {
    await showPanel(capture([reading('visitors', '访客数', 400, 'count')]), dailyHistory(SHOP_KEY, 'visitors', [1000, 1010, 990], '2026-11-20'));
    expect(findingCards().filter((el) => el.dataset.kind === 'anomaly')).toEqual([]);
    expect(screen.getByTestId('diagnostics-none')).toBeTruthy();
  });

  it('uses only history of the same shop (another shop’s collapse is not this one’s baseline)', async () => {
    const stable = [1000, 1010, 990, 1005, 995, 1000, 1012, 988, 1003, 997, 1001, 999, 1008, 992];
    await showPanel(capture([reading('visitors', '访客数', 400, 'count')]), dailyHistory('taobao:shop:other', 'visitors', stable, '2026-11-20'));
    expect(findingCards().filter((el) => el.dataset.kind === 'anomaly')).toEqual([]);
  });

  it('draws the funnel from the page’s stages', async () => {
    await showPanel(
      capture([
        reading('visitors', '访客数', 1500, 'count'),
        reading('buyers', '支付买家数', 30, 'count'),
        reading('conversionRate', '支付转化率', 0.02, 'ratio', { peers: [{ label: '同行均值', value: 0.035 }] }),
      ]),
    );
    expect(screen.getAllByTestId('funnel-stage').map((s) => s.dataset.stage)).toEqual(['visit', 'buy']);
  });
});

describe('the settings under the diagnosis', () => {
  const ctrPage = () => capture([reading('visitors', '访客数', 1500, 'count'), reading('ctr', '点击率', 0.01, 'ratio')]);

  async function openSettings() {
    const settings = screen.getByTestId('diagnostics-settings') as HTMLDetailsElement;
    settings.open = true;
    return within(await screen.findByTestId('shop-settings'));
  }

  it('stores the shop’s margin, budget and a benchmark in percent as fractions, and re-diagnoses with them', async () => {
    await showPanel(ctrPage());
    const form = await openSettings();
    fireEvent.change(form.getByTestId('settings-gross-margin'), { target: { value: '35' } });
    fireEvent.change(form.getByTestId('settings-ad-budget'), { target: { value: '1,500' } });
    fireEvent.click(form.getByTestId('settings-benchmark-add'));
    fireEvent.change(form.getByTestId('settings-benchmark-metric'), { target: { value: 'ctr' } });
    fireEvent.change(form.getByTestId('settings-benchmark-low'), { target: { value: '4' } });
    fireEvent.change(form.getByTestId('settings-benchmark-high'), { target: { value: '6' } });
    fireEvent.click(form.getByTestId('settings-save'));

    await waitFor(() => expect(form.getByTestId('settings-status').dataset.status).toBe('saved'));
    const stored = await readDiagnosticsSettings(fakeBrowser.storage.local);
    expect(stored.shops[SHOP_KEY]).toEqual({ grossMargin: 0.35, dailyAdBudget: 1500, benchmarks: { ctr: { low: 0.04, high: 0.06 } } });

    // The CTR is now judged against the operator's own range.
    await waitFor(() => expect(within(card('benchmark', 'ctr')).getByText('你的设置')).toBeTruthy());
    expect(within(card('benchmark', 'ctr')).getByTestId('finding-evidence').textContent).toContain('4.00% ~ 6.00%');
  });

  it.each([
    { field: 'settings-gross-margin', value: '150', reason: '数值超出范围' },
    { field: 'settings-gross-margin', value: '三十', reason: '请输入数字' },
    { field: 'settings-lead-days', value: '2.5', reason: '数值超出范围' },
    { field: 'settings-ad-budget', value: '-10', reason: '数值超出范围' },
  ])('refuses $field = $value ($reason) and stores nothing', async ({ field, value, reason }) => {
    await showPanel(ctrPage());
    const form = await openSettings();
    fireEvent.change(form.getByTestId(field), { target: { value } });
    fireEvent.click(form.getByTestId('settings-save'));
    const status = await form.findByTestId('settings-status');
    expect(status.dataset.status).toBe('invalid');
    expect(status.textContent).toContain(reason);
    expect(await fakeBrowser.storage.local.get(DIAGNOSTICS_SETTINGS_KEY)).toEqual({ [DIAGNOSTICS_SETTINGS_KEY]: undefined });
  });

  it('refuses a benchmark whose high is below its low', async () => {
    await showPanel(ctrPage());
    const form = await openSettings();
    fireEvent.click(form.getByTestId('settings-benchmark-add'));
    fireEvent.change(form.getByTestId('settings-benchmark-metric'), { target: { value: 'ctr' } });
    fireEvent.change(form.getByTestId('settings-benchmark-low'), { target: { value: '6' } });
    fireEvent.change(form.getByTestId('settings-benchmark-high'), { target: { value: '4' } });
    fireEvent.click(form.getByTestId('settings-save'));
    expect((await form.findByTestId('settings-status')).textContent).toContain('上限不能低于下限');
  });

  it('shows what is stored, and ignores stored values that do not validate', async () => {
    await fakeBrowser.storage.local.set({
      [DIAGNOSTICS_SETTINGS_KEY]: { version: 1, shops: { [SHOP_KEY]: { grossMargin: 0.4, dailyAdBudget: 'lots', benchmarks: { ctr: { low: 0.03 } } } } },
    });
    await showPanel(ctrPage());
    const form = await openSettings();
    expect((form.getByTestId('settings-gross-margin') as HTMLInputElement).value).toBe('40');
    expect((form.getByTestId('settings-ad-budget') as HTMLInputElement).value).toBe('');
    expect((form.getByTestId('settings-benchmark-low') as HTMLInputElement).value).toBe('3');
    expect(within(card('benchmark', 'ctr')).getByText('你的设置')).toBeTruthy();
  });

  it('switches the page badges off and on', async () => {
    await showPanel(ctrPage());
    const toggle = (await screen.findByTestId('overlay-switch')) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(async () => expect(await fakeBrowser.storage.local.get(OVERLAYS_ENABLED_KEY)).toEqual({ [OVERLAYS_ENABLED_KEY]: false }));
    await waitFor(() => expect(toggle.checked).toBe(false));
    fireEvent.click(toggle);
    await waitFor(async () => expect(await fakeBrowser.storage.local.get(OVERLAYS_ENABLED_KEY)).toEqual({ [OVERLAYS_ENABLED_KEY]: true }));
  });
});
