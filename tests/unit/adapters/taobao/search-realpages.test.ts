/**
 * The search adapter on a real s.taobao.com result list kept outside the project
 * (../shared/realpages/taobao/taobao-search-2018_g_page_config_mainsrp.json, SOURCES.md: the
 * page's `g_page_config` for 芝麻糊, 36 auctions). The file is the response body; the page had it
 * in an inline script, so the test wraps it in one. Expected values come from the JSON itself
 * (and SOURCES.md's "52.90", "7261人付款"). Skipped when that folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import { adapterForUrl } from '../../../../lib/adapters/registry';
import { taobaoSearchAdapter } from '../../../../lib/adapters/taobao/search';
import { documentFromHtml } from '../../../../lib/cli/load-document';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const FILE = join(resolve(projectRoot, '../shared/realpages'), 'taobao/taobao-search-2018_g_page_config_mainsrp.json');
const URL_TEXT = 'https://s.taobao.com/search?q=%E8%8A%9D%E9%BA%BB%E7%B3%8A&imgfile=&commend=all&ssid=s5-e&search_type=item&ie=utf8';

interface Auction {
  nid: string;
  raw_title: string;
  view_price: string;
  view_sales: string;
  nick: string;
  p4p?: number;
}

describe.skipIf(!existsSync(FILE))('s.taobao.com g_page_config (real list, 芝麻糊)', () => {
  const body = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '{}';
  const auctions = (JSON.parse(body) as { mods: { itemlist: { data: { auctions: Auction[] } } } }).mods.itemlist.data.auctions;
  // As the page had it: an assignment in an inline script, beside the page's other scripts.
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>芝麻糊_淘宝搜索</title>
    <script>var g_srp_loadCss = function () {};</script></head>
    <body><div id="main"><div class="grid-left"><div id="mainsrp-itemlist"></div></div></div>
    <script>
      g_page_config = ${body};
      g_srp_loadCss();
      g_srp_init();
    </script></body></html>`;
  const url = new URL(URL_TEXT);
  const doc = documentFromHtml(html, url);

  it('is read by the search adapter, detected from the embedded list alone', () => {
    expect(adapterForUrl(url)?.id).toBe('taobao/search');
    expect(taobaoSearchAdapter.detect(doc, url)).toBe(true);
  });

  it('reads every auction in order: rank, item id, price, sales and shop as the JSON states them', () => {
    const { results, issues } = taobaoSearchAdapter.extract(doc, url);
    expect(auctions.length).toBeGreaterThan(30);
    expect(results).toHaveLength(auctions.length);
    results!.forEach((result, index) => {
      const auction = auctions[index]!;
      expect(result.rank).toBe(index + 1);
      expect(result.itemId).toBe(auction.nid);
      expect(result.price).toEqual({ min: Number(auction.view_price), kind: 'shown' });
      expect(result.sales).toEqual({ value: Number(/^(\d+)人付款$/.exec(auction.view_sales)![1]), bound: 'exact', phrase: auction.view_sales });
      expect(result.shop).toBe(auction.nick);
      expect(result.sponsored).toBe(auction.p4p === 1 ? true : undefined);
      // Highlight markup (<span class=H>) never reaches the title.
      expect(result.title).not.toMatch(/[<>]/);
    });
    expect(issues).toEqual([]);
  });

  it('pins the first results against SOURCES.md (52.90, 7261人付款) and the paid placement', () => {
    const { results } = taobaoSearchAdapter.extract(doc, url);
    expect(results![0]).toMatchObject({ rank: 1, itemId: '10609596736', price: { min: 52.9, kind: 'shown' }, sales: { value: 7261, bound: 'exact' }, sponsored: true });
    expect(results![1]).toMatchObject({ rank: 2, itemId: '538596687562', price: { min: 59.9 }, sales: { value: 16199 }, shop: '南方黑芝麻旗舰店' });
    expect(results![1]!.sponsored).toBeUndefined();
    expect(results![1]!.title).toBe('南方黑芝麻糊原味720g*2袋 黑芝麻糊营养早餐冲饮冲调芝麻糊包邮');
    // The paid item is also an organic result further down: both kept, each at its own rank.
    expect(results!.filter((result) => result.itemId === '10609596736').map((result) => [result.rank, result.sponsored ?? false])).toEqual([
      [1, true],
      [3, false],
    ]);
  });

  it('gives a capture the schema accepts', () => {
    const capture = captureFrom(taobaoSearchAdapter, doc, url, new Date('2026-11-22T00:00:00Z'));
    expect(captureSchema.safeParse(capture).success).toBe(true);
  });

  it('does not use the list for another query (the page searched again in place)', () => {
    const other = new URL('https://s.taobao.com/search?q=%E4%BF%9D%E6%B8%A9%E6%9D%AF');
    const { results, issues } = taobaoSearchAdapter.extract(documentFromHtml(html, other), other);
    expect(results).toEqual([]);
    expect(issues[0]).toEqual({ field: 'results', problem: 'embedded list is for "芝麻糊", not "保温杯": not used' });
  });
});
