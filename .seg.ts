import { LABELLED_TITLES } from './lib/titles/labelled-titles';
import { nodeSegmenter } from './lib/titles/segment-node';
const seg = nodeSegmenter();
let bad = 0, missing = 0, total = 0;
for (const t of LABELLED_TITLES) {
  const toks = seg.cut(t.title).map((p) => p.text);
  const miss = t.words.filter((w) => !toks.some((x) => x.toLowerCase() === w.toLowerCase()));
  total += t.words.length; missing += miss.length;
  if (miss.length) { bad++; console.log(miss.join(','), ' <= ', toks.join('/')); }
}
console.log(bad, 'titles with misses;', missing, 'of', total);
