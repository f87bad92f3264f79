/**
 * The languages ShopLens speaks and the key the operator's choice is stored under. Dependency-free
 * (no messages, no metrics), so content scripts can name a language without loading the UI's
 * message table (tests/unit/content/import-graph.test.ts keeps them small). ./index.ts re-exports
 * all of it.
 */

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** The product's language when the operator has chosen none: the operators are Chinese sellers. */
export const DEFAULT_LANG: Lang = 'zh';
/**
 * Where the operator's choice is kept: in localStorage (the extension pages' first paint reads it
 * synchronously) and, under the same key, in `browser.storage.local` (the background and the
 * content scripts read it there: ./stored-lang.ts).
 */
export const LANG_STORAGE_KEY = 'shoplens.lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
