/**
 * The listing adapter on real Tmall captures kept outside the project (../shared/realpages,
 * see its SOURCES.md). Skipped when that folder is absent, e.g. on a fresh clone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { adapterForUrl } from '../../../../lib/adapters/registry';
import { captureFrom } from '../../../../lib/adapters/run';
import { documentFromHtml, loadHtmlFile } from '../../../../lib/cli/load-document';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const realpages = resolve(projectRoot, '../shared/realpages');
const at = new Date('2026-11-22T00:00:00.000Z');

function capture(doc: Document, url: URL) {
  const adapter = adapterForUrl(url);
  expect(adapter?.id).toBe('taobao/listing');
  expect(adapter!.detect(doc, url)).toBe(true);
  const result = captureFrom(adapter!, doc, url, at);
  expect(captureSchema.safeParse(result).success).toBe(true);
  return result;
}

describe.skipIf(!existsSync(realpages))('taobao/listing on real Tmall pages', () => {
  it('tmall_617129397971_ice_min.html: title, id, 29.9–34.9 before discounts, stock', async () => {
    const url = 'https://detail.tmall.com/item.htm?id=617129397971';
    const page = await loadHtmlFile(join(realpages, 'tmall/tmall_617129397971_ice_min.html'), url);
    const { listing, issues } = capture(page.doc, page.url);
    expect(listing?.itemId).toBe('617129397971');
    expect(listing?.title).toBe(
      '随行盾(SPORTLINK)适用于苹果手表充电支架applewatch7/9底座S8无线iwatch新款Ultra2手表架Airpods耳机架',
    );
    // priceText 29.9 起 (priceMoney 2990 fen) and SKUs at 29.9 and 34.9; titled 优惠前.
    expect(listing?.price).toEqual({ min: 29.9, max: 34.9, kind: 'list', label: '优惠前' });
    expect(listing?.otherPrices).toBeUndefined();
    expect(listing?.stock).toEqual({ text: '有货', quantity: 200 });
    // The minimised page has no seller block, sales or reviews: reported, not invented.
    expect(listing?.shop).toBeUndefined();
    // Scorecard fields: item.images (3 URLs), skuBase.skus (10), SKU prices 5 × 29.9 and
    // 5 × 34.9 (median 32.4), the summary entry's logisticsTime.
    expect(listing?.images).toEqual({ count: 3 });
    expect(listing?.skuCount).toBe(10);
    expect(listing?.skuPriceMedian).toBe(32.4);
    expect(listing?.shipping).toBe('预计11小时内发货｜承诺48小时内发货');
    // No attribute block and no return terms on the minimised page: reported, not invented.
    expect(issues.map((issue) => issue.field).sort()).toEqual(
      ['listing.attributesFilled', 'listing.returns', 'listing.reviews', 'listing.sales', 'listing.scores', 'listing.shop'].sort(),
    );
  });

  it('tmall_1064346880857_ice.json (bare res, wrapped in a page): 优惠前 vs 平台加补后, 限购 stock', () => {
    const res = JSON.parse(readFileSync(join(realpages, 'tmall/tmall_1064346880857_ice.json'), 'utf8'));
    // Same structure as the fixtures: the res object inside loaderData.home.data.
    const context = { loaderData: { home: { data: { res } } }, routePath: '/home', renderMode: 'SSR' };
    const html = `<html><head><script>window.__ICE_APP_CONTEXT__ = ${JSON.stringify(context)};</script></head><body></body></html>`;
    const url = new URL('https://detail.tmall.com/item.htm?id=1064346880857');
    const { listing, issues } = capture(documentFromHtml(html, url), url);
    expect(listing?.title).toBe('卫生间厕纸盒厕所纸抽盒湿厕纸卷纸卫生巾姨妈巾抽屉收纳置物架');
    // SKUs: 175.5 / 186.7 / 175.5 before discounts; 143.5 / 152.7 after the platform subsidy.
    expect(listing?.price).toEqual({ min: 175.5, max: 186.7, kind: 'list', label: '优惠前' });
    expect(listing?.otherPrices).toEqual([{ min: 143.5, max: 152.7, kind: 'subsidised', label: '平台加补后' }]);
    // quantity 200 with moreQuantity "true" is a display cap, not the stock.
    expect(listing?.stock).toEqual({ text: '有货(限购10件)' });
    expect(issues).toContainEqual({ field: 'listing.stock', problem: expect.stringContaining('display cap') });
    // Five images, three SKUs priced 175.5 / 186.7 / 175.5 before discounts (median 175.5).
    expect(listing?.images).toEqual({ count: 5 });
    expect(listing?.skuCount).toBe(3);
    expect(listing?.skuPriceMedian).toBe(175.5);
    expect(listing?.shipping).toBe('预计21小时内发货｜承诺48小时内发货');
  });
});
