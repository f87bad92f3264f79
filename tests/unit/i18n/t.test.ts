import { describe, expect, it } from 'vitest';
import { PAGE_KINDS, PLATFORMS, PRICE_KINDS, UNITS } from '../../../lib/capture/schema';
import { METRIC_DEFINITIONS } from '../../../lib/metrics';
import {
  DEFAULT_LANG,
  isLang,
  LANGS,
  metricName,
  pageKindName,
  platformName,
  priceKindName,
  t,
  templateParams,
  unitName,
} from '../../../lib/i18n';

describe('t', () => {
  it.each([
    ['zh', '正在读取…'],
    ['en', 'Loading…'],
  ] as const)('gives the %s text of a key', (lang, expected) => {
    expect(t('state.loading', lang)).toBe(expected);
  });

  it.each([
    ['zh', { id: '617129397971' }, '商品ID 617129397971'],
    ['en', { id: 42 }, 'Item ID 42'],
  ] as const)('interpolates {name} (%s)', (lang, params, expected) => {
    expect(t('listing.itemId', lang, params)).toBe(expected);
  });

  it('replaces every parameter of a message with several', () => {
    expect(t('editor.counter', 'zh', { length: 12, limit: 60 })).toBe('页面计数 12/60');
  });

  it('inserts values as given, without interpreting them', () => {
    expect(t('shop.name', 'en', { name: '<b>{id}</b>' })).toBe('Shop: <b>{id}</b>');
  });

  it('leaves a parameter the caller did not give visible', () => {
    const loose = t as unknown as (key: string, lang: string, params: Record<string, string>) => string;
    expect(loose('editor.counter', 'en', { length: '3' })).toBe('Page counter 3/{limit}');
  });
});

describe('templateParams', () => {
  it.each([
    ['无参数', []],
    ['{a} 和 {b} 和 {a}', ['a', 'b']],
  ] as const)('%s → %o', (template, expected) => {
    expect(templateParams(template)).toEqual(expected);
  });
});

describe('Lang', () => {
  it('defaults to Chinese', () => {
    expect(DEFAULT_LANG).toBe('zh');
  });

  it.each([
    ['zh', true],
    ['en', true],
    ['zh-CN', false],
    ['', false],
    [null, false],
  ] as const)('isLang(%o) is %s', (value, expected) => {
    expect(isLang(value)).toBe(expected);
  });
});

describe('names of shared values', () => {
  it.each(LANGS)('every platform, page kind, unit and price kind has a %s name, all distinct', (lang) => {
    for (const [values, name] of [
      [PLATFORMS, platformName],
      [PAGE_KINDS, pageKindName],
      [UNITS, unitName],
      [PRICE_KINDS, priceKindName],
    ] as const) {
      const names = (values as readonly string[]).map((value) => (name as (v: string, l: typeof lang) => string)(value, lang));
      for (const text of names) expect(text.trim()).not.toBe('');
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('metric names come from lib/metrics definitions', () => {
    for (const def of METRIC_DEFINITIONS) {
      expect(metricName(def.id, 'zh')).toBe(def.name.zh);
      expect(metricName(def.id, 'en')).toBe(def.name.en);
    }
    expect(metricName('noSuchMetric', 'zh')).toBeUndefined();
  });
});
