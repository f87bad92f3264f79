/**
 * The Taobao/Tmall publish page (宝贝发布 / 编辑): `item.upload.taobao.com/sell/v2/publish.htm?catId=N`
 * to publish, `?itemId=N` to edit, `/sell/v2/draft.htm?dbDraftId=N` for a draft, and the older
 * `/sell/publish.htm`. Reads what the operator is typing: the title (宝贝标题, 商品标题 on newer
 * forms), the form's own counter (`12/60`) when it shows one, the category and the 一口价.
 *
 * Fields are found by their labels, never by class names (the form's classes are generated). The
 * title is read from the control's `value` property, which follows the typing (the attribute
 * keeps the first render; on a saved page both agree). The counter is read only inside the
 * title's own form item, so another field's counter (卖点 0/150) is never taken for the title's.
 */
import type { CaptureIssue, EditorState, Price } from '../../capture/schema';
import { normaliseDigits, parsePrice } from '../../capture/numbers';
import { isHiddenInTree, visibleText } from '../../capture/text';
import type { Extracted, PageAdapter } from '../types';
import { EDITOR_CATEGORY_LABELS, EDITOR_PRICE_LABELS, EDITOR_TITLE_LABELS } from './editor-words';

const PUBLISH_HOST = 'item.upload.taobao.com';
const PUBLISH_PATHS = new Set(['/sell/publish.htm', '/sell/v2/publish.htm', '/sell/v2/draft.htm']);

export function isTaobaoPublishUrl(url: URL): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  // The port is ignored, as Chrome's match patterns ignore it (the demo serves on a local port).
  return url.hostname.toLowerCase() === PUBLISH_HOST && PUBLISH_PATHS.has(url.pathname);
}

const CONTROL = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="file"]),textarea';
const COUNTER = /^(\d{1,4})\/(\d{1,4})$/;

/** A label's own words: `* 宝贝标题：` → 宝贝标题. */
function labelWords(el: Element): string {
  return visibleText(el).replace(/^[*＊\s]+/, '').replace(/[:：?？\s]+$/, '');
}

/** Innermost visible elements whose words are one of `labels`. */
function labelElements(doc: Document, labels: readonly string[]): Element[] {
  const hits: Element[] = [];
  for (const el of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if ((el.textContent ?? '').length > 40 || el.matches(CONTROL) || el.closest('button,a')) continue;
    const words = labelWords(el);
    if (!labels.includes(words) || isHiddenInTree(el)) continue;
    if (Array.from(el.children).some((child) => labelWords(child) === words)) continue;
    hits.push(el);
  }
  return hits;
}

/** The smallest block around a label holding a visible control (its form item), at most six levels up. */
function formItemOf(label: Element): Element | null {
  let node: Element | null = label.parentElement;
  for (let depth = 0; node && depth < 6; depth++, node = node.parentElement) {
    if (Array.from(node.querySelectorAll(CONTROL)).some((control) => !isHiddenInTree(control))) return node;
  }
  return null;
}

function controlValue(control: Element): string {
  const value = (control as HTMLInputElement).value;
  return typeof value === 'string' ? value : (control.getAttribute('value') ?? '');
}

function visibleControl(item: Element): Element | undefined {
  return Array.from(item.querySelectorAll(CONTROL)).find((control) => !isHiddenInTree(control));
}

interface TitleField {
  title: string;
  counter?: EditorState['counter'];
  notes: CaptureIssue[];
}

function readTitle(doc: Document): TitleField | undefined {
  for (const label of labelElements(doc, EDITOR_TITLE_LABELS)) {
    const item = formItemOf(label);
    const control = item && visibleControl(item);
    if (!item || !control) continue;
    const field: TitleField = { title: controlValue(control).replace(/[\r\n]+/g, ' ').trim(), notes: [] };
    const counters = Array.from(item.querySelectorAll('*'))
      .filter((el) => el.children.length === 0 && !isHiddenInTree(el))
      .map((el) => COUNTER.exec(normaliseDigits(visibleText(el)).replace(/\s+/g, '')))
      .filter((match): match is RegExpExecArray => match !== null);
    if (counters.length === 1) {
      const length = Number(counters[0]![1]);
      const limit = Number(counters[0]![2]);
      if (limit > 0) field.counter = { length, limit };
    } else if (counters.length > 1) {
      field.notes.push({ field: 'editor.counter', problem: `${counters.length} counters beside the title: none read` });
    }
    return field;
  }
  return undefined;
}

function readCategory(doc: Document): string | undefined {
  for (const label of labelElements(doc, EDITOR_CATEGORY_LABELS)) {
    const words = labelWords(label);
    // The field row: the first ancestor holding more than the label (its own cell or column first).
    let row: Element | null = label.parentElement;
    for (let depth = 0; row && row !== doc.body && depth < 3; depth++, row = row.parentElement) {
      let text = visibleText(row).replace(/^[*＊\s]+/, '');
      if (!text.startsWith(words)) break;
      text = text.slice(words.length).replace(/^[:：\s]+/, '').replace(/\s*(?:切换类目|修改类目|编辑)$/, '');
      // Only `>` separates levels: `/` is part of names such as 女装/女士精品.
      text = text.replace(/\s*[>＞]\s*/g, ' > ').trim();
      if (!text) continue;
      if (text.length <= 100 && !/^请选择/.test(text)) return text;
      break;
    }
  }
  return undefined;
}

function readPrices(doc: Document): { prices: Price[]; issues: CaptureIssue[] } {
  const prices: Price[] = [];
  const issues: CaptureIssue[] = [];
  for (const label of labelElements(doc, Object.keys(EDITOR_PRICE_LABELS))) {
    const words = labelWords(label);
    const item = formItemOf(label);
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
  return { prices: prices.slice(0, 10), issues };
}

function extractEditor(doc: Document): Extracted {
  const issues: CaptureIssue[] = [];
  const extracted: Extracted = { period: null, metrics: [], listing: null, results: null, editor: null, issues };
  const title = readTitle(doc);
  if (!title) {
    issues.push({ field: 'editor.title', problem: 'no title field (宝贝标题 / 商品标题) on the page' });
    return extracted;
  }
  const editor: EditorState = { title: title.title.slice(0, 300) };
  if (title.title.length > 300) issues.push({ field: 'editor.title', problem: 'title longer than 300 characters, cut' });
  if (title.counter) editor.counter = title.counter;
  issues.push(...title.notes);
  const category = readCategory(doc);
  if (category) editor.category = category;
  else issues.push({ field: 'editor.category', problem: 'no category (类目) shown' });
  const prices = readPrices(doc);
  if (prices.prices.length > 0) editor.prices = prices.prices;
  issues.push(...prices.issues);
  extracted.editor = editor;
  extracted.issues = issues.slice(0, 100);
  return extracted;
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
