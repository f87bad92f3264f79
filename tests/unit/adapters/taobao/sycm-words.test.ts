/** Lint for the 生意参谋 word lists and the comparison/peer words: sorted, unique, no overlaps. */
import { describe, expect, it } from 'vitest';
import { BASIS_WORDS, PEER_LABELS, matchWordAt } from '../../../../lib/capture/comparison-words';
import { metricForLabel } from '../../../../lib/metrics';
import {
  SYCM_DATA_SECTION_TITLES,
  SYCM_PERIOD_PREFIXES,
  SYCM_PROMOTION_CALLS,
  SYCM_REALTIME_SECTION_TITLES,
  SYCM_SHOP_BADGES,
} from '../../../../lib/adapters/taobao/sycm-words';

const LISTS = {
  BASIS_WORDS,
  PEER_LABELS,
  SYCM_DATA_SECTION_TITLES,
  SYCM_PERIOD_PREFIXES,
  SYCM_PROMOTION_CALLS,
  SYCM_REALTIME_SECTION_TITLES,
} as const;

describe('word lists', () => {
  it.each(Object.entries(LISTS))('%s is sorted, unique and trimmed', (_name, list) => {
    expect([...list].sort()).toEqual([...list]);
    expect(new Set(list).size).toBe(list.length);
    for (const word of list) expect(word).toBe(word.trim());
  });

  it('keeps comparison words, peer words and metric labels apart', () => {
    for (const word of BASIS_WORDS) expect(PEER_LABELS).not.toContain(word);
    for (const word of [...BASIS_WORDS, ...PEER_LABELS]) {
      for (const platform of ['taobao', 'pinduoduo', 'douyin', 'jd'] as const) expect(metricForLabel(platform, word)).toBeUndefined();
    }
  });

  it('matches the longest word first', () => {
    expect(matchWordAt('同行同层平均 2,100')).toEqual({ kind: 'peer', word: '同行同层平均' });
    expect(matchWordAt('同行标杆值9')).toEqual({ kind: 'peer', word: '同行标杆值' });
    expect(matchWordAt('较昨日同时段 +5%')).toEqual({ kind: 'basis', word: '较昨日同时段' });
    expect(matchWordAt('x较前一日', 1)).toEqual({ kind: 'basis', word: '较前一日' });
    expect(matchWordAt('访客数')).toBeNull();
  });

  it('keeps data and realtime section titles apart, and none of them is a metric label', () => {
    for (const title of SYCM_REALTIME_SECTION_TITLES) expect(SYCM_DATA_SECTION_TITLES).not.toContain(title);
    for (const title of [...SYCM_DATA_SECTION_TITLES, ...SYCM_REALTIME_SECTION_TITLES]) {
      expect(metricForLabel('taobao', title)).toBeUndefined();
    }
  });

  it('lists shop badges that are short and not shop names', () => {
    for (const badge of SYCM_SHOP_BADGES) expect(badge).toMatch(/^.店$/);
  });
});
