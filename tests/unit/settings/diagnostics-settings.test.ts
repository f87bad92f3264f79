/** Per-shop diagnostics settings in browser.storage.local, validated field by field on every read. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DIAGNOSTICS_SETTINGS_KEY,
  parseDiagnosticsSettings,
  parseShopSettings,
  readDiagnosticsSettings,
  saveShopSettings,
  settingsForShop,
} from '../../../lib/settings/diagnostics-settings';
import { overlaysEnabledFrom } from '../../../lib/settings/keys';

const SHOP = 'taobao:shop:1001';

describe('parseShopSettings', () => {
  it.each([
    { case: 'every field valid', raw: { grossMargin: 0.35, dailyAdBudget: 500, restockLeadDays: 10, benchmarks: { ctr: { low: 0.02, high: 0.05, note: '类目均值' } } }, kept: { grossMargin: 0.35, dailyAdBudget: 500, restockLeadDays: 10, benchmarks: { ctr: { low: 0.02, high: 0.05, note: '类目均值' } } } },
    { case: 'a margin over 100 %', raw: { grossMargin: 1.5, dailyAdBudget: 500 }, kept: { dailyAdBudget: 500 } },
    { case: 'a margin of 0 (break-even would be infinite)', raw: { grossMargin: 0 }, kept: undefined },
    { case: 'a budget as text', raw: { grossMargin: 0.3, dailyAdBudget: '500' }, kept: { grossMargin: 0.3 } },
    { case: 'a fractional lead time', raw: { restockLeadDays: 2.5 }, kept: undefined },
    { case: 'an unknown metric', raw: { benchmarks: { notAMetric: { low: 1 } } }, kept: undefined },
    { case: 'a benchmark whose high is below its low', raw: { benchmarks: { ctr: { low: 0.05, high: 0.02 }, aov: { low: 80 } } }, kept: { benchmarks: { aov: { low: 80 } } } },
    { case: 'a negative benchmark', raw: { benchmarks: { aov: { low: -1 } } }, kept: undefined },
    { case: 'NaN and Infinity', raw: { grossMargin: Number.NaN, dailyAdBudget: Number.POSITIVE_INFINITY }, kept: undefined },
    { case: 'not an object', raw: 'margin 35%', kept: undefined },
  ])('$case', ({ raw, kept }) => {
    expect(parseShopSettings(raw)).toEqual(kept);
  });

  it('never lets a key reach the prototype', () => {
    const raw = JSON.parse('{"benchmarks": {"__proto__": {"low": 1}, "aov": {"low": 80}}}');
    const parsed = parseShopSettings(raw);
    expect(parsed).toEqual({ benchmarks: { aov: { low: 80 } } });
    expect(({} as Record<string, unknown>).low).toBeUndefined();
  });
});

describe('parseDiagnosticsSettings', () => {
  it.each([
    ['nothing stored', undefined],
    ['another version', { version: 2, shops: { [SHOP]: { grossMargin: 0.3 } } }],
    ['shops as a list', { version: 1, shops: [{ grossMargin: 0.3 }] }],
    ['a string', 'settings'],
  ])('reads %s as empty', (_case, raw) => {
    expect(parseDiagnosticsSettings(raw)).toEqual({ version: 1, shops: {} });
  });

  it('keeps the valid shops, drops the empty and the invalid ones and unsafe keys', () => {
    const raw = JSON.parse(
      `{"version":1,"shops":{"${SHOP}":{"grossMargin":0.3},"taobao:shop:2":{"grossMargin":"x"},"__proto__":{"grossMargin":0.5},"":{"grossMargin":0.5}}}`,
    );
    const parsed = parseDiagnosticsSettings(raw);
    expect(parsed.shops).toEqual({ [SHOP]: { grossMargin: 0.3 } });
    expect(settingsForShop(parsed, SHOP)).toEqual({ grossMargin: 0.3 });
    expect(settingsForShop(parsed, 'taobao:shop:2')).toBeUndefined();
    expect(settingsForShop(parsed, 'toString')).toBeUndefined();
    expect(settingsForShop(parsed, undefined)).toBeUndefined();
  });
});

describe('storage', () => {
  it('saves one shop without touching the others, and reads it back', async () => {
    await saveShopSettings(fakeBrowser.storage.local, SHOP, { grossMargin: 0.35 });
    await saveShopSettings(fakeBrowser.storage.local, 'jd:shop:9', { dailyAdBudget: 800 });
    await saveShopSettings(fakeBrowser.storage.local, SHOP, { grossMargin: 0.4, benchmarks: { ctr: { low: 0.03 } } });
    expect(await readDiagnosticsSettings(fakeBrowser.storage.local)).toEqual({
      version: 1,
      shops: { [SHOP]: { grossMargin: 0.4, benchmarks: { ctr: { low: 0.03 } } }, 'jd:shop:9': { dailyAdBudget: 800 } },
    });
  });

  it('stores only valid fields, and removes a shop saved empty', async () => {
    const stored = await saveShopSettings(fakeBrowser.storage.local, SHOP, { grossMargin: 2, dailyAdBudget: 300 });
    expect(stored).toEqual({ dailyAdBudget: 300 });
    await saveShopSettings(fakeBrowser.storage.local, SHOP, {});
    expect((await fakeBrowser.storage.local.get(DIAGNOSTICS_SETTINGS_KEY))[DIAGNOSTICS_SETTINGS_KEY]).toEqual({ version: 1, shops: {} });
  });

  it('replaces what a broken store held instead of failing', async () => {
    await fakeBrowser.storage.local.set({ [DIAGNOSTICS_SETTINGS_KEY]: 'garbage' });
    await saveShopSettings(fakeBrowser.storage.local, SHOP, { restockLeadDays: 14 });
    expect(settingsForShop(await readDiagnosticsSettings(fakeBrowser.storage.local), SHOP)).toEqual({ restockLeadDays: 14 });
  });

  it('refuses a key that is not a shop key', async () => {
    await expect(saveShopSettings(fakeBrowser.storage.local, '__proto__', { grossMargin: 0.3 })).rejects.toThrow();
  });
});

describe('overlaysEnabled', () => {
  it.each([
    [undefined, true],
    [true, true],
    [false, false],
    ['false', true],
    [0, true],
  ])('stored %j → %s (only an explicit false turns overlays off)', (stored, enabled) => {
    expect(overlaysEnabledFrom(stored)).toBe(enabled);
  });
});
