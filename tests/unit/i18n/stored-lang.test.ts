/**
 * The operator's language choice as the background and the content scripts read it from
 * storage.local (lib/i18n/stored-lang.ts): a known language as stored, anything else (nothing, an
 * old or hand-edited value, an unreadable storage) the product default, as the panel does.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_LANG, LANG_STORAGE_KEY, LANGS } from '../../../lib/i18n';
import { langChoiceChange, langFrom, readLangChoice } from '../../../lib/i18n/stored-lang';

describe('readLangChoice', () => {
  it.each([
    ['zh', 'zh'],
    ['en', 'en'],
    ['EN', 'zh'],
    ['en-US', 'zh'],
    ['fr', 'zh'],
    ['', 'zh'],
    [1, 'zh'],
    [null, 'zh'],
    [['en'], 'zh'],
    [{ lang: 'en' }, 'zh'],
  ] as const)('stored %j → %s', async (stored, expected) => {
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: stored });
    expect(await readLangChoice(fakeBrowser.storage.local)).toBe(expected);
  });

  it('nothing stored → the product default, whatever the browser speaks', async () => {
    expect(DEFAULT_LANG).toBe('zh');
    expect(await readLangChoice(fakeBrowser.storage.local)).toBe(DEFAULT_LANG);
  });

  it('reads the current value on every call (a switch holds for the next read)', async () => {
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    expect(await readLangChoice(fakeBrowser.storage.local)).toBe('en');
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'zh' });
    expect(await readLangChoice(fakeBrowser.storage.local)).toBe('zh');
    await fakeBrowser.storage.local.remove(LANG_STORAGE_KEY);
    expect(await readLangChoice(fakeBrowser.storage.local)).toBe(DEFAULT_LANG);
  });

  it('an unreadable storage gives the default and never rejects', async () => {
    const broken = { get: () => Promise.reject(new Error('storage gone')) };
    expect(await readLangChoice(broken)).toBe(DEFAULT_LANG);
  });

  it('langFrom accepts exactly the languages ShopLens speaks', () => {
    for (const lang of LANGS) expect(langFrom(lang)).toBe(lang);
    expect(langFrom(undefined)).toBe(DEFAULT_LANG);
  });
});

describe('langChoiceChange', () => {
  it.each([
    ['the choice set to en', { [LANG_STORAGE_KEY]: { newValue: 'en' } }, 'local', 'en'],
    ['the choice set to zh', { [LANG_STORAGE_KEY]: { oldValue: 'en', newValue: 'zh' } }, 'local', 'zh'],
    ['the choice removed', { [LANG_STORAGE_KEY]: { oldValue: 'en' } }, 'local', DEFAULT_LANG],
    ['a hostile value', { [LANG_STORAGE_KEY]: { newValue: '<img onerror=1>' } }, 'local', DEFAULT_LANG],
    ['another key', { overlaysEnabled: { newValue: false } }, 'local', undefined],
    ['the key in another area', { [LANG_STORAGE_KEY]: { newValue: 'en' } }, 'session', undefined],
    ['the key in sync storage', { [LANG_STORAGE_KEY]: { newValue: 'en' } }, 'sync', undefined],
  ] as const)('%s → %s', (_case, changes, area, expected) => {
    expect(langChoiceChange(changes, area)).toBe(expected);
  });

  it('sees the changes fakeBrowser storage reports', async () => {
    const seen: (string | undefined)[] = [];
    fakeBrowser.storage.onChanged.addListener((changes, area) => seen.push(langChoiceChange(changes, area)));
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.local.remove(LANG_STORAGE_KEY);
    expect(seen).toEqual(['en', undefined, DEFAULT_LANG]);
  });
});
