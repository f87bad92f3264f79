/**
 * The PDD search adapter, one rule per case: cards found by structure, the card's one price,
 * sales that count the shop, sponsored flags, goods ids only when sure. The whole page is pinned by
 * tests/fixtures/pinduoduo/search-*.html.
 */
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import { pddSearchAdapter } from '../../../../lib/adapters/pinduoduo/search';

const URL_ = new URL('https://mobile.yangkeduo.com/search_result.html?search_key=%E7%89%99%E5%88%B7');

function page(body: string, head = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

/** A card shaped like the real one: image, title block, price block with split spans. */
function card(title: string, price: string, extra = '', href = ''): string {
  const inner = `<div class="img"><img src="x.jpg">${extra.includes('广告') ? extra : ''}</div>
    <div class="info"><div class="t">${title}</div><div class="p"><div class="pp">${price}</div>${extra.includes('广告') ? '' : extra}</div></div>`;
  return `<div class="c">${href ? `<a href="${href}">${inner}</a>` : inner}</div>`;
}

function extract(doc: Document) {
  const capture = captureFrom(pddSearchAdapter, doc, URL_, new Date('2026-11-22T00:00:00Z'));
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

describe('pinduoduo/search', () => {
  it('reads cards in page order with their price, sales and flags', () => {
    const capture = extract(
      page(
        `<div class="list">
          ${card('倍洁软毛牙刷成人家用护龈深层清洁家庭装10支', '<span>券后</span><span>¥</span><span>4</span><span>.92</span>', '<div><span>疯抢136.4万支</span></div>')}
          ${card('电动牙刷成人充电式 声波自动美白 情侣款', '<span>¥</span><span>39</span><span>.9</span><del>¥89</del>', '<span>广告</span>')}
          ${card('竹炭细毛牙刷 小头软毛 学生宿舍用 6支装', '<span>¥9.9</span>', '<span>已拼10万+件</span>', '/goods.html?goods_id=701234567802&page_from=23')}
        </div>`,
      ),
    );
    expect(capture.results).toEqual([
      {
        rank: 1,
        title: '倍洁软毛牙刷成人家用护龈深层清洁家庭装10支',
        price: { min: 4.92, kind: 'coupon', label: '券后' },
        sales: { value: 1364000, bound: 'exact', phrase: '疯抢136.4万支' },
      },
      { rank: 2, title: '电动牙刷成人充电式 声波自动美白 情侣款', price: { min: 39.9, kind: 'shown' }, sponsored: true },
      {
        rank: 3,
        title: '竹炭细毛牙刷 小头软毛 学生宿舍用 6支装',
        price: { min: 9.9, kind: 'shown' },
        itemId: '701234567802',
        sales: { value: 100000, bound: 'atLeast', phrase: '已拼10万+件' },
      },
    ]);
    expect(capture.issues).toEqual([]);
  });

  it('gives no price when a card shows two different buyable prices', () => {
    const capture = extract(page(`<div>${card('儿童牙刷 3-12岁 卡通软毛 乳牙护理', '<span>¥5.9</span><p>x</p><span>券后¥4.9</span>')}${card('另一个很长的商品标题 测试用 两个卡片', '¥3')}</div>`));
    expect(capture.results?.[0]?.price).toBeNull();
    expect(capture.issues).toContainEqual({ field: 'results[1].price', problem: expect.stringContaining('several prices') });
    expect(capture.results?.[1]?.price).toEqual({ min: 3, kind: 'shown' });
  });

  it("does not take the shop's sales (本店已拼) or repeat buyers (回头客) for the card's sales", () => {
    const capture = extract(page(`<div>${card('儿童牙刷 3-12岁 卡通软毛 乳牙护理', '¥5.9', '<span>本店已拼12万+件</span><span>1万+回头客</span>')}</div>`));
    expect(capture.results?.[0]?.sales).toBeUndefined();
    expect(capture.issues).toEqual([{ field: 'results[1].sales', problem: expect.stringContaining("shop's sales") }]);
  });

  it('takes a goods id from the embedded list only for a title listed once', () => {
    const head = `<script>window.rawData=${JSON.stringify({
      stores: { store: { data: { ssrListData: { list: [
        { goodsID: 11, goodsName: '儿童牙刷 3-12岁 卡通软毛 乳牙护理' },
        { goodsID: 22, goodsName: '电动牙刷成人充电式 声波自动美白 情侣款' },
        { goodsID: 23, goodsName: '电动牙刷成人充电式 声波自动美白 情侣款' },
      ] } } } },
    })};</script>`;
    const capture = extract(page(`<div>${card('儿童牙刷 3-12岁 卡通软毛 乳牙护理', '¥5.9')}${card('电动牙刷成人充电式 声波自动美白 情侣款', '¥39.9')}</div>`, head));
    expect(capture.results?.map((result) => result.itemId)).toEqual(['11', undefined]);
  });

  it('leaves out cards in a 为你推荐 section and cards whose title is too short to be told from a tag', () => {
    const capture = extract(
      page(`<div>${card('儿童牙刷 3-12岁 卡通软毛 乳牙护理', '¥5.9')}${card('短标题', '¥1')}</div>
        <div><div>为你推荐</div>${card('牙膏 美白去黄 清新口气 大容量家庭装', '¥12.8')}</div>`),
    );
    expect(capture.results?.map((result) => [result.rank, result.title])).toEqual([[1, '儿童牙刷 3-12岁 卡通软毛 乳牙护理']]);
    expect(capture.issues).toEqual([{ field: 'results', problem: expect.stringContaining('1 price in no readable card') }]);
  });

  it('detects a page with cards, not a page of placeholders', () => {
    expect(pddSearchAdapter.detect(page(`<div>${card('儿童牙刷 3-12岁 卡通软毛 乳牙护理', '¥5.9')}</div>`), URL_)).toBe(true);
    expect(pddSearchAdapter.detect(page('<div class="c"><div class="t"></div><span>¥</span></div>'), URL_)).toBe(false);
  });
});
