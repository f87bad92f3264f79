import { createRequire } from 'node:module';
import { LABELLED_TITLES } from './lib/titles/labelled-titles';
import { nodeSegmenter } from './lib/titles/segment-node';
import { protectedSpans } from './lib/titles/segment';
const seg = nodeSegmenter();
const require = createRequire(import.meta.url);
const j = require('jieba-wasm');
const titles = Array.from({ length: 1000 }, (_, i) => LABELLED_TITLES[i % LABELLED_TITLES.length]!.title);
for (let r = 0; r < 3; r++) {
let t0 = performance.now();
for (const t of titles) j.cut(t, false);
console.log('raw jieba', (performance.now() - t0).toFixed(1));
t0 = performance.now();
for (const t of titles) protectedSpans(t);
console.log('protect', (performance.now() - t0).toFixed(1));
t0 = performance.now();
for (const t of titles) seg.cut(t);
console.log('seg.cut', (performance.now() - t0).toFixed(1));
}
