/**
 * Shared pieces of every rule: metric direction and names, evidence figures, actions looked up
 * from the data file, texts in both languages, and the order findings are shown in.
 */
import type { Bound, Unit } from '../capture/schema';
import { formatChange, formatValue } from '../i18n/format';
import { metricDefinition } from '../metrics';
import { ACTIONS, ACTIONS_WHEN_BETTER, ACTIONS_WHEN_WORSE, RULE_ACTIONS, type ActionId, type RuleActionKey } from './data/actions';
import type { MetricValue } from './derive';
import type { Evidence, EvidenceFigure, Finding, FindingKind, Localized, Severity } from './types';

export type Direction = 'higher' | 'lower';

/**
 * Metrics whose level is a decision rather than an outcome: ad spend is what the operator chose
 * to spend, so more or less of it is neither good nor bad by itself (ROI judges it).
 */
const NEUTRAL_METRICS: ReadonlySet<string> = new Set(['adSpend']);

/** Which way is better for a metric (lib/metrics `higherIsBetter`), undefined when neither is. */
export function directionOf(metric: string): Direction | undefined {
  if (NEUTRAL_METRICS.has(metric)) return undefined;
  const better = metricDefinition(metric)?.higherIsBetter;
  return better === undefined ? undefined : better ? 'higher' : 'lower';
}

export function metricName(metric: string): Localized {
  const def = metricDefinition(metric);
  return def ? { zh: def.name.zh, en: def.name.en } : { zh: metric, en: metric };
}

export function fmt(value: number, unit: Unit, lang: keyof Localized, options: { bound?: Bound; max?: number } = {}): string {
  return formatValue(value, unit, lang, options);
}

export function both(build: (lang: keyof Localized) => string): Localized {
  return { zh: build('zh'), en: build('en') };
}

/** A signed relative change as text: +12.30% / −38.00%. */
export function fmtGap(gap: number): string {
  return formatChange(gap);
}

export function figureOf(value: MetricValue, label: Localized = metricName(value.metric)): EvidenceFigure {
  return {
    label,
    value: value.value,
    ...(value.max !== undefined ? { max: value.max } : {}),
    unit: value.unit,
    bound: value.bound,
    source: value.source,
    ...(value.formula ? { formula: `${value.formula.numerator} / ${value.formula.denominator}` } : {}),
  };
}

/** The inputs of a derived value, so the panel can show where it came from. */
export function inputFigures(value: MetricValue): EvidenceFigure[] {
  return value.inputs ? value.inputs.map((input) => figureOf(input)) : [];
}

function actionTexts(ids: readonly ActionId[]): Localized[] {
  return ids.map((id) => ({ zh: ACTIONS[id].zh, en: ACTIONS[id].en }));
}

export function actionsFor(metric: string, verdict: 'worse' | 'better'): Localized[] {
  const table = verdict === 'worse' ? ACTIONS_WHEN_WORSE : ACTIONS_WHEN_BETTER;
  return actionTexts((table as Partial<Record<string, readonly ActionId[]>>)[metric] ?? []);
}

export function ruleActions(key: RuleActionKey): Localized[] {
  return actionTexts(RULE_ACTIONS[key]);
}

/** A subject as part of a finding id: `page`, or `item-<itemId>`. */
export function subjectId(subject: Evidence['subject']): string {
  return subject.kind === 'item' ? `item-${subject.itemId ?? subject.title ?? ''}` : 'page';
}

/** A subject as words ahead of a message: an item row names its item; the page's own subject needs no name. */
export function subjectPrefix(evidence: Pick<Evidence, 'subject'>): Localized {
  const { subject } = evidence;
  if (subject.kind !== 'item') return { zh: '', en: '' };
  const name = subject.title?.trim() || subject.itemId || '';
  return { zh: `商品「${name}」：`, en: `Item “${name}”: ` };
}

export function withPrefix(prefix: Localized, text: Localized): Localized {
  return { zh: `${prefix.zh}${text.zh}`, en: `${prefix.en}${text.en}` };
}

export interface FindingParts {
  id: string;
  metric: string;
  kind: FindingKind;
  severity: Severity;
  evidence: Evidence;
  message: Localized;
  actions: Localized[];
}

export function finding(parts: FindingParts): Finding {
  return {
    id: parts.id,
    metric: parts.metric,
    kind: parts.kind,
    severity: parts.severity,
    value: parts.evidence.figure.value,
    reference: parts.evidence.reference?.value ?? null,
    evidence: parts.evidence,
    message: withPrefix(subjectPrefix(parts.evidence), parts.message),
    actions: parts.actions,
  };
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { critical: 0, warning: 1, info: 2, good: 3 };

/**
 * Within one severity: a possible misread first (it may invalidate the others), then what costs
 * money now (ads, stock), then sudden changes, then standing gaps.
 */
export const KIND_ORDER: Readonly<Record<FindingKind, number>> = {
  consistency: 0,
  ads: 1,
  stock: 2,
  anomaly: 3,
  peer: 4,
  benchmark: 5,
  funnel: 6,
};

/** Findings by severity, then kind, then the size of the gap (largest first), then id. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      Math.abs(b.evidence.gap ?? 0) - Math.abs(a.evidence.gap ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
