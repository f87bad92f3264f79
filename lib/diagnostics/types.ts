/**
 * The diagnostics contract: what `diagnose()` takes and the findings it returns.
 *
 * A finding says which figure is off, by how much, against what, and what to do. Its evidence
 * carries the numbers and the reference used, so the panel can write "5.10% vs 同行均值 8.20%"
 * without recomputing anything, and its texts come in both languages.
 */
import type { Bound, Capture, Unit } from '../capture/schema';
import type { ObservationRow } from '../db/schema';

export interface Localized {
  zh: string;
  en: string;
}

export const SEVERITIES = ['critical', 'warning', 'info', 'good'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_KINDS = ['benchmark', 'peer', 'anomaly', 'funnel', 'consistency', 'stock', 'ads'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** How far a reference can be trusted: page peers are the platform's own figures. */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * Where a reference figure comes from, in the order of trust for benchmarks:
 * the page's own peer values, then the operator's settings, then ShopLens' defaults.
 * The others are references of other rules (the entity's own history, the break-even ROI
 * implied by the margin, the daily budget, the same capture's other figures).
 */
export type ReferenceSource = 'page-peer' | 'settings' | 'default' | 'history' | 'break-even' | 'budget' | 'capture';

/** Where a figure in the evidence comes from. */
export type FigureSource = 'page' | 'derived' | 'history' | 'settings' | 'computed';

export interface EvidenceFigure {
  label: Localized;
  value: number;
  /** Upper end when the figure is a range. */
  max?: number;
  unit: Unit;
  bound: Bound;
  source: FigureSource;
  /** For a derived figure: the formula in words, e.g. `clicks / impressions`. */
  formula?: string;
}

export interface EvidenceReference {
  /** As the page wrote it (同行均值) in zh; in words in en. */
  label: Localized;
  /** The reference, or the low end of a reference range. */
  value: number;
  /** High end of a reference range (rough industry ranges, peer ranges). */
  max?: number;
  unit: Unit;
  source: ReferenceSource;
  confidence: Confidence;
  /** Where a default comes from and how rough it is. */
  note?: Localized;
}

export interface Evidence {
  /** What the figure is about: the page's own subject (shop or item) or one report row. */
  subject: { kind: 'page' | 'item'; entityKey?: string; itemId?: string; title?: string };
  /** The page's period label (昨日, 近7天 …), null when the page shows none. */
  period: string | null;
  /** The judged figure. */
  figure: EvidenceFigure;
  reference?: EvidenceReference;
  /** Signed relative difference of the figure against the reference: −0.38 = 38 % below. */
  gap?: number;
  /** Other numbers behind the finding: a derived value's inputs, history medians, stock, pace. */
  details: EvidenceFigure[];
}

export interface Finding {
  /** Stable within one capture: `<kind>:<subject>:<metric>[:<rule>]`, usable as a React key. */
  id: string;
  /** Canonical metric id (lib/metrics). */
  metric: string;
  kind: FindingKind;
  severity: Severity;
  /** The judged figure (= evidence.figure.value). */
  value: number;
  /** The figure it was judged against (= evidence.reference.value), null when there is none. */
  reference: number | null;
  evidence: Evidence;
  message: Localized;
  actions: Localized[];
}

/** Operator settings for one shop (the caller picks the shop's entry). */
export interface DiagnosticsSettings {
  /** Gross margin as a fraction of sales (0.35 = 35 %); break-even ROI = 1 / margin. */
  grossMargin?: number;
  /** Daily ad budget in yuan, for spend pacing. */
  dailyAdBudget?: number;
  /** Days a restock takes to arrive; default DEFAULT_RESTOCK_LEAD_DAYS (lib/diagnostics/stock.ts). */
  restockLeadDays?: number;
  /** The operator's own benchmarks: a target (low only) or an acceptable range, in the metric's unit. */
  benchmarks?: Readonly<Record<string, CustomBenchmark>>;
}

export interface CustomBenchmark {
  low: number;
  high?: number;
  note?: string;
}

export interface DiagnosticsInput {
  capture: Capture;
  /**
   * Stored observations (lib/db) of the capture's entity and of its report rows' items, any
   * period kinds and days; the current capture's own rows may be included (they are ignored
   * as history).
   */
  history?: readonly ObservationRow[];
  settings?: DiagnosticsSettings;
  /**
   * The entity the capture's top-level figures are stored under; default: what the database
   * derives (`entityOf` in lib/db/store.ts).
   */
  entityKey?: string;
}
