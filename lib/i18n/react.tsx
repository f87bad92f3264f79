/**
 * React binding of the i18n layer: `<I18nProvider>` holds the language, `useI18n()` gives
 * `t`, `lang` and `setLang`. The choice is kept in localStorage (`shoplens.lang`), which
 * every extension page shares, so the panel and options open in the same language.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LANG, isLang, LANG_STORAGE_KEY, t as translate, type Lang, type MessageKey, type ParamsArg } from './index';

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t<K extends MessageKey>(key: K, ...args: ParamsArg<K>): string;
}

/** The stored language, or the default when nothing (or something invalid) is stored. */
export function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : DEFAULT_LANG;
  } catch {
    // Storage can be disabled; the default language still works.
    return DEFAULT_LANG;
  }
}

function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not persisted this time; the switch still applies to this page.
  }
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? readStoredLang());

  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    // Screen readers and fonts pick their rules from the document language.
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, ...args) => translate(key, lang, ...args),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> above it');
  return i18n;
}
