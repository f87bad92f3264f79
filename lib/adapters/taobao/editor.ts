/**
 * The Taobao/Tmall publish page (宝贝发布 / 编辑): `item.upload.taobao.com/sell/v2/publish.htm?catId=N`
 * to publish, `?itemId=N` to edit, `/sell/v2/draft.htm?dbDraftId=N` for a draft, and the older
 * `/sell/publish.htm`. Reads what the operator is typing: the title (宝贝标题, 商品标题 on newer
 * forms), the form's own counter (`12/60`) when it shows one, the category and the 一口价.
 *
 * Fields are found by their labels, never by class names (the form's classes are generated), in
 * their own form item and never in a block holding another field's label (../editor-fields.ts). The
 * title is read from the control's `value` property, which follows the typing (the attribute
 * keeps the first render; on a saved page both agree). The counter is read only inside the
 * title's own form item, so another field's counter (卖点 0/150) is never taken for the title's.
 */
import type { CaptureIssue, Price } from '../../capture/schema';
import { parsePrice } from '../../capture/numbers';
import { visibleText } from '../../capture/text';
import {
  controlValue,
  editorExtracted,
  fieldBlockOf,
  formItemOf,
  labelElements as editorLabelElements,
  readTitleField,
  visibleControl,
  type EditorPrices,
  type TitleField,
} from '../editor-fields';
import type { Extracted, PageAdapter } from '../types';
import { EDITOR_CATEGORY_LABELS, EDITOR_PRICE_LABELS, EDITOR_TITLE_LABELS } from './editor-words';

const PUBLISH_HOST = 'item.upload.taobao.com';
const PUBLISH_PATHS = new Set(['/sell/publish.htm', '/sell/v2/publish.htm', '/sell/v2/draft.htm']);

export function isTaobaoPublishUrl(url: URL): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  // The port is ignored, as Chrome's match patterns ignore it (the demo serves on a local port).
  return url.hostname.toLowerCase() === PUBLISH_HOST && PUBLISH_PATHS.has(url.pathname);
}

const PRICE_LABELS = Object.keys(EDITOR_PRICE_LABELS);
const FIELD_LABELS = [...EDITOR_TITLE_LABELS, ...EDITOR_CATEGORY_LABELS, ...PRICE_LABELS];

/** A label's own words: `* 宝贝标题：` → 宝贝标题. */
function labelWords(el: Element): string {
  return visibleText(el).replace(/^[*＊\s]+/, '').replace(/[:：?？\s]+$/, '');
}

function labelElements(doc: Document, labels: readonly string[]): Element[] {
  return editorLabelElements(doc, labels, { wordsOf: labelWords, maxChars: 40 });
}

function readTitle(doc: Document): TitleField | undefined {
  return readTitleField(labelElements(doc, EDITOR_TITLE_LABELS), labelElements(doc, FIELD_LABELS));
}

function readCategory(doc: Document, others: readonly Element[]): string | undefined {
  for (const label of labelElements(doc, EDITOR_CATEGORY_LABELS)) {
    const words = labelWords(label);
    // The field row: the first ancestor holding more than the label (its own cell or column
    // first); never a block holding another field's label, and at most three levels up.
    let depth = 0;
    const found = fieldBlockOf(label, others, (row) => {
      if (depth++ >= 3) return null;
      let text = visibleText(row).replace(/^[*＊\s]+/, '');
      if (!text.startsWith(words)) return null;
      text = text.slice(words.length).replace(/^[:：\s]+/, '').replace(/\s*(?:切换类目|修改类目|编辑)$/, '');
      // Only `>` separates levels: `/` is part of names such as 女装/女士精品.
      text = text.replace(/\s*[>＞]\s*/g, ' > ').trim();
      if (!text) return undefined;
      return text.length <= 100 && !/^请选择/.test(text) ? text : null;
    });
    if (found) return found;
  }
  return undefined;
}

function readPrices(doc: Document, others: readonly Element[]): EditorPrices {
  const prices: Price[] = [];
  const issues: CaptureIssue[] = [];
  for (const label of labelElements(doc, PRICE_LABELS)) {
    const words = labelWords(label);
    const item = formItemOf(label, others);
    const control = item && visibleControl(item);
    const typed = control ? controlValue(control).trim() : '';
    if (!typed || prices.some((price) => price.label === words)) continue;
    const figure = parsePrice(typed);
    if (!figure || figure.max !== undefined || figure.from) {
      issues.push({ field: 'editor.prices', problem: `${words} holds "${typed.slice(0, 20)}", not a price: not read` });
      continue;
    }
    prices.push({ min: figure.min, kind: EDITOR_PRICE_LABELS[words]!, label: words });
  }
  return { prices, issues };
}

function extractEditor(doc: Document): Extracted {
  const others = labelElements(doc, FIELD_LABELS);
  const title = readTitleField(labelElements(doc, EDITOR_TITLE_LABELS), others);
  return editorExtracted(title, () => ({ category: readCategory(doc, others), prices: readPrices(doc, others) }), {
    noTitle: 'no title field (宝贝标题 / 商品标题) on the page',
    noCategory: 'no category (类目) shown',
  });
}

export const taobaoEditorAdapter: PageAdapter = {
  id: 'taobao/editor',
  version: 1,
  platform: 'taobao',
  pageKind: 'editor',
  hosts: [`*://${PUBLISH_HOST}/*`],
  sampleUrls: [
    'https://item.upload.taobao.com/sell/v2/publish.htm?catId=50012010',
    'https://item.upload.taobao.com/sell/v2/publish.htm?catId=201581801&fromAICategory=true&keyProps={}&fromAIPublish=true&newRouter=1',
    'https://item.upload.taobao.com/sell/v2/publish.htm?itemId=712345678901',
    'https://item.upload.taobao.com/sell/v2/draft.htm?dbDraftId=88001122',
    'http://item.upload.taobao.com/sell/publish.htm?itemId=1',
  ],
  matchesUrl: isTaobaoPublishUrl,
  detect(doc) {
    return readTitle(doc) !== undefined;
  },
  extract: extractEditor,
};
