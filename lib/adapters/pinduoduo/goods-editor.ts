/**
 * The PDD goods editor on mms.pinduoduo.com: publishing (`/goods/goods_add/index?type=add`) and
 * editing (`/goods/goods_detail?goods_id=N`). Reads what the operator is typing: the title, the
 * editor's own length counter (`12/60`) when it shows one, the category, and the price fields.
 *
 * Form fields hold their text in the input's `value` property, which changes as the operator types
 * while the `value` attribute keeps the page's first render: the property is read (it equals the
 * attribute on a page nobody typed in, as in a saved fixture).
 *
 * Fields are found by their labels (商品标题, 商品分类, 拼单价 …), never by class names, in their own
 * form item and never in a block holding another field's label (../editor-fields.ts).
 */
import type { CaptureIssue, Price } from '../../capture/schema';
import { normaliseDigits, parsePrice } from '../../capture/numbers';
import { isHiddenInTree, visibleText } from '../../capture/text';
import {
  controlValue,
  EDITOR_CONTROL,
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
import { isPddGoodsEditorUrl, PDD_MMS_PATTERNS } from './urls';
import { PDD_EDITOR_CATEGORY_LABELS, PDD_EDITOR_PRICE_LABELS, PDD_EDITOR_TITLE_LABELS } from './words';

const ACTION_SELECTOR = 'button,a,[role="button"]';
const PRICE_LABELS = Object.keys(PDD_EDITOR_PRICE_LABELS);
const FIELD_LABELS = [...PDD_EDITOR_TITLE_LABELS, ...PDD_EDITOR_CATEGORY_LABELS, ...PRICE_LABELS];

/** A label's words without a required mark, a colon or a unit: `* 拼单价（元）：` → `拼单价`. */
function labelWords(el: Element): string {
  return normaliseDigits(visibleText(el))
    .replace(/[\s*＊:：]+/g, '')
    .replace(/[(（](?:元|件)[)）]$/, '');
}

function labelElements(doc: Document, labels: readonly string[]): Element[] {
  return editorLabelElements(doc, labels, { wordsOf: labelWords, maxChars: 30 });
}

// ---------------------------------------------------------------------------------------------
// Title and counter

function readTitle(doc: Document): TitleField | undefined {
  return readTitleField(labelElements(doc, PDD_EDITOR_TITLE_LABELS), labelElements(doc, FIELD_LABELS));
}

// ---------------------------------------------------------------------------------------------
// Category

function readCategory(doc: Document, others: readonly Element[]): string | undefined {
  for (const label of labelElements(doc, PDD_EDITOR_CATEGORY_LABELS)) {
    // The row: the label's parent, or one level up when the label sits alone in its own cell;
    // never a block holding another field's label.
    let depth = 0;
    const found = fieldBlockOf(label, others, (row) => {
      if (depth++ >= 3) return null;
      const parts: string[] = [];
      for (const el of Array.from(row.querySelectorAll('*'))) {
        if (el.children.length > 0 || el === label || label.contains(el) || isHiddenInTree(el) || el.closest(ACTION_SELECTOR)) continue;
        const text = visibleText(el);
        if (text) parts.push(text);
      }
      // `>` separates levels; `/` is part of PDD category names (洗护清洁剂/卫生巾/纸/香薰): kept as shown.
      const text = parts.join(' ').replace(/\s*[>＞]\s*/g, ' > ').replace(/\s+/g, ' ').trim();
      return text ? text.slice(0, 100) : undefined;
    });
    if (found) return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Prices

function columnIndex(cell: Element): number {
  let index = 0;
  for (let sibling = cell.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    const span = Number(sibling.getAttribute('colspan') ?? '1');
    index += Number.isInteger(span) && span > 0 ? span : 1;
  }
  return index;
}

/** Values typed under a price label: the fields of its table column, or the field of its form item. */
function valuesUnder(label: Element, others: readonly Element[]): string[] {
  const cell = label.closest('th,[role="columnheader"]');
  const table = cell?.closest('table');
  if (cell && table) {
    const column = columnIndex(cell);
    const wrapper = table.parentElement?.parentElement ?? table;
    const rows = Array.from(wrapper.querySelectorAll('tbody tr')).filter((row) => !isHiddenInTree(row));
    return rows.flatMap((row) => {
      const target = Array.from(row.children)[column];
      const field = target?.querySelector(EDITOR_CONTROL);
      return field && !isHiddenInTree(field) ? [controlValue(field).trim()] : [];
    });
  }
  const item = formItemOf(label, others);
  const field = item && visibleControl(item);
  return field ? [controlValue(field).trim()] : [];
}

function readPrices(doc: Document, others: readonly Element[]): EditorPrices {
  const prices: Price[] = [];
  const issues: CaptureIssue[] = [];
  const labels = PRICE_LABELS;
  const done = new Set<string>();
  for (const el of labelElements(doc, labels)) {
    const label = labelWords(el);
    if (done.has(label)) continue;
    done.add(label);
    const typed = valuesUnder(el, others).filter((value) => value !== '');
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
  return { prices, issues };
}

// ---------------------------------------------------------------------------------------------
// Adapter

function extractEditor(doc: Document): Extracted {
  const others = labelElements(doc, FIELD_LABELS);
  const title = readTitleField(labelElements(doc, PDD_EDITOR_TITLE_LABELS), others);
  return editorExtracted(title, () => ({ category: readCategory(doc, others), prices: readPrices(doc, others) }), {
    noTitle: 'no title field (商品标题 / 商品名称) on the page',
    noCategory: 'no category (商品分类) shown',
  });
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
