/**
 * What 京东商智 and 京准通 pages share: where the data sections are, which period they state,
 * and the shop name in the header. Both are single-page apps with framework class names, so
 * everything here goes by words: section titles, 统计时间 lines, date pickers, calls to action.
 *
 * Rules, and why:
 * - Only sections titled as data (./words.ts) are read; without a known title, the blocks around
 *   a 统计时间 line. Navigation, banners (`成交金额 提升30% … 立即订购`), help text and tooltips
 *   outside them are never read; inside them, small blocks with a call to action are left out.
 * - Sections of another period (实时, 今日快照) are left out whole, so a capture never mixes periods.
 * - Labels that mean something else on JD (JD_UNREAD_METRIC_LABELS) are not read as metrics.
 * Content-script code: type imports only from the schema.
 */
import type { CaptureIssue, Period } from '../../capture/schema';
import { isOutsideData } from '../../capture/finder';
import { normaliseDigits } from '../../capture/numbers';
import { readPeriod } from '../../capture/period';
import {
  elementsTitled as titledElements,
  HELP_MARKS_AND_COLON,
  periodLines as sharedPeriodLines,
  promotionBlocks,
  sectionAround,
  type TitleOptions,
} from '../../capture/sections';
import { isHiddenInTree, visibleText } from '../../capture/text';
import { JD_PERIOD_PREFIXES, JD_PROMOTION_CALLS, JD_UNREAD_METRIC_LABELS } from './words';

export interface SectionWords {
  /** Titles of sections holding the shop's own figures for the stated period. */
  dataTitles: readonly string[];
  /** Titles of sections of another period (实时 …), left out whole. */
  otherPeriodTitles: readonly string[];
  /**
   * Without a titled section, read the block around a 统计时间 line. Off where such a block may be
   * a per-row table (京准通: a one-row plan table is one plan, not the account).
   */
  untitledByPeriodLine: boolean;
}

export interface BackendLayout {
  /** The data sections: the roots to read figures from. */
  roots: Element[];
  /** Subtrees inside the roots never read: promotions, other-period sections, unread labels. */
  ignore: (el: Element) => boolean;
  period: Period | null;
  issues: CaptureIssue[];
}

/** JD titles may end in a colon (`核心指标：`), which is stripped with the help marks. */
const TITLE_OPTIONS: TitleOptions = { helpMarks: HELP_MARKS_AND_COLON, maxRawLength: 200, maxTitleLength: 12 };

/** Outermost visible elements (outside navigation) whose whole text is one of `titles`. */
export function elementsTitled(doc: Document, titles: readonly string[]): Element[] {
  return titledElements(doc, titles, TITLE_OPTIONS).map((hit) => hit.el);
}

/** The innermost visible elements whose text is a period line (`统计时间：2026-11-21`); one colon after the prefix goes. */
function periodLines(doc: Document): Array<{ el: Element; period: Period }> {
  return sharedPeriodLines(doc, JD_PERIOD_PREFIXES, /^\s*[:：]/);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date picker's current choice when the page has no 统计时间 line: its inputs' values
 * (`2026-11-15` ~ `2026-11-21`), or a date range written as text outside the picker's lists.
 * The word before the picker (昨日, 近7天 …) is not guessed: only the dates are kept.
 */
function pickerPeriod(doc: Document): Period | null {
  const body = doc.body;
  if (!body) return null;
  const values = Array.from(body.querySelectorAll('input'))
    .filter((input) => !isHiddenInTree(input) && input.type !== 'hidden' && !input.closest('[role="listbox"],[role="dialog"]'))
    .map((input) => normaliseDigits(input.value || input.getAttribute('value') || '').trim())
    .filter((value) => ISO_DAY.test(value));
  if (values.length >= 1 && values.length <= 2) {
    const period = readPeriod(values.join(' ~ '));
    if (period?.start) return period;
  }
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 40) continue;
    if (el.closest('li,[role="option"],[role="listbox"],[role="menu"]') || isOutsideData(el)) continue;
    const text = normaliseDigits(visibleText(el));
    if (!/^\d{4}-\d{2}-\d{2}(?:\s*(?:~|至|-)\s*\d{4}-\d{2}-\d{2})?$/.test(text)) continue;
    if (Array.from(el.children).some((child) => visibleText(child) === visibleText(el))) continue;
    const period = readPeriod(text);
    if (period?.start) return period;
  }
  return null;
}

/** The page's period: the first 统计时间 line outside `outside`, else the date picker. */
export function pagePeriod(doc: Document, outside: readonly Element[] = []): Period | null {
  const line = periodLines(doc).find((l) => !outside.some((root) => root.contains(l.el)));
  return line?.period ?? pickerPeriod(doc);
}

const UNREAD_LABELS = new Set(JD_UNREAD_METRIC_LABELS);

/** True for an element whose whole text is a label JD means differently (下单转化率). */
export function isUnreadLabel(el: Element): boolean {
  const raw = el.textContent ?? '';
  if (raw.length === 0 || raw.length > 20) return false;
  return UNREAD_LABELS.has(visibleText(el).replace(HELP_MARKS_AND_COLON, '').replace(/\s+/g, ''));
}

/** The data sections of a 商智 / 京准通 page, what to leave out inside them, and the period. */
export function readBackendLayout(doc: Document, words: SectionWords): BackendLayout {
  const titles = elementsTitled(doc, words.dataTitles);
  const otherTitles = elementsTitled(doc, words.otherPeriodTitles);
  const lines = periodLines(doc);
  const headMarkers = [...titles, ...otherTitles];
  const markers = [...headMarkers, ...lines.map((line) => line.el)];
  const promotions = promotionBlocks(doc, 'jd', JD_PROMOTION_CALLS, markers);
  const otherRoots = new Set<Element>();
  const ignore = (el: Element) => promotions.has(el) || otherRoots.has(el) || isUnreadLabel(el);
  for (const title of otherTitles) {
    const root = sectionAround(title, headMarkers, 'jd', { ignore }) ?? title.parentElement;
    if (root) otherRoots.add(root);
  }
  const issues: CaptureIssue[] = [];
  const candidates: Element[] = [];
  if (titles.length > 0) {
    for (const title of titles) {
      const root = sectionAround(title, headMarkers, 'jd', { ignore });
      if (root) candidates.push(root);
    }
  } else if (words.untitledByPeriodLine) {
    for (const { el } of lines) {
      if ([...otherRoots].some((root) => root.contains(el))) continue;
      const root = sectionAround(el, markers, 'jd', { ignore });
      if (root) candidates.push(root);
    }
  }
  const roots = candidates.filter(
    (root, index) =>
      candidates.indexOf(root) === index &&
      !otherRoots.has(root) &&
      !candidates.some((other) => other !== root && other.contains(root)),
  );
  const period = pagePeriod(doc, [...otherRoots]);
  return { roots, ignore, period, issues };
}

// ---------------------------------------------------------------------------------------------
// Shop

/** 旗舰店, 专营店, 专卖店, 自营店 … (`店铺` is a word of buttons such as 切换店铺, not of names). */
const SHOP_NAME_ENDING = /店$/;

/**
 * The shop name in the page header: the one visible short text there ending in 店. Links that
 * lead elsewhere, menus and hidden switcher lists are skipped; two different names give none.
 */
export function headerShopName(doc: Document): string | undefined {
  const header = doc.querySelector('header,[role="banner"]');
  if (!header) return undefined;
  const names = new Set(
    Array.from(header.querySelectorAll('*'))
      .filter((el) => el.children.length === 0 && !isOutsideData(el))
      .map((el) => visibleText(el))
      .filter((text) => text.length >= 3 && text.length <= 40 && SHOP_NAME_ENDING.test(text) && !/\d{3,}/.test(text)),
  );
  return names.size === 1 ? [...names][0] : undefined;
}
