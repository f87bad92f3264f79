/** Lint for the JD word lists (lib/adapters/jd/words.ts): sorted, unique, trimmed, no overlaps. */
import { describe, expect, it } from 'vitest';
import { metricForLabel } from '../../../../lib/metrics';
import {
  JD_EMPTY_TABLE_WORDS,
  JD_PERIOD_PREFIXES,
  JD_PRICE_LABEL_KINDS,
  JD_PRICE_LABELS_LONGEST_FIRST,
  JD_PROMOTION_CALLS,
  JD_PROMOTION_CONTROL_WORDS,
  JD_PROMOTION_ROW_LABELS,
  JD_RANK_HEADERS,
  JD_RECOMMENDATION_HEADINGS,
  JD_SHOP_ACTION_WORDS,
  JD_SKU_HEADERS,
  JD_SPONSORED_MARKS,
  JD_SUMMARY_ROW_WORDS,
  JD_TITLE_HEADERS,
  JD_UNREAD_METRIC_LABELS,
  JZT_DATA_SECTION_TITLES,
  SZ_DATA_SECTION_TITLES,
  SZ_OTHER_PERIOD_SECTION_TITLES,
  jdPriceKindForLabel,
  normaliseJdPriceLabel,
} from '../../../../lib/adapters/jd/words';

const LISTS = {
  JD_EMPTY_TABLE_WORDS,
  JD_PERIOD_PREFIXES,
  JD_PROMOTION_CALLS,
  JD_PROMOTION_CONTROL_WORDS,
  JD_PROMOTION_ROW_LABELS,
  JD_RANK_HEADERS,
  JD_RECOMMENDATION_HEADINGS,
  JD_SHOP_ACTION_WORDS,
  JD_SKU_HEADERS,
  JD_SPONSORED_MARKS,
  JD_SUMMARY_ROW_WORDS,
  JD_TITLE_HEADERS,
  JD_UNREAD_METRIC_LABELS,
  JZT_DATA_SECTION_TITLES,
  SZ_DATA_SECTION_TITLES,
  SZ_OTHER_PERIOD_SECTION_TITLES,
} as const;

describe('JD word lists', () => {
  it.each(Object.entries(LISTS))('%s is sorted, unique, trimmed and without spaces', (_name, list) => {
    expect(list.length).toBeGreaterThan(0);
    expect([...list].sort()).toEqual([...list]);
    expect(new Set(list).size).toBe(list.length);
    for (const word of list) expect(word).toMatch(/^\S+$/);
  });

  it('claims each price label once, with a kind', () => {
    const labels = JD_PRICE_LABEL_KINDS.map(([label]) => normaliseJdPriceLabel(label));
    expect(new Set(labels).size).toBe(labels.length);
    expect(JD_PRICE_LABELS_LONGEST_FIRST).toHaveLength(labels.length);
  });

  it.each([
    ['京 东 价', 'shown'],
    ['京东价：', 'shown'],
    ['PLUS价', 'member'],
    ['plus会员价', 'member'],
    ['到手价', 'coupon'],
    ['国补价', 'subsidised'],
    ['参考价', 'list'],
    ['新人价', undefined],
  ])('reads the price label %s as %s', (label, kind) => {
    expect(jdPriceKindForLabel(label)).toBe(kind);
  });

  it('never calls a member price the item price', () => {
    for (const [label, kind] of JD_PRICE_LABEL_KINDS) if (/PLUS|会员/.test(label)) expect(kind).toBe('member');
  });

  it('keeps data sections and other-period sections apart', () => {
    const other = new Set(SZ_OTHER_PERIOD_SECTION_TITLES);
    expect(SZ_DATA_SECTION_TITLES.filter((title) => other.has(title))).toEqual([]);
  });

  it('uses no metric label as a section title, header or table word', () => {
    const words = [
      ...SZ_DATA_SECTION_TITLES,
      ...SZ_OTHER_PERIOD_SECTION_TITLES,
      ...JZT_DATA_SECTION_TITLES,
      ...JD_SKU_HEADERS,
      ...JD_TITLE_HEADERS,
      ...JD_RANK_HEADERS,
      ...JD_SUMMARY_ROW_WORDS,
    ];
    expect(words.filter((word) => metricForLabel('jd', word) !== undefined)).toEqual([]);
  });

  it('lists as unread only labels that would otherwise be read as metrics on JD', () => {
    for (const label of JD_UNREAD_METRIC_LABELS) expect(metricForLabel('jd', label), label).toBeDefined();
  });
});
