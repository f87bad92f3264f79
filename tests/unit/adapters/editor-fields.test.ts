/**
 * The editors' shared field reading (lib/adapters/editor-fields.ts), through all three editor
 * adapters: a label's form item is the nearest block holding a control and never a block holding
 * another field's label, so a title whose control has not rendered is reported missing, never
 * read from the next field (the fuzz finding on douyin/editor-sku-table: 商品类目 taken as title).
 */
import { describe, expect, it } from 'vitest';
import { fxgEditorAdapter } from '../../../lib/adapters/douyin/editor';
import { holdsOtherLabel } from '../../../lib/adapters/editor-fields';
import { pddGoodsEditorAdapter } from '../../../lib/adapters/pinduoduo/goods-editor';
import { taobaoEditorAdapter } from '../../../lib/adapters/taobao/editor';
import type { PageAdapter } from '../../../lib/adapters/types';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

type Labels = { title: string; category: string };
type Layout = [string, (labels: Labels, title: string) => string];

/** Layouts of one form section: `title` is the title's control (empty: not rendered). */
const LAYOUTS: readonly Layout[] = [
  [
    'ant-design items with <label>',
    (l, title) =>
      `<section><div>基础信息</div><div class="item"><div class="item-label"><label>${l.category}</label></div><div class="item-control"><input readonly value="茶/花草茶"></div></div>` +
      `<div class="item"><div class="item-label"><label>${l.title}：</label></div>${title ? `<div class="item-control">${title}</div>` : ''}</div></section>`,
  ],
  [
    'classless rows, title after the selling point',
    (l, title) =>
      `<div><div><div><span>*</span><span>${l.title}</span></div><div>${title}</div></div>` +
      `<div><div><span>${l.category}</span></div><div><input value="女装/连衣裙"></div></div><div><div><span>卖点</span></div><div><textarea>轻薄透气</textarea><span>4/150</span></div></div></div>`,
  ],
  [
    'a table layout',
    (l, title) =>
      `<table><tbody><tr><th><label>${l.category}：</label></th><td><input value="家居日用"></td></tr>` +
      `<tr><th><label>${l.title}：</label></th><td>${title}</td></tr></tbody></table>`,
  ],
];

// 抖店 forms have no table layout (its tables are the SKU table, read by column).
const FORM_LAYOUTS = LAYOUTS.filter(([name]) => name !== 'a table layout');
const EDITORS: ReadonlyArray<[string, PageAdapter, URL, Labels, readonly Layout[]]> = [
  ['douyin', fxgEditorAdapter, new URL('https://fxg.jinritemai.com/ffa/g/create'), { title: '商品标题', category: '商品类目' }, FORM_LAYOUTS],
  ['taobao', taobaoEditorAdapter, new URL('https://item.upload.taobao.com/sell/v2/publish.htm?catId=1'), { title: '宝贝标题', category: '宝贝类目' }, LAYOUTS],
  ['pinduoduo', pddGoodsEditorAdapter, new URL('https://mms.pinduoduo.com/goods/goods_add/index?type=add'), { title: '商品标题', category: '商品类目' }, LAYOUTS],
];

describe.each(EDITORS)('%s editor', (_platform, adapter, url, labels, layouts) => {
  it.each(layouts)('reads the title in its own item (%s)', (_layout, build) => {
    const doc = page(build(labels, '<input value="青禾 茉莉花茶 罐装礼盒"><span>22/60</span>'));
    const editor = adapter.extract(doc, url).editor;
    expect(editor?.title).toBe('青禾 茉莉花茶 罐装礼盒');
    expect(editor?.counter).toEqual({ length: 22, limit: 60 });
  });

  it.each(layouts)('reports the title missing when its control has not rendered, never another field’s value (%s)', (_layout, build) => {
    const doc = page(build(labels, ''));
    const result = adapter.extract(doc, url);
    expect(result.editor).toBeNull();
    expect(result.issues).toEqual([{ field: 'editor.title', problem: expect.stringContaining('no ') }]);
    expect(adapter.detect(doc, url)).toBe(false);
  });
});

describe('holdsOtherLabel', () => {
  it.each([
    ['another field’s <label>', '<div id="n"><div><label id="l">商品标题</label></div><div><label>商品类目</label><input></div></div>', [], true],
    ['a radio option’s label wraps its input: not a field label', '<div id="n"><label id="l">商品标题</label><label><input type="radio">包邮</label><input></div>', [], false],
    ['a sibling shaped like the label’s column', '<div id="n"><div class="lab"><span id="l">标题</span></div><div class="lab"><span>卖点</span></div></div>', [], true],
    ['only the label and its control', '<div id="n"><div class="lab"><span id="l">标题</span></div><div class="ctl"><input></div></div>', [], false],
    ['a known field label given by the adapter', '<div id="n"><span id="l">标题</span><div><span id="o">类目</span><input></div></div>', ['o'], true],
  ])('%s → %s', (_case, html, others, expected) => {
    const doc = page(html);
    const node = doc.getElementById('n')!;
    expect(holdsOtherLabel(node, doc.getElementById('l')!, others.map((id) => doc.getElementById(id)!))).toBe(expected);
  });
});
