/**
 * URL detectors both ways: each adapter accepts its own sample URLs and every other adapter
 * rejects them; and addresses no adapter may take (look-alike hosts, help and login pages).
 */
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../lib/adapters/registry';

const pairs = ADAPTERS.flatMap((adapter) => adapter.sampleUrls.map((url) => [adapter.id, url] as const));

describe('sample URLs', () => {
  it.each(ADAPTERS.map((adapter) => [adapter.id, adapter.sampleUrls.length]))('%s has sample URLs', (_id, count) => {
    expect(count).toBeGreaterThan(0);
  });

  it.each(pairs)('%s accepts %s', (id, url) => {
    const adapter = ADAPTERS.find((candidate) => candidate.id === id)!;
    expect(adapter.matchesUrl(new URL(url))).toBe(true);
  });

  it.each(pairs)('%s: %s is rejected by every other adapter', (id, url) => {
    const others = ADAPTERS.filter((adapter) => adapter.id !== id && adapter.matchesUrl(new URL(url)));
    expect(others.map((adapter) => adapter.id)).toEqual([]);
  });
});

/** Pages on or near the marketplaces that are not pages any adapter reads. */
const REJECTED = [
  // Look-alike hosts and paths.
  'https://evil.example/sycm.taobao.com/item.htm?id=1',
  'https://item.taobao.com.evil.example/item.htm?id=1',
  'https://detail.tmall.com.evil.example/item.htm?id=1',
  'https://evil.example/item.htm?id=1&url=https://item.taobao.com/item.htm?id=1',
  'https://evilitem.taobao.com/item.htm?id=1',
  'https://item.taobao.com@evil.example/item.htm?id=1',
  // Not web pages.
  'file:///home/user/item.taobao.com/item.htm?id=1',
  'ftp://item.taobao.com/item.htm?id=1',
  // Marketplace pages that are not item pages.
  'https://item.taobao.com/',
  'https://item.taobao.com/item.htm',
  'https://item.taobao.com/item.htm?id=',
  'https://item.taobao.com/item.htm?id=abc',
  'https://item.taobao.com/item.htm?itemId=617129397971',
  'https://item.taobao.com/other.htm?id=617129397971',
  'https://item.taobao.com/item.htm/../rate.htm?id=617129397971',
  'https://detail.tmall.com/',
  'https://detail.tmall.com/item_o.htm?id=617129397971',
  'https://www.taobao.com/',
  'https://www.tmall.com/',
  'https://s.taobao.com/',
  'https://s.taobao.com/search',
  'https://s.taobao.com/search?q=',
  'https://s.taobao.com/list?q=保温杯',
  'https://shopsearch.taobao.com/search?q=保温杯',
  'https://s.taobao.com.evil.example/search?q=保温杯',
  'https://list.tmall.com/search_product.htm?q=保温杯',
  'https://shop105432123.taobao.com/',
  'https://rate.taobao.com/user-rate-UvCIYMFxuMmgT.htm',
  // The publish host's other pages: category picker, item list, look-alikes.
  'https://item.upload.taobao.com/sell/ai/category.htm',
  'https://item.upload.taobao.com/sell/merge/category.htm',
  'https://item.upload.taobao.com/',
  'https://item.upload.taobao.com.evil.example/sell/v2/publish.htm?catId=1',
  'https://evil.example/item.upload.taobao.com/sell/v2/publish.htm',
  // Help, rules and login pages.
  'https://login.taobao.com/member/login.jhtml?redirectURL=https%3A%2F%2Fitem.taobao.com%2Fitem.htm%3Fid%3D1',
  'https://login.tmall.com/?redirectURL=https%3A%2F%2Fdetail.tmall.com%2Fitem.htm%3Fid%3D1',
  'https://consumerservice.taobao.com/',
  'https://helpcenter.taobao.com/',
  'https://rule.taobao.com/detail-1.htm',
  'https://service.tmall.com/support/tmall/tmallHelp.htm',
  'https://myseller.taobao.com/home.htm',
  'https://sycm.taobao.com/custom/login.htm',
  // 生意参谋 pages no Taobao adapter reads (商品360 without an item, other 市场 pages).
  'https://sycm.taobao.com/cc/item_archives',
  'https://sycm.taobao.com/cc/item_archives?itemId=abc',
  'https://sycm.taobao.com/cc/item_rank_other',
  'https://sycm.taobao.com/mq/industry/product/detail.htm',
  'https://sycm.taobao.com/mq/industry/brand/rank.htm',
  // Ad consoles: login, account, download lists, look-alikes.
  'https://one.alimama.com/index.html#!/login/index',
  'https://one.alimama.com/index.html#!/account/detail',
  'https://one.alimama.com/index.html#!/report/download-list',
  'https://one.alimama.com/index.html',
  'https://one.alimama.com/report/query.json',
  'https://subway.simba.taobao.com/#!/report/bpreport/download',
  'https://subway.simba.taobao.com/',
  'https://one.alimama.com.evil.example/index.html#!/report/whole',
  'https://click.simba.taobao.com/cc_im?p=1',
  'https://mms.pinduoduo.com/login',
  'https://help.jd.com/user/issue.html',
  'https://school.jinritemai.com/',
  // Douyin pages no adapter reads (login, other 罗盘 / 抖店 / 千川 pages, look-alikes).
  'https://fxg.jinritemai.com/login/common?channel=zhaoshang',
  'https://fxg.jinritemai.com/ffa/mshop/homepage',
  'https://fxg.jinritemai.com/ffa/morder/order/list',
  'https://fxg.jinritemai.com/ffa/g/material/talent-quiz',
  'https://compass.jinritemai.com/login',
  'https://compass.jinritemai.com/shop/core-users',
  'https://compass.jinritemai.com/shop/live-list',
  'https://compass.jinritemai.com/shop/chance/rank-product',
  'https://compass.jinritemai.com/compass_api/shop/common/homepage/core_index?date_type=1',
  'https://compass.jinritemai.com/shopping',
  'https://qianchuan.jinritemai.com/login',
  'https://qianchuan.jinritemai.com/openapi/qc/audit/oauth.html?app_id=1',
  'https://qianchuan.jinritemai.com/creative/material/video?material_id=1',
  'https://qianchuan.jinritemai.com/dataV2/',
  'https://haohuo.jinritemai.com/views/product/item2?id=abc',
  'https://haohuo.jinritemai.com/views/product/item2',
  'https://haohuo.jinritemai.com/views/shop/index?id=98765432',
  'https://fxg.jinritemai.com.evil.example/ffa/mshop/homepage/index',
  'https://evil.example/compass.jinritemai.com/shop',
  // Pinduoduo pages no adapter reads (other H5, 商家后台 and 多多推广 pages, look-alikes).
  'https://mobile.yangkeduo.com/',
  'https://mobile.yangkeduo.com/goods.html',
  'https://mobile.yangkeduo.com/goods.html?goods_id=abc',
  'https://mobile.yangkeduo.com/goods3.html?goods_id=672673135904',
  'https://mobile.yangkeduo.com/mall_page.html?mall_id=98765432',
  'https://mobile.yangkeduo.com/search_result.html',
  'https://mobile.yangkeduo.com/search_result.html?search_key=',
  'https://mobile.yangkeduo.com/login.html?from=https%3A%2F%2Fmobile.yangkeduo.com%2Fgoods.html%3Fgoods_id%3D1',
  'https://mobile.pinduoduo.com/goods.html?goods_id=672673135904',
  'https://mms.pinduoduo.com/',
  'https://mms.pinduoduo.com/sycm/goods_quality/pilot_mall',
  'https://mms.pinduoduo.com/sycm/stores_data/operation/extra',
  'https://mms.pinduoduo.com/goods/goods_list?msfrom=mms_sidenav',
  'https://mms.pinduoduo.com/goods/goods_detail',
  'https://mms.pinduoduo.com/goods/goods_return_detail?id=123',
  'https://mms.pinduoduo.com/sydney/api/goodsDataShow/queryGoodsDetailVOList',
  'https://yingxiao.pinduoduo.com/goods/promotion/list',
  'https://yingxiao.pinduoduo.com/mms-gateway/apollo/api/report/queryEntityReport',
  'https://mms.pinduoduo.com.evil.example/sycm/goods_effect',
  'https://evil.example/mobile.yangkeduo.com/goods.html?goods_id=1',
  // JD pages no adapter reads (other 商智 / 京准通 pages, mobile and global sites, look-alikes).
  'https://item.jd.com/',
  'https://item.jd.com/abc.html',
  'https://item.jd.com/100066896338.htm',
  'https://item.jd.com/product/100066896338.html',
  'https://item.m.jd.com/product/100066896338.html',
  'https://npcitem.jd.hk/100066896338.html',
  'https://item.jd.com.evil.example/100066896338.html',
  'https://evil.example/item.jd.com/100066896338.html',
  'https://search.jd.com/Search',
  'https://search.jd.com/Search?keyword=',
  'https://search.jd.com/s_new.php?keyword=%E6%89%8B%E6%9C%BA&page=2',
  'https://list.jd.com/list.html?cat=9987,653,655',
  'https://mall.jd.com/index-1000000127.html',
  'https://club.jd.com/comment/productCommentSummaries.action?referenceIds=100066896338',
  'https://p.3.cn/prices/mgets?skuIds=J_100066896338',
  'https://jdsz.jd.com/',
  'https://jdsz.jd.com/szweb/view/flow/flow-summary.html',
  'https://jdsz.jd.com/szweb/view/product/product360.html',
  'https://jdsz.jd.com/szweb/view/industry/industrySummary.html',
  'https://sz.jd.com/sz/api/viewflow/getCoreIndexData.ajax?cmpType=0&date=2026-11-21',
  'https://szgateway.jd.com/api/lowcode/productDetail/table/productTable.ajax',
  'https://jdsz.jd.com.evil.example/szweb/view/index/home.html',
  'https://jzt.jd.com/home',
  'https://jzt.jd.com/msa/#/list/tab/plan?objective=overview',
  'https://jzt.jd.com/custom-report/#/industry/market',
  'https://cxjzt.jd.com/msa/#/list/tab/plan?objective=overview',
  'https://wares-jdm.jd.com/ware/wareList?activeTab=OnsaleWare&businessModel=0',
  'https://shop.jd.com/jdm/home',
  'https://passport.shop.jd.com/login/index.action/jdm',
];

describe('addresses no adapter reads', () => {
  it.each(REJECTED)('%s', (url) => {
    const takers = ADAPTERS.filter((adapter) => adapter.matchesUrl(new URL(url)));
    expect(takers.map((adapter) => adapter.id)).toEqual([]);
  });
});
