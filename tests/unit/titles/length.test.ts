import { describe, expect, it } from 'vitest';
import { charLength, cutIndex, halfWidthLength, measureTitle, parseCounter } from '../../../lib/titles/length';
import { TITLE_LIMITS } from '../../../lib/titles/packs/limits';
import { PLATFORMS } from '../../../lib/capture/schema';

const cjk = (n: number) => '裙'.repeat(n);
const ascii = (n: number) => 'a'.repeat(n);

describe('halfWidthLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['连衣裙', 6],
    ['T恤', 3],
    ['iPhone15 充电线', 15],
    ['１２', 4], // full-width digits count 2
    ['\u3000', 2], // full-width space
    ['é·×', 6], // non-ASCII Latin-1 counts 2, as in GBK
    ['😀', 2], // a surrogate pair is one code point
    ['𠀋', 2],
    ['👍🏻', 4], // emoji + skin tone: two code points
  ])('%j is %i units', (text, units) => {
    expect(halfWidthLength(text)).toBe(units);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(charLength('😀𠀋a')).toBe(3);
    expect('😀𠀋a'.length).toBe(5);
  });
});

describe('parseCounter', () => {
  it.each([
    ['0/60', { used: 0, limit: 60 }],
    ['12/60', { used: 12, limit: 60 }],
    [' 12 / 60 ', { used: 12, limit: 60 }],
    ['１２／６０', { used: 12, limit: 60 }],
    ['30/30字', { used: 30, limit: 30 }],
  ])('%j → %j', (text, counter) => {
    expect(parseCounter(text)).toEqual(counter);
  });

  it.each(['60', 'abc', '12/0', '/60', '12/60/3', '-1/60', ''])('%j is not a counter', (text) => {
    expect(parseCounter(text)).toBeNull();
  });
});

describe('measureTitle', () => {
  it.each([
    // title, platform, options, length, limit, roomLeft, overLimit, cutAt
    [cjk(30), 'taobao', {}, 60, 60, 0, false, null],
    [cjk(31), 'taobao', {}, 62, 60, -2, true, 30],
    [cjk(25), 'jd', {}, 50, 50, 0, false, null],
    [cjk(26), 'jd', {}, 52, 50, -2, true, 25],
    [cjk(20) + ascii(21), 'douyin', {}, 61, 60, -1, true, 40],
    [cjk(20), 'pinduoduo', { limit: 30 }, 40, 30, -10, true, 15],
    [cjk(20), 'taobao', { counter: '0/40' }, 40, 40, 0, false, null],
    [ascii(59) + '😀', 'taobao', {}, 61, 60, -1, true, 59], // never cuts a surrogate pair in half
    [ascii(58) + '😀', 'taobao', {}, 60, 60, 0, false, null],
    ['', 'taobao', {}, 0, 60, 60, false, null],
  ] as const)('%j on %s %j', (title, platform, options, length, limit, roomLeft, overLimit, cutAt) => {
    const result = measureTitle(title, { platform, ...options });
    expect(result).toMatchObject({ length, limit, roomLeft, overLimit, cutAt });
  });

  it('takes the limit from the editor counter over the setting over the default', () => {
    expect(measureTitle('a', { platform: 'taobao' })).toMatchObject({ limit: TITLE_LIMITS.taobao.limit, limitSource: 'default' });
    expect(measureTitle('a', { platform: 'taobao', limit: 40 })).toMatchObject({ limit: 40, limitSource: 'setting' });
    expect(measureTitle('a', { platform: 'taobao', limit: 40, counter: '1/50' })).toMatchObject({ limit: 50, limitSource: 'editor' });
    expect(measureTitle('a', { platform: 'taobao', limit: 40, counter: { limit: 44 } })).toMatchObject({ limit: 44, limitSource: 'editor' });
  });

  it('ignores unusable settings and counters', () => {
    for (const limit of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(measureTitle('a', { platform: 'jd', limit }).limitSource).toBe('default');
    }
    expect(measureTitle('a', { platform: 'jd', counter: 'n/a' }).limitSource).toBe('default');
  });

  it('measures in characters when the editor counter counts characters', () => {
    const title = cjk(31);
    const result = measureTitle(title, { platform: 'douyin', counter: '31/30' });
    expect(result).toMatchObject({ measure: 'chars', length: 31, limit: 30, overLimit: true, cutAt: 30 });
    // A counter that matches the unit count keeps half-width units.
    expect(measureTitle(cjk(10), { platform: 'douyin', counter: '20/60' })).toMatchObject({ measure: 'halfwidth', length: 20 });
    // A stale counter (matches neither) keeps half-width units too.
    expect(measureTitle(cjk(10), { platform: 'douyin', counter: '7/30' })).toMatchObject({ measure: 'halfwidth', length: 20, limit: 30 });
  });

  it('cuts where the limit falls, and what is kept fits', () => {
    for (const title of ['春夏新款连衣裙 women dress 显瘦', '😀😀😀😀', 'abc连衣裙def']) {
      for (const limit of [1, 2, 3, 5, 8, 13]) {
        const cut = cutIndex(title, limit);
        if (cut === null) {
          expect(halfWidthLength(title)).toBeLessThanOrEqual(limit);
        } else {
          expect(halfWidthLength(title.slice(0, cut))).toBeLessThanOrEqual(limit);
          const next = [...title.slice(cut)][0]!;
          expect(halfWidthLength(title.slice(0, cut) + next)).toBeGreaterThan(limit);
        }
      }
    }
  });

  it('has a default limit for every platform', () => {
    for (const platform of PLATFORMS) {
      expect(Number.isInteger(TITLE_LIMITS[platform].limit)).toBe(true);
      expect(TITLE_LIMITS[platform].limit).toBeGreaterThan(0);
      expect(TITLE_LIMITS[platform].source.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(TITLE_LIMITS[platform].source.en).not.toBe('');
    }
  });
});
