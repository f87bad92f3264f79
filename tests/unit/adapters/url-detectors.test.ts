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
  'https://s.taobao.com/search?q=保温杯',
  'https://list.tmall.com/search_product.htm?q=保温杯',
  'https://shop105432123.taobao.com/',
  'https://rate.taobao.com/user-rate-UvCIYMFxuMmgT.htm',
  // Help, rules and login pages.
  'https://login.taobao.com/member/login.jhtml?redirectURL=https%3A%2F%2Fitem.taobao.com%2Fitem.htm%3Fid%3D1',
  'https://login.tmall.com/?redirectURL=https%3A%2F%2Fdetail.tmall.com%2Fitem.htm%3Fid%3D1',
  'https://consumerservice.taobao.com/',
  'https://helpcenter.taobao.com/',
  'https://rule.taobao.com/detail-1.htm',
  'https://service.tmall.com/support/tmall/tmallHelp.htm',
  'https://myseller.taobao.com/home.htm',
  'https://sycm.taobao.com/custom/login.htm',
  'https://mms.pinduoduo.com/login',
  'https://help.jd.com/user/issue.html',
  'https://school.jinritemai.com/',
];

describe('addresses no adapter reads', () => {
  it.each(REJECTED)('%s', (url) => {
    const takers = ADAPTERS.filter((adapter) => adapter.matchesUrl(new URL(url)));
    expect(takers.map((adapter) => adapter.id)).toEqual([]);
  });
});
