/**
 * The goods editor: what the operator typed (the value property, not the first-render attribute),
 * the editor's own counter, the category as shown, and price fields by label.
 */
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import { pddGoodsEditorAdapter } from '../../../../lib/adapters/pinduoduo/goods-editor';

const URL_ = new URL('https://mms.pinduoduo.com/goods/goods_add/index?type=add');

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body><form>${body}</form></body></html>`, 'text/html');
}

const TITLE = '<div><label>* 商品标题</label><div><input type="text" value="旧标题 牙膏"><span>12/60</span></div></div>';

function extract(doc: Document) {
  const capture = captureFrom(pddGoodsEditorAdapter, doc, URL_, new Date('2026-11-22T00:00:00Z'));
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

describe('pinduoduo/goods-editor', () => {
  it('reads the title the operator typed, not the value the page first rendered', () => {
    const doc = page(TITLE);
    doc.querySelector('input')!.value = '兔头妈妈儿童牙膏 水果味';
    expect(doc.querySelector('input')!.getAttribute('value')).toBe('旧标题 牙膏');
    expect(extract(doc).editor).toMatchObject({ title: '兔头妈妈儿童牙膏 水果味', counter: { length: 12, limit: 60 } });
  });

  it.each([
    ['<span>0/60</span>', { length: 0, limit: 60 }],
    ['<span>41 / 60</span>', { length: 41, limit: 60 }],
    ['<span>12/0</span>', undefined],
    ['<span>第1/3步</span>', undefined],
  ])('reads the counter %s as %o', (counter, expected) => {
    const doc = page(`<div><label>商品名称</label><div><textarea>牙膏</textarea>${counter}</div></div>`);
    expect(extract(doc).editor?.counter).toEqual(expected);
  });

  it('keeps slashes of category names and reads `>` as levels', () => {
    const doc = page(`${TITLE}<div><label>商品分类：</label><div><span>洗护清洁剂/卫生巾/纸/香薰</span><span>&gt;</span><span>口腔护理</span><a href="#">修改</a></div></div>`);
    expect(extract(doc).editor?.category).toBe('洗护清洁剂/卫生巾/纸/香薰 > 口腔护理');
  });

  it('reads price columns as ranges over SKU rows, skipping empty fields, refusing words', () => {
    const doc = page(`${TITLE}
      <table><thead><tr><th>规格</th><th>* 拼单价（元）</th><th>单买价(元)</th></tr></thead>
      <tbody><tr><td>a</td><td><input value="9.9"></td><td><input value="十元"></td></tr>
             <tr><td>b</td><td><input value="12.90"></td><td><input value=""></td></tr>
             <tr><td>c</td><td><input value=""></td><td><input value=""></td></tr></tbody></table>`);
    const capture = extract(doc);
    expect(capture.editor?.prices).toEqual([{ min: 9.9, max: 12.9, kind: 'group', label: '拼单价' }]);
    expect(capture.issues).toContainEqual({ field: 'editor.prices', problem: expect.stringContaining('单买价') });
  });

  it('detects the editor by its title field only', () => {
    expect(pddGoodsEditorAdapter.detect(page(TITLE), URL_)).toBe(true);
    expect(pddGoodsEditorAdapter.detect(page('<div><label>商品标题</label></div>'), URL_)).toBe(false);
    expect(pddGoodsEditorAdapter.detect(page('<aside>商品标题最多30个汉字</aside><input>'), URL_)).toBe(false);
  });
});
