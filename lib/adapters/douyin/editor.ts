/**
 * 抖店 product editor (`fxg.jinritemai.com/ffa/g/create`, `?product_id=N` to edit): the title as
 * typed, the editor's own counter (`12/60`) with its limit, the chosen category and the price
 * fields (one price, or the SKU table's price column as a range).
 *
 * Fields are found by their form labels (./words.ts), never by position or class: the control of
 * a label is the input inside the smallest block around the label that holds one, never a block
 * holding another field's label (../editor-fields.ts, shared with the other editors). Values are
 * read from the controls as the page holds them (`input.value`). The counter is read only inside
 * the title's own block, so another field's counter is never taken for the title's.
 */
import type { CaptureIssue, Price } from '../../capture/schema';
import { parsePrice } from '../../capture/numbers';
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
import { FXG_HOST, isFxgEditorUrl } from './urls';
import { EDITOR_CATEGORY_ACTIONS, EDITOR_CATEGORY_LABELS, EDITOR_PRICE_LABELS, EDITOR_TITLE_LABELS } from './words';

const PRICE_LABELS = Object.keys(EDITOR_PRICE_LABELS);
const FIELD_LABELS = [...EDITOR_TITLE_LABELS, ...EDITOR_CATEGORY_LABELS, ...PRICE_LABELS];

/** A label's own words: `* 商品标题：` → 商品标题. */
function labelWords(el: Element): string {
  return visibleText(el).replace(/^[*＊\s]+/, '').replace(/[:：?？ⓘ\s]+$/, '');
}

/** Innermost visible elements whose words are one of `labels`, outside tables (the SKU table's headers are read by column). */
function labelElements(doc: Document, labels: readonly string[]): Element[] {
  return editorLabelElements(doc, labels, { wordsOf: labelWords, maxChars: 40, skip: (el) => el.closest('table') !== null });
}

function readTitle(doc: Document): TitleField | undefined {
  return readTitleField(labelElements(doc, EDITOR_TITLE_LABELS), labelElements(doc, FIELD_LABELS));
}

/**
 * A label's row: the nearest block that shows more than the label itself or holds a control,
 * never one holding another field's label (it would hand over that field's value).
 */
function rowOf(label: Element, others: readonly Element[]): Element | undefined {
  const words = visibleText(label);
  return fieldBlockOf(label, others, (node) => (visibleText(node) !== words || node.querySelector(EDITOR_CONTROL) ? node : undefined));
}

function readCategory(doc: Document, others: readonly Element[]): string | undefined {
  for (const label of labelElements(doc, EDITOR_CATEGORY_LABELS)) {
    // The category block: the label's parent, or the form item when the category is a picker input.
    const item = rowOf(label, others);
    if (!item) continue;
    const control = item.querySelector(EDITOR_CONTROL);
    let text = control ? controlValue(control).trim() : '';
    if (!text) {
      const words = labelWords(label);
      text = visibleText(item).replace(/^[*＊\s]+/, '');
      if (text.startsWith(words)) text = text.slice(words.length);
      text = text.replace(/^[:：\s]+/, '');
      for (const action of EDITOR_CATEGORY_ACTIONS) if (text.endsWith(action)) text = text.slice(0, -action.length).trim();
    }
    text = text.replace(/\s*([>＞/])\s*/g, '>').trim();
    if (text && text.length <= 100 && !/^请选择/.test(text)) return text;
  }
  return undefined;
}

/** Every price field: form items labelled 价格 …, and the SKU table's price columns (a range over SKUs). */
function readPrices(doc: Document, others: readonly Element[]): EditorPrices {
  const issues: CaptureIssue[] = [];
  const byLabel = new Map<string, { kind: Price['kind']; values: number[] }>();
  const add = (label: string, text: string) => {
    const kind = EDITOR_PRICE_LABELS[label]!;
    if (text.trim() === '') return;
    const figure = parsePrice(text);
    if (!figure || figure.max !== undefined) {
      issues.push({ field: 'editor.prices', problem: `'${label}' holds "${text.slice(0, 20)}", not a price: not read` });
      return;
    }
    const entry = byLabel.get(label) ?? { kind, values: [] };
    entry.values.push(figure.min);
    byLabel.set(label, entry);
  };
  const labels = PRICE_LABELS;
  for (const label of labelElements(doc, labels)) {
    const item = formItemOf(label, others);
    const control = item && visibleControl(item);
    if (control) add(labelWords(label), controlValue(control));
  }
  for (const table of Array.from(doc.querySelectorAll('table'))) {
    const header = table.querySelector('thead tr') ?? table.querySelector('tr');
    if (!header) continue;
    const cells = Array.from(header.children);
    cells.forEach((cell, column) => {
      const label = labelWords(cell);
      if (!labels.includes(label)) return;
      for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
        if (isHiddenInTree(row)) continue;
        const control = row.children[column]?.querySelector(EDITOR_CONTROL);
        if (control) add(label, controlValue(control));
      }
    });
  }
  const prices: Price[] = [];
  for (const [label, { kind, values }] of byLabel) {
    const price: Price = { min: Math.min(...values), kind, label };
    if (Math.max(...values) !== price.min) price.max = Math.max(...values);
    prices.push(price);
  }
  return { prices: prices.slice(0, 10), issues };
}

function extractEditor(doc: Document): Extracted {
  const others = labelElements(doc, FIELD_LABELS);
  const title = readTitleField(labelElements(doc, EDITOR_TITLE_LABELS), others);
  return editorExtracted(title, () => ({ category: readCategory(doc, others), prices: readPrices(doc, others) }), {
    noTitle: 'no 商品标题 field on the page',
    noCategory: 'no category chosen or shown',
  });
}

export const fxgEditorAdapter: PageAdapter = {
  id: 'douyin/editor',
  version: 1,
  platform: 'douyin',
  pageKind: 'editor',
  hosts: [`*://${FXG_HOST}/*`],
  sampleUrls: [
    'https://fxg.jinritemai.com/ffa/g/create',
    'https://fxg.jinritemai.com/ffa/g/create?product_id=3718502021305860341',
    'https://fxg.jinritemai.com/ffa/g/edit?product_id=3718502021305860341',
    'https://fxg.jinritemai.com/ffa/mshop/goods/create',
  ],
  matchesUrl: isFxgEditorUrl,
  detect(doc) {
    return readTitle(doc) !== undefined;
  },
  extract: extractEditor,
};
