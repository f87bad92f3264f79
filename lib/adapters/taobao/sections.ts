/**
 * Finding a backend page's data sections by their titles, for the 商品360 reader (./sycm-item.ts)
 * and the ad consoles (./alimama-report.ts): Taobao's settings of the shared finder
 * (lib/capture/sections.ts), which the 生意参谋 home (./sycm-home.ts) uses too. Words, not class
 * names: these single-page apps hash their classes with every release, while section titles stay.
 *
 * Content-script code: type imports only from the schema.
 */
import type { FindOptions } from '../../capture/finder';
import {
  elementsTitled as titledElements,
  HELP_MARKS_AND_COLON,
  promotionBlocks as sharedPromotionBlocks,
  sectionAround as sharedSectionAround,
  type TitleOptions,
} from '../../capture/sections';

/**
 * These pages strip a trailing colon, take titles only from elements of at most 60 characters of
 * raw text and set no title length limit (the 生意参谋 home: no colon, 200, 12). Kept as they were.
 */
const TITLE_OPTIONS: TitleOptions = { helpMarks: HELP_MARKS_AND_COLON, maxRawLength: 60 };

/** Outermost visible elements (outside navigation, menus, tooltips) whose whole text is one of `titles`. */
export function elementsTitled(doc: Document, titles: readonly string[]): Element[] {
  return titledElements(doc, titles, TITLE_OPTIONS).map((hit) => hit.el);
}

/** The section a title heads (lib/capture/sections.ts), by Taobao's metric labels. */
export function sectionAround(title: Element, others: readonly Element[], options: FindOptions = {}): Element | null {
  return sharedSectionAround(title, others, 'taobao', options);
}

/** Promotion blocks around a call to action (lib/capture/sections.ts), by Taobao's metric labels. */
export function promotionBlocks(doc: Document, calls: readonly string[], markers: readonly Element[]): Set<Element> {
  return sharedPromotionBlocks(doc, 'taobao', calls, markers);
}
