import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LANG_STORAGE_KEY } from '../../../lib/i18n';
import { I18nProvider, readStoredLang, useI18n } from '../../../lib/i18n/react';

function Probe() {
  const { t, lang, setLang } = useI18n();
  return (
    <div>
      <p data-testid="text">{t('state.loading')}</p>
      <p data-testid="lang">{lang}</p>
      <button type="button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
        switch
      </button>
    </div>
  );
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('readStoredLang', () => {
  it.each([
    [null, 'zh'],
    ['en', 'en'],
    ['zh', 'zh'],
    ['fr', 'zh'],
  ] as const)('stored %o → %s', (stored, expected) => {
    if (stored !== null) localStorage.setItem(LANG_STORAGE_KEY, stored);
    expect(readStoredLang()).toBe(expected);
  });
});

describe('I18nProvider / useI18n', () => {
  it('starts in the stored language and persists a switch', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('text').textContent).toBe('Loading…');
    expect(document.documentElement.lang).toBe('en');

    act(() => screen.getByRole('button').click());
    expect(screen.getByTestId('text').textContent).toBe('正在读取…');
    expect(screen.getByTestId('lang').textContent).toBe('zh');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('zh');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('throws a clear error without a provider', () => {
    expect(() => render(<Probe />)).toThrow(/I18nProvider/);
  });
});

/** The choice in storage.local, where the background and the content scripts read it. */
const shared = async () => (await fakeBrowser.storage.local.get(LANG_STORAGE_KEY))[LANG_STORAGE_KEY];
/** Lets the provider's storage read answer. */
const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
});

function renderProbe(initialLang?: 'zh' | 'en') {
  return render(
    <I18nProvider initialLang={initialLang}>
      <Probe />
    </I18nProvider>,
  );
}

describe('the choice shared with the background and the content scripts (storage.local)', () => {
  it('a switch writes both stores', async () => {
    renderProbe();
    await settle();
    act(() => screen.getByRole('button').click());
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    await waitFor(async () => expect(await shared()).toBe('en'));
    act(() => screen.getByRole('button').click());
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('zh');
    await waitFor(async () => expect(await shared()).toBe('zh'));
  });

  it.each([
    { case: 'the shared choice wins over the page’s', local: 'zh', stored: 'en', shown: 'en', sharedAfter: 'en', localAfter: 'en' },
    { case: 'the shared choice without a page choice', local: null, stored: 'en', shown: 'en', sharedAfter: 'en', localAfter: 'en' },
    { case: 'a page choice made before it was shared is shared', local: 'en', stored: undefined, shown: 'en', sharedAfter: 'en', localAfter: 'en' },
    { case: 'a hostile shared value is replaced by the page’s choice', local: 'en', stored: '<b>en</b>', shown: 'en', sharedAfter: 'en', localAfter: 'en' },
    { case: 'no choice anywhere: the default, nothing written', local: null, stored: undefined, shown: 'zh', sharedAfter: undefined, localAfter: null },
    { case: 'a hostile shared value and no page choice: the default', local: null, stored: 42, shown: 'zh', sharedAfter: 42, localAfter: null },
  ] as const)('at start: $case', async ({ local, stored, shown, sharedAfter, localAfter }) => {
    if (local !== null) localStorage.setItem(LANG_STORAGE_KEY, local);
    if (stored !== undefined) await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: stored });
    renderProbe();
    await settle();
    expect(screen.getByTestId('lang').textContent).toBe(shown);
    expect(await shared()).toBe(sharedAfter);
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe(localAfter);
  });

  it('follows a switch made in another extension page, live', async () => {
    renderProbe();
    await settle();
    expect(screen.getByTestId('text').textContent).toBe('正在读取…');
    await act(() => fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' }));
    expect(screen.getByTestId('text').textContent).toBe('Loading…');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    await act(() => fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'fr' }));
    expect(screen.getByTestId('lang').textContent).toBe('zh');
    await act(() => fakeBrowser.storage.local.set({ other: 'en' }));
    expect(screen.getByTestId('lang').textContent).toBe('zh');
  });

  it('a fixed initialLang neither reads nor follows the shared choice', async () => {
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    renderProbe('zh');
    await settle();
    await act(() => fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' }));
    expect(screen.getByTestId('lang').textContent).toBe('zh');
  });

  it('stops listening when unmounted', async () => {
    const view = renderProbe();
    await settle();
    view.unmount();
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBeNull();
  });
});
