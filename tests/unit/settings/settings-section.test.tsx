/**
 * The diagnostics section of the options page (components/settings/DiagnosticsSettingsSection):
 * the badge switch and one settings form per shop of the operator's.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { DiagnosticsSettingsSection } from '../../../components/settings/DiagnosticsSettingsSection';
import type { ShopLensDb } from '../../../lib/db/schema';
import { I18nProvider } from '../../../lib/i18n/react';
import { readDiagnosticsSettings } from '../../../lib/settings/diagnostics-settings';
import { DIAGNOSTICS_SETTINGS_KEY } from '../../../lib/settings/keys';
import { entityRow, freshDb, seed } from '../db/seed-rows';

let db: ShopLensDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  db.close();
});

function show() {
  render(
    <I18nProvider initialLang="zh">
      <DiagnosticsSettingsSection db={db} />
    </I18nProvider>,
  );
  return screen.getByTestId('diagnostics-settings-section');
}

const shopRows = () => screen.queryAllByTestId('settings-shop');

describe('the diagnostics settings section', () => {
  it('says how a shop gets here when none has been seen', async () => {
    show();
    expect((await screen.findByTestId('settings-no-shops')).textContent).toContain('打开一次后台数据页');
    expect(screen.getByTestId('overlay-switch')).toBeTruthy();
  });

  it('lists the operator’s own shops, newest first, and not other entities', async () => {
    await seed(db, {
      entities: [
        entityRow('taobao:shop:1001', '山茶花旗舰店', { own: true, lastSeen: '2026-11-20T00:00:00.000Z' }),
        entityRow('jd:shop:77', '山茶花京东店', { own: true, lastSeen: '2026-11-22T00:00:00.000Z' }),
        entityRow('taobao:item:5', '保温杯'),
      ],
    });
    show();
    await waitFor(() => expect(shopRows()).toHaveLength(2));
    expect(shopRows().map((row) => row.dataset.shopKey)).toEqual(['jd:shop:77', 'taobao:shop:1001']);
    expect(shopRows()[1]!.querySelector('summary')!.textContent).toBe('淘宝/天猫 · 山茶花旗舰店');
  });

  it('keeps a shop that has settings but no captures any more', async () => {
    await fakeBrowser.storage.local.set({ [DIAGNOSTICS_SETTINGS_KEY]: { version: 1, shops: { 'taobao:shop:9': { grossMargin: 0.25 } } } });
    show();
    await waitFor(() => expect(shopRows().map((row) => row.dataset.shopKey)).toEqual(['taobao:shop:9']));
    expect((within(shopRows()[0]!).getByTestId('settings-gross-margin') as HTMLInputElement).value).toBe('25');
  });

  it('saves a shop’s settings under its key', async () => {
    await seed(db, { entities: [entityRow('taobao:shop:1001', '山茶花旗舰店', { own: true })] });
    show();
    await waitFor(() => expect(shopRows()).toHaveLength(1));
    const form = within(shopRows()[0]!);
    fireEvent.change(form.getByTestId('settings-lead-days'), { target: { value: '12' } });
    fireEvent.click(form.getByTestId('settings-save'));
    await waitFor(() => expect(form.getByTestId('settings-status').dataset.status).toBe('saved'));
    expect((await readDiagnosticsSettings(fakeBrowser.storage.local)).shops).toEqual({ 'taobao:shop:1001': { restockLeadDays: 12 } });
  });

  it('is part of the options page', async () => {
    render(<OptionsApp />);
    expect(await screen.findByTestId('diagnostics-settings-section')).toBeTruthy();
  });
});
