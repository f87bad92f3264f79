import { suggestKeywords } from './lib/titles/suggest';
import { nodeSegmenter } from './lib/titles/segment-node';
const seg = nodeSegmenter();
const competitors = [
  { title: '冰丝阔腿裤女夏季薄款高腰垂感直筒休闲裤', sales: 12000 },
  { title: '阔腿裤女夏季冰丝薄款垂感宽松直筒拖地裤', sales: 8000 },
  { title: '高腰阔腿裤女夏季薄款冰丝垂感显瘦休闲裤', sales: 5000 },
  { title: '雪纺阔腿裤女夏季高腰垂感宽松裤子', sales: 300 },
  { title: '阔腿裤女夏季薄款棉麻宽松九分裤', sales: 200 },
  { title: '西装裤女夏季高腰垂感阔腿裤直筒', sales: 150 },
  { title: '阔腿裤女夏薄款冰丝裤宽松休闲', sales: 90 },
  { title: '运动裤女夏季薄款宽松阔腿裤', sales: 40 },
];
const t0 = performance.now();
const r = suggestKeywords('夏季阔腿裤女 顶级 新款 百搭 网红', competitors, seg, { platform: 'taobao' });
console.log('ms', performance.now() - t0);
console.log(r.keywords.slice(0, 12).map((k) => `${k.keyword}:${k.score}:${k.titles}:${k.bestSellers}:${k.strong ? 'S' : ''}:${k.flags.join(',')}`).join('\n'));
console.log('covered', r.covered.map((k) => k.keyword));
console.log('missing', r.missing.map((k) => k.keyword + ' ' + k.usedBy.length));
console.log('weak', r.weak.map((w) => w.word + ' ' + w.reason.en));
console.log(JSON.stringify(r.rewrites, null, 1));
