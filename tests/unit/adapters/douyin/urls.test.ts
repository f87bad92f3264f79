/** Douyin URL detectors both ways, one detector per page kind (lib/adapters/douyin/urls.ts). */
import { describe, expect, it } from 'vitest';
import {
  haohuoProductId,
  isCompassHomeUrl,
  isCompassLiveUrl,
  isCompassProductListUrl,
  isFxgEditorUrl,
  isFxgHomeUrl,
  isFxgProductListUrl,
  isQianchuanReportUrl,
} from '../../../../lib/adapters/douyin/urls';
import { adapterForUrl } from '../../../../lib/adapters/registry';
import { douyinAdapters } from '../../../../lib/adapters/douyin';

const DETECTORS = {
  fxgHome: isFxgHomeUrl,
  fxgEditor: isFxgEditorUrl,
  fxgProductList: isFxgProductListUrl,
  compassHome: isCompassHomeUrl,
  compassLive: isCompassLiveUrl,
  compassProductList: isCompassProductListUrl,
  qianchuan: isQianchuanReportUrl,
  haohuo: (url: URL) => haohuoProductId(url) !== undefined,
} as const;

const ACCEPTED: ReadonlyArray<[keyof typeof DETECTORS, string]> = [
  ['fxgHome', 'https://fxg.jinritemai.com/ffa/mshop/homepage/index'],
  ['fxgHome', 'https://FXG.jinritemai.com/ffa/mshop/homepage/index?channel=zhaoshang#/'],
  ['fxgHome', 'http://fxg.jinritemai.com:5173/ffa/mshop/homepage/index'],
  ['fxgEditor', 'https://fxg.jinritemai.com/ffa/g/create'],
  ['fxgEditor', 'https://fxg.jinritemai.com/ffa/g/create?product_id=80001'],
  ['fxgEditor', 'https://fxg.jinritemai.com/ffa/g/edit?product_id=80001'],
  ['fxgEditor', 'https://fxg.jinritemai.com/ffa/mshop/goods/create'],
  ['fxgProductList', 'https://fxg.jinritemai.com/ffa/g/list'],
  ['fxgProductList', 'https://fxg.jinritemai.com/ffa/g/list/?tab=onsale'],
  ['compassHome', 'https://compass.jinritemai.com/shop'],
  ['compassHome', 'https://compass.jinritemai.com/shop/?date_type=1'],
  ['compassLive', 'https://compass.jinritemai.com/shop/live-overview?from_page=%2Fshop'],
  ['compassLive', 'https://compass.jinritemai.com/shop/live-detail?live_room_id=7412345678901234567'],
  ['compassProductList', 'https://compass.jinritemai.com/shop/commodity/product-list'],
  ['qianchuan', 'https://qianchuan.jinritemai.com/dataV2/bidding/site-promotion?aavid=1&tabs=live'],
  ['qianchuan', 'https://qianchuan.jinritemai.com/uni-promover/all?aavid=1'],
  ['qianchuan', 'https://qianchuan.jinritemai.com/uni-prom/detail?aavid=1'],
  ['qianchuan', 'https://qianchuan.jinritemai.com/brand_bid/promotion/standard?aavid=1'],
  ['haohuo', 'https://haohuo.jinritemai.com/views/product/item2?id=3718502021305860341'],
  ['haohuo', 'https://haohuo.jinritemai.com/views/product/detail?id=3624312858713682681'],
  ['haohuo', 'https://haohuo.jinritemai.com/ecommerce/trade/detail/index.html?id=3624312858713682681&origin_type=open_platform'],
];

const REJECTED_BY_ALL = [
  'https://fxg.jinritemai.com/',
  'https://fxg.jinritemai.com/login/common',
  'https://fxg.jinritemai.com/ffa/mshop/homepage/index/extra',
  'https://fxg.jinritemai.com/ffa/g/spu-record',
  'https://compass.jinritemai.com/',
  'https://compass.jinritemai.com/shop/live-list',
  'https://compass.jinritemai.com/shop/product-detail?product_id=1',
  'https://compass.jinritemai.com/shops',
  'https://qianchuan.jinritemai.com/',
  'https://qianchuan.jinritemai.com/login',
  'https://qianchuan.jinritemai.com/dataV2/',
  'https://qianchuan.jinritemai.com/ad/api/data/v1/report',
  'https://haohuo.jinritemai.com/views/product/item2?id=12',
  'https://haohuo.jinritemai.com/views/product/item2?id=3718502021305860341x',
  'https://haohuo.jinritemai.com/views/search?keyword=茶',
  'ftp://fxg.jinritemai.com/ffa/mshop/homepage/index',
  'https://fxg.jinritemai.com.evil.example/ffa/mshop/homepage/index',
  'https://evil.example/ffa/mshop/homepage/index?u=fxg.jinritemai.com',
];

describe('douyin URL detectors', () => {
  it.each(ACCEPTED)('%s accepts %s, and no other detector does', (name, address) => {
    const url = new URL(address);
    expect(DETECTORS[name](url)).toBe(true);
    const others = Object.entries(DETECTORS).filter(([other, detect]) => other !== name && detect(url));
    expect(others.map(([other]) => other)).toEqual([]);
  });

  it.each(REJECTED_BY_ALL)('no detector accepts %s', (address) => {
    const url = new URL(address);
    expect(Object.entries(DETECTORS).filter(([, detect]) => detect(url)).map(([name]) => name)).toEqual([]);
  });

  it('reads the product id from haohuo addresses', () => {
    expect(haohuoProductId(new URL('https://haohuo.jinritemai.com/views/product/item2?id=3718502021305860341&origin_type=604'))).toBe(
      '3718502021305860341',
    );
  });

  it('registers every Douyin adapter and routes its sample URLs to it', () => {
    expect(douyinAdapters.map((adapter) => adapter.id).sort()).toEqual([
      'douyin/compass-home',
      'douyin/compass-live',
      'douyin/editor',
      'douyin/fxg-home',
      'douyin/item-report',
      'douyin/listing',
      'douyin/qianchuan-report',
    ]);
    for (const adapter of douyinAdapters) {
      expect(adapter.platform).toBe('douyin');
      for (const sample of adapter.sampleUrls) expect(adapterForUrl(new URL(sample))?.id).toBe(adapter.id);
    }
  });
});
