/**
 * Derived metrics: ratios computed from figures captured together (one capture's top-level
 * metrics, or one report row), and the consistency check between a ratio the page shows and
 * the same ratio computed from its parts.
 *
 * Rules
 * - A derived value never overrides one the page showed; it only fills a metric the page left out.
 * - Every figure is treated as the interval the page's rounding allows (5.63% is 5.625–5.635 %,
 *   1.2万 is 11,500–12,500), and a lower bound (`10万+`) as an interval open upwards. A shown
 *   ratio disagrees with its parts only when the intervals do not meet even after a further
 *   RELATIVE_SLACK, so rounding never raises a false alarm; the wrong reads this catches
 *   (a peer value taken for the shop's own, 万 or fen slips) are off by far more.
 * - Lower bounds: a numerator that is a lower bound gives a derived lower bound (`atLeast`);
 *   a denominator that is a lower bound would give an upper bound, which the Capture has no
 *   way to say, so no value is derived then (the consistency check still uses the interval).
 *   Ranges (a figure with `max`) never yield a derived value either.
 */
import type { Bound, MetricReading, Unit } from '../capture/schema';
import { metricDefinition, normaliseLabel } from '../metrics';
import { RATIO_FORMULAS, type RatioFormula } from './data/formulas';
import { both, figureOf, finding, fmt, metricName, ruleActions, subjectId } from './findings';
import type { Evidence, Finding } from './types';

export interface MetricValue {
  metric: string;
  value: number;
  max?: number;
  unit: Unit;
  bound: Bound;
  source: 'page' | 'derived';
  /** The page's label, or for a derived value the formula (`clicks / impressions`). */
  label: string;
  /** The page's reading (peers, change) when source is 'page'. */
  reading?: MetricReading;
  formula?: RatioFormula;
  inputs?: readonly [MetricValue, MetricValue];
}

/** A ratio the page shows that its captured parts do not reproduce. */
export interface Disagreement {
  metric: string;
  shown: MetricValue;
  /** The first formula that disagreed (all checkable formulas did). */
  formula: RatioFormula;
  computed: number;
  /** The interval the parts allow. */
  low: number;
  high: number;
  inputs: readonly [MetricValue, MetricValue];
}

export interface MetricSet {
  /** Shown figures first; derived values fill metrics the page did not show. */
  values: ReadonlyMap<string, MetricValue>;
  disagreements: readonly Disagreement[];
}

/** Pages compute ratios from unrounded internals and sometimes dedupe differently: allow 2 %. */
export const RELATIVE_SLACK = 0.02;

export function formulaText(formula: Pick<RatioFormula, 'numerator' | 'denominator'>): string {
  return `${formula.numerator} / ${formula.denominator}`;
}

/** Decimal places of a number as written (binary noise removed): 5.630000000000001 → 2. */
function decimalsOf(value: number): number {
  const text = Math.abs(value).toFixed(8).replace(/0+$/, '');
  const dot = text.indexOf('.');
  return dot < 0 || dot === text.length - 1 ? 0 : text.length - dot - 1;
}

/**
 * Half of the last displayed step of a figure, i.e. how far the true value can be from the
 * shown one through rounding alone. The displayed text is not in the Capture, so it is inferred
 * from the value: ratios were shown as percent (0.0563 → "5.63%" → ±0.005 %); integers from
 * 10,000 up may have been written with 万/亿, so their trailing zeros are taken as rounding
 * (12000 may be "1.2万" → ±500); smaller counts are exact; other integers were rounded to 1.
 * Taking round numbers as rounded can only widen the interval, i.e. avoid false alarms.
 */
export function displayHalfStep(value: number, unit: Unit): number {
  if (unit === 'ratio') return 0.5 * 10 ** -decimalsOf(value * 100) / 100;
  const abs = Math.abs(value);
  if (Number.isInteger(Number(abs.toFixed(8)))) {
    if (abs >= 10_000) {
      let zeros = 0;
      let rest = Math.round(abs);
      while (rest % 10 === 0 && zeros < 12) {
        rest /= 10;
        zeros++;
      }
      return zeros === 0 ? (unit === 'count' ? 0 : 0.5) : 0.5 * 10 ** zeros;
    }
    return unit === 'count' ? 0 : 0.5;
  }
  return 0.5 * 10 ** -decimalsOf(value);
}

interface Interval {
  low: number;
  high: number;
}

/** The values a figure can stand for, given its rounding, bound and range. */
export function intervalOf(figure: Pick<MetricValue, 'value' | 'max' | 'unit' | 'bound'>): Interval {
  const upper = figure.max ?? figure.value;
  const low = figure.value - displayHalfStep(figure.value, figure.unit);
  const high = figure.bound === 'atLeast' ? Infinity : upper + displayHalfStep(upper, figure.unit);
  return { low, high };
}

function quotientInterval(numerator: Interval, denominator: Interval): Interval {
  const low = denominator.high === Infinity ? 0 : Math.max(0, numerator.low) / denominator.high;
  const high = denominator.low <= 0 ? Infinity : numerator.high / denominator.low;
  return { low, high };
}

function disagrees(shown: Interval, computed: Interval): boolean {
  return computed.high * (1 + RELATIVE_SLACK) < shown.low || computed.low * (1 - RELATIVE_SLACK) > shown.high;
}

function fromReading(reading: MetricReading): MetricValue {
  return {
    metric: reading.metric,
    value: reading.value,
    ...(reading.max !== undefined ? { max: reading.max } : {}),
    unit: reading.unit,
    bound: reading.bound,
    source: 'page',
    label: reading.label,
    reading,
  };
}

function applies(formula: RatioFormula, adsPage: boolean): boolean {
  return !formula.adsPagesOnly || adsPage;
}

/** The derived value of a formula, or undefined when its inputs cannot give a point value. */
function derivedValue(formula: RatioFormula, numerator: MetricValue, denominator: MetricValue, unit: Unit): MetricValue | undefined {
  if (numerator.max !== undefined || denominator.max !== undefined) return undefined;
  if (denominator.bound !== 'exact' || !(denominator.value > 0) || numerator.value < 0) return undefined;
  return {
    metric: formula.metric,
    value: numerator.value / denominator.value,
    unit,
    bound: numerator.bound,
    source: 'derived',
    label: formulaText(formula),
    formula,
    inputs: [numerator, denominator],
  };
}

/**
 * The figures of one capture (or one report row) with derived ratios filled in and shown ratios
 * checked against their parts. `adsPage`: the capture comes from an ad console (see
 * data/traffic-sources.ts), which enables ROI from pay amount and spend.
 */
export function deriveMetrics(readings: readonly MetricReading[], options: { adsPage?: boolean } = {}): MetricSet {
  const adsPage = options.adsPage ?? false;
  const values = new Map<string, MetricValue>();
  // The first reading of a metric wins, as in the database (a repeated card cannot overwrite it).
  for (const reading of readings) if (!values.has(reading.metric)) values.set(reading.metric, fromReading(reading));

  const disagreements: Disagreement[] = [];
  const shownMetrics = new Set(values.keys());
  for (const metric of new Set(RATIO_FORMULAS.map((f) => f.metric))) {
    const formulas = RATIO_FORMULAS.filter((f) => f.metric === metric && applies(f, adsPage));
    const shown = values.get(metric);
    if (shown && shownMetrics.has(metric)) {
      const label = normaliseLabel(shown.label);
      const checks = formulas.flatMap((formula) => {
        if (!formula.checkLabels.some((l) => normaliseLabel(l) === label)) return [];
        const numerator = values.get(formula.numerator);
        const denominator = values.get(formula.denominator);
        if (!numerator || !denominator || numerator.source !== 'page' || denominator.source !== 'page') return [];
        const computed = quotientInterval(intervalOf(numerator), intervalOf(denominator));
        return [{ formula, numerator, denominator, computed }];
      });
      // Two formulas can explain one label (点击率 by clicks or by click users): the shown
      // figure is inconsistent only when none of them reproduces it.
      const shownInterval = intervalOf(shown);
      if (checks.length > 0 && checks.every((c) => disagrees(shownInterval, c.computed))) {
        const first = checks[0]!;
        const point = first.denominator.value > 0 ? first.numerator.value / first.denominator.value : Infinity;
        disagreements.push({
          metric,
          shown,
          formula: first.formula,
          computed: point,
          low: first.computed.low,
          high: first.computed.high,
          inputs: [first.numerator, first.denominator],
        });
      }
      continue;
    }
    for (const formula of formulas) {
      if (!formula.derive) continue;
      const numerator = values.get(formula.numerator);
      const denominator = values.get(formula.denominator);
      if (!numerator || !denominator || numerator.source !== 'page' || denominator.source !== 'page') continue;
      const derived = derivedValue(formula, numerator, denominator, metricDefinition(metric)?.unit ?? 'ratio');
      if (derived) {
        values.set(metric, derived);
        break;
      }
    }
  }
  return { values, disagreements };
}

/**
 * Whether a figure disagrees with its own parts. Such a figure may be a misread (often a peer
 * value taken for the shop's own), so no rule judges it: only the consistency finding speaks.
 */
export function isSuspect(set: MetricSet, metric: string): boolean {
  return set.disagreements.some((d) => d.metric === metric);
}

/** A shown ratio its parts do not reproduce: usually one of the figures was read wrong. */
export function consistencyFindings(set: MetricSet, subject: Evidence['subject'], period: string | null): Finding[] {
  return set.disagreements.map((d) => {
    const [numerator, denominator] = d.inputs;
    const name = metricName(d.metric);
    const numName = metricName(numerator.metric);
    const denName = metricName(denominator.metric);
    const evidence: Evidence = {
      subject,
      period,
      figure: figureOf(d.shown),
      reference: {
        label: { zh: `${numName.zh} ÷ ${denName.zh}`, en: `${numName.en} ÷ ${denName.en}` },
        value: d.computed,
        unit: d.shown.unit,
        source: 'capture',
        confidence: 'high',
      },
      gap: d.computed > 0 && Number.isFinite(d.computed) ? d.shown.value / d.computed - 1 : undefined,
      details: [figureOf(numerator), figureOf(denominator)],
    };
    const message = both((lang) => {
      const shown = fmt(d.shown.value, d.shown.unit, lang, { bound: d.shown.bound });
      const n = fmt(numerator.value, numerator.unit, lang, { bound: numerator.bound });
      const m = fmt(denominator.value, denominator.unit, lang, { bound: denominator.bound });
      const computed = Number.isFinite(d.computed) ? fmt(d.computed, d.shown.unit, lang) : '∞';
      return lang === 'zh'
        ? `数据不一致：页面显示${name.zh} ${shown}，但${numName.zh} ${n} ÷ ${denName.zh} ${m} = ${computed}，其中可能有数字读错了`
        : `Figures disagree: the page shows ${name.en} ${shown}, but ${numName.en} ${n} ÷ ${denName.en} ${m} = ${computed}; one of them may have been misread`;
    });
    return finding({
      id: `consistency:${subjectId(subject)}:${d.metric}`,
      metric: d.metric,
      kind: 'consistency',
      severity: 'warning',
      evidence,
      message,
      actions: ruleActions('consistency'),
    });
  });
}
