/**
 * The 市场 产品排行 adapter on the real rendered 生意参谋 page kept outside the project
 * (../shared/realpages/sycm/sycm-2017-06-22_market-product-rank_rendered.html), against the 10
 * rows SOURCES-2.md §A1 lists. The rows are other shops' products: no item id, no entity, no
 * figure for the operator's shop; 交易指数 is an index, never yuan. Skipped when that folder is
 * absent, e.g. on a fresh clone.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import { adapterForUrl } from '../../../../lib/adapters/registry';
import { sycmMarketRankAdapter } from '../../../../lib/adapters/taobao/sycm-market-rank';
import { entityOf, observationsOf, rowEntitiesOf } from '../../../../lib/db/store';
import { loadHtmlFile } from '../../../../lib/cli/load-document';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const RANK_PAGE = join(resolve(projectRoot, '../shared/realpages'), 'sycm/sycm-2017-06-22_market-product-rank_rendered.html');
const RANK_URL = 'https://sycm.taobao.com/mq/industry/product/rank.htm?cateId=50023720&dateType=recent1';

/** SOURCES-2.md §A1: 排名 | 产品 (as shown, row 8 and 10 cut short in the UI) | 交易指数 | 支付件数. */
const EXPECTED: Array<[number, string, number, number]> = [
  [1, '汇仁+肾宝片 0.7g*126片*1瓶/盒', 111712, 1000],
  [2, '东阿阿胶+复方阿胶浆 20ml*48支/盒', 57195, 355],
  [3, '康王+复方酮康唑发用洗剂 100ml*1瓶/盒', 51920, 2284],
  [4, '艾丽+0.12g*21粒/盒 奥利司他胶囊', 51186, 555],
  [5, 'CALTRATE/钙尔奇+0.6g*60片/盒 碳酸钙D3片', 50834, 1302],
  [6, '同溢堂+112丸*3瓶/盒 益安宁丸', 50165, 126],
  [7, '陈李济+舒筋健腰丸 45g*10瓶/盒', 49766, 101],
  [8, '优思明+21片/盒 优思明 Yasmin 屈螺酮', 47110, 603],
  [9, '东阿阿胶+阿胶 250g/盒（铁盒）', 42041, 78],
  [10, 'CENTRUM/善存+100片*1瓶/盒 善存 多维元素片（2', 41826, 597],
];

describe.skipIf(!existsSync(RANK_PAGE))('生意参谋 产品排行 (real rendered page) → taobao/sycm-market-rank', () => {
  it('is the page this adapter reads, and it is detected', async () => {
    const { doc, url } = await loadHtmlFile(RANK_PAGE, RANK_URL);
    expect(adapterForUrl(url)?.id).toBe('taobao/sycm-market-rank');
    expect(sycmMarketRankAdapter.detect(doc, url)).toBe(true);
  });

  it('reads the 10 rows of SOURCES-2.md §A1: rank, product, 交易指数 (index), 支付件数 (count)', async () => {
    const { doc, url } = await loadHtmlFile(RANK_PAGE, RANK_URL);
    const { items, issues, metrics, period } = sycmMarketRankAdapter.extract(doc, url);
    expect(items).toHaveLength(EXPECTED.length);
    items!.forEach((item, index) => {
      const [rank, product, tradeIndex, units] = EXPECTED[index]!;
      expect(item.rank).toBe(rank);
      expect(item.title!.startsWith(product), `${item.title} starts with ${product}`).toBe(true);
      expect(item.metrics).toEqual([
        { metric: 'tradeIndex', label: '交易指数', value: tradeIndex, unit: 'index', bound: 'exact' },
        { metric: 'units', label: '支付件数', value: units, unit: 'count', bound: 'exact' },
      ]);
      expect(item.itemId).toBeUndefined();
    });
    // The UI cut row 8 short (`屈螺酮...`); the cell's title attribute has the whole name.
    expect(items![7]!.title).toBe('优思明+21片/盒 优思明 Yasmin 屈螺酮炔雌醇片');
    expect(metrics).toEqual([]);
    expect(issues).toEqual([]);
    expect(period).toEqual({ label: '最近1天', start: '2017-06-22', end: '2017-06-22' });
  });

  it('never reads anything as money', async () => {
    const { doc, url } = await loadHtmlFile(RANK_PAGE, RANK_URL);
    const { items } = sycmMarketRankAdapter.extract(doc, url);
    expect(items!.flatMap((item) => item.metrics).filter((metric) => metric.unit === 'yuan')).toEqual([]);
  });

  it('stores no row as an item, and no figure on the operator’s shop', async () => {
    const { doc, url } = await loadHtmlFile(RANK_PAGE, RANK_URL);
    const capture = captureFrom(sycmMarketRankAdapter, doc, url, new Date('2026-11-22T00:00:00Z'));
    expect(captureSchema.safeParse(capture).success).toBe(true);
    expect(capture.shop).toEqual({ name: '健客大药房旗舰店' });
    expect(rowEntitiesOf(capture)).toEqual([]);
    expect(observationsOf(capture, 'c1', entityOf(capture)!.key)).toEqual([]);
  });
});
