import { describe, expect, it } from 'vitest';
import { auditTitle } from '../../../lib/titles/audit';
import { measureTitle } from '../../../lib/titles/length';
import { nodeSegmenter } from '../../../lib/titles/segment-node';
import { SCORING, suggestKeywords, titleWeights, type CompetitorTitle } from '../../../lib/titles/suggest';

const segmenter = nodeSegmenter();

// Wide-leg trousers: the best sellers use 冰丝, 垂感 and 薄款; every title has 阔腿裤; only the
// weakest sellers use 显瘦 and 雪纺; 李宁 is another brand.
const corpus: CompetitorTitle[] = [
  { title: '冰丝阔腿裤女夏季薄款高腰垂感直筒休闲裤', sales: 12000, rank: 1 },
  { title: '阔腿裤女夏季冰丝薄款垂感宽松直筒拖地裤', sales: 8000, rank: 2 },
  { title: '高腰阔腿裤女夏季薄款冰丝垂感宽松休闲裤', sales: 5000, rank: 3 },
  { title: '李宁运动阔腿裤女夏季宽松直筒', sales: 900, rank: 4 },
  { title: '雪纺阔腿裤女夏季高腰宽松显瘦裤子', sales: 300, rank: 5 },
  { title: '阔腿裤女夏季棉麻宽松九分裤显瘦', sales: 200, rank: 6 },
  { title: '西装裤女夏季高腰阔腿裤直筒显瘦', sales: 150, rank: 7 },
  { title: '阔腿裤女夏季宽松休闲裤雪纺', sales: 90, rank: 8 },
];
const operatorTitle = '夏季阔腿裤女 顶级 百搭 网红款';

const report = suggestKeywords(operatorTitle, corpus, segmenter, { platform: 'taobao', brands: ['李宁'] });
const keyword = (word: string) => report.keywords.find((k) => k.keyword === word);

describe('titleWeights', () => {
  it('weighs every title the same without figures', () => {
    expect(titleWeights([{ title: 'a' }, { title: 'b' }])).toEqual({ weights: [1, 1], weighted: false });
  });

  it.each([
    [[{ title: 'a', sales: 10 }, { title: 'b', sales: 10000 }], 'b'],
    [[{ title: 'a', rank: 1 }, { title: 'b', rank: 20 }], 'a'],
    [[{ title: 'a', sales: 500, rank: 1 }, { title: 'b', sales: 500, rank: 3 }], 'a'],
  ])('the heavier of %j is %s', (competitors, heavier) => {
    const { weights, weighted } = titleWeights(competitors);
    expect(weighted).toBe(true);
    expect(weights[heavier === 'a' ? 0 : 1]!).toBeGreaterThan(weights[heavier === 'a' ? 1 : 0]!);
  });

  it('gives an unknown figure the median of the known ones, not zero', () => {
    const { weights } = titleWeights([{ title: 'a', sales: 10 }, { title: 'b', sales: 1000 }, { title: 'c', sales: 100000 }, { title: 'd' }]);
    expect(weights[3]).toBe(weights[1]);
  });
});

describe('keyword scores', () => {
  it('ranks best sellers’ words the operator lacks high, with a bonus', () => {
    for (const word of ['冰丝', '垂感', '薄款']) {
      expect(keyword(word)).toMatchObject({ strong: true, inYourTitle: false, bestSellers: 2 });
      expect(keyword(word)!.flags).toContain('missingFromYours');
    }
    expect(report.keywords[0]!.score).toBe(100);
    expect(keyword('冰丝')!.score).toBeGreaterThan(keyword('宽松')!.score);
  });

  it('penalises a word in nearly every title, and one no best seller uses', () => {
    expect(keyword('阔腿裤')!.flags).toContain('ubiquitous');
    expect(keyword('显瘦')!.flags).toContain('absentFromBest');
    expect(keyword('显瘦')!.strong).toBe(false);
    // 显瘦 is in more titles than 冰丝 but only in weak ones.
    expect(keyword('显瘦')!.titles).toBeGreaterThan(keyword('冰丝')!.titles - 1);
    expect(keyword('显瘦')!.score).toBeLessThan(keyword('冰丝')!.score);
  });

  it('never suggests a brand or a risky word', () => {
    expect(keyword('李宁')).toBeUndefined();
    const risky = suggestKeywords('连衣裙', [{ title: '顶级连衣裙女' }, { title: '顶级连衣裙夏' }], segmenter, { platform: 'taobao' });
    expect(risky.keywords.map((k) => k.keyword)).not.toContain('顶级');
  });

  it('explains each score in both languages', () => {
    expect(keyword('冰丝')!.reason.zh).toContain('3/8');
    expect(keyword('冰丝')!.reason.en).toContain('3 of 8');
  });

  it('is sorted by score, then titles, then text, and deterministic', () => {
    for (let i = 1; i < report.keywords.length; i++) {
      const a = report.keywords[i - 1]!;
      const b = report.keywords[i]!;
      expect(a.score > b.score || (a.score === b.score && a.titles >= b.titles)).toBe(true);
    }
    expect(suggestKeywords(operatorTitle, corpus, segmenter, { platform: 'taobao', brands: ['李宁'] })).toEqual(report);
  });

  it('does not depend on the order competitors are given in', () => {
    const reversed = suggestKeywords(operatorTitle, [...corpus].reverse(), segmenter, { platform: 'taobao', brands: ['李宁'] });
    expect(reversed.keywords.map((k) => [k.keyword, k.score])).toEqual(report.keywords.map((k) => [k.keyword, k.score]));
  });
});

describe('the operator’s title', () => {
  it('lists covered and missing strong words, with the competitors using them best first', () => {
    expect(report.covered.map((k) => k.keyword)).toEqual(expect.arrayContaining(['夏季', '阔腿裤']));
    const ice = report.missing.find((k) => k.keyword === '冰丝')!;
    expect(ice.usedBy).toEqual([corpus[0]!.title, corpus[1]!.title, corpus[2]!.title]);
    for (const missing of report.missing) {
      expect(missing.strong).toBe(true);
      expect(missing.usedBy.length).toBeLessThanOrEqual(SCORING.usedByLimit);
      expect(operatorTitle).not.toContain(missing.keyword);
    }
  });

  it.each([
    ['顶级', 'Risky word'],
    ['百搭', 'No competitor'],
  ])('lists %s as weak (%s)', (word, reason) => {
    const weak = report.weak.find((w) => w.word === word);
    expect(weak?.reason.en).toContain(reason);
    expect(weak?.reason.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('never lists the product word or the operator’s brand as weak', () => {
    const own = suggestKeywords('南极人阔腿裤女 复古', corpus, segmenter, { platform: 'taobao', ownBrands: ['南极人'] });
    expect(own.weak.map((w) => w.word)).toEqual(['复古']);
  });
});

describe('rewrites', () => {
  const check = (title: string, options: { limit?: number } = {}) => {
    const result = suggestKeywords(title, corpus, segmenter, { platform: 'taobao', brands: ['李宁'], ...options });
    return result;
  };

  it.each([
    [operatorTitle, {}],
    ['夏季阔腿裤女 顶级 百搭 网红款', { limit: 36 }],
    ['阔腿裤女夏季冰丝薄款高腰垂感直筒休闲裤宽松显瘦九分裤子', {}], // already long
    ['全网最低价 阔腿裤 李宁同款 😀', {}], // errors to remove
  ])('for %s %j: at most three, each fits, passes the audit and differs from the original', (title, options) => {
    const result = check(title, options);
    expect(result.rewrites.length).toBeGreaterThan(0);
    expect(result.rewrites.length).toBeLessThanOrEqual(SCORING.maxRewrites);
    const seen = new Set<string>();
    for (const rewrite of result.rewrites) {
      const length = measureTitle(rewrite.title, { platform: 'taobao', ...options });
      expect(length.overLimit).toBe(false);
      expect(rewrite.length).toBe(length.length);
      const audit = auditTitle(rewrite.title, { platform: 'taobao', brands: ['李宁'], ...options });
      expect(audit.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(rewrite.title).not.toBe(title);
      expect(seen.has(rewrite.title)).toBe(false);
      seen.add(rewrite.title);
      for (const added of rewrite.added) expect(rewrite.title).toContain(added);
      expect(rewrite.note.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('adds missing strong words and removes forbidden ones', () => {
    const [first] = report.rewrites;
    expect(first!.added).toEqual(expect.arrayContaining(['冰丝']));
    expect(first!.removed).toContain('顶级');
    expect(first!.title).not.toContain('顶级');
    // The weak-word variant also drops 百搭.
    expect(report.rewrites.some((r) => r.removed.includes('百搭') && !r.title.includes('百搭'))).toBe(true);
  });

  it('keeps the operator’s separator style', () => {
    expect(report.rewrites[0]!.title).toMatch(/ 冰丝/);
    const compact = suggestKeywords('夏季阔腿裤女百搭', corpus, segmenter, { platform: 'taobao' });
    expect(compact.rewrites[0]!.title).not.toMatch(/ /);
  });

  it('has nothing to rewrite for an empty title and nothing to suggest without competitors', () => {
    expect(suggestKeywords('', corpus, segmenter, { platform: 'taobao' }).rewrites).toEqual([]);
    const none = suggestKeywords('阔腿裤女', [], segmenter, { platform: 'taobao' });
    expect(none).toMatchObject({ keywords: [], covered: [], missing: [], competitorCount: 0, weighted: false });
  });
});
