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
import type { Period } from '../../capture/schema';
import { isOutsideData } from '../../capture/finder';
import { readPeriod } from '../../capture/period';
import {
  HELP_MARKS,
  periodLines as sharedPeriodLines,
  readSectionLayout,
  type LayoutWords,
  type SectionLayout,
  type TitleOptions,
} from '../../capture/sections';
import { visibleText } from '../../capture/text';
import { extractDashboardFigures, hasDashboardFigures, type DashboardProblems, type DashboardSections } from '../dashboard-figures';
import type { PageAdapter } from '../types';
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
// Sections (the finding itself is shared: lib/capture/sections.ts)

/** A trailing colon is not stripped from 生意参谋 titles (JD and the item/ad pages strip it). */
const TITLE_OPTIONS: TitleOptions = { helpMarks: HELP_MARKS, maxRawLength: 200, maxTitleLength: 12 };

/** The innermost visible elements whose text is a period line (`统计时间 2026-11-21`). */
export function periodLines(doc: Document): Array<{ el: Element; period: Period }> {
  // Nothing is stripped between the prefix and the dates (PDD and JD strip a colon).
  return sharedPeriodLines(doc, SYCM_PERIOD_PREFIXES);
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

const LAYOUT_WORDS: LayoutWords = {
  titles: SYCM_DATA_SECTION_TITLES,
  realtimeTitles: SYCM_REALTIME_SECTION_TITLES,
  periodPrefixes: SYCM_PERIOD_PREFIXES,
  promotionCalls: SYCM_PROMOTION_CALLS,
  titleOptions: TITLE_OPTIONS,
  fallbackPeriod: pickerPeriod,
};

function readLayout(doc: Document): SectionLayout {
  return readSectionLayout(doc, 'taobao', LAYOUT_WORDS);
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

const PROBLEMS: DashboardProblems = {
  noSection: 'no data section (核心指标, 交易概况, 统计时间 …) with figures found on the page',
  noFigure: 'data sections found, but no figure in them could be read',
  noPeriod: 'the page states no period (统计时间)',
};

function dashboardSections(doc: Document): DashboardSections {
  const layout = readLayout(doc);
  return { ...layout, roots: layout.sections.map((section) => section.root) };
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
    return hasDashboardFigures(dashboardSections(doc), 'taobao');
  },
  extract(doc) {
    return extractDashboardFigures(dashboardSections(doc), 'taobao', PROBLEMS, readShopName(doc));
  },
};

