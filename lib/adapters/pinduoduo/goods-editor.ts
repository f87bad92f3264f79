/**
 * The PDD goods editor on mms.pinduoduo.com: publishing (`/goods/goods_add/index?type=add`) and
 * editing (`/goods/goods_detail?goods_id=N`). Reads what the operator is typing: the title, the
 * editor's own length counter (`12/60`) when it shows one, the category, and the price fields.
 *
 * Form fields hold their text in the input's `value` property, which changes as the operator types
 * while the `value` attribute keeps the page's first render: the property is read (it equals the
 * attribute on a page nobody typed in, as in a saved fixture).
 *
 * Fields are found by their labels (商品标题, 商品分类, 拼单价 …), never by class names.
 */
import type { CaptureIssue, EditorState, Price } from '../../capture/schema';
import { normaliseDigits, parsePrice } from '../../capture/numbers';
import { isHiddenInTree, visibleText } from '../../capture/text';
import type { Extracted, PageAdapter } from '../types';
import { isPddGoodsEditorUrl, PDD_MMS_PATTERNS } from './urls';
import { PDD_EDITOR_CATEGORY_LABELS, PDD_EDITOR_PRICE_LABELS, PDD_EDITOR_TITLE_LABELS } from './words';

const FIELD_SELECTOR = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]),textarea';
const COUNTER = /^(\d{1,4})\s*\/\s*(\d{1,4})$/;
const ACTION_SELECTOR = 'button,a,[role="button"]';

/** A label's words without a required mark, a colon or a unit: `* 拼单价（元）：` → `拼单价`. */
function labelWords(text: string): string {
  return normaliseDigits(text)
    .replace(/[\s*＊:：]+/g, '')
    .replace(/[(（](?:元|件)[)）]$/, '');
}

function labelElements(doc: Document, labels: readonly string[]): Element[] {
  if (!doc.body) return [];
  const found: Element[] = [];
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 30 || isHiddenInTree(el)) continue;
    if (el.closest(ACTION_SELECTOR) || el.matches(FIELD_SELECTOR)) continue;
    if (!labels.includes(labelWords(visibleText(el)))) continue;
    // The innermost element holding the label.
    if (Array.from(el.children).some((child) => labels.includes(labelWords(visibleText(child))))) continue;
    found.push(el);
  }
  return found;
}

/** The form item around a label: the smallest ancestor holding a visible field. */
function formItem(label: Element): Element | undefined {
  let el: Element | null = label.parentElement;
  for (let depth = 0; el && depth < 5; depth++, el = el.parentElement) {
    if (Array.from(el.querySelectorAll(FIELD_SELECTOR)).some((field) => !isHiddenInTree(field))) return el;
  }
  return undefined;
}

function fieldValue(field: Element): string {
  const property = (field as HTMLInputElement).value;
  return typeof property === 'string' ? property : (field.getAttribute('value') ?? field.textContent ?? '');
}

// ---------------------------------------------------------------------------------------------
// Title and counter

interface TitleField {
  title: string;
  counter?: { length: number; limit: number };
}

function readTitle(doc: Document): TitleField | undefined {
  for (const label of labelElements(doc, PDD_EDITOR_TITLE_LABELS)) {
    const item = formItem(label);
    const field = item && Array.from(item.querySelectorAll(FIELD_SELECTOR)).find((f) => !isHiddenInTree(f));
    if (!item || !field) continue;
    const found: TitleField = { title: fieldValue(field).replace(/[\r\n]+/g, ' ').trim() };
    for (const el of Array.from(item.querySelectorAll('*'))) {
      if (el.children.length > 0 || isHiddenInTree(el)) continue;
      const match = COUNTER.exec(normaliseDigits(visibleText(el)).replace(/\s+/g, ''));
      if (!match) continue;
      const length = Number(match[1]);
      const limit = Number(match[2]);
      if (limit > 0 && length <= limit * 2) found.counter = { length, limit };
      break;
    }
    return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Category

function readCategory(doc: Document): string | undefined {
  for (const label of labelElements(doc, PDD_EDITOR_CATEGORY_LABELS)) {
    // The row: the label's parent, or one level up when the label sits alone in its own cell.
    let row: Element | null = label.parentElement;
    for (let depth = 0; row && depth < 3; depth++, row = row.parentElement) {
      const parts: string[] = [];
      for (const el of Array.from(row.querySelectorAll('*'))) {
        if (el.children.length > 0 || el === label || label.contains(el) || isHiddenInTree(el) || el.closest(ACTION_SELECTOR)) continue;
        const text = visibleText(el);
        if (text) parts.push(text);
      }
      // `>` separates levels; `/` is part of PDD category names (洗护清洁剂/卫生巾/纸/香薰): kept as shown.
      const text = parts.join(' ').replace(/\s*[>＞]\s*/g, ' > ').replace(/\s+/g, ' ').trim();
      if (text) return text.slice(0, 100);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Prices

interface PriceRead {
  prices: Price[];
  issues: CaptureIssue[];
}

function columnIndex(cell: Element): number {
  let index = 0;
  for (let sibling = cell.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    const span = Number(sibling.getAttribute('colspan') ?? '1');
    index += Number.isInteger(span) && span > 0 ? span : 1;
  }
  return index;
}

/** Values typed under a price label: the fields of its table column, or the field of its form item. */
function valuesUnder(label: Element): string[] {
  const cell = label.closest('th,[role="columnheader"]');
  const table = cell?.closest('table');
  if (cell && table) {
    const column = columnIndex(cell);
    const wrapper = table.parentElement?.parentElement ?? table;
    const rows = Array.from(wrapper.querySelectorAll('tbody tr')).filter((row) => !isHiddenInTree(row));
    return rows.flatMap((row) => {
      const target = Array.from(row.children)[column];
      const field = target?.querySelector(FIELD_SELECTOR);
      return field && !isHiddenInTree(field) ? [fieldValue(field).trim()] : [];
    });
  }
  const item = formItem(label);
  const field = item && Array.from(item.querySelectorAll(FIELD_SELECTOR)).find((f) => !isHiddenInTree(f));
  return field ? [fieldValue(field).trim()] : [];
}

function readPrices(doc: Document): PriceRead {
  const prices: Price[] = [];
  const issues: CaptureIssue[] = [];
  const labels = Object.keys(PDD_EDITOR_PRICE_LABELS);
  const done = new Set<string>();
  for (const el of labelElements(doc, labels)) {
    const label = labelWords(visibleText(el));
    if (done.has(label)) continue;
    done.add(label);
    const typed = valuesUnder(el).filter((value) => value !== '');
    if (typed.length === 0) continue;
    const amounts = typed.map((value) => parsePrice(value));
    if (amounts.some((amount) => amount === null || amount.max !== undefined || amount.from)) {
      issues.push({ field: 'editor.prices', problem: `${label} has a value that is not a price (${typed.join(', ').slice(0, 60)}): not read` });
      continue;
    }
    const values = amounts.map((amount) => amount!.min);
    const min = Math.min(...values);
    const max = Math.max(...values);
    const kind = PDD_EDITOR_PRICE_LABELS[label]!;
    prices.push(max === min ? { min, kind, label } : { min, max, kind, label });
  }
  return { prices: prices.slice(0, 10), issues };
}

// ---------------------------------------------------------------------------------------------
// Adapter

function extractEditor(doc: Document): Extracted {
  const issues: CaptureIssue[] = [];
  const extracted: Extracted = { period: null, metrics: [], listing: null, results: null, editor: null, issues };
  const title = readTitle(doc);
  if (!title) {
    issues.push({ field: 'editor.title', problem: 'no title field (商品标题 / 商品名称) on the page' });
    return extracted;
  }
  const editor: EditorState = { title: title.title.slice(0, 300) };
  if (title.title.length > 300) issues.push({ field: 'editor.title', problem: 'title longer than 300 characters, cut' });
  if (title.counter) editor.counter = title.counter;
  const category = readCategory(doc);
  if (category) editor.category = category;
  else issues.push({ field: 'editor.category', problem: 'no category (商品分类) shown' });
  const prices = readPrices(doc);
  if (prices.prices.length > 0) editor.prices = prices.prices;
  issues.push(...prices.issues);
  extracted.editor = editor;
  extracted.issues = issues.slice(0, 100);
  return extracted;
}

export const pddGoodsEditorAdapter: PageAdapter = {
  id: 'pinduoduo/goods-editor',
  version: 1,
  platform: 'pinduoduo',
  pageKind: 'editor',
  hosts: PDD_MMS_PATTERNS,
  sampleUrls: [
    'https://mms.pinduoduo.com/goods/goods_add/index?type=add',
    'https://mms.pinduoduo.com/goods/goods_add/index?type=add&cat_id=22094',
    'https://mms.pinduoduo.com/goods/goods_detail?goods_id=930005554830',
    'http://mms.pinduoduo.com/goods/goods_add',
  ],
  matchesUrl: isPddGoodsEditorUrl,
  detect(doc) {
    return readTitle(doc) !== undefined;
  },
  extract: extractEditor,
};
