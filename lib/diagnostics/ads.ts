/**
 * Ads: ROI against the break-even ROI implied by the shop's gross margin, spend pacing against
 * the daily budget, and paid traffic's click-through and conversion against organic traffic.
 *
 * Rules
 * - Break-even ROI = 1 / gross margin: each yuan of spend must bring 1 / margin yuan of sales
 *   to pay for itself. ROI below 90 % of break-even is critical (the ads lose money), below
 *   break-even a warning, from 130 % of it good. Without a margin setting the ROI cannot be
 *   judged: one info finding asks for it. A lower-bound ROI only proves the good side.
 * - Pacing, running day (实时, 今日): expected share of the budget by now follows the day's usual
 *   spend curve (data/pacing.ts). Budget spent before 21:36 (90 % of the day) is critical, the
 *   ads stop for the rest of the day; projected spend ≥ 130 % of budget before then a warning;
 *   projected ≤ 50 % after noon info. A finished day (昨日): the whole budget spent is a warning
 *   (ads were capped), under half spent info.
 * - Paid against organic: from a report whose rows are traffic sources (data/traffic-sources.ts).
 *   Counts of several rows of one kind are summed before the rates are taken. Paid rate below
 *   half the organic one is a warning, below 80 % info.
 */
import type { ItemRow, Period } from '../capture/schema';
import { deriveMetrics, isSuspect, type MetricSet, type MetricValue } from './derive';
import { ORGANIC_SOURCE_NAMES, PAID_SOURCE_NAMES } from './data/traffic-sources';
import { HOURLY_SPEND_WEIGHTS } from './data/pacing';
import { both, figureOf, finding, fmt, fmtGap, inputFigures, metricName, ruleActions } from './findings';
import { periodKindOf, shanghaiDayFraction } from './period';
import type { DiagnosticsSettings, Evidence, Finding, Localized, Severity } from './types';

export const BREAK_EVEN = { critical: 0.9, good: 1.3 } as const;
export const PACING = { exhaustedShare: 0.98, latestNormalExhaustion: 0.9, overPace: 1.3, underPace: 0.5, underPaceFrom: 0.5 } as const;
export const PAID_VS_ORGANIC = { warning: 0.5, info: 0.8 } as const;

const PAGE: Evidence['subject'] = { kind: 'page' };

export function breakEvenRoi(grossMargin: number | undefined): number | undefined {
  return grossMargin !== undefined && grossMargin > 0 && grossMargin <= 1 ? 1 / grossMargin : undefined;
}

export function roiFindings(set: MetricSet, settings: DiagnosticsSettings | undefined, period: string | null): Finding[] {
  const roi = set.values.get('roi');
  if (!roi || roi.max !== undefined || !(roi.value >= 0) || isSuspect(set, 'roi')) return [];
  const breakEven = breakEvenRoi(settings?.grossMargin);
  const name = metricName('roi');
  if (breakEven === undefined) {
    return [
      finding({
        id: 'ads:page:roi:margin-missing',
        metric: 'roi',
        kind: 'ads',
        severity: 'info',
        evidence: { subject: PAGE, period, figure: figureOf(roi), details: inputFigures(roi) },
        message: both((lang) =>
          lang === 'zh'
            ? `投产比 ${fmt(roi.value, roi.unit, lang, { bound: roi.bound })}：尚未设置毛利率，无法判断是否保本`
            : `ROI ${fmt(roi.value, roi.unit, lang, { bound: roi.bound })}: no gross margin is set, so break-even cannot be judged`,
        ),
        actions: ruleActions('marginMissing'),
      }),
    ];
  }
  const ratio = roi.value / breakEven;
  let severity: Severity | undefined;
  if (ratio < 1) severity = roi.bound === 'atLeast' ? undefined : ratio < BREAK_EVEN.critical ? 'critical' : 'warning';
  else if (ratio >= BREAK_EVEN.good) severity = 'good';
  if (!severity) return [];
  const margin = settings!.grossMargin!;
  const evidence: Evidence = {
    subject: PAGE,
    period,
    figure: figureOf(roi),
    reference: {
      label: { zh: '保本投产比', en: 'break-even ROI' },
      value: breakEven,
      unit: 'multiple',
      source: 'break-even',
      confidence: 'medium',
      note: { zh: `按毛利率 ${fmt(margin, 'ratio', 'zh')} 计算：1 ÷ 毛利率`, en: `From a gross margin of ${fmt(margin, 'ratio', 'en')}: 1 ÷ margin` },
    },
    gap: ratio - 1,
    details: [
      { label: { zh: '毛利率（设置）', en: 'Gross margin (setting)' }, value: margin, unit: 'ratio', bound: 'exact', source: 'settings' },
      ...inputFigures(roi),
    ],
  };
  const below = ratio < 1;
  const message = both((lang) => {
    const shown = fmt(roi.value, 'multiple', lang, { bound: roi.bound });
    const be = fmt(breakEven, 'multiple', lang);
    if (below) {
      return lang === 'zh'
        ? `${name.zh} ${shown} 低于保本投产比 ${be}（${fmtGap(ratio - 1)}）：推广在亏钱`
        : `${name.en} ${shown} is below the break-even ROI of ${be} (${fmtGap(ratio - 1)}): the ads lose money`;
    }
    return lang === 'zh'
      ? `${name.zh} ${shown} 高于保本投产比 ${be}（${fmtGap(ratio - 1)}）：推广在赚钱`
      : `${name.en} ${shown} is above the break-even ROI of ${be} (${fmtGap(ratio - 1)}): the ads pay for themselves`;
  });
  return [
    finding({
      id: 'ads:page:roi:break-even',
      metric: 'roi',
      kind: 'ads',
      severity,
      evidence,
      message,
      actions: ruleActions(below ? 'roiBelowBreakEven' : 'roiAboveBreakEven'),
    }),
  ];
}

/** Share of a day's usual spend that falls before `fraction` of the day (0–1). */
export function expectedSpendShare(fraction: number): number {
  const total = HOURLY_SPEND_WEIGHTS.reduce((a, b) => a + b, 0);
  const hours = Math.min(Math.max(fraction, 0), 1) * 24;
  let sum = 0;
  for (let h = 0; h < 24; h++) sum += HOURLY_SPEND_WEIGHTS[h]! * Math.min(Math.max(hours - h, 0), 1);
  return total > 0 ? sum / total : fraction;
}

/** The fraction of the day at which the usual curve reaches `share` of the day's spend. */
export function fractionReaching(share: number): number {
  if (share >= 1) return 1;
  let low = 0;
  let high = 1;
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2;
    if (expectedSpendShare(mid) < share) low = mid;
    else high = mid;
  }
  return high;
}

function clock(fraction: number): string {
  const minutes = Math.round(Math.min(Math.max(fraction, 0), 1) * 24 * 60);
  const hh = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return minutes >= 24 * 60 ? '24:00' : `${hh}:${mm}`;
}

export function pacingFindings(set: MetricSet, settings: DiagnosticsSettings | undefined, period: Period | null, capturedAt: string): Finding[] {
  const spend = set.values.get('adSpend');
  const budget = settings?.dailyAdBudget;
  if (!spend || spend.source !== 'page' || spend.max !== undefined || !budget || !(budget > 0)) return [];
  const kind = periodKindOf(period);
  const share = spend.value / budget;
  const periodLabel = period?.label ?? null;
  const reference = {
    label: { zh: '日预算', en: 'daily budget' },
    value: budget,
    unit: 'yuan' as const,
    source: 'budget' as const,
    confidence: 'high' as const,
  };
  const make = (rule: string, severity: Severity, message: Localized, actions: Localized[], details: Evidence['details'] = []) =>
    finding({
      id: `ads:page:adSpend:${rule}`,
      metric: 'adSpend',
      kind: 'ads',
      severity,
      evidence: { subject: PAGE, period: periodLabel, figure: figureOf(spend), reference, gap: share - 1, details },
      message,
      actions,
    });
  const spent = (lang: keyof Localized) => fmt(spend.value, 'yuan', lang, { bound: spend.bound });
  const budgetText = (lang: keyof Localized) => fmt(budget, 'yuan', lang);

  if (kind.kind === 'partial') {
    const fraction = shanghaiDayFraction(capturedAt);
    if (fraction === undefined) return [];
    const expected = expectedSpendShare(fraction);
    const now = clock(fraction);
    if (share >= PACING.exhaustedShare) {
      if (fraction >= PACING.latestNormalExhaustion) return [];
      return [
        make(
          'exhausted',
          'critical',
          both((lang) =>
            lang === 'zh'
              ? `截至 ${now} 已花费 ${spent(lang)}，日预算 ${budgetText(lang)} 已用完：今天余下时段推广将停止`
              : `By ${now} spend is ${spent(lang)}, the whole daily budget of ${budgetText(lang)}: ads stop for the rest of the day`,
          ),
          ruleActions('budgetExhausted'),
        ),
      ];
    }
    if (spend.bound !== 'exact' || expected <= 0) return [];
    const projected = share / expected;
    const paceDetail = [
      {
        label: { zh: '此时通常应花预算比例', en: 'usual share of budget spent by now' },
        value: expected,
        unit: 'ratio' as const,
        bound: 'exact' as const,
        source: 'computed' as const,
      },
    ];
    if (projected >= PACING.overPace && fraction < PACING.latestNormalExhaustion) {
      const runOut = clock(fractionReaching(expected / share));
      return [
        make(
          'over-pace',
          'warning',
          both((lang) =>
            lang === 'zh'
              ? `截至 ${now} 已花费 ${spent(lang)}（日预算 ${budgetText(lang)} 的 ${fmt(share, 'ratio', lang)}），按此速度约 ${runOut} 花完`
              : `By ${now} spend is ${spent(lang)} (${fmt(share, 'ratio', lang)} of the ${budgetText(lang)} daily budget); at this pace it runs out around ${runOut}`,
          ),
          ruleActions('overPacing'),
          paceDetail,
        ),
      ];
    }
    if (projected <= PACING.underPace && fraction >= PACING.underPaceFrom) {
      return [
        make(
          'under-pace',
          'info',
          both((lang) =>
            lang === 'zh'
              ? `截至 ${now} 只花费 ${spent(lang)}（日预算 ${budgetText(lang)} 的 ${fmt(share, 'ratio', lang)}），花费明显偏慢`
              : `By ${now} spend is only ${spent(lang)} (${fmt(share, 'ratio', lang)} of the ${budgetText(lang)} daily budget): well behind pace`,
          ),
          ruleActions('underPacing'),
          paceDetail,
        ),
      ];
    }
    return [];
  }

  if (kind.kind === 'days' && kind.days === 1) {
    if (share >= PACING.exhaustedShare) {
      return [
        make(
          'capped',
          'warning',
          both((lang) =>
            lang === 'zh'
              ? `当天花费 ${spent(lang)}，用完了日预算 ${budgetText(lang)}：推广可能在晚高峰前就停了`
              : `Spend for the day was ${spent(lang)}, the whole ${budgetText(lang)} budget: ads may have stopped before the evening peak`,
          ),
          ruleActions('budgetExhausted'),
        ),
      ];
    }
    if (spend.bound === 'exact' && share <= PACING.underPace) {
      return [
        make(
          'under-spent',
          'info',
          both((lang) =>
            lang === 'zh'
              ? `当天只花费 ${spent(lang)}，不到日预算 ${budgetText(lang)} 的一半`
              : `Spend for the day was only ${spent(lang)}, under half the ${budgetText(lang)} budget`,
          ),
          ruleActions('underPacing'),
        ),
      ];
    }
  }
  return [];
}

export type TrafficClass = 'paid' | 'organic';

const paidNames = new Set(PAID_SOURCE_NAMES.map((n) => n.trim()));
const organicNames = new Set(ORGANIC_SOURCE_NAMES.map((n) => n.trim()));

/** A report row that names a traffic source rather than an item. */
export function trafficClassOf(row: Pick<ItemRow, 'itemId' | 'title'>): TrafficClass | undefined {
  if (row.itemId || !row.title) return undefined;
  const title = row.title.trim();
  if (paidNames.has(title)) return 'paid';
  if (organicNames.has(title)) return 'organic';
  return undefined;
}

const SUMMABLE = ['impressions', 'clicks', 'impressionUsers', 'clickUsers', 'visitors', 'itemVisitors', 'buyers', 'payAmount'] as const;

/** One metric set per traffic class: a single row as it is; several rows with their counts summed. */
export function trafficSegments(rows: readonly ItemRow[]): Partial<Record<TrafficClass, MetricSet>> {
  const groups: Partial<Record<TrafficClass, ItemRow[]>> = {};
  for (const row of rows) {
    const cls = trafficClassOf(row);
    if (cls) (groups[cls] ??= []).push(row);
  }
  const out: Partial<Record<TrafficClass, MetricSet>> = {};
  for (const cls of ['paid', 'organic'] as const) {
    const group = groups[cls];
    if (!group || group.length === 0) continue;
    if (group.length === 1) {
      out[cls] = deriveMetrics(group[0]!.metrics);
      continue;
    }
    // Rates of several sources cannot be averaged without their bases: sum the counts instead.
    const summed = SUMMABLE.flatMap((metric) => {
      const readings = group.map((row) => row.metrics.find((m) => m.metric === metric));
      if (readings.some((r) => !r || r.bound !== 'exact' || r.max !== undefined)) return [];
      const first = readings[0]!;
      return [{ metric, label: first.label, value: readings.reduce((s, r) => s + r!.value, 0), unit: first.unit, bound: 'exact' as const }];
    });
    out[cls] = deriveMetrics(summed);
  }
  return out;
}

function compareRate(metric: 'ctr' | 'conversionRate', paid: MetricValue, organic: MetricValue, period: string | null): Finding | undefined {
  if (paid.max !== undefined || organic.max !== undefined || !(organic.value > 0) || paid.bound !== 'exact') return undefined;
  const ratio = paid.value / organic.value;
  const severity: Severity | undefined = ratio < PAID_VS_ORGANIC.warning ? 'warning' : ratio < PAID_VS_ORGANIC.info ? 'info' : undefined;
  if (!severity) return undefined;
  const name = metricName(metric);
  const evidence: Evidence = {
    subject: PAGE,
    period,
    figure: figureOf(paid, { zh: `付费流量${name.zh}`, en: `Paid ${name.en}` }),
    reference: {
      label: { zh: `自然流量${name.zh}`, en: `organic ${name.en}` },
      value: organic.value,
      unit: organic.unit,
      source: 'capture',
      confidence: 'medium',
    },
    gap: ratio - 1,
    details: [...inputFigures(paid), ...inputFigures(organic)],
  };
  const message = both((lang) => {
    const p = fmt(paid.value, paid.unit, lang);
    const o = fmt(organic.value, organic.unit, lang);
    return lang === 'zh'
      ? `付费流量${name.zh} ${p}，低于自然流量的 ${o}（${fmtGap(ratio - 1)}）：推广带来的人不够精准`
      : `Paid ${name.en} of ${p} is below organic traffic's ${o} (${fmtGap(ratio - 1)}): the ads reach the wrong people`;
  });
  return finding({
    id: `ads:page:${metric}:paid-vs-organic`,
    metric,
    kind: 'ads',
    severity,
    evidence,
    message,
    actions: ruleActions(metric === 'ctr' ? 'paidCtrLow' : 'paidConversionLow'),
  });
}

export function paidVsOrganicFindings(segments: Partial<Record<TrafficClass, MetricSet>>, period: string | null): Finding[] {
  const { paid, organic } = segments;
  if (!paid || !organic) return [];
  return (['ctr', 'conversionRate'] as const).flatMap((metric) => {
    const p = paid.values.get(metric);
    const o = organic.values.get(metric);
    const suspect = isSuspect(paid, metric) || isSuspect(organic, metric);
    const found = p && o && !suspect ? compareRate(metric, p, o, period) : undefined;
    return found ? [found] : [];
  });
}
