/**
 * Taobao item pages read from the DOM: which price is the main one (fuzz finding on
 * taobao/listing-taobao-dom). A labelled price (价格, then 促销价) beats an unlabelled one, which
 * may be a price whose label did not render (a member price without its 会员价); a price shown
 * unreadable in the winning place leaves the price missing, never another one promoted.
 */
import { describe, expect, it } from 'vitest';
import { captureFrom } from '../../../../lib/adapters/run';
import { taobaoListingAdapter } from '../../../../lib/adapters/taobao/listing';
import { documentFromHtml } from '../../../../lib/cli/load-document';

const URL_ = new URL('https://item.taobao.com/item.htm?id=712345678901');

function read(lines: string) {
  const html = `<html><head><title>北欧陶瓷马克杯-淘宝网</title></head><body><h1>北欧陶瓷马克杯</h1><ul>${lines}</ul><div>月销 3000+</div></body></html>`;
  const capture = captureFrom(taobaoListingAdapter, documentFromHtml(html, URL_), URL_, new Date('2026-11-22T00:00:00Z'));
  return { price: capture.listing?.price, problem: capture.issues.find((issue) => issue.field === 'listing.price')?.problem };
}

const line = (label: string, amount: string, tag = 'li') => `<${tag}>${label ? `<span>${label}</span> ` : ''}<span>¥</span><span>${amount}</span></${tag}>`;

describe('the main price of a DOM-read item page', () => {
  it.each([
    ['促销价 beside a struck 价格', line('价格', '59.00', 'del') + line('促销价', '39.90'), { min: 39.9, kind: 'promotion', label: '促销价' }],
    ['促销价 beside an unlabelled price (a member price whose 会员价 is gone)', line('促销价', '39.90') + line('', '36.90'), { min: 39.9, kind: 'promotion', label: '促销价' }],
    ['价格 (labelled plain) beside an unlabelled price', line('价格', '59.00') + line('', '36.90'), { min: 59, kind: 'shown', label: '价格' }],
    ['an unlabelled price beside a coupon price', line('', '129.00') + line('券后', '99.00'), { min: 129, kind: 'shown' }],
    ['促销价 unreadable beside an unlabelled price: none', line('促销价', '3x.90') + line('', '36.90'), undefined],
    ['促销价 unreadable beside an unstruck list price: none', line('促销价', '39.口0') + line('优惠前', '59.00'), undefined],
    ['two different 促销价', line('促销价', '39.90') + line('促销价', '35.90'), undefined],
  ])('%s', (_case, lines, expected) => {
    const read_ = read(lines);
    expect(read_.price).toEqual(expected);
    if (expected === undefined) expect(read_.problem).toBeDefined();
  });
});

describe('another item’s card is never this item', () => {
  it('takes no title from a heading inside a link to another item, with or without its 猜你喜欢 heading', () => {
    const card = '<ul><li><a href="https://detail.tmall.com/item.htm?id=756600000001"><h1>蓝牙耳机 降噪</h1><span>￥</span><span>199</span><span>月销 2万+</span></a></li></ul>';
    const url = new URL('https://detail.tmall.com/item.htm?id=756677889900');
    for (const heading of ['<h3>猜你喜欢</h3>', '']) {
      const html = `<html><head><title>天猫tmall.com--理想生活上天猫</title></head><body><p>加载中…</p><div class="recommend">${heading}${card}</div></body></html>`;
      const capture = captureFrom(taobaoListingAdapter, documentFromHtml(html, url), url, new Date('2026-11-22T00:00:00Z'));
      expect(capture.listing).toBeNull();
      expect(taobaoListingAdapter.detect(documentFromHtml(html, url), url)).toBe(false);
    }
  });
});

