/**
 * jieba-wasm in Chromium: dictionary load (wasm compile + the e-commerce user dictionary), then
 * segmenting and scoring 1,000 competitor titles (suggestKeywords); beside it, the quality
 * yardstick: Intl.Segmenter('zh') on the same titles, its speed, and both segmenters' agreement
 * with the labelled domain words.
 */
import { intlSegment, jiebaSegment, wordAgreement } from '../../../lib/titles/compare';
import { LABELLED_TITLES } from '../../../lib/titles/labelled-titles';
import { loadWebSegmenter } from '../../../lib/titles/segment-web';
import { suggestKeywords, type CompetitorTitle } from '../../../lib/titles/suggest';

function competitorTitles(count: number): CompetitorTitle[] {
  return Array.from({ length: count }, (_, i) => {
    const base = LABELLED_TITLES[i % LABELLED_TITLES.length]!.title;
    return { title: i < LABELLED_TITLES.length ? base : `${base} ${2020 + (i % 7)}新款`, sales: 10_000 - i * 7, rank: i + 1 };
  });
}

async function measure(wasmUrl: string, runs: number) {
  const loadStart = performance.now();
  const segmenter = await loadWebSegmenter({ wasm: wasmUrl });
  const load = performance.now() - loadStart;
  const titles = competitorTitles(1000);
  const operator = '夏季新款碎花连衣裙女中长款';
  const jieba: number[] = [];
  const intl: number[] = [];
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    suggestKeywords(operator, titles, segmenter, { platform: 'taobao' });
    jieba.push(performance.now() - start);
    start = performance.now();
    for (const t of titles) intlSegment(t.title);
    intl.push(performance.now() - start);
  }
  return {
    load,
    jieba,
    intl,
    agreement: { jieba: wordAgreement(jiebaSegment(segmenter)).score, intl: wordAgreement(intlSegment).score },
  };
}

(globalThis as unknown as { __shoplensTitlesProbe: unknown }).__shoplensTitlesProbe = { measure };
