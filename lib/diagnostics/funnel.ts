/**
 * The funnel: impressions → clicks → visitors → add-to-cart → buyers, from figures captured
 * together. Gives the data for a funnel chart (stages present, step rates) and says where the
 * largest drop is against benchmark.
 *
 * Rules
 * - Stages the page did not show are left out; a step joins consecutive stages present.
 * - Exposure and clicks are taken in people when both people figures exist (曝光人数, 点击人数),
 *   else in counts, so the click step never divides people by times.
 * - Three rates have benchmarks: click-through (exposure → click), add-to-cart rate
 *   (visit → cart) and conversion (visit → buy). Each is judged by its most trusted reference
 *   (lib/diagnostics/benchmarks.ts), using the metric's own figure when the page shows it (its
 *   peer values ride on it), else the funnel's quotient.
 * - The weakest step is the one furthest below its reference. It is reported (info: the
 *   per-metric finding carries the severity) only when at least two rates could be judged;
 *   with one, "largest" says nothing the benchmark finding does not.
 * - A step above 100 % means the stages come from different scopes (visitors from all sources
 *   against search clicks): it is flagged and never judged.
 */
import type { Bound } from '../capture/schema';
import {
  evidenceReference,
  judge,
  judgingReference,
  referencesFor,
  type BenchmarkContext,
  type BenchmarkReference,
  type Judgement,
} from './benchmarks';
import { isSuspect, type MetricSet, type MetricValue } from './derive';
import { actionsFor, both, directionOf, figureOf, finding, fmt, fmtGap, metricName, subjectId } from './findings';
import type { Evidence, EvidenceReference, Finding, Localized } from './types';

export type StageId = 'exposure' | 'click' | 'visit' | 'cart' | 'buy';

export interface FunnelStage {
  id: StageId;
  metric: string;
  value: number;
  bound: Bound;
  label: Localized;
}

export interface FunnelStep {
  from: StageId;
  to: StageId;
  rate: number;
  /** The metric this step's rate is (ctr, addToCartRate), when it has one. */
  metric?: string;
  /** Above 100 %: the two stages are not one funnel. */
  exceedsOne: boolean;
}

export interface FunnelRate {
  metric: string;
  from: StageId;
  to: StageId;
  rate: number;
  reference?: EvidenceReference;
  /** rate / reference (nearest end of a range): below 1 is worse. */
  ratioToReference?: number;
  gap?: number;
}

export interface FunnelData {
  stages: FunnelStage[];
  steps: FunnelStep[];
  /** The benchmarked rates: click-through, add-to-cart, conversion. */
  rates: FunnelRate[];
  /** The metric of the rate furthest below its reference, if any is below. */
  weakest?: string;
}

const STAGE_LABELS: Record<StageId, Localized> = {
  exposure: { zh: '曝光', en: 'Impressions' },
  click: { zh: '点击', en: 'Clicks' },
  visit: { zh: '访客', en: 'Visitors' },
  cart: { zh: '加购', en: 'Add to cart' },
  buy: { zh: '支付', en: 'Buyers' },
};

/** The benchmarked rates and the stages they join. */
const RATE_STEPS: readonly { metric: string; from: StageId; to: StageId }[] = [
  { metric: 'ctr', from: 'exposure', to: 'click' },
  { metric: 'addToCartRate', from: 'visit', to: 'cart' },
  { metric: 'conversionRate', from: 'visit', to: 'buy' },
];

function usable(value: MetricValue | undefined): value is MetricValue {
  return value !== undefined && value.max === undefined && value.value >= 0;
}

function stagesOf(set: MetricSet): FunnelStage[] {
  const get = (metric: string) => {
    const value = set.values.get(metric);
    return usable(value) && value.source === 'page' ? value : undefined;
  };
  const inPeople = get('impressionUsers') && get('clickUsers');
  const picks: [StageId, MetricValue | undefined][] = [
    ['exposure', inPeople ? get('impressionUsers') : (get('impressions') ?? get('impressionUsers'))],
    ['click', inPeople ? get('clickUsers') : (get('clicks') ?? get('clickUsers'))],
    // The shop's visitors, else visitors of item pages (PDD's pages, an item's own figures).
    ['visit', get('visitors') ?? get('itemVisitors')],
    ['cart', get('addToCartUsers')],
    ['buy', get('buyers')],
  ];
  return picks.flatMap(([id, value]) =>
    value ? [{ id, metric: value.metric, value: value.value, bound: value.bound, label: STAGE_LABELS[id] }] : [],
  );
}

function rateMetricOf(from: StageId, to: StageId): string | undefined {
  return RATE_STEPS.find((r) => r.from === from && r.to === to)?.metric;
}

interface JudgedRate {
  rate: FunnelRate;
  value: MetricValue;
  ref: BenchmarkReference;
  judgement: Judgement;
}

/** Funnel chart data and the judged rates; undefined when fewer than two stages were captured. */
export function buildFunnel(set: MetricSet, context: BenchmarkContext): { data: FunnelData; judged: JudgedRate[] } | undefined {
  const stages = stagesOf(set);
  if (stages.length < 2) return undefined;
  const steps: FunnelStep[] = [];
  for (let i = 1; i < stages.length; i++) {
    const from = stages[i - 1]!;
    const to = stages[i]!;
    if (!(from.value > 0)) continue;
    const rate = to.value / from.value;
    const metric = rateMetricOf(from.id, to.id);
    steps.push({ from: from.id, to: to.id, rate, ...(metric ? { metric } : {}), exceedsOne: rate > 1 });
  }

  const byId = new Map(stages.map((s) => [s.id, s]));
  const judged: JudgedRate[] = [];
  const rates: FunnelRate[] = [];
  for (const step of RATE_STEPS) {
    const from = byId.get(step.from);
    const to = byId.get(step.to);
    if (!from || !to || !(from.value > 0)) continue;
    const quotient = to.value / from.value;
    // The stages are one funnel only when the later one does not outnumber the earlier.
    if (quotient > 1) continue;
    // A shown rate that disagrees with its parts may be a misread: neither it nor the quotient is judged.
    if (isSuspect(set, step.metric)) continue;
    const shown = set.values.get(step.metric);
    const value: MetricValue =
      shown && usable(shown)
        ? shown
        : { metric: step.metric, value: quotient, unit: 'ratio', bound: to.bound, source: 'derived', label: `${to.metric} / ${from.metric}` };
    const rate: FunnelRate = { metric: step.metric, from: step.from, to: step.to, rate: value.value };
    const ref = judgingReference(referencesFor(value, context));
    const direction = directionOf(step.metric);
    if (ref && direction && value.bound === 'exact') {
      const judgement = judge(value.value, ref.value, ref.max ?? ref.value, direction);
      const nearest = judgement.gap < 0 ? ref.value : (ref.max ?? ref.value);
      rate.reference = evidenceReference(ref);
      rate.ratioToReference = nearest > 0 ? value.value / nearest : undefined;
      rate.gap = judgement.gap;
      judged.push({ rate, value, ref, judgement });
    }
    rates.push(rate);
  }
  const worse = judged.filter((j) => j.judgement.verdict === 'worse').sort((a, b) => a.judgement.ratio - b.judgement.ratio);
  const weakest = worse[0]?.rate.metric;
  return { data: { stages, steps, rates, ...(weakest ? { weakest } : {}) }, judged };
}

/** The "largest drop" finding, when at least two rates were judged and one is below its reference. */
export function funnelFindings(
  built: ReturnType<typeof buildFunnel>,
  subject: Evidence['subject'],
  period: string | null,
): Finding[] {
  if (!built || built.judged.length < 2 || !built.data.weakest) return [];
  const weakest = built.judged.find((j) => j.rate.metric === built.data.weakest)!;
  const name = metricName(weakest.value.metric);
  const others = built.judged.filter((j) => j !== weakest);
  const evidence: Evidence = {
    subject,
    period,
    figure: figureOf(weakest.value),
    reference: evidenceReference(weakest.ref),
    gap: weakest.judgement.gap,
    details: others.map((j) => figureOf(j.value)),
  };
  const message = both((lang) => {
    const shown = fmt(weakest.value.value, weakest.value.unit, lang);
    const refText = fmt(weakest.ref.value, weakest.ref.unit, lang, weakest.ref.max !== undefined ? { max: weakest.ref.max } : {});
    const label = weakest.ref.label[lang];
    const gap = fmtGap(weakest.judgement.gap);
    return lang === 'zh'
      ? `漏斗中差距最大的一环是${name.zh}：${shown}，对比${label} ${refText}（${gap}），建议先改这一步`
      : `The largest gap in the funnel is ${name.en}: ${shown} against the ${label} of ${refText} (${gap}); work on this step first`;
  });
  return [
    finding({
      id: `funnel:${subjectId(subject)}:${weakest.value.metric}`,
      metric: weakest.value.metric,
      kind: 'funnel',
      severity: 'info',
      evidence,
      message,
      actions: actionsFor(weakest.value.metric, 'worse'),
    }),
  ];
}
