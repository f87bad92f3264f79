/** JD URL detectors, each against its own addresses and the other JD page kinds'. */
import { describe, expect, it } from 'vitest';
import {
  isJdJztReportUrl,
  isJdSearchUrl,
  isJdSzDashboardUrl,
  isJdSzItemReportUrl,
  jdItemSku,
} from '../../../../lib/adapters/jd/urls';
import { jdAdapters } from '../../../../lib/adapters/jd';
import { adapterForUrl } from '../../../../lib/adapters/registry';

const u = (text: string) => new URL(text);

describe('jdItemSku', () => {
  it.each([
    ['https://item.jd.com/100066896338.html', '100066896338'],
    ['https://item.jd.com/100066896338.html?bbtf=1#crumb-wrap', '100066896338'],
    ['http://ITEM.jd.com:8080/1.html', '1'],
    ['https://item.jd.com/abc.html', undefined],
    ['https://item.jd.com/100066896338.htm', undefined],
    ['https://item.jd.com/100066896338', undefined],
    ['https://item.jd.com/product/100066896338.html', undefined],
    ['https://item.m.jd.com/product/100066896338.html', undefined],
    ['https://item.jd.com.evil.example/100066896338.html', undefined],
    ['ftp://item.jd.com/100066896338.html', undefined],
    ['https://item.jd.com/123456789012345678901.html', undefined],
  ])('%s → %s', (url, sku) => {
    expect(jdItemSku(u(url))).toBe(sku);
  });
});

describe('isJdSearchUrl', () => {
  it.each([
    ['https://search.jd.com/Search?keyword=%E6%89%8B%E6%9C%BA&enc=utf-8', true],
    ['https://search.jd.com/search?keyword=kettle', true],
    ['http://search.jd.com:3000/Search?keyword=a&page=3&s=56', true],
    ['https://search.jd.com/Search?keyword=', false],
    ['https://search.jd.com/Search?keyword=%20', false],
    ['https://search.jd.com/Search?q=kettle', false],
    ['https://search.jd.com/s_new.php?keyword=kettle', false],
    ['https://list.jd.com/list.html?cat=9987,653,655', false],
  ])('%s → %s', (url, expected) => {
    expect(isJdSearchUrl(u(url))).toBe(expected);
  });
});

describe('商智 and 京准通 detectors', () => {
  it.each([
    ['https://jdsz.jd.com/szweb/view/index/home.html', 'dashboard'],
    ['https://sz.jd.com/szweb/view/index/home.html', 'dashboard'],
    ['https://jdsz.jd.com/szweb/view/tradeAnalysis/tradeSummary.html?date=2026-11-21', 'dashboard'],
    ['https://sz.jd.com/sz/view/dealAnalysis/dealSummarys.html', 'dashboard'],
    ['https://jdsz.jd.com/szweb/view/product/productDetail.html', 'item-report'],
    ['http://sz.jd.com:9000/szweb/view/product/productDetail.html', 'item-report'],
    ['https://jzt.jd.com/report/index.html#/rtb/basic', 'jzt'],
    ['https://jzt.jd.com/report/index.html/#/overview/page', 'jzt'],
    ['https://jdsz.jd.com/szweb/view/product/product360.html', undefined],
    ['https://jdsz.jd.com/szweb/view/flow/flow-summary.html', undefined],
    ['https://jdsz.jd.com/', undefined],
    ['https://jzt.jd.com/home', undefined],
    ['https://cxjzt.jd.com/report/index.html', undefined],
    ['https://jdsz.jd.com.evil.example/szweb/view/index/home.html', undefined],
  ])('%s → %s', (url, kind) => {
    const found = [
      isJdSzDashboardUrl(u(url)) ? 'dashboard' : undefined,
      isJdSzItemReportUrl(u(url)) ? 'item-report' : undefined,
      isJdJztReportUrl(u(url)) ? 'jzt' : undefined,
    ].filter(Boolean);
    expect(found).toEqual(kind ? [kind] : []);
  });
});

describe('JD adapters', () => {
  it('are registered, each the adapter for its own sample URLs', () => {
    for (const adapter of jdAdapters) {
      expect(adapter.platform).toBe('jd');
      expect(adapter.id.startsWith('jd/')).toBe(true);
      for (const url of adapter.sampleUrls) expect(adapterForUrl(u(url))?.id, url).toBe(adapter.id);
    }
  });

  it('declare host patterns that accept their sample URLs', async () => {
    const { matchesAnyPattern } = await import('../../../../lib/adapters/match-pattern');
    for (const adapter of jdAdapters) for (const url of adapter.sampleUrls) expect(matchesAnyPattern(adapter.hosts, url), url).toBe(true);
  });
});
