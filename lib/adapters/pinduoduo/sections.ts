/**
 * The data sections of a PDD backend page (商家后台 数据中心, 多多推广 reports): where the shop's
 * own figures are, apart from menus, help text and marketing. Same approach as the 生意参谋
 * dashboard (lib/adapters/taobao/sycm-home.ts): a section is found by its title (交易概况 …) or its
 * period line (统计时间 2026-11-21) and reaches up to the smallest block holding metric labels;
 * blocks with a call to action (立即报名 …) and metric words are promotions and are left out.
 *
 * Content-script code: type imports only from the schema.
 */
import type { CaptureIssue, MetricReading, Period, Platform } from '../../capture/schema';
import { findMetrics, hasFigureBefore, isOutsideData, metricLabelElements } from '../../capture/finder';
import { readPeriod } from '../../capture/period';
import { visibleText } from '../../capture/text';

export interface SectionWords {
  titles: readonly string[];
  periodPrefixes: readonly string[];
  promotionCalls: readonly string[];
}

export interface DataSection {
  root: Element;
  title?: string;
  period: Period | null;
}

export interface PageLayout {
  sections: DataSection[];
  period: Period | null;
  issues: CaptureIssue[];
  ignore: (el: Element) => boolean;
}

const HELP_MARKS = /[\s?？ⓘ❓]+$/;
const MAX_TITLE_LENGTH = 12;

function elementsTitled(doc: Document, titles: readonly string[]): Array<{ el: Element; title: string }> {
  const found: Array<{ el: Element; title: string }> = [];
  const body = doc.body;
  if (!body) return found;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 200) continue;
    if (found.some((hit) => hit.el.contains(el))) continue;
    const title = visibleText(el).replace(HELP_MARKS, '');
    if (title.length > MAX_TITLE_LENGTH || !titles.includes(title)) continue;
    if (isOutsideData(el)) continue;
    found.push({ el, title });
  }
  return found;
}

function periodLines(doc: Document, prefixes: readonly string[]): Array<{ el: Element; period: Period }> {
  const lines: Array<{ el: Element; period: Period }> = [];
  const body = doc.body;
  if (!body) return lines;
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length === 0 || raw.length > 120) continue;
    const text = visibleText(el);
    const prefix = prefixes.find((word) => text.startsWith(word));
    if (!prefix) continue;
    const period = readPeriod(text.slice(prefix.length).replace(/^[\s:：]+/, ''));
    if (!period || isOutsideData(el)) continue;
    const index = lines.findIndex((line) => line.el.contains(el));
    if (index >= 0) lines.splice(index, 1);
    lines.push({ el, period });
  }
  return lines;
}

/** The first period line of the page (`统计时间：2026-11-21`), or null. */
export function readPagePeriod(doc: Document, prefixes: readonly string[]): Period | null {
  return periodLines(doc, prefixes)[0]?.period ?? null;
}

function promotionBlocks(doc: Document, platform: Platform, calls: readonly string[], markers: Element[]): Set<Element> {
  const blocks = new Set<Element>();
  const body = doc.body;
  if (!body) return blocks;
  for (const action of Array.from(body.querySelectorAll('a,button,[role="button"]'))) {
    const words = visibleText(action);
    if (!calls.some((call) => words.includes(call))) continue;
    for (let el = action.parentElement; el && el !== body; el = el.parentElement) {
      if (metricLabelElements(el, platform).length === 0) continue;
      if (!markers.some((marker) => el!.contains(marker))) blocks.add(el);
      break;
    }
  }
  return blocks;
}

function sectionAround(marker: Element, otherMarkers: Element[], platform: Platform, ignore: (el: Element) => boolean): Element | null {
  const body = marker.ownerDocument.body;
  for (let el = marker.parentElement; el && el !== body; el = el.parentElement) {
    const container = el;
    if (otherMarkers.some((other) => other !== marker && !marker.contains(other) && container.contains(other))) return null;
    if (hasFigureBefore(container, marker)) return null;
    if (metricLabelElements(container, platform, { ignore }).length > 0) return container;
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

export function readLayout(doc: Document, platform: Platform, words: SectionWords): PageLayout {
  const titles = elementsTitled(doc, words.titles);
  const lines = periodLines(doc, words.periodPrefixes);
  const markers = [...titles.map((t) => t.el), ...lines.map((l) => l.el)];
  const promotions = promotionBlocks(doc, platform, words.promotionCalls, markers);
  const ignore = (el: Element) => promotions.has(el);
  const issues: CaptureIssue[] = [];
  const heads = titles.map((t) => t.el);

  const candidates: DataSection[] = [];
  if (titles.length > 0) {
    for (const { el, title } of titles) {
      const root = sectionAround(el, heads, platform, ignore);
      if (!root) continue;
      const line = lines.find((l) => root.contains(l.el));
      candidates.push({ root, title, period: line?.period ?? null });
    }
  } else {
    for (const { el, period } of lines) {
      const root = sectionAround(el, markers, platform, ignore);
      if (root) candidates.push({ root, period });
    }
  }
  const sections = candidates.filter(
    (section, index) =>
      candidates.findIndex((other) => other.root === section.root) === index &&
      !candidates.some((other) => other.root !== section.root && other.root.contains(section.root)),
  );
  const pagePeriod = lines[0]?.period ?? null;
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

export interface SectionMetrics {
  metrics: MetricReading[];
  issues: CaptureIssue[];
  /** How many figures were drawn with an obfuscating font. */
  obfuscated: number;
}

/** Reads the sections' metrics; figures drawn with the obfuscating font are counted apart. */
export function readSectionMetrics(layout: PageLayout, platform: Platform): SectionMetrics {
  const found = findMetrics(
    layout.sections.map((section) => section.root),
    platform,
    { ignore: layout.ignore },
  );
  const obfuscated = found.issues.filter((issue) => issue.problem.includes('obfuscated font (private-use characters)')).length;
  return { metrics: found.metrics, issues: found.issues, obfuscated };
}
