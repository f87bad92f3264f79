/**
 * The operator's language choice in `browser.storage.local`, for the code that cannot read the
 * extension pages' localStorage: the background (notifications) and the content scripts (badges,
 * the title counter). The side panel and options page write it (./react.tsx).
 *
 * Tiny and dependency-free on purpose: every content script loads it. What is stored is read as
 * untrusted: anything but a known language (an old format, a hand-edited value) means "no choice",
 * and no choice means DEFAULT_LANG, as in the panel, so every part of ShopLens speaks the same
 * language.
 */
import { DEFAULT_LANG, isLang, LANG_STORAGE_KEY, type Lang } from './lang';

/** The slice of `browser.storage.local` read here (WXT's `browser`, or fakeBrowser in tests). */
export interface LangStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
}

/** A stored value read as a language: a known one as is, anything else the default. */
export function langFrom(value: unknown): Lang {
  return isLang(value) ? value : DEFAULT_LANG;
}

/** The operator's choice; the default when none is stored or storage cannot be read (never rejects). */
export async function readLangChoice(area: LangStorageArea): Promise<Lang> {
  try {
    return langFrom((await area.get(LANG_STORAGE_KEY))[LANG_STORAGE_KEY]);
  } catch {
    return DEFAULT_LANG;
  }
}

/**
 * The language after a `storage.onChanged` event, when the event changed the choice; undefined
 * for events about other keys or areas. A removed choice is the default again.
 */
export function langChoiceChange(changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, areaName: string): Lang | undefined {
  if (areaName !== 'local' || !(LANG_STORAGE_KEY in changes)) return undefined;
  return langFrom(changes[LANG_STORAGE_KEY]?.newValue);
}
