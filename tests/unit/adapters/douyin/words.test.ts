/** Lint for the Douyin word lists (lib/adapters/douyin/words.ts): sorted, unique, trimmed, no contradictions. */
import { describe, expect, it } from 'vitest';
import { matchWordAt } from '../../../../lib/capture/comparison-words';
import { metricDefinition, metricForLabel } from '../../../../lib/metrics';
import * as words from '../../../../lib/adapters/douyin/words';

const LISTS = Object.entries(words).filter((entry): entry is [string, readonly string[]] => {
  const [, value] = entry;
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
});
const RECORDS = Object.entries(words).filter(
  (entry): entry is [string, Readonly<Record<string, string>>] => !Array.isArray(entry[1]) && typeof entry[1] === 'object',
);

describe('douyin word lists', () => {
  it('has the lists the adapters use', () => {
    expect(LISTS.length).toBeGreaterThanOrEqual(12);
    expect(RECORDS.map(([name]) => name).sort()).toEqual(['EDITOR_PRICE_LABELS', 'PRICE_WORDS', 'PRODUCT_TABLE_LABELS']);
  });

  it.each([...LISTS, ...RECORDS.map(([name, record]) => [name, Object.keys(record)] as [string, readonly string[]])])(
    '%s is sorted, unique and trimmed',
    (_name, list) => {
      expect([...list].sort()).toEqual([...list]);
      expect(new Set(list).size).toBe(list.length);
      for (const word of list) expect(word).toBe(word.trim());
    },
  );

  it('never lists a section title, period prefix or promotion call that is a metric label or a comparison word', () => {
    const notLabels = [
      ...words.FXG_HOME_SECTION_TITLES,
      ...words.COMPASS_HOME_SECTION_TITLES,
      ...words.COMPASS_LIVE_SECTION_TITLES,
      ...words.QIANCHUAN_SECTION_TITLES,
      ...words.DOUYIN_PERIOD_PREFIXES,
      ...words.DOUYIN_PROMOTION_CALLS,
      ...words.RECOMMENDATION_TITLES,
    ];
    for (const word of notLabels) {
      expect(metricForLabel('douyin', word), word).toBeUndefined();
      expect(matchWordAt(word), word).toBeNull();
    }
  });

  it('maps product-table columns to metrics that exist, and only where the platform has no such label', () => {
    for (const [label, id] of Object.entries(words.PRODUCT_TABLE_LABELS)) {
      expect(metricDefinition(id), id).toBeDefined();
      expect(metricForLabel('douyin', label), label).toBeUndefined();
    }
  });

  it('keeps product, id and rank columns apart', () => {
    for (const word of words.PRODUCT_COLUMNS) {
      expect(words.PRODUCT_ID_COLUMNS).not.toContain(word);
      expect(words.RANK_COLUMNS).not.toContain(word);
    }
  });

  it.each([
    ['满199减20', true],
    ['每满100减10', true],
    ['2件9折', true],
    ['满2件9.5折', true],
    ['店铺券满99减5', true],
    ['领券', true],
    ['极速退', false],
    ['已售1.2万+', false],
    ['运费险', false],
  ])('promotion chip %s → %s', (text, isPromotion) => {
    expect(words.PROMOTION_PATTERNS.some((pattern) => pattern.test(text))).toBe(isPromotion);
  });
});
