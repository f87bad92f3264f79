/**
 * The data sections of a PDD backend page (商家后台 数据中心, 多多推广 reports): where the shop's
 * own figures are, apart from menus, help text and marketing. The finding is shared with the
 * 生意参谋 dashboard (lib/capture/sections.ts, PDD's words passed in): a section is found by its
 * title (交易概况 …) or its period line (统计时间 2026-11-21) and reaches up to the smallest block
 * holding metric labels; blocks with a call to action (立即报名 …) and metric words are
 * promotions and are left out.
 *
 * Content-script code: type imports only from the schema.
 */
import type { CaptureIssue, MetricReading, Period, Platform } from '../../capture/schema';
import { findMetrics } from '../../capture/finder';
import { fontTextDecoder } from '../../capture/fonts/font-text';
import type { PageFonts } from '../../capture/fonts/page-fonts';
import { HELP_MARKS, periodLines, readSectionLayout, type SectionLayout, type TitleOptions } from '../../capture/sections';

export interface SectionWords {
  titles: readonly string[];
  periodPrefixes: readonly string[];
  promotionCalls: readonly string[];
}

export type { DataSection } from '../../capture/sections';
export type PageLayout = SectionLayout;

/** A trailing colon is not stripped from PDD titles (JD and the Taobao item/ad pages strip it). */
const TITLE_OPTIONS: TitleOptions = { helpMarks: HELP_MARKS, maxRawLength: 200, maxTitleLength: 12 };
/** PDD writes `统计时间：2026-11-21`: any spaces and colons after the prefix go. */
const AFTER_PREFIX = /^[\s:：]+/;

/** The first period line of the page (`统计时间：2026-11-21`), or null. */
export function readPagePeriod(doc: Document, prefixes: readonly string[]): Period | null {
  return periodLines(doc, prefixes, AFTER_PREFIX)[0]?.period ?? null;
}

/**
 * The data sections (lib/capture/sections.ts). PDD has no known intraday titles and no date
 * picker fallback: without a 统计时间 line the page states no period.
 */
export function readLayout(doc: Document, platform: Platform, words: SectionWords): PageLayout {
  return readSectionLayout(doc, platform, {
    titles: words.titles,
    realtimeTitles: [],
    periodPrefixes: words.periodPrefixes,
    afterPrefix: AFTER_PREFIX,
    promotionCalls: words.promotionCalls,
    titleOptions: TITLE_OPTIONS,
  });
}

export interface SectionMetrics {
  metrics: MetricReading[];
  issues: CaptureIssue[];
  /** How many figures were drawn with an obfuscating font. */
  obfuscated: number;
}

/**
 * Reads the sections' metrics. Digits drawn with the obfuscating font are decoded with the page's
 * decoded fonts when given (lib/capture/fonts); those still undecoded are counted apart.
 */
export function readSectionMetrics(layout: PageLayout, platform: Platform, fonts?: PageFonts): SectionMetrics {
  const found = findMetrics(
    layout.sections.map((section) => section.root),
    platform,
    { ignore: layout.ignore, ...(fonts ? { decodeText: fontTextDecoder(fonts) } : {}) },
  );
  const obfuscated = found.issues.filter((issue) => issue.problem.includes('obfuscated font (private-use characters)')).length;
  return { metrics: found.metrics, issues: found.issues, obfuscated };
}
