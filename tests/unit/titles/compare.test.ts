import { describe, expect, it } from 'vitest';
import { boundaryAgreement, intlSegment, jiebaSegment, wordAgreement } from '../../../lib/titles/compare';
import type { LabelledTitle } from '../../../lib/titles/labelled-titles';
import { nodeSegmenter } from '../../../lib/titles/segment-node';

const set: LabelledTitle[] = [
  { category: 'clothing', title: '韩版连衣裙女', words: ['韩版', '连衣裙'] },
  { category: 'home', title: '保温杯大容量', words: ['保温杯', '大容量'] },
];

describe('wordAgreement', () => {
  it('counts labelled words that come out whole', () => {
    const fake = (text: string) => (text === '韩版连衣裙女' ? ['韩版', '连衣', '裙', '女'] : ['保温杯', '大容量']);
    const result = wordAgreement(fake, set);
    expect(result).toMatchObject({ found: 3, total: 4, score: 0.75 });
    expect(result.byCategory).toEqual({ clothing: { found: 1, total: 2 }, home: { found: 2, total: 2 } });
    expect(result.missed.map((m) => m.word)).toEqual(['连衣裙']);
  });

  it('is 0 for single characters and 1 for a perfect segmentation', () => {
    expect(wordAgreement((text) => [...text], set).score).toBe(0);
    expect(wordAgreement(jiebaSegment(nodeSegmenter()), set).score).toBe(1);
  });
});

describe('intlSegment and boundaryAgreement', () => {
  it('Intl.Segmenter pieces cover the text', () => {
    for (const text of ['韩版中长款连衣裙', '快充充电线 iPhone15', '']) expect(intlSegment(text).join('')).toBe(text);
  });

  it('is 1 for identical segmentations and 0 for disjoint cuts', () => {
    const texts = ['abcd'];
    expect(boundaryAgreement((t) => [...t], (t) => [...t], texts)).toBe(1);
    expect(boundaryAgreement(() => ['ab', 'cd'], () => ['a', 'bcd'], texts)).toBe(0);
    expect(boundaryAgreement(() => ['ab', 'cd'], () => ['a', 'b', 'cd'], texts)).toBeCloseTo(2 / 3);
  });
});
