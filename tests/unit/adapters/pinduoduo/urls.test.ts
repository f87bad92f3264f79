/** The Pinduoduo URL detectors, one table per page kind, both ways. */
import { describe, expect, it } from 'vitest';
import {
  isPddGoodsEditorUrl,
  isPddGoodsEffectUrl,
  isPddMmsDashboardUrl,
  isPddYingxiaoReportUrl,
  pddGoodsId,
  pddSearchKey,
} from '../../../../lib/adapters/pinduoduo/urls';
import { adapterForUrl } from '../../../../lib/adapters/registry';
import { pinduoduoAdapters } from '../../../../lib/adapters/pinduoduo';

describe('goods pages', () => {
  it.each([
    ['https://mobile.yangkeduo.com/goods.html?goods_id=672673135904', '672673135904'],
    ['https://mobile.yangkeduo.com/goods1.html?goods_id=985864719369&page_from=23', '985864719369'],
    ['https://mobile.yangkeduo.com/goods2.html?_oak=1&goods_id=1', '1'],
    ['http://MOBILE.yangkeduo.com:8443/goods.html?goods_id=42', '42'],
    ['https://mobile.yangkeduo.com/goods.html?goods_id=', undefined],
    ['https://mobile.yangkeduo.com/goods.html?goods_id=12a', undefined],
    ['https://mobile.yangkeduo.com/goods3.html?goods_id=1', undefined],
    ['https://mobile.yangkeduo.com/goods.html/x?goods_id=1', undefined],
    ['https://mobile.yangkeduo.com.evil.example/goods.html?goods_id=1', undefined],
    ['ftp://mobile.yangkeduo.com/goods.html?goods_id=1', undefined],
  ])('%s → %s', (url, id) => {
    expect(pddGoodsId(new URL(url))).toBe(id);
  });
});

describe('search pages', () => {
  it.each([
    ['https://mobile.yangkeduo.com/search_result.html?search_key=%E7%89%99%E5%88%B7', '牙刷'],
    ['https://mobile.yangkeduo.com/search_result.html?search_key=%20a%20', 'a'],
    ['https://mobile.yangkeduo.com/search_result.html?search_key=%20', undefined],
    ['https://mobile.yangkeduo.com/search_result.html', undefined],
    ['https://mobile.yangkeduo.com/search.html?search_key=a', undefined],
  ])('%s → %s', (url, key) => {
    expect(pddSearchKey(new URL(url))).toBe(key);
  });
});

describe('backend pages', () => {
  it.each([
    [isPddMmsDashboardUrl, 'https://mms.pinduoduo.com/sycm/stores_data/operation?dateFlag=5&day=2026-11-21', true],
    [isPddMmsDashboardUrl, 'https://mms.pinduoduo.com/sycm/search_data/plate/', true],
    [isPddMmsDashboardUrl, 'https://mms.pinduoduo.com/home', true],
    [isPddMmsDashboardUrl, 'https://mms.pinduoduo.com/home/', true],
    [isPddMmsDashboardUrl, 'https://mms.pinduoduo.com/sycm/goods_effect', false],
    [isPddMmsDashboardUrl, 'https://mms.pinduoduo.com/homepage', false],
    [isPddMmsDashboardUrl, 'https://yingxiao.pinduoduo.com/home', false],
    [isPddGoodsEffectUrl, 'https://mms.pinduoduo.com/sycm/goods_effect?msfrom=mms_sidenav', true],
    [isPddGoodsEffectUrl, 'https://mms.pinduoduo.com/sycm/goods_effect/detail', false],
    [isPddYingxiaoReportUrl, 'https://yingxiao.pinduoduo.com/goods/report/promotion/overView?beginDate=2026-04-25&endDate=2026-04-25', true],
    [isPddYingxiaoReportUrl, 'https://yingxiao.pinduoduo.com/goods/report/', false],
    [isPddYingxiaoReportUrl, 'https://yingxiao.pinduoduo.com/goods/promotion/list', false],
    [isPddYingxiaoReportUrl, 'https://mms.pinduoduo.com/goods/report/promotion/overView', false],
    [isPddGoodsEditorUrl, 'https://mms.pinduoduo.com/goods/goods_add/index?type=add', true],
    [isPddGoodsEditorUrl, 'https://mms.pinduoduo.com/goods/goods_add', true],
    [isPddGoodsEditorUrl, 'https://mms.pinduoduo.com/goods/goods_detail?goods_id=930005554830', true],
    [isPddGoodsEditorUrl, 'https://mms.pinduoduo.com/goods/goods_detail?goods_id=x', false],
    [isPddGoodsEditorUrl, 'https://mms.pinduoduo.com/goods/goods_addition', false],
    [isPddGoodsEditorUrl, 'https://mms.pinduoduo.com/goods/goods_list', false],
  ] as const)('%o %s → %s', (detector, url, expected) => {
    expect(detector(new URL(url))).toBe(expected);
  });
});

describe('registration', () => {
  it('registers every Pinduoduo adapter, each the one picked for its own sample URLs', () => {
    expect(pinduoduoAdapters.map((adapter) => adapter.id)).toEqual([
      'pinduoduo/listing',
      'pinduoduo/search',
      'pinduoduo/mms-dashboard',
      'pinduoduo/goods-effect',
      'pinduoduo/yingxiao-report',
      'pinduoduo/goods-editor',
    ]);
    for (const adapter of pinduoduoAdapters) {
      expect(adapter.platform).toBe('pinduoduo');
      for (const url of adapter.sampleUrls) expect(adapterForUrl(new URL(url))?.id).toBe(adapter.id);
    }
  });
});
