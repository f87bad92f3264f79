/**
 * Lint of the title data packs: sorted, unique, both languages, allow-list entries that each
 * mask a risky phrase, dictionary groups that do not overlap.
 */
import { describe, expect, it } from 'vitest';
import { ECOMMERCE_DICT, PRODUCT_HEADS } from '../../../lib/titles/dict/ecommerce';
import { findAll, matchForm } from '../../../lib/titles/match';
import { ALLOWED_WORDS } from '../../../lib/titles/packs/allow-words';
import { COMPATIBILITY_PREFIXES, WELL_KNOWN_BRANDS } from '../../../lib/titles/packs/brands';
import { ACRONYMS } from '../../../lib/titles/packs/latin';
import {
  ABSOLUTE_WORDS,
  AUTHORITY_WORDS,
  EFFICACY_WORDS,
  GUARANTEE_WORDS,
  INFRINGEMENT_WORDS,
  MEDICAL_WORDS,
  PRICE_WORDS,
  RANKING_WORDS,
  RISK_WORDS,
  SCARCITY_WORDS,
} from '../../../lib/titles/packs/risk-words';
import { RULES } from '../../../lib/titles/packs/rules';
import { SYMBOL_CLASS_IDS, SYMBOL_CLASSES } from '../../../lib/titles/packs/symbols';
import { WORD_CATEGORIES, type WordCategory } from '../../../lib/titles/packs/types';
import { SEVERITIES, TOKEN_ROLES, type Bilingual } from '../../../lib/titles/types';
import { hasRiskPhrase } from '../../../lib/titles/words';
import { LABELLED_TITLES, TITLE_CATEGORIES } from '../../../lib/titles/labelled-titles';

const HAN = /[\u4e00-\u9fff]/;
const codePointOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function expectSorted(list: readonly string[]) {
  expect([...list]).toEqual([...list].sort(codePointOrder));
}

function expectUnique(list: readonly string[], key: (s: string) => string = (s) => s) {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const item of list) {
    const k = key(item);
    if (seen.has(k)) duplicates.push(`${seen.get(k)} / ${item}`);
    seen.set(k, item);
  }
  expect(duplicates).toEqual([]);
}

function expectBilingual(text: Bilingual) {
  expect(text.zh.trim()).not.toBe('');
  expect(text.en.trim()).not.toBe('');
  expect(text.zh).toMatch(HAN);
  expect(text.zh).not.toBe(text.en);
}

/** Allow-list entries that are intentionally also risky phrases: none today. */
const BOTH_BANNED_AND_ALLOWED: ReadonlySet<string> = new Set();

describe('risk word pack', () => {
  const lists: [WordCategory, readonly { phrase: string; category: WordCategory }[]][] = [
    ['absolute', ABSOLUTE_WORDS],
    ['authority', AUTHORITY_WORDS],
    ['ranking', RANKING_WORDS],
    ['price', PRICE_WORDS],
    ['medical', MEDICAL_WORDS],
    ['efficacy', EFFICACY_WORDS],
    ['guarantee', GUARANTEE_WORDS],
    ['scarcity', SCARCITY_WORDS],
    ['infringement', INFRINGEMENT_WORDS],
  ];

  it('has one list per category, all in RISK_WORDS', () => {
    expect(lists.map(([category]) => category)).toEqual([...WORD_CATEGORIES]);
    expect(RISK_WORDS.length).toBe(lists.reduce((sum, [, list]) => sum + list.length, 0));
  });

  it.each(lists)('%s is sorted by phrase and every entry is in its category', (category, list) => {
    expect(list.length).toBeGreaterThan(0);
    expectSorted(list.map((entry) => entry.phrase));
    for (const entry of list) expect(entry.category).toBe(category);
  });

  it('phrases are unique across the pack, case- and width-insensitively', () => {
    expectUnique(
      RISK_WORDS.map((entry) => entry.phrase),
      matchForm,
    );
  });

  it.each(RISK_WORDS.map((entry) => [entry.phrase, entry] as const))('%s is a trimmed phrase with severity, reason and rule in both languages', (_phrase, entry) => {
    expect(entry.phrase).toBe(entry.phrase.trim());
    // Phrase-level: a single character such as 最 would flag ordinary words.
    expect([...entry.phrase].length).toBeGreaterThanOrEqual(2);
    expect(SEVERITIES).toContain(entry.severity);
    expectBilingual(entry.reason);
    expectBilingual(entry.rule);
  });

  it('has every severity', () => {
    for (const severity of SEVERITIES) expect(RISK_WORDS.some((entry) => entry.severity === severity)).toBe(true);
  });
});

describe('allow-list', () => {
  const phrases = ALLOWED_WORDS.map((entry) => entry.phrase);

  it('is sorted and unique', () => {
    expectSorted(phrases);
    expectUnique(phrases, matchForm);
  });

  it.each(ALLOWED_WORDS.map((entry) => [entry.phrase, entry] as const))('%s contains a risky phrase and says why it is fine', (phrase, entry) => {
    const form = matchForm(phrase);
    const masked = RISK_WORDS.filter((risk) => findAll(form, risk.phrase).length > 0);
    expect(masked.map((risk) => risk.phrase)).not.toEqual([]);
    expectBilingual(entry.reason);
  });

  it('no phrase is both risky and allowed unless listed as intended', () => {
    const risky = new Set(RISK_WORDS.map((entry) => matchForm(entry.phrase)));
    const both = phrases.filter((phrase) => risky.has(matchForm(phrase)) && !BOTH_BANNED_AND_ALLOWED.has(phrase));
    expect(both).toEqual([]);
  });

  it('an allowed word is not risky on its own', () => {
    for (const phrase of phrases) expect(hasRiskPhrase(phrase)).toBe(false);
  });
});

describe('e-commerce dictionary', () => {
  const groups = Object.entries(ECOMMERCE_DICT);

  it.each(groups)('%s is sorted, unique and has a known role', (_name, group) => {
    expect(group.words.length).toBeGreaterThan(0);
    expectSorted(group.words);
    expectUnique(group.words, matchForm);
    expect(TOKEN_ROLES).toContain(group.role);
    for (const word of group.words) expect(word).toBe(word.trim());
  });

  it('a word belongs to one group only', () => {
    expectUnique(
      groups.flatMap(([, group]) => group.words),
      matchForm,
    );
  });

  it('has a few hundred words with product words for every labelled category', () => {
    const total = groups.reduce((sum, [, group]) => sum + group.words.length, 0);
    expect(total).toBeGreaterThanOrEqual(300);
  });

  it('holds no risky phrase (risky words get their role from the risk pack)', () => {
    const risky = groups.flatMap(([, group]) => group.words).filter((word) => hasRiskPhrase(word));
    expect(risky).toEqual([]);
  });

  it('product heads are sorted single characters that end some product word', () => {
    expectSorted(PRODUCT_HEADS);
    expectUnique(PRODUCT_HEADS);
    for (const head of PRODUCT_HEADS) {
      expect([...head].length).toBe(1);
      expect(ECOMMERCE_DICT.product.words.some((word) => word.endsWith(head))).toBe(true);
    }
  });
});

describe('brands, acronyms, prefixes', () => {
  it('well-known brands are sorted, unique, not dictionary words and not risky', () => {
    expectSorted(WELL_KNOWN_BRANDS);
    expectUnique(WELL_KNOWN_BRANDS, matchForm);
    const dictionary = new Set(Object.values(ECOMMERCE_DICT).flatMap((group) => group.words.map(matchForm)));
    for (const brand of WELL_KNOWN_BRANDS) {
      expect(dictionary.has(matchForm(brand))).toBe(false);
      expect(hasRiskPhrase(brand)).toBe(false);
      expect([...brand].length).toBeGreaterThanOrEqual(2);
    }
  });

  it('acronyms are sorted, unique, upper case', () => {
    expectSorted(ACRONYMS);
    expectUnique(ACRONYMS);
    for (const acronym of ACRONYMS) expect(acronym).toMatch(/^[A-Z]{2,}$/);
  });

  it('compatibility prefixes are sorted and unique', () => {
    expectSorted(COMPATIBILITY_PREFIXES);
    expectUnique(COMPATIBILITY_PREFIXES, matchForm);
  });
});

describe('symbol classes and rules', () => {
  it('are listed once each, in the declared order, in both languages', () => {
    expect(SYMBOL_CLASSES.map((symbol) => symbol.id)).toEqual([...SYMBOL_CLASS_IDS]);
    for (const symbol of SYMBOL_CLASSES) {
      // A global or sticky pattern would carry lastIndex between test() calls.
      expect(symbol.pattern.global || symbol.pattern.sticky).toBe(false);
      expectBilingual(symbol.reason);
      expectBilingual(symbol.rule);
    }
  });

  it.each(Object.entries(RULES))('rule %s is in both languages', (_key, rule) => {
    expectBilingual(rule);
  });
});

describe('labelled titles', () => {
  it('has at least 200 titles covering every category', () => {
    expect(LABELLED_TITLES.length).toBeGreaterThanOrEqual(200);
    for (const category of TITLE_CATEGORIES) {
      expect(LABELLED_TITLES.filter((t) => t.category === category).length).toBeGreaterThanOrEqual(10);
    }
  });

  it('every labelled word occurs in its title, and titles are unique', () => {
    expectUnique(LABELLED_TITLES.map((t) => t.title));
    for (const labelled of LABELLED_TITLES) {
      expect(labelled.words.length).toBeGreaterThan(0);
      for (const word of labelled.words) expect(matchForm(labelled.title)).toContain(matchForm(word));
    }
  });
});
