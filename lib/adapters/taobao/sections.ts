/**
 * Finding a backend page's data sections by their titles, shared by the 商品360 reader
 * (./sycm-item.ts) and the ad consoles (./alimama-report.ts); the 生意参谋 home has its own,
 * older copy (./sycm-home.ts). Words, not class names: these single-page apps hash their classes
 * with every release, while section titles stay.
 *
 * Content-script code: type imports only from the schema.
 */
import { hasFigureBefore, isOutsideData, metricLabelElements, type FindOptions } from '../../capture/finder';
import { visibleText } from '../../capture/text';

const HELP_MARKS = /[\s?？ⓘ❓:：]+$/;

/** The title text of an element: whole visible text, help marks and a trailing colon removed. */
export function titleText(el: Element): string {
  return visibleText(el).replace(HELP_MARKS, '');
}

/** Outermost visible elements (outside navigation, menus, tooltips) whose whole text is one of `titles`. */
export function elementsTitled(doc: Document, titles: readonly string[]): Element[] {
  const found: Element[] = [];
  const body = doc.body;
  if (!body) return found;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 60) continue;
    if (found.some((hit) => hit.contains(el))) continue;
    if (!titles.includes(titleText(el)) || isOutsideData(el)) continue;
    found.push(el);
  }
  return found;
}

/**
 * The section a title heads: the smallest ancestor holding metric labels. None when that ancestor
 * takes in another section's title, or shows figures before the title (a block above it whose
 * figures are not this section's).
 */
export function sectionAround(title: Element, others: readonly Element[], options: FindOptions = {}): Element | null {
  const body = title.ownerDocument.body;
  for (let el = title.parentElement; el && el !== body; el = el.parentElement) {
    const container = el;
    if (others.some((other) => other !== title && !title.contains(other) && container.contains(other))) return null;
    if (hasFigureBefore(container, title)) return null;
    if (metricLabelElements(container, 'taobao', options).length > 0) return container;
  }
  return null;
}

/**
 * Promotions: for each link or button with a call to action (立即开通 …), the smallest block around
 * it holding a metric label, unless that block holds a section title too (a data section with an
 * upsell link in it stays).
 */
export function promotionBlocks(doc: Document, calls: readonly string[], markers: readonly Element[]): Set<Element> {
  const blocks = new Set<Element>();
  const body = doc.body;
  if (!body) return blocks;
  for (const action of Array.from(body.querySelectorAll('a,button,[role="button"]'))) {
    const words = visibleText(action);
    if (!calls.some((call) => words.includes(call))) continue;
    for (let el = action.parentElement; el && el !== body; el = el.parentElement) {
      if (metricLabelElements(el, 'taobao').length === 0) continue;
      if (!markers.some((marker) => el!.contains(marker))) blocks.add(el);
      break;
    }
  }
  return blocks;
}
