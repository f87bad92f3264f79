/** Lint for the listing adapter's word lists (lib/adapters/taobao/listing-words.ts). */
import { describe, expect, it } from 'vitest';
import { PRICE_KINDS } from '../../../../lib/capture/schema';
import { metricForLabel } from '../../../../lib/metrics';
import {
  INSTALMENT_PATTERNS,
  normalisePriceLabel,
  PRICE_LABEL_KINDS,
  PRICE_LABELS_LONGEST_FIRST,
  priceKindForLabel,
  RECOMMENDATION_HEADINGS,
  SERVICE_SCORE_LABELS,
} from '../../../../lib/adapters/taobao/listing-words';

describe('price labels', () => {
  it('claims each label once, with a schema price kind', () => {
    const seen = new Set<string>();
    for (const [label, kind] of PRICE_LABEL_KINDS) {
      expect(label.trim()).not.toBe('');
      expect(PRICE_KINDS).toContain(kind);
      const key = normalisePriceLabel(label);
      expect(seen.has(key), `${label} listed twice`).toBe(false);
      seen.add(key);
    }
  });

  it.each([
    ['券后', 'coupon'],
    ['券后价：', 'coupon'],
    [' 会员价 ', 'member'],
    ['88vip价', 'member'],
    ['优惠前', 'list'],
    ['平台加补后', 'subsidised'],
    ['价格:', 'shown'],
    ['分期', undefined],
    ['到手价', undefined],
  ])('%s → %s', (label, kind) => {
    expect(priceKindForLabel(label)).toBe(kind);
  });

  it('searches longer labels first, so 券后价 is not read as 券后', () => {
    const order = PRICE_LABELS_LONGEST_FIRST;
    for (let i = 1; i < order.length; i++) expect(order[i - 1]!.length).toBeGreaterThanOrEqual(order[i]!.length);
  });
});

describe('instalment patterns', () => {
  const compact = (text: string) => text.replace(/\s+/g, '');
  it.each(['分期 ¥3.33/期 ×12', '¥8.25/期', '每期¥20', '12期免息 ¥99', '花呗 ¥7.42 ×12期', '¥5 x6期'])('flag %s', (line) => {
    expect(INSTALMENT_PATTERNS.some((pattern) => pattern.test(compact(line)))).toBe(true);
  });
  it.each(['¥39.90', '券后 ¥69起', '会员价 ¥36.90', '¥29.9-34.9', '价格 ¥1,299.00', '优惠前 ¥89 起'])('pass %s', (line) => {
    expect(INSTALMENT_PATTERNS.some((pattern) => pattern.test(compact(line)))).toBe(false);
  });
});

describe('other word lists', () => {
  it('has unique, non-empty recommendation headings', () => {
    expect(new Set(RECOMMENDATION_HEADINGS).size).toBe(RECOMMENDATION_HEADINGS.length);
    for (const heading of RECOMMENDATION_HEADINGS) expect(heading.trim()).toBe(heading);
  });

  it('maps every service-score label to a metric', () => {
    for (const label of SERVICE_SCORE_LABELS) expect(metricForLabel('taobao', label)?.unit, label).toBe('score');
  });
});
