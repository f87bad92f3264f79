/**
 * 生意参谋 dashboard: the home page (`sycm.taobao.com/portal/home.htm`, older `/portal/index.htm`)
 * and the 交易概况 overview (`/bda/tradinganaly/overview/overview.htm`). Reads the shop's own
 * figures from the rendered page.
 *
 * Where the figures are taken from, and why:
 * - Only data sections: a section titled 核心指标 / 店铺概况 / 交易概况 … (./sycm-words.ts), or,
 *   when no title is known, the block around a `统计时间` line. Navigation, banners (`支付金额
 *   2500+ … 立即开通`), help panels and tooltips outside them are never read; inside them, small
 *   blocks with a call to action are left out as promotions.
 * - Intraday sections (实时概况) are left out: their figures are today's running totals, not the
 *   period the capture states.
 * - Sections stating a different period from the first one are left out with an issue, so one
 *   capture never mixes two periods.
 * - The figures themselves come from the label→value finder (lib/capture/finder.ts), which keeps
 *   comparisons (较前一日) and peer values (同行同层平均) apart from the shop's value and reports
 *   `-`, unit mismatches and conflicts as issues.
 *
 * Item 360 (`/cc/item_archives`) and market pages (`/mq/…`) are other page kinds: not matched here.
 * Content scripts use this module: type imports only from the schema.
 */
import type { CaptureIssue, Period } from '../../capture/schema';
import { findMetrics, hasFigureBefore, isOutsideData, metricLabelElements } from '../../capture/finder';
import { readPeriod } from '../../capture/period';
import { visibleText } from '../../capture/text';
import type { Extracted, PageAdapter } from '../types';
import {
  SYCM_DATA_SECTION_TITLES,
  SYCM_PERIOD_PREFIXES,
  SYCM_PROMOTION_CALLS,
  SYCM_REALTIME_SECTION_TITLES,
  SYCM_SHOP_BADGES,
} from './sycm-words';

const SYCM_HOST = 'sycm.taobao.com';
const DASHBOARD_PATHS = new Set(['/portal/home.htm', '/portal/index.htm', '/bda/tradinganaly/overview/overview.htm']);

/** True for the 生意参谋 home and trade-overview addresses (any query or hash). */
export function isSycmDashboardUrl(url: URL): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  // The port is ignored, as Chrome's match patterns ignore it (the demo serves on a local port).
  if (url.hostname.toLowerCase() !== SYCM_HOST) return false;
  return DASHBOARD_PATHS.has(url.pathname);
}

// ---------------------------------------------------------------------------------------------
// Sections

interface DataSection {
  root: Element;
  /** The section title as shown, when the section was found by its title. */
  title?: string;
  period: Period | null;
}

interface PageLayout {
  sections: DataSection[];
  /** The period the capture states: the first section's own, else the page's. */
  period: Period | null;
  issues: CaptureIssue[];
}

const HELP_MARKS = /[\s?？ⓘ❓]+$/;
const MAX_TITLE_LENGTH = 12;

function titleText(el: Element): string {
  return visibleText(el).replace(HELP_MARKS, '');
}

/** Outermost visible elements (outside navigation) whose whole text is one of `titles`. */
function elementsTitled(doc: Document, titles: readonly string[]): Array<{ el: Element; title: string }> {
  const found: Array<{ el: Element; title: string }> = [];
  const body = doc.body;
  if (!body) return found;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 200) continue;
    if (found.some((hit) => hit.el.contains(el))) continue;
    const title = titleText(el);
    if (title.length > MAX_TITLE_LENGTH || !titles.includes(title)) continue;
    if (isOutsideData(el)) continue;
    found.push({ el, title });
  }
  return found;
}

/** The innermost visible elements whose text is a period line (`统计时间 2026-11-21`). */
export function periodLines(doc: Document): Array<{ el: Element; period: Period }> {
  const lines: Array<{ el: Element; period: Period }> = [];
  const body = doc.body;
  if (!body) return lines;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 120) continue;
    const text = visibleText(el);
    const prefix = SYCM_PERIOD_PREFIXES.find((word) => text.startsWith(word));
    if (!prefix) continue;
    const period = readPeriod(text.slice(prefix.length));
    if (!period || isOutsideData(el)) continue;
    // Innermost: a child holding the whole line replaces its parent.
    const index = lines.findIndex((line) => line.el.contains(el));
    if (index >= 0) lines.splice(index, 1);
    lines.push({ el, period });
  }
  return lines;
}

/**
 * The date-range picker's current choice (`最近1天（2026-11-21~2026-11-21）`) when the page has no
 * 统计时间 line. The picker's dropdown lists every choice in <li> options, so list items and
 * option roles are skipped: the current choice is the one shown outside the list.
 */
export function pickerPeriod(doc: Document): Period | null {
  const body = doc.body;
  if (!body) return null;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 60) continue;
    if (el.closest('li,[role="option"],[role="listbox"],[role="menu"]') || isOutsideData(el)) continue;
    const text = visibleText(el);
    if (!/^(?:最近|近)\s*\d+\s*(?:天|日)\s*[（(][^)）]+[)）]$/.test(text)) continue;
    // Innermost holder of the whole text: no child element has it all.
    if (Array.from(el.children).some((child) => visibleText(child) === text)) continue;
    const period = readPeriod(text);
    if (period?.start) return period;
  }
  return null;
}

function samePeriod(a: Period | null, b: Period | null): boolean {
  return a?.label === b?.label && a?.start === b?.start && a?.end === b?.end;
}

function describePeriod(period: Period | null): string {
  if (!period) return 'no stated period';
  if (!period.start || !period.end) return period.label;
  const dates = period.start === period.end ? period.start : `${period.start}~${period.end}`;
  return period.label === dates ? dates : `${period.label} (${dates})`;
}

/**
 * Promotions: for each link or button with a call to action (立即开通 …), the smallest block around
 * it that holds a metric label (`支付金额 2500+ … 立即开通`). A block that also holds a section
 * title or 统计时间 line is a data section with an upsell link in it, and is not left out.
 */
function promotionBlocks(doc: Document, markers: Element[]): Set<Element> {
  const blocks = new Set<Element>();
  const body = doc.body;
  if (!body) return blocks;
  for (const action of Array.from(body.querySelectorAll('a,button,[role="button"]'))) {
    const words = visibleText(action);
    if (!SYCM_PROMOTION_CALLS.some((call) => words.includes(call))) continue;
    for (let el = action.parentElement; el && el !== body; el = el.parentElement) {
      if (metricLabelElements(el, 'taobao').length === 0) continue;
      if (!markers.some((marker) => el!.contains(marker))) blocks.add(el);
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
function sectionAround(marker: Element, otherMarkers: Element[], ignore: (el: Element) => boolean): Element | null {
  const body = marker.ownerDocument.body;
  for (let el = marker.parentElement; el && el !== body; el = el.parentElement) {
    const container = el;
    if (otherMarkers.some((other) => other !== marker && !marker.contains(other) && container.contains(other))) return null;
    if (hasFigureBefore(container, marker)) return null;
    if (metricLabelElements(container, 'taobao', { ignore }).length > 0) return container;
  }
  return null;
}

function readLayout(doc: Document): PageLayout & { ignore: (el: Element) => boolean } {
  const titles = elementsTitled(doc, SYCM_DATA_SECTION_TITLES);
  const realtime = elementsTitled(doc, SYCM_REALTIME_SECTION_TITLES);
  const lines = periodLines(doc);
  const markers = [...titles.map((t) => t.el), ...realtime.map((t) => t.el), ...lines.map((l) => l.el)];
  const promotions = promotionBlocks(doc, markers);
  const ignore = (el: Element) => promotions.has(el);
  const issues: CaptureIssue[] = [];
  const headMarkers = [...titles.map((t) => t.el), ...realtime.map((t) => t.el)];

  const candidates: DataSection[] = [];
  if (titles.length > 0) {
    for (const { el, title } of titles) {
      const root = sectionAround(el, headMarkers, ignore);
      if (!root) continue;
      const line = lines.find((l) => root.contains(l.el));
      candidates.push({ root, title, period: line?.period ?? null });
    }
  } else {
    // No known title: the blocks around 统计时间 lines, never an intraday section.
    for (const { el, period } of lines) {
      const root = sectionAround(el, markers, ignore);
      if (root) candidates.push({ root, period });
    }
  }
  // Sections inside a section are read with it.
  const sections = candidates.filter(
    (section, index) =>
      candidates.findIndex((other) => other.root === section.root) === index &&
      !candidates.some((other) => other.root !== section.root && other.root.contains(section.root)),
  );

  // A section without its own line takes the page's: the first 统计时间 outside intraday sections, else the picker.
  const realtimeRoots = realtime
    .map((t) => sectionAround(t.el, headMarkers, ignore) ?? t.el.parentElement)
    .filter((el): el is Element => el !== null);
  const pageLine = lines.find((l) => !realtimeRoots.some((root) => root.contains(l.el)));
  const pagePeriod = pageLine?.period ?? pickerPeriod(doc);
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
// Shop

const SHOP_NAME_ENDING = /(?:店|店铺)$/;

function plausibleShopName(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && !SYCM_SHOP_BADGES.includes(text) && !/\d{3,}/.test(text);
}

/**
 * The shop name in the page header, never a guess:
 * - the text beside a 主店 / 分店 badge (the header's shop switcher), else
 * - the one visible short text ending in 店.
 * Hidden switcher lists, links and menus are skipped; two different candidates give no name.
 */
export function readShopName(doc: Document): string | undefined {
  const header = doc.querySelector('header,[role="banner"]');
  if (!header) return undefined;
  const visibleLeaves = Array.from(header.querySelectorAll('*')).filter(
    (el) => el.children.length === 0 && visibleText(el) !== '' && !isOutsideData(el),
  );
  const besideBadges = new Set<string>();
  for (const badge of visibleLeaves.filter((el) => SYCM_SHOP_BADGES.includes(visibleText(el)))) {
    // Walk up until the badge (or its wrapper) has a previous sibling: the name sits there.
    let node: Element | null = badge;
    while (node && node !== header && !node.previousElementSibling) node = node.parentElement;
    const name = node && node !== header ? visibleText(node.previousElementSibling!) : '';
    if (plausibleShopName(name)) besideBadges.add(name);
  }
  const candidates =
    besideBadges.size > 0
      ? besideBadges
      : new Set(visibleLeaves.map((el) => visibleText(el)).filter((text) => plausibleShopName(text) && SHOP_NAME_ENDING.test(text)));
  return candidates.size === 1 ? [...candidates][0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Adapter

function extractDashboard(doc: Document): Extracted {
  const layout = readLayout(doc);
  const issues: CaptureIssue[] = [...layout.issues];
  const shopName = readShopName(doc);
  const extracted: Extracted = {
    period: layout.period,
    ...(shopName ? { shop: { name: shopName } } : {}),
    metrics: [],
    listing: null,
    results: null,
    issues,
  };

  if (layout.sections.length === 0) {
    issues.push({ field: 'metrics', problem: 'no data section (核心指标, 交易概况, 统计时间 …) with figures found on the page' });
  } else {
    const found = findMetrics(
      layout.sections.map((section) => section.root),
      'taobao',
      { ignore: layout.ignore },
    );
    extracted.metrics = found.metrics;
    issues.push(...found.issues);
    if (found.metrics.length === 0) issues.push({ field: 'metrics', problem: 'data sections found, but no figure in them could be read' });
  }
  if (!layout.period) issues.push({ field: 'period', problem: 'the page states no period (统计时间)' });
  extracted.issues = issues.slice(0, 100);
  return extracted;
}

export const sycmHomeAdapter: PageAdapter = {
  id: 'taobao/sycm-home',
  version: 1,
  platform: 'taobao',
  pageKind: 'dashboard',
  hosts: ['*://sycm.taobao.com/*'],
  sampleUrls: [
    'https://sycm.taobao.com/portal/home.htm',
    'https://sycm.taobao.com/portal/home.htm?activeKey=overview&dateType=day',
    'https://sycm.taobao.com/portal/home.htm#/overview',
    'https://sycm.taobao.com/portal/index.htm',
    'https://sycm.taobao.com/bda/tradinganaly/overview/overview.htm',
    'https://sycm.taobao.com/bda/tradinganaly/overview/overview.htm?dateRange=2026-11-21%7C2026-11-21&dateType=day',
    'http://sycm.taobao.com/portal/home.htm',
  ],
  matchesUrl: isSycmDashboardUrl,
  detect(doc) {
    const layout = readLayout(doc);
    if (layout.sections.length === 0) return false;
    return findMetrics(layout.sections.map((section) => section.root), 'taobao', { ignore: layout.ignore }).metrics.length > 0;
  },
  extract(doc) {
    return extractDashboard(doc);
  },
};

