/**
 * The finder and the 生意参谋 dashboard adapter on a real rendered 生意参谋 page kept outside the
 * project (../shared/realpages/sycm, see SOURCES-2.md A1): 市场行情 › 产品排行, 2017-06-22.
 * Its 交易指数 column is a relative index, not yuan: nothing on it may be read as money.
 * Skipped when that folder is absent, e.g. on a fresh clone.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findMetrics, readTableRows } from '../../../../lib/capture/finder';
import { readPeriod } from '../../../../lib/capture/period';
import { visibleText } from '../../../../lib/capture/text';
import { sycmHomeAdapter } from '../../../../lib/adapters/taobao/sycm-home';
import { adapterForUrl } from '../../../../lib/adapters/registry';
import { loadHtmlFile } from '../../../../lib/cli/load-document';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const realpages = resolve(projectRoot, '../shared/realpages');
const RANK_PAGE = join(realpages, 'sycm/sycm-2017-06-22_market-product-rank_rendered.html');
const RANK_URL = 'https://sycm.taobao.com/mq/industry/product/rank.htm?cateId=50023720&dateType=recent1';

describe.skipIf(!existsSync(RANK_PAGE))('生意参谋 产品排行 (real rendered page)', () => {
  it('is a market page: the dashboard adapter does not claim its address', async () => {
    const { url } = await loadHtmlFile(RANK_PAGE, RANK_URL);
    expect(sycmHomeAdapter.matchesUrl(url)).toBe(false);
    expect(adapterForUrl(url)?.id).not.toBe('taobao/sycm-home');
  });

  it('reads no shop figure, and nothing as money, from the whole page', async () => {
    const { doc } = await loadHtmlFile(RANK_PAGE, RANK_URL);
    const found = findMetrics(doc.body, 'taobao');
    // The page is a per-product ranking: no shop-level figure, and above all no yuan.
    expect(found.metrics.filter((m) => m.unit === 'yuan')).toEqual([]);
    expect(found.metrics).toEqual([]);
    // Run as if it were a dashboard, the adapter finds no data section and says so.
    const extracted = sycmHomeAdapter.extract(doc, new URL(RANK_URL));
    expect(extracted.metrics).toEqual([]);
    expect(sycmHomeAdapter.detect(doc, new URL(RANK_URL))).toBe(false);
  });

  it('reads the ranking rows with 交易指数 as an index and 支付件数 as a count', async () => {
    const { doc } = await loadHtmlFile(RANK_PAGE, RANK_URL);
    const tables = readTableRows(doc.body, 'taobao');
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table!.headers).toEqual(['排名', '产品名称', '交易指数', '支付件数', '操作']);
    expect(table!.rows).toHaveLength(10);
    const readings = table!.rows.flatMap((row) => row.metrics);
    expect(readings.some((m) => m.unit === 'yuan')).toBe(false);
    expect(new Set(readings.map((m) => `${m.metric}:${m.unit}`))).toEqual(new Set(['tradeIndex:index', 'units:count']));
    // SOURCES-2.md A1: rank, 交易指数, 支付件数 as shown on the page.
    const expected: Array<[string, number, number]> = [
      ['1', 111712, 1000],
      ['2', 57195, 355],
      ['3', 51920, 2284],
      ['4', 51186, 555],
      ['5', 50834, 1302],
      ['6', 50165, 126],
      ['7', 49766, 101],
      ['8', 47110, 603],
      ['9', 42041, 78],
      ['10', 41826, 597],
    ];
    expect(
      table!.rows.map((row) => [
        row.cells['排名'],
        row.metrics.find((m) => m.metric === 'tradeIndex')?.value,
        row.metrics.find((m) => m.metric === 'units')?.value,
      ]),
    ).toEqual(expected);
    expect(table!.rows[0]!.cells['产品名称']).toBe('汇仁+肾宝片 0.7g*126片*1瓶/盒');
    expect(table!.rows.flatMap((row) => row.issues)).toEqual([]);
  });

  it('reads the date picker period', async () => {
    const { doc } = await loadHtmlFile(RANK_PAGE, RANK_URL);
    const picker = Array.from(doc.querySelectorAll('span')).find((el) => visibleText(el).startsWith('最近1天（'));
    expect(picker).toBeDefined();
    expect(readPeriod(visibleText(picker!))).toEqual({ label: '最近1天', start: '2017-06-22', end: '2017-06-22' });
  });
});
