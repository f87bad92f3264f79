import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
