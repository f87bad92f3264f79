import { wordAgreement, intlSegment, jiebaSegment, boundaryAgreement } from './lib/titles/compare';
import { nodeSegmenter } from './lib/titles/segment-node';
import { LABELLED_TITLES } from './lib/titles/labelled-titles';
const j = jiebaSegment(nodeSegmenter());
const a = wordAgreement(j), b = wordAgreement(intlSegment);
console.log('jieba', a.score, a.found, a.total, 'intl', b.score, b.found, b.total, 'boundary', boundaryAgreement(j, intlSegment));
// timing 1000 titles
const titles = Array.from({ length: 1000 }, (_, i) => LABELLED_TITLES[i % LABELLED_TITLES.length]!.title);
const seg = nodeSegmenter();
let t0 = performance.now();
for (const t of titles) seg.cut(t);
console.log('1000 titles cut ms', (performance.now() - t0).toFixed(1));
