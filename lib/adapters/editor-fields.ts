/**
 * What the listing editors of every platform share (Taobao publish, PDD goods editor, 抖店 product
 * editor): finding a form field by its label, the label's form item, the control's typed value,
 * the title's own length counter, and putting the editor state together.
 *
 * Fields are found by their labels, never by class names. A label's form item is the nearest
 * block around it that holds a visible control, and never a block that holds another field's
 * label: when a field's control has not rendered (or was removed), climbing further would reach
 * the section and hand over the next field's value (the 商品类目 input taken for the title).
 * Such a field is reported missing instead.
 *
 * Content-script code: type imports only from the schema.
 */
import type { CaptureIssue, EditorState, Price } from '../capture/schema';
import { normaliseDigits } from '../capture/numbers';
import { isHiddenInTree } from '../capture/text';
import type { Extracted } from './types';

/** Controls an operator types into: not hidden inputs, check boxes, radio buttons or file pickers. */
export const EDITOR_CONTROL = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="file"]),textarea';
const ACTIONS = 'button,a,[role="button"]';
const COUNTER = /^(\d{1,4})\/(\d{1,4})$/;
/** Form items sit a few levels above their label; a row further up is a section. */
const MAX_ITEM_DEPTH = 6;

export interface LabelOptions {
  /** The label's words as the platform's lists write them (`* 商品标题：` → 商品标题). */
  wordsOf: (el: Element) => string;
  /** Elements with more raw text than this are never labels. */
  maxChars: number;
  /** Places a label is never taken from besides controls and buttons (抖店: the SKU table). */
  skip?: (el: Element) => boolean;
}

/** Innermost visible elements whose words are one of `labels`, outside controls and buttons. */
export function labelElements(doc: Document, labels: readonly string[], options: LabelOptions): Element[] {
  const hits: Element[] = [];
  for (const el of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > options.maxChars) continue;
    if (el.matches(EDITOR_CONTROL) || el.closest(ACTIONS) || options.skip?.(el)) continue;
    if (!labels.includes(options.wordsOf(el)) || isHiddenInTree(el)) continue;
    if (Array.from(el.children).some((child) => labels.includes(options.wordsOf(child)))) continue;
    hits.push(el);
  }
  return hits;
}

/** The control's text as typed: the `value` property follows the typing, the attribute keeps the first render. */
export function controlValue(control: Element): string {
  const value = (control as HTMLInputElement).value;
  return typeof value === 'string' ? value : (control.getAttribute('value') ?? control.textContent ?? '');
}

export function visibleControl(item: Element): Element | undefined {
  return Array.from(item.querySelectorAll(EDITOR_CONTROL)).find((control) => !isHiddenInTree(control));
}

function related(a: Element, b: Element): boolean {
  return a === b || a.contains(b) || b.contains(a);
}

/**
 * True when `node` (an ancestor of `label`) holds another field's label, so it is a section or a
 * list of form items rather than this label's own item:
 * - one of `others` (the labels of the platform's known fields found on the page);
 * - a `<label>` element that wraps no control (a radio option's label wraps its input);
 * - an element shaped like one on the way up from the label (same tag and class attribute):
 *   the label column or form item of a sibling field (`div.sell-field-label` twice).
 */
export function holdsOtherLabel(node: Element, label: Element, others: readonly Element[]): boolean {
  if (others.some((other) => !related(other, label) && node.contains(other))) return true;
  for (const element of Array.from(node.querySelectorAll('label'))) {
    if (!related(element, label) && !element.querySelector('input,select,textarea') && (element.textContent ?? '').trim() !== '') return true;
  }
  for (let step: Element | null = label; step && step !== node; step = step.parentElement) {
    const cls = step.getAttribute('class')?.trim();
    if (!cls) continue;
    const tag: string = step.tagName;
    for (const element of Array.from(node.getElementsByTagName(tag)) as Element[]) {
      if (element !== step && !related(element, label) && element.getAttribute('class')?.trim() === cls) return true;
    }
  }
  return false;
}

/**
 * The nearest ancestor of a label (at most six levels up) that `accept`s, stopping without one at
 * a block holding another field's label (see holdsOtherLabel).
 */
export function fieldBlockOf<T>(label: Element, others: readonly Element[], accept: (node: Element) => T | undefined): T | undefined {
  let node: Element | null = label.parentElement;
  for (let depth = 0; node && node !== node.ownerDocument.body && depth < MAX_ITEM_DEPTH; depth++, node = node.parentElement) {
    if (holdsOtherLabel(node, label, others)) return undefined;
    const accepted = accept(node);
    if (accepted !== undefined) return accepted;
  }
  return undefined;
}

/** A label's form item: the nearest block holding a visible control, never one holding another field's label. */
export function formItemOf(label: Element, others: readonly Element[]): Element | undefined {
  return fieldBlockOf(label, others, (node) => (visibleControl(node) ? node : undefined));
}

export interface TitleField {
  title: string;
  counter?: EditorState['counter'];
  notes: CaptureIssue[];
}

/** The editor's own length counter (`12/60`) inside the title's form item: exactly one, else none. */
function readCounter(item: Element): Pick<TitleField, 'counter' | 'notes'> {
  const counters = Array.from(item.querySelectorAll('*'))
    .filter((el) => el.children.length === 0 && !isHiddenInTree(el))
    .map((el) => COUNTER.exec(normaliseDigits(el.textContent ?? '').replace(/\s+/g, '')))
    .filter((match): match is RegExpExecArray => match !== null);
  if (counters.length > 1) return { notes: [{ field: 'editor.counter', problem: `${counters.length} counters beside the title: none read` }] };
  const [, length, limit] = counters[0] ?? [];
  if (length === undefined || limit === undefined || !(Number(limit) > 0)) return { notes: [] };
  return { counter: { length: Number(length), limit: Number(limit) }, notes: [] };
}

/** The title as typed in the first title label's form item that holds a visible control. */
export function readTitleField(titleLabels: readonly Element[], others: readonly Element[]): TitleField | undefined {
  for (const label of titleLabels) {
    const item = formItemOf(label, others);
    const control = item && visibleControl(item);
    if (!item || !control) continue;
    return { title: controlValue(control).replace(/[\r\n]+/g, ' ').trim(), ...readCounter(item) };
  }
  return undefined;
}

export interface EditorPrices {
  prices: Price[];
  issues: CaptureIssue[];
}

export interface EditorProblems {
  /** Why there is no editor state: the page has no title field (names the platform's labels). */
  noTitle: string;
  /** No category shown (names the platform's label). */
  noCategory: string;
}

const MAX_TITLE = 300;

/**
 * The editor capture from its parts: nothing without a title field (the page is not a rendered
 * editor); otherwise the title (cut at 300 characters, said so), its counter, the category and
 * the prices, each missing one reported.
 */
export function editorExtracted(title: TitleField | undefined, rest: () => { category: string | undefined; prices: EditorPrices }, problems: EditorProblems): Extracted {
  const issues: CaptureIssue[] = [];
  const extracted: Extracted = { period: null, metrics: [], listing: null, results: null, editor: null, issues };
  if (!title) {
    issues.push({ field: 'editor.title', problem: problems.noTitle });
    return extracted;
  }
  const editor: EditorState = { title: title.title.slice(0, MAX_TITLE) };
  if (title.title.length > MAX_TITLE) issues.push({ field: 'editor.title', problem: `title longer than ${MAX_TITLE} characters, cut` });
  if (title.counter) editor.counter = title.counter;
  issues.push(...title.notes);
  const { category, prices } = rest();
  if (category) editor.category = category;
  else issues.push({ field: 'editor.category', problem: problems.noCategory });
  if (prices.prices.length > 0) editor.prices = prices.prices.slice(0, 10);
  issues.push(...prices.issues);
  if (prices.prices.length === 0 && prices.issues.length === 0) issues.push({ field: 'editor.prices', problem: 'no price filled in' });
  extracted.editor = editor;
  extracted.issues = issues.slice(0, 100);
  return extracted;
}
