/**
 * The Taobao/Tmall publish-page editor adapter (lib/adapters/taobao/editor.ts): URLs both ways,
 * the label words (data lint), and tables of small forms: the typed title (value property), the
 * title's own counter and not another field's, the category path, the 一口价.
 */
import { describe, expect, it } from 'vitest';
import { EDITOR_CATEGORY_LABELS, EDITOR_PRICE_LABELS, EDITOR_TITLE_LABELS } from '../../../../lib/adapters/taobao/editor-words';
import { isTaobaoPublishUrl, taobaoEditorAdapter } from '../../../../lib/adapters/taobao/editor';
import { documentFromHtml } from '../../../../lib/cli/load-document';

const URL_PUBLISH = new URL('https://item.upload.taobao.com/sell/v2/publish.htm?catId=50000671');

function extract(body: string) {
  const doc = documentFromHtml(`<html><body>${body}</body></html>`, URL_PUBLISH);
  return { detected: taobaoEditorAdapter.detect(doc, URL_PUBLISH), ...taobaoEditorAdapter.extract(doc, URL_PUBLISH), doc };
}

const titleItem = (label: string, value: string, extra = '') =>
  `<div class="f"><div class="l"><span>*</span><span>${label}</span></div><div class="c"><span><input name="title" value="${value}">${extra}</span></div></div>`;

describe('publish-page addresses', () => {
  it.each([
    ['https://item.upload.taobao.com/sell/v2/publish.htm?catId=1', true],
    ['https://item.upload.taobao.com:8443/sell/v2/publish.htm?itemId=1', true],
    ['https://item.upload.taobao.com/sell/v2/draft.htm?dbDraftId=2', true],
    ['http://item.upload.taobao.com/sell/publish.htm', true],
    ['https://item.upload.taobao.com/sell/ai/category.htm', false],
    ['https://item.upload.taobao.com/sell/v2/publish.htm/../category.htm', false],
    ['https://upload.taobao.com/sell/v2/publish.htm', false],
    ['ftp://item.upload.taobao.com/sell/v2/publish.htm', false],
  ])('%s → %s', (url, expected) => {
    expect(isTaobaoPublishUrl(new URL(url))).toBe(expected);
  });
});

describe('label words', () => {
  it('has no empty entry and no label in two lists', () => {
    const all = [...EDITOR_TITLE_LABELS, ...EDITOR_CATEGORY_LABELS, ...Object.keys(EDITOR_PRICE_LABELS)];
    expect(all.every((label) => label.trim() === label && label !== '')).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('reading the form', () => {
  it.each([
    ['宝贝标题 with its counter', titleItem('宝贝标题', '保温杯女士', '<span>10/60</span>'), '保温杯女士', { length: 10, limit: 60 }],
    ['商品标题 (newer forms), full-width counter digits', titleItem('商品标题', '保温杯', '<span>６/６０</span>'), '保温杯', { length: 6, limit: 60 }],
    ['a label with a colon and no counter', titleItem('宝贝标题：', '保温杯'), '保温杯', undefined],
    [
      'a textarea title: line breaks become spaces',
      '<div class="f"><div class="l">宝贝标题</div><div class="c"><textarea name="title">保温杯\n女士</textarea><span>10/60</span></div></div>',
      '保温杯 女士',
      { length: 10, limit: 60 },
    ],
  ])('%s', (_name, body, title, counter) => {
    const result = extract(body);
    expect(result.detected).toBe(true);
    expect(result.editor?.title).toBe(title);
    expect(result.editor?.counter).toEqual(counter);
  });

  it('reads the typed value, not the first render', () => {
    const doc = documentFromHtml(`<html><body>${titleItem('宝贝标题', '旧标题')}</body></html>`, URL_PUBLISH);
    doc.querySelector<HTMLInputElement>('input[name="title"]')!.value = '新标题 正在输入';
    expect(taobaoEditorAdapter.extract(doc, URL_PUBLISH).editor?.title).toBe('新标题 正在输入');
  });

  it('never takes another field’s counter, and reports two counters beside the title', () => {
    const sellPoint = '<div class="f"><div class="l">宝贝卖点</div><div class="c"><textarea></textarea><span>0/150</span></div></div>';
    expect(extract(titleItem('宝贝标题', '保温杯') + sellPoint).editor?.counter).toBeUndefined();
    const two = extract(titleItem('宝贝标题', '保温杯', '<span>6/60</span><span>3/30</span>'));
    expect(two.editor?.counter).toBeUndefined();
    expect(two.issues).toContainEqual({ field: 'editor.counter', problem: '2 counters beside the title: none read' });
  });

  it('reads the category path and the 一口价; a value that is not a price is reported', () => {
    const category = '<div class="f"><div class="l"><span>类目</span></div><div class="c"><span>女装/女士精品</span><span>&gt;</span><span>连衣裙</span><a>切换类目</a></div></div>';
    const price = (value: string) => `<div class="f"><div class="l">一口价</div><div class="c"><input name="price" value="${value}"></div></div>`;
    const good = extract(titleItem('宝贝标题', '连衣裙') + category + price('129.00'));
    expect(good.editor).toEqual({ title: '连衣裙', category: '女装/女士精品 > 连衣裙', prices: [{ min: 129, kind: 'shown', label: '一口价' }] });
    expect(good.issues).toEqual([]);
    const bad = extract(titleItem('宝贝标题', '连衣裙') + price('¥'));
    expect(bad.editor?.prices).toBeUndefined();
    expect(bad.issues.map((issue) => issue.field)).toEqual(['editor.category', 'editor.prices']);
  });

  it('is not detected before the form renders, and reads a hidden title field as absent', () => {
    expect(extract('<div>加载中…</div><p>宝贝标题最多60个字符</p>').detected).toBe(false);
    expect(extract(`<div hidden>${titleItem('宝贝标题', 'x')}</div>`).detected).toBe(false);
  });
});
