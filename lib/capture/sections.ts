/**
 * Finding the data sections of a seller-backend dashboard by words, shared by every platform's
 * adapters (生意参谋, 京东商智 / 京准通, PDD 数据中心 / 多多推广, 抖店 / 罗盘 / 千川). These single-page
 * apps hash their class names with every release, while section titles, 统计时间 lines and calls
 * to action stay; so a section is found from a marker (a title or a period line) and reaches up
 * to the smallest block holding metric labels, and blocks around a call to action are promotions.
 *
 * Site knowledge (platform, titles, period prefixes, call-to-action words) is passed in: the word
 * lists stay as data in each platform's words file.
 *
 * Content-script code: type imports only from the schema.
 */
import type { CaptureIssue, Period, Platform } from './schema';
import { hasFigureBefore, isOutsideData, metricLabelElements, type FindOptions } from './finder';
import { readPeriod } from './period';
import { visibleText } from './text';
import { shortElementsAbove, substringsOf, textPiecesIn, type TextPiece } from './text-scan';

// ---------------------------------------------------------------------------------------------
// Titles

/** Trailing space and help marks (`交易概况 ⓘ`); the copies differ on whether a colon goes too. */
export const HELP_MARKS = /[\s?？ⓘ❓]+$/;
/** HELP_MARKS plus a trailing colon (`核心指标：`), as JD and the Taobao item/ad pages strip it. */
export const HELP_MARKS_AND_COLON = /[\s?？ⓘ❓:：]+$/;

export interface TitleOptions {
  /** What to strip from the end of a title's text: HELP_MARKS or HELP_MARKS_AND_COLON. */
  helpMarks: RegExp;
  /** Elements with more raw text than this are never titles (200 on dashboards, 60 on item/ad pages). */
  maxRawLength: number;
  /** Titles longer than this are skipped; no limit when absent. */
  maxTitleLength?: number;
  /** Further places a title is never taken from (Douyin: page chrome). */
  exclude?: (el: Element) => boolean;
}

const titlePieceCache = new WeakMap<readonly string[], Set<string>>();

/** Every piece of a title a text node may hold (`<b>交易</b><b>概况</b>`). */
function titlePieces(titles: readonly string[]): Set<string> {
  let pieces = titlePieceCache.get(titles);
  if (!pieces) titlePieceCache.set(titles, (pieces = substringsOf(titles)));
  return pieces;
}

/** Outermost visible elements (outside navigation, menus, tooltips) whose whole text is one of `titles`. */
export function elementsTitled(doc: Document, titles: readonly string[], options: TitleOptions): Array<{ el: Element; title: string }> {
  const found: Array<{ el: Element; title: string }> = [];
  const body = doc.body;
  if (!body) return found;
  const pieces = titlePieces(titles);
  // A titled element's text nodes are pieces of its title (help marks aside): only elements
  // above such nodes are looked at (see ./text-scan.ts).
  const isTitlePiece = (piece: TextPiece) => {
    const bare = piece.text.replace(options.helpMarks, '');
    return bare !== '' && pieces.has(bare);
  };
  for (const el of shortElementsAbove(body, 'title', pieces, isTitlePiece, options.maxRawLength)) {
    if (found.some((hit) => hit.el.contains(el))) continue;
    const title = visibleText(el).replace(options.helpMarks, '');
    if (options.maxTitleLength !== undefined && title.length > options.maxTitleLength) continue;
    if (!titles.includes(title)) continue;
    if (isOutsideData(el) || options.exclude?.(el)) continue;
    found.push({ el, title });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Period lines

/**
 * The innermost visible elements whose text is a period line (`统计时间 2026-11-21`).
 * `afterPrefix` is what is removed between the prefix and the dates (`：`); the platforms differ
 * (生意参谋 removes nothing, JD one colon, PDD any run of spaces and colons), so it is passed in.
 */
export function periodLines(doc: Document, prefixes: readonly string[], afterPrefix?: RegExp): Array<{ el: Element; period: Period }> {
  const lines: Array<{ el: Element; period: Period }> = [];
  const body = doc.body;
  if (!body) return lines;
  // A period line's first text node starts with the prefix (or is a piece of it: `<b>统计</b>时间`).
  for (const el of shortElementsAbove(body, 'period-prefix', prefixes, (p) => startsWithPrefix(p.text, prefixes), 120)) {
    const text = visibleText(el);
    const prefix = prefixes.find((word) => text.startsWith(word));
    if (!prefix) continue;
    const rest = text.slice(prefix.length);
    const period = readPeriod(afterPrefix ? rest.replace(afterPrefix, '') : rest);
    if (!period || isOutsideData(el)) continue;
    // Innermost: a child holding the whole line replaces its parent.
    const index = lines.findIndex((line) => line.el.contains(el));
    if (index >= 0) lines.splice(index, 1);
    lines.push({ el, period });
  }
  return lines;
}

/** The text starts with one of the prefixes, or is the start of one (a prefix split over nodes). */
export function startsWithPrefix(text: string, prefixes: readonly string[]): boolean {
  return prefixes.some((word) => text.startsWith(word) || word.startsWith(text));
}

export function samePeriod(a: Period | null, b: Period | null): boolean {
  return a?.label === b?.label && a?.start === b?.start && a?.end === b?.end;
}

export function describePeriod(period: Period | null): string {
  if (!period) return 'no stated period';
  if (!period.start || !period.end) return period.label;
  const dates = period.start === period.end ? period.start : `${period.start}~${period.end}`;
  return period.label === dates ? dates : `${period.label} (${dates})`;
}

// ---------------------------------------------------------------------------------------------
// Sections and promotions

/**
 * Promotions: for each link or button with a call to action (立即开通, 立即订购, 立即报名 …), the
 * smallest block around it that holds a metric label (`支付金额 2500+ … 立即开通`). A block that
 * also holds a marker (section title or 统计时间 line) is a data section with an upsell link in
 * it, and is not left out.
 */
const ACTIONS = 'a,button,[role="button"]';
const callStartCache = new WeakMap<readonly string[], RegExp>();

/** A pattern finding any call word's first character. */
function callStarts(calls: readonly string[]): RegExp {
  let pattern = callStartCache.get(calls);
  if (!pattern) {
    const firsts = [...new Set(calls.map((call) => call.charAt(0)))].map((char) => char.replace(/[\\\]^-]/g, '\\$&'));
    callStartCache.set(calls, (pattern = firsts.length > 0 ? new RegExp(`[${firsts.join('')}]`) : /$^/));
  }
  return pattern;
}

export function promotionBlocks(doc: Document, platform: Platform, calls: readonly string[], markers: readonly Element[]): Set<Element> {
  const blocks = new Set<Element>();
  const body = doc.body;
  if (!body) return blocks;
  // An action showing a call word has a text node holding the word's first character: only the
  // links and buttons above such nodes are looked at (see ./text-scan.ts).
  const actions = new Set<Element>();
  const starts = callStarts(calls);
  for (const piece of textPiecesIn(body, 'call-start', calls, (p) => starts.test(p.text))) {
    for (let el = piece.node.parentElement; el && el !== body; el = el.parentElement) if (el.matches(ACTIONS)) actions.add(el);
  }
  for (const action of actions) {
    const words = visibleText(action);
    if (!calls.some((call) => words.includes(call))) continue;
    for (let el = action.parentElement; el && el !== body; el = el.parentElement) {
      if (metricLabelElements(el, platform).length === 0) continue;
      const block = el;
      if (!markers.some((marker) => block.contains(marker))) blocks.add(block);
      break;
    }
  }
  return blocks;
}

/**
 * The section a marker (title or 统计时间 line) heads: the smallest ancestor holding metric labels.
 * Null when that ancestor would take in another section's marker, or figures shown before the
 * marker (a banner above the section): then the labels found belong to something else.
 * A section whose cards have not rendered yet still ends at its own labels, so an empty section
 * never reaches out to a banner beside it.
 */
export function sectionAround(
  marker: Element,
  otherMarkers: readonly Element[],
  platform: Platform,
  options: FindOptions = {},
): Element | null {
  const body = marker.ownerDocument.body;
  for (let el = marker.parentElement; el && el !== body; el = el.parentElement) {
    const container = el;
    if (otherMarkers.some((other) => other !== marker && !marker.contains(other) && container.contains(other))) return null;
    if (hasFigureBefore(container, marker)) return null;
    if (metricLabelElements(container, platform, options).length > 0) return container;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Layout of a titled dashboard (生意参谋 home, PDD 数据中心 / 多多推广)

export interface DataSection {
  root: Element;
  /** The section title as shown, when the section was found by its title. */
  title?: string;
  period: Period | null;
}

export interface SectionLayout {
  sections: DataSection[];
  /** The period the capture states: the first section's own, else the page's. */
  period: Period | null;
  issues: CaptureIssue[];
  ignore: (el: Element) => boolean;
}

export interface LayoutWords {
  /** Titles of sections holding the shop's own figures. */
  titles: readonly string[];
  /** Titles of intraday sections (实时概况), never read; empty where the platform has none known. */
  realtimeTitles: readonly string[];
  periodPrefixes: readonly string[];
  /** See periodLines. */
  afterPrefix?: RegExp;
  promotionCalls: readonly string[];
  titleOptions: TitleOptions;
  /** The page's period when no 统计时间 line is outside intraday sections (生意参谋: the date picker). */
  fallbackPeriod?: (doc: Document) => Period | null;
}

/**
 * The data sections of a dashboard: titled sections, or without a known title the blocks around
 * 统计时间 lines, never an intraday section. Sections stating a different period from the first
 * one are left out with an issue, so one capture never mixes two periods.
 */
export function readSectionLayout(doc: Document, platform: Platform, words: LayoutWords): SectionLayout {
  const titles = elementsTitled(doc, words.titles, words.titleOptions);
  const realtime = elementsTitled(doc, words.realtimeTitles, words.titleOptions);
  const lines = periodLines(doc, words.periodPrefixes, words.afterPrefix);
  const headMarkers = [...titles.map((t) => t.el), ...realtime.map((t) => t.el)];
  const markers = [...headMarkers, ...lines.map((l) => l.el)];
  const promotions = promotionBlocks(doc, platform, words.promotionCalls, markers);
  const ignore = (el: Element) => promotions.has(el);
  const issues: CaptureIssue[] = [];

  const candidates: DataSection[] = [];
  if (titles.length > 0) {
    for (const { el, title } of titles) {
      const root = sectionAround(el, headMarkers, platform, { ignore });
      if (!root) continue;
      const line = lines.find((l) => root.contains(l.el));
      candidates.push({ root, title, period: line?.period ?? null });
    }
  } else {
    // No known title: the blocks around 统计时间 lines, never an intraday section.
    for (const { el, period } of lines) {
      const root = sectionAround(el, markers, platform, { ignore });
      if (root) candidates.push({ root, period });
    }
  }
  // Sections inside a section are read with it.
  const sections = candidates.filter(
    (section, index) =>
      candidates.findIndex((other) => other.root === section.root) === index &&
      !candidates.some((other) => other.root !== section.root && other.root.contains(section.root)),
  );

  // A section without its own line takes the page's: the first 统计时间 outside intraday sections, else the fallback.
  const realtimeRoots = realtime
    .map((t) => sectionAround(t.el, headMarkers, platform, { ignore }) ?? t.el.parentElement)
    .filter((el): el is Element => el !== null);
  const pageLine = lines.find((l) => !realtimeRoots.some((root) => root.contains(l.el)));
  const pagePeriod = pageLine?.period ?? words.fallbackPeriod?.(doc) ?? null;
  for (const section of sections) section.period ??= pagePeriod;

  const period = sections[0]?.period ?? pagePeriod;
  const kept = sections.filter((section) => {
    if (samePeriod(section.period, period)) return true;
    issues.push({
      field: 'period',
      problem: `section '${section.title ?? '统计时间'}' is for ${describePeriod(section.period)}, not ${describePeriod(period)}: not read`.slice(0, 200),
    });
    return false;
  });
  return { sections: kept, period, issues, ignore };
}

// ---------------------------------------------------------------------------------------------
// Sections about other goods (listing and search pages)

/**
 * Sections showing other goods (看了又看, 相似商品, 为你推荐 …): from each heading (`isHeading`, the
 * platform's heading words) up to the largest ancestor that does not hold `anchor` (the goods'
 * own title). Without an anchor, the smallest block around the heading that shows a price (the
 * other goods' cards), else the heading's parent: cutting too little would read their prices and
 * sales as the goods' own, cutting too much only leaves a field missing.
 */
export function recommendationRegions(doc: Document, anchor: Element | undefined, isHeading: (el: Element) => boolean): Element[] {
  const regions: Element[] = [];
  for (const heading of doc.body ? Array.from(doc.body.querySelectorAll('*')) : []) {
    if (!isHeading(heading)) continue;
    let region: Element = (anchor ? undefined : blockWithPrice(heading, doc.body)) ?? heading.parentElement ?? heading;
    if (anchor) {
      region = heading;
      while (
        region.parentElement &&
        region.parentElement !== doc.body &&
        region.parentElement !== doc.documentElement &&
        !region.parentElement.contains(anchor)
      ) {
        region = region.parentElement;
      }
    }
    if (region === doc.body || region === doc.documentElement) region = heading;
    if (!regions.some((known) => known.contains(region))) regions.push(region);
  }
  return regions;
}

/** The smallest ancestor of a heading, below `body`, whose text shows a price (¥). */
function blockWithPrice(heading: Element, body: Element | null): Element | undefined {
  for (let el = heading.parentElement; el && el !== body; el = el.parentElement) {
    if (/[¥￥]/.test(el.textContent ?? '')) return el;
  }
  return undefined;
}
