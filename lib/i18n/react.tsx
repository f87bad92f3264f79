/**
 * React binding of the i18n layer: `<I18nProvider>` holds the language, `useI18n()` gives
 * `t`, `lang` and `setLang`. The choice is kept in two places under `shoplens.lang`:
 * localStorage, which every extension page shares and reads synchronously, so the panel and
 * options open in the right language at first paint; and `browser.storage.local`, which the
 * background (notifications) and the content scripts (badges, title counter) read
 * (./stored-lang.ts). storage.local is the one every part follows: an open page switches when
 * another page changes it, and adopts it at start when the two disagree.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { DEFAULT_LANG, isLang, LANG_STORAGE_KEY, t as translate, type Lang, type MessageKey, type ParamsArg } from './index';
import { langChoiceChange } from './stored-lang';

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

/** The choice in localStorage only when one was made (not the default filled in). */
function localChoice(): Lang | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

function storeLocalLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not persisted this time; the switch still applies to this page.
  }
}

function storeSharedLang(lang: Lang): void {
  // Not awaited: the page has switched already; a failed write only leaves the background and the
  // content scripts on the previous choice.
  browser.storage.local.set({ [LANG_STORAGE_KEY]: lang }).catch((error: unknown) => console.warn('ShopLens: language choice not shared', error));
}

const I18nContext = createContext<I18n | null>(null);

/** `initialLang` fixes the language (tests, previews): the stored choice is then neither read nor followed. */
export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? readStoredLang());
  const follow = initialLang === undefined;

  const setLang = useCallback((next: Lang) => {
    storeLocalLang(next);
    storeSharedLang(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    if (!follow) return undefined;
    let disposed = false;
    let changed = false;
    const adopt = (next: Lang) => {
      storeLocalLang(next);
      setLangState(next);
    };
    // A switch made in another extension page (panel ↔ options) shows here at once.
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const next = langChoiceChange(changes, area);
      if (next === undefined || disposed) return;
      changed = true;
      adopt(next);
    };
    browser.storage.onChanged.addListener(listener);
    browser.storage.local.get(LANG_STORAGE_KEY).then(
      (stored) => {
        // A change that arrived meanwhile is newer than what was read.
        if (disposed || changed) return;
        const shared = stored[LANG_STORAGE_KEY];
        if (isLang(shared)) {
          adopt(shared); // the same language again changes nothing
        } else {
          // A choice made before it was shared (or a stored value that is not a language):
          // share the page's choice so notifications and badges follow it too.
          const local = localChoice();
          if (local) storeSharedLang(local);
        }
      },
      () => undefined, // unreadable: the page keeps its own choice
    );
    return () => {
      disposed = true;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [follow]);

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
