/**
 * 抖店 product editor (`fxg.jinritemai.com/ffa/g/create`, `?product_id=N` to edit): the title as
 * typed, the editor's own counter (`12/60`) with its limit, the chosen category and the price
 * fields (one price, or the SKU table's price column as a range).
 *
 * Fields are found by their form labels (./words.ts), never by position or class: the control of
 * a label is the input inside the smallest block around the label that holds one. Values are
 * read from the controls as the page holds them (`input.value`). The counter is read only inside
 * the title's own block, so another field's counter is never taken for the title's.
 */
import type { CaptureIssue, EditorState, Price } from '../../capture/schema';
import { parsePrice } from '../../capture/numbers';
import { isHiddenInTree, visibleText } from '../../capture/text';
import type { Extracted, PageAdapter } from '../types';
import { FXG_HOST, isFxgEditorUrl } from './urls';
import { EDITOR_CATEGORY_ACTIONS, EDITOR_CATEGORY_LABELS, EDITOR_PRICE_LABELS, EDITOR_TITLE_LABELS } from './words';

const CONTROL = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="file"]),textarea';

/** A label's own words: `* 商品标题：` → 商品标题. */
function labelWords(el: Element): string {
  return visibleText(el).replace(/^[*＊\s]+/, '').replace(/[:：?？ⓘ\s]+$/, '');
}

/** Innermost visible elements whose words are one of `labels`, outside tables. */
function labelElements(doc: Document, labels: readonly string[]): Element[] {
  const hits: Element[] = [];
  for (const el of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if ((el.textContent ?? '').length > 40 || el.closest('table') || el.matches(CONTROL)) continue;
    const words = labelWords(el);
    if (!labels.includes(words) || isHiddenInTree(el)) continue;
    if (Array.from(el.children).some((child) => labelWords(child) === words)) continue;
    hits.push(el);
  }
  return hits;
}

/**
 * A label's row (its form item): the first ancestor that shows more than the label itself, at
 * most six levels up. Never further: a block holding other fields would hand over their values.
 */
function rowOf(label: Element): Element | null {
  const words = visibleText(label);
  let node: Element | null = label.parentElement;
  for (let depth = 0; node && depth < 6; depth++, node = node.parentElement) {
    if (visibleText(node) !== words || node.querySelector(CONTROL)) return node;
  }
  return null;
}

/** The form item of a label when it holds a control. */
function formItemOf(label: Element): Element | null {
  const row = rowOf(label);
  return row && (row.querySelector(CONTROL) || row.querySelector('[role="combobox"]')) ? row : null;
}

function controlValue(control: Element): string {
  return (control as HTMLInputElement).value ?? '';
}

interface TitleField {
  title: string;
  counter?: EditorState['counter'];
  notes: CaptureIssue[];
}

function readTitle(doc: Document): TitleField | null {
  for (const label of labelElements(doc, EDITOR_TITLE_LABELS)) {
    const item = formItemOf(label);
    const control = item?.querySelector(CONTROL);
    if (!item || !control || isHiddenInTree(control)) continue;
    const title = controlValue(control).trim();
    const field: TitleField = { title, notes: [] };
    const counters = Array.from(item.querySelectorAll('*'))
      .filter((el) => el.children.length === 0 && !isHiddenInTree(el))
      .map((el) => /^(\d{1,4})\s*\/\s*(\d{1,4})$/.exec(visibleText(el)))
      .filter((match): match is RegExpExecArray => match !== null);
    if (counters.length === 1) {
      const [, length, limit] = counters[0]!;
      if (Number(limit) > 0) field.counter = { length: Number(length), limit: Number(limit) };
    } else if (counters.length > 1) {
      field.notes.push({ field: 'editor.counter', problem: `${counters.length} counters beside the title: none read` });
    }
    return field;
  }
  return null;
}

function readCategory(doc: Document): string | undefined {
  for (const label of labelElements(doc, EDITOR_CATEGORY_LABELS)) {
    // The category block: the label's parent, or the form item when the category is a picker input.
    const item = rowOf(label);
    if (!item) continue;
    const control = item.querySelector(CONTROL);
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
function readPrices(doc: Document): { prices: Price[]; issues: CaptureIssue[] } {
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
  const labels = Object.keys(EDITOR_PRICE_LABELS);
  for (const label of labelElements(doc, labels)) {
    const control = formItemOf(label)?.querySelector(CONTROL);
    if (control && !isHiddenInTree(control)) add(labelWords(label), controlValue(control));
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
        const control = row.children[column]?.querySelector(CONTROL);
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
  const issues: CaptureIssue[] = [];
  const base: Extracted = { period: null, metrics: [], listing: null, results: null, editor: null, issues };
  const title = readTitle(doc);
  if (!title) {
    issues.push({ field: 'editor.title', problem: 'no 商品标题 field on the page' });
    return base;
  }
  const editor: EditorState = { title: title.title.slice(0, 300) };
  issues.push(...title.notes);
  if (title.counter) editor.counter = title.counter;
  const category = readCategory(doc);
  if (category) editor.category = category;
  else issues.push({ field: 'editor.category', problem: 'no category chosen or shown' });
  const prices = readPrices(doc);
  issues.push(...prices.issues);
  if (prices.prices.length > 0) editor.prices = prices.prices;
  else issues.push({ field: 'editor.prices', problem: 'no price filled in' });
  return { ...base, editor, issues: issues.slice(0, 100) };
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
    return readTitle(doc) !== null;
  },
  extract: extractEditor,
};
