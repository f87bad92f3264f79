/** Lint for the Pinduoduo word lists: sorted, unique, trimmed, no metric label among them; pattern tables. */
import { describe, expect, it } from 'vitest';
import { metricForLabel } from '../../../../lib/metrics';
import {
  PDD_DATA_SECTION_TITLES,
  PDD_EDITOR_CATEGORY_LABELS,
  PDD_EDITOR_PRICE_LABELS,
  PDD_EDITOR_TITLE_LABELS,
  PDD_EMPTY_TABLE_TEXTS,
  PDD_GENERIC_DOCUMENT_TITLES,
  PDD_GOODS_COLUMN_HEADERS,
  PDD_PERIOD_PREFIXES,
  PDD_PRICE_LABELS,
  PDD_PRICE_LABELS_LONGEST_FIRST,
  PDD_PROMOTION_CALLS,
  PDD_PROMOTION_PATTERNS,
  PDD_RANK_COLUMN_HEADERS,
  PDD_RECOMMENDATION_HEADINGS,
  PDD_SHOP_SALES_PREFIXES,
  PDD_SPONSORED_MARKS,
  PDD_YUAN_PHRASES,
} from '../../../../lib/adapters/pinduoduo/words';

const LISTS = {
  PDD_DATA_SECTION_TITLES,
  PDD_EDITOR_CATEGORY_LABELS,
  PDD_EDITOR_TITLE_LABELS,
  PDD_EMPTY_TABLE_TEXTS,
  PDD_GENERIC_DOCUMENT_TITLES,
  PDD_GOODS_COLUMN_HEADERS,
  PDD_PERIOD_PREFIXES,
  PDD_PROMOTION_CALLS,
  PDD_RANK_COLUMN_HEADERS,
  PDD_RECOMMENDATION_HEADINGS,
  PDD_SHOP_SALES_PREFIXES,
  PDD_SPONSORED_MARKS,
} as const;

describe('Pinduoduo word lists', () => {
  it.each(Object.entries(LISTS))('%s is sorted, unique and trimmed', (_name, list) => {
    expect([...list].sort()).toEqual([...list]);
    expect(new Set(list).size).toBe(list.length);
    for (const word of list) expect(word).toBe(word.trim());
  });

  it('has no metric label among section titles, calls, headings or column headers', () => {
    const words = [
      ...PDD_DATA_SECTION_TITLES,
      ...PDD_PROMOTION_CALLS,
      ...PDD_RECOMMENDATION_HEADINGS,
      ...PDD_GOODS_COLUMN_HEADERS,
      ...PDD_RANK_COLUMN_HEADERS,
      ...PDD_PERIOD_PREFIXES,
    ];
    for (const word of words) expect(metricForLabel('pinduoduo', word), word).toBeUndefined();
  });

  it('tries price labels longest first, every label once', () => {
    expect([...PDD_PRICE_LABELS_LONGEST_FIRST].sort()).toEqual(Object.keys(PDD_PRICE_LABELS).sort());
    for (let i = 1; i < PDD_PRICE_LABELS_LONGEST_FIRST.length; i++) {
      expect(PDD_PRICE_LABELS_LONGEST_FIRST[i - 1]!.length).toBeGreaterThanOrEqual(PDD_PRICE_LABELS_LONGEST_FIRST[i]!.length);
    }
    // 发起拼单 must win over 拼单 (same kind), 单独购买 is a list price, never the group one.
    expect(PDD_PRICE_LABELS_LONGEST_FIRST.indexOf('发起拼单')).toBeLessThan(PDD_PRICE_LABELS_LONGEST_FIRST.indexOf('拼单'));
    expect(PDD_PRICE_LABELS['单独购买']).toBe('list');
    expect(PDD_PRICE_LABELS['首件']).toBe('firstItem');
  });

  it('keeps editor price labels apart from one another and names a kind for each', () => {
    expect(Object.keys(PDD_EDITOR_PRICE_LABELS).sort()).toEqual(Object.keys(PDD_EDITOR_PRICE_LABELS));
    expect(PDD_EDITOR_PRICE_LABELS['拼单价']).toBe('group');
  });

  it.each([
    ['2件9.9折', true],
    ['2件9.5折', true],
    ['满50减2', true],
    ['满100元减5元', true],
    ['满2件9.5折', true],
    ['每满200减20', true],
    ['领券立减1元', true],
    ['5元无门槛券', true],
    ['百亿补贴', true],
    ['预计后天送达', false],
    ['已包邮', false],
    ['1万+回头客', false],
    ['本月回头客飙升250%', false],
    ['48小时发货', false],
    ['即将恢复29.98元', false],
    ['先用后付', false],
  ])('promotion pattern: %s → %s', (tag, isPromotion) => {
    expect(PDD_PROMOTION_PATTERNS.some((pattern) => pattern.test(tag))).toBe(isPromotion);
  });

  it.each([
    ['即将恢复29.98元', '29.98'],
    ['即将恢复 29 元', '29'],
    ['即将恢复29.987元', undefined],
    ['恢复29.98元', undefined],
  ])('yuan phrase %s → %s', (text, amount) => {
    const match = PDD_YUAN_PHRASES.map((phrase) => phrase.pattern.exec(text)).find(Boolean);
    expect(match?.[1]).toBe(amount);
  });
});
