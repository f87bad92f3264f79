import { createRequire } from 'node:module';
import { LABELLED_TITLES } from './lib/titles/labelled-titles';
import { dictionaryWords, createSegmenter } from './lib/titles/segment';
const require = createRequire(import.meta.url);
const freq = process.argv[2] === 'auto' ? undefined : Number(process.argv[2]);
const j = require('jieba-wasm');
const api = { cut: j.cut, add_word: (w: string) => { const f = j.add_word(w); if (freq && f < freq) j.add_word(w, freq); return f; } };
const seg = createSegmenter(api);
let bad = 0, missing = 0, total = 0;
for (const t of LABELLED_TITLES) {
  const toks = seg.cut(t.title).map((p) => p.text);
  const miss = t.words.filter((w) => !toks.some((x) => x.toLowerCase() === w.toLowerCase()));
  total += t.words.length; missing += miss.length;
  if (miss.length) { bad++; if (process.argv[3]) console.log(miss.join(','), ' <= ', toks.join('/')); }
}
console.log(process.argv[2], bad, 'titles with misses;', missing, 'of', total);
