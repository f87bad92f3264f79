/**
 * The last step of a dashboard adapter, shared by the 生意参谋 home, 京东商智 and 京准通: read the
 * figures of the data sections found (lib/capture/sections.ts) with the label→value finder, and
 * report what is missing. The problem texts name each page's own sections, so they are passed in.
 *
 * Content-script code: type imports only from the schema.
 */
import type { CaptureIssue, Period, Platform } from '../capture/schema';
import { findMetrics } from '../capture/finder';
import type { Extracted } from './types';

export interface DashboardSections {
  /** The data sections' roots to read figures from. */
  roots: readonly Element[];
  /** Subtrees inside the roots never read (promotions …). */
  ignore: (el: Element) => boolean;
  period: Period | null;
  /** Issues found while finding the sections (a section of another period …). */
  issues: readonly CaptureIssue[];
}

export interface DashboardProblems {
  /** No data section found (`no data section (核心指标, …) with figures found on the page`). */
  noSection: string;
  /** Sections found, none of their figures readable. */
  noFigure: string;
  /** The page states no period. */
  noPeriod: string;
}

/** True when the sections hold at least one readable figure: what `detect` asks. */
export function hasDashboardFigures(sections: DashboardSections, platform: Platform): boolean {
  return sections.roots.length > 0 && findMetrics(sections.roots, platform, { ignore: sections.ignore }).metrics.length > 0;
}

/** The capture of a dashboard: its sections' figures, the period, the shop when known, the issues. */
export function extractDashboardFigures(
  sections: DashboardSections,
  platform: Platform,
  problems: DashboardProblems,
  shopName?: string,
): Extracted {
  const issues: CaptureIssue[] = [...sections.issues];
  const extracted: Extracted = {
    period: sections.period,
    ...(shopName ? { shop: { name: shopName } } : {}),
    metrics: [],
    listing: null,
    results: null,
    issues,
  };
  if (sections.roots.length === 0) {
    issues.push({ field: 'metrics', problem: problems.noSection });
  } else {
    const found = findMetrics(sections.roots, platform, { ignore: sections.ignore });
    extracted.metrics = found.metrics;
    issues.push(...found.issues);
    if (found.metrics.length === 0) issues.push({ field: 'metrics', problem: problems.noFigure });
  }
  if (!sections.period) issues.push({ field: 'period', problem: problems.noPeriod });
  extracted.issues = issues.slice(0, 100);
  return extracted;
}
