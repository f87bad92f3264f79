/**
 * Where the figures of a Douyin backend dashboard are (抖店 home, 罗盘, 千川), and for which period.
 *
 * Backend pages mix metric cards with promotions, course banners and helper text that use the
 * same words (a real 抖店 home shows `支付金额 2500+`, `销量高`, `预估挽回订单量`). So:
 * - Titled sections first: the smallest block around a known section title (./words.ts) that
 *   holds metric labels. A block that would take in another title, or shows figures before its
 *   title (a banner above it), is not a section.
 * - No known title on the page: the main content area, because the Douyin vocabulary is exact
 *   (`销量高` is no label) and what is left out below removes the look-alikes. There a banner is
 *   also known by its reward words in plain text (`成交金额 10万+ 冲刺奖励`), for when its call to
 *   action has not rendered.
 * - Always left out: header, side bars, footers, dialogs (the finder already leaves navigation,
 *   menus, tooltips, controls and outbound links), and promotion blocks: the smallest block
 *   around a call to action (立即报名 …) that holds a metric label.
 *
 * Content scripts use this module: type imports only from the schema.
 */
import type { Period } from '../../capture/schema';
import { isOutsideData, metricLabelElements } from '../../capture/finder';
import { readPeriod } from '../../capture/period';
import { elementsTitled as titledElements, HELP_MARKS, promotionBlocks, sectionAround, startsWithPrefix, type TitleOptions } from '../../capture/sections';
import { shortElementsAbove, textPiecesIn, type TextPiece } from '../../capture/text-scan';
import { visibleText } from '../../capture/text';
import { DOUYIN_PERIOD_PREFIXES, DOUYIN_PROMOTION_CALLS, DOUYIN_REWARD_WORDS } from './words';

const CHROME_TAGS = new Set(['HEADER', 'ASIDE', 'FOOTER', 'DIALOG']);
const CHROME_ROLES = new Set(['banner', 'complementary', 'contentinfo', 'dialog', 'alertdialog']);

/** Page chrome around the data: header, side bars, footer, dialogs (modals carry promotions). */
export function isPageChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  return role !== null && CHROME_ROLES.has(role);
}

function insideChrome(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (isPageChrome(node)) return true;
  return false;
}

/** Titles are never taken from page chrome here (the other platforms have no such rule). */
const TITLE_OPTIONS: TitleOptions = { helpMarks: HELP_MARKS, maxRawLength: 200, maxTitleLength: 12, exclude: insideChrome };

/** Outermost visible elements outside navigation and page chrome whose whole text is one of `titles`. */
export function elementsTitled(doc: Document, titles: readonly string[]): Element[] {
  return titledElements(doc, titles, TITLE_OPTIONS).map((hit) => hit.el);
}

export interface DashboardScope {
  /** The blocks to read figures from (pass them to findMetrics as roots). */
  roots: Element[];
  /** Subtrees to leave out inside the roots (chrome, promotions). */
  ignore: (el: Element) => boolean;
  /** `titled`: known section titles were found; `main`: the main area, no known title. */
  how: 'titled' | 'main';
}

/**
 * Banners in the main area known by their reward words in plain text (DOUYIN_REWARD_WORDS): the
 * smallest block around such a text that holds a metric label. Only where no titled section says
 * where the data is: a banner whose call to action (立即报名) has not rendered looks like cards.
 */
function rewardBlocks(main: Element, ignore: (el: Element) => boolean): Set<Element> {
  const blocks = new Set<Element>();
  for (const el of Array.from(main.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 30 || el.children.length > 0 || !DOUYIN_REWARD_WORDS.some((word) => raw.includes(word))) continue;
    for (let block = el.parentElement; block && block !== main; block = block.parentElement) {
      if (ignore(block)) break;
      if (metricLabelElements(block, 'douyin').length === 0) continue;
      blocks.add(block);
      break;
    }
  }
  return blocks;
}

/** Where a dashboard's figures are: titled sections, else the main area (see the file comment). */
export function dashboardScope(doc: Document, titles: readonly string[]): DashboardScope {
  const markers = elementsTitled(doc, titles);
  const promotions = promotionBlocks(doc, 'douyin', DOUYIN_PROMOTION_CALLS, markers);
  const ignore = (el: Element) => promotions.has(el) || isPageChrome(el);
  const sections: Element[] = [];
  for (const marker of markers) {
    const root = sectionAround(marker, markers, 'douyin', { ignore });
    if (root && !sections.includes(root)) sections.push(root);
  }
  const roots = sections.filter((root) => !sections.some((other) => other !== root && other.contains(root)));
  if (roots.length > 0) return { roots, ignore, how: 'titled' };
  const main = doc.querySelector('main,[role="main"]') ?? doc.body;
  if (!main) return { roots: [], ignore, how: 'main' };
  const rewards = rewardBlocks(main, ignore);
  return { roots: [main], ignore: (el) => ignore(el) || rewards.has(el), how: 'main' };
}

// ---------------------------------------------------------------------------------------------
// Period

const PERIOD_WORD_ONLY = /^(?:今日|今天|昨日|昨天|实时|今日实时|近\s*\d+\s*(?:天|日)|最近\s*\d+\s*(?:天|日)|自然日|自然周|自然月|本周|本月|上周|上月)$/;
/** The characters of PERIOD_WORD_ONLY's words: a text node of a period tab holds only these. */
const PERIOD_WORD_PIECE = /^[今日天昨实时近最自然周月本上\d\s]+$/;
const DATE_TEXT = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;

function usable(el: Element): boolean {
  return !isOutsideData(el) && !insideChrome(el) && !el.closest('li[role="option"],[role="listbox"],[role="menu"]');
}

/** Prefixes of a data update time (`更新于 2026-11-21 10:32`): the day of the data, not its span. */
const UPDATE_PREFIXES = ['数据更新时间', '数据更新至', '更新于', '更新时间'];

/** `统计时间 2026-11-21`: the innermost element holding a prefix and a readable period. */
function prefixedPeriod(doc: Document): { period: Period; update: boolean } | null {
  let best: { el: Element; period: Period; update: boolean } | null = null;
  const body = doc.body;
  if (!body) return null;
  // Only elements above a text node starting a prefix can start with it (see capture/text-scan.ts).
  const isPrefixPiece = (p: TextPiece) => startsWithPrefix(p.text, DOUYIN_PERIOD_PREFIXES);
  for (const el of shortElementsAbove(body, 'period-prefix', DOUYIN_PERIOD_PREFIXES, isPrefixPiece, 120)) {
    const text = visibleText(el);
    const prefix = DOUYIN_PERIOD_PREFIXES.find((word) => text.startsWith(word));
    if (!prefix) continue;
    const period = readPeriod(text.slice(prefix.length).replace(/^\s*[:：]/, ''));
    if (!period || !usable(el)) continue;
    // Innermost holder wins; the first line in document order otherwise.
    if (!best || best.el.contains(el)) best = { el, period, update: UPDATE_PREFIXES.includes(prefix) };
  }
  return best ? { period: best.period, update: best.update } : null;
}

/**
 * A date-range picker: two date inputs side by side (`2026-07-16` / `2026-08-14`), or one text
 * `2026-07-16 ~ 2026-08-14`. Input values are read as the page holds them (React sets the value
 * property, not the attribute).
 */
function pickerPeriod(doc: Document): Period | null {
  const inputs = Array.from(doc.querySelectorAll('input')).filter(
    (input) => DATE_TEXT.test((input as HTMLInputElement).value.trim()) && !isOutsideDataInput(input),
  );
  for (let i = 0; i + 1 < inputs.length; i++) {
    const [a, b] = [inputs[i]!, inputs[i + 1]!];
    // One picker: the two inputs sit together (a common ancestor at most three levels up).
    if (!nearEachOther(a, b)) continue;
    const [from, to] = [(a as HTMLInputElement).value.trim(), (b as HTMLInputElement).value.trim()];
    const period = readPeriod(from === to ? from : `${from} ~ ${to}`);
    if (period?.start) return period;
  }
  const body = doc.body;
  if (!body) return null;
  // Only elements above a text node holding a date's year and month can show a range (pages
  // write dates in one text node; a year split from its month over elements is not read).
  for (const el of shortElementsAbove(body, 'date', DATE_START, (p) => DATE_START.test(p.text), 60)) {
    const text = visibleText(el);
    if (!/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*(?:~|至|-)\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(text)) continue;
    if (Array.from(el.children).some((child) => visibleText(child) === text) || !usable(el)) continue;
    const period = readPeriod(text.replace(/\s*-\s*(?=\d{4})/, ' ~ '));
    if (period?.start) return period;
  }
  return null;
}

const DATE_START = /\d{4}[-/.]\d{1,2}/;

function nearEachOther(a: Element, b: Element): boolean {
  let node: Element | null = a.parentElement;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) if (node.contains(b)) return true;
  return false;
}

/** Inputs are form controls, which isOutsideData refuses; only hidden or chrome inputs are left out here. */
function isOutsideDataInput(input: Element): boolean {
  return insideChrome(input) || input.getAttribute('type') === 'hidden' || Boolean(input.closest('[hidden],[aria-hidden="true"]'));
}

/** The selected period tab (`aria-selected="true"` / `aria-checked="true"`) when it is a period word. */
function selectedTabPeriod(doc: Document): Period | null {
  const body = doc.body;
  if (!body) return null;
  // A tab whose text is a period word has text nodes made of that word's characters: only the
  // elements above such nodes are looked at, outermost first (an attribute query over every
  // element of a large page costs more than the whole capture).
  const selected: Element[] = [];
  for (const piece of textPiecesIn(body, 'period-word', PERIOD_WORD_PIECE, (p) => PERIOD_WORD_PIECE.test(p.text))) {
    const chain: Element[] = [];
    for (let el = piece.node.parentElement; el && el !== body; el = el.parentElement) {
      if (el.getAttribute('aria-selected') === 'true' || el.getAttribute('aria-checked') === 'true') chain.unshift(el);
    }
    for (const el of chain) if (!selected.includes(el)) selected.push(el);
  }
  for (const el of selected) {
    const text = visibleText(el);
    if (!PERIOD_WORD_ONLY.test(text) || insideChrome(el)) continue;
    const period = readPeriod(text);
    if (period) return period;
  }
  return null;
}

/**
 * The period a Douyin backend page states for its figures: a prefixed line (统计时间 …), else a
 * date-range picker, else the selected period tab (今日, 近7天 …). Null when it states none.
 */
const SINGLE_DAY = /^(?:今日|今天|实时|昨日|昨天|近1天|最近1天)$/;

export function readDouyinPeriod(doc: Document): Period | null {
  const line = prefixedPeriod(doc);
  const tab = selectedTabPeriod(doc);
  // An update time dates the data only when the figures are one day's (今日实时 cards); under a
  // 近7天 tab its day is not the period, and the tab's words are all that is known.
  if (line?.update) {
    if (tab && !SINGLE_DAY.test(tab.label)) return tab;
    if (tab && line.period.start && line.period.start === line.period.end) return { label: tab.label, start: line.period.start, end: line.period.end };
  }
  const stated = line?.period ?? pickerPeriod(doc);
  // Dates from the picker named by the selected tab: 近1天 (2026-11-21).
  if (stated?.start && tab && /^\d/.test(stated.label)) return { label: tab.label, start: stated.start, end: stated.end };
  return stated ?? tab;
}
