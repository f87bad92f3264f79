/**
 * The options page (components/options): one switch per registered adapter, stored in
 * browser.storage.local under `disabledAdapters`.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { ADAPTERS } from '../../../lib/adapters/registry';
import { DISABLED_ADAPTERS_KEY, type StorageAreaLike } from '../../../lib/settings/disabled-adapters';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const stored = async () => (await fakeBrowser.storage.local.get(DISABLED_ADAPTERS_KEY))[DISABLED_ADAPTERS_KEY];
const rows = () => screen.getAllByTestId('adapter-switch-row');
const switchOf = (id: string) => rows().find((row) => row.dataset.adapter === id)!.querySelector<HTMLInputElement>('[data-testid="adapter-switch"]')!;

describe('the options page', () => {
  it('lists every adapter of the registry with a switch, all on when nothing is stored', async () => {
    render(<OptionsApp />);
    await screen.findByTestId('adapter-switches');
    expect(ADAPTERS.length).toBeGreaterThan(0);
    expect(rows().map((row) => row.dataset.adapter)).toEqual(ADAPTERS.map((adapter) => adapter.id));
    for (const input of screen.getAllByRole('switch')) expect((input as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('店镜设置');
  });

  it('shows the stored switches', async () => {
    const [first, ...rest] = ADAPTERS;
    await fakeBrowser.storage.local.set({ [DISABLED_ADAPTERS_KEY]: [first!.id] });
    render(<OptionsApp />);
    await screen.findByTestId('adapter-switches');
    expect(switchOf(first!.id).checked).toBe(false);
    expect(rows().find((row) => row.dataset.adapter === first!.id)!.dataset.enabled).toBe('false');
    for (const adapter of rest) expect(switchOf(adapter.id).checked).toBe(true);
  });

  it('switching an adapter off and on again is stored at once', async () => {
    const id = ADAPTERS[0]!.id;
    render(<OptionsApp />);
    await screen.findByTestId('adapter-switches');
    fireEvent.click(switchOf(id));
    await waitFor(async () => expect(await stored()).toEqual([id]));
    expect(switchOf(id).checked).toBe(false);
    fireEvent.click(switchOf(id));
    await waitFor(async () => expect(await stored()).toEqual([]));
    expect(switchOf(id).checked).toBe(true);
  });

  it('two quick flips are both kept (writes do not overwrite each other)', async () => {
    const ids = ADAPTERS.slice(0, 2).map((adapter) => adapter.id);
    render(<OptionsApp />);
    await screen.findByTestId('adapter-switches');
    for (const id of ids) fireEvent.click(switchOf(id));
    await waitFor(async () => expect(await stored()).toEqual([...ids].sort()));
  });

  it('follows a change made from another options tab', async () => {
    const id = ADAPTERS[0]!.id;
    render(<OptionsApp />);
    await screen.findByTestId('adapter-switches');
    await act(async () => {
      await fakeBrowser.storage.local.set({ [DISABLED_ADAPTERS_KEY]: [id] });
    });
    await waitFor(() => expect(switchOf(id).checked).toBe(false));
  });

  it('says so when a setting could not be saved, and shows what is really stored', async () => {
    const id = ADAPTERS[0]!.id;
    const failing: StorageAreaLike = {
      get: (key) => fakeBrowser.storage.local.get(key),
      set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
    };
    render(<OptionsApp area={failing} watch={() => () => undefined} />);
    await screen.findByTestId('adapter-switches');
    fireEvent.click(switchOf(id));
    expect((await screen.findByTestId('options-error')).textContent).toBe('设置没有保存：QUOTA_BYTES quota exceeded');
    await waitFor(() => expect(switchOf(id).checked).toBe(true));
  });

  it('names each switch for screen readers, in the chosen language', async () => {
    localStorage.setItem('shoplens.lang', 'en');
    render(<OptionsApp />);
    await screen.findByTestId('adapter-switches');
    const adapter = ADAPTERS[0]!;
    expect(switchOf(adapter.id).getAttribute('aria-label')).toMatch(new RegExp(`^Read .+ \\(${adapter.id.replace('/', '\\/')}\\)$`));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('ShopLens settings');
  });
});
