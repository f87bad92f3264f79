/**
 * Benchmarks: what a figure is judged against, in this order of trust:
 * 1. the peer values the page itself shows beside the figure (同行同层平均 before 同行均值):
 *    the platform's own numbers for comparable shops; confidence high;
 * 2. the operator's own benchmarks from the settings; confidence medium;
 * 3. ShopLens' defaults per platform and page kind (data/benchmarks.ts); rough rules of thumb,
 *    confidence low, labelled so in the evidence.
 * Only the most trusted reference judges a figure: a page peer value silences the defaults.
 * A figure that disagrees with its own parts (derive.ts) is not judged at all: it may be a misread.
 *
 * Top-peer values (同行优秀, 同行标杆值) are aspirations: being below them is normal and never
 * reported; reaching one is reported as `good`.
 *
 * Severity: a figure worse than its reference by more than 20 % (ratio < WARNING_RATIO) is a
 * warning, by 5–20 % info; better by 20 % or more is good. A low-confidence default raises a
 * warning only when the figure is less than half of the range's end (LOW_CONFIDENCE_WARNING_RATIO).
 * Standing gaps against peers or benchmarks are never critical: critical is kept for what loses
 * money or stops sales now (ads below break-even, stock running out, sudden collapses).
 */
import type { PageKind, Platform, Unit } from '../capture/schema';
import { normaliseLabel } from '../metrics';
import { DEFAULT_BENCHMARKS } from './data/benchmarks';
import { PEER_LABELS, type PeerLabel } from './data/peer-labels';
import { isSuspect, type MetricSet, type MetricValue } from './derive';
import {
  actionsFor,
  both,
  directionOf,
  figureOf,
  finding,
  fmt,
  fmtGap,
  inputFigures,
  metricName,
  subjectId,
  type Direction,
} from './findings';
import type { Confidence, DiagnosticsSettings, Evidence, EvidenceReference, Finding, Localized, Severity } from './types';

export const WARNING_RATIO = 0.8;
export const INFO_RATIO = 0.95;
export const LOW_CONFIDENCE_WARNING_RATIO = 0.5;
export const GOOD_RATIO = 1.2;

export type ReferenceRole = 'average' | 'top' | 'range' | 'target';

export interface BenchmarkReference extends EvidenceReference {
  role: ReferenceRole;
  /** Among references of one trust level, lower is more specific. */
  rank: number;
}

export interface BenchmarkContext {
  platform: Platform;
  pageKind: PageKind;
  settings?: DiagnosticsSettings;
  /**
   * Judge by the operator's settings and ShopLens' defaults too (after page peers).
   * false for report rows: one default range or one shop-level setting applied to 200 items
   * would bury the panel; rows are judged only by the peer values the page shows beside them.
   */
  shopReferences: boolean;
}

const peerLabelIndex = new Map<string, PeerLabel>(PEER_LABELS.map((p) => [normaliseLabel(p.label), p]));

export function peerLabelOf(label: string): PeerLabel | undefined {
  return peerLabelIndex.get(normaliseLabel(label));
}

/** The peer values the page showed beside a figure, known labels only, most specific first. */
export function pagePeerReferences(value: MetricValue): BenchmarkReference[] {
  const refs: BenchmarkReference[] = [];
  for (const peer of value.reading?.peers ?? []) {
    const known = peerLabelOf(peer.label);
    if (!known) continue;
    refs.push({
      // The page's own words in zh, so the operator recognises them.
      label: { zh: peer.label, en: known.name.en },
      value: peer.value,
      ...(peer.max !== undefined ? { max: peer.max } : {}),
      unit: value.unit,
      source: 'page-peer',
      confidence: 'high',
      role: known.role,
      rank: known.rank,
    });
  }
  return refs.sort((a, b) => a.rank - b.rank);
}

export function settingsReference(metric: string, unit: Unit, settings: DiagnosticsSettings | undefined): BenchmarkReference | undefined {
  const custom = settings?.benchmarks?.[metric];
  if (!custom || !Number.isFinite(custom.low)) return undefined;
  const high = custom.high !== undefined && custom.high > custom.low ? custom.high : undefined;
  return {
    label: { zh: '你设置的基准', en: 'your benchmark' },
    value: custom.low,
    ...(high !== undefined ? { max: high } : {}),
    unit,
    source: 'settings',
    confidence: 'medium',
    role: high !== undefined ? 'range' : 'target',
    rank: 0,
    ...(custom.note ? { note: { zh: custom.note, en: custom.note } } : {}),
  };
}

export function defaultReference(metric: string, unit: Unit, platform: Platform, pageKind: PageKind): BenchmarkReference | undefined {
  const candidates = DEFAULT_BENCHMARKS.filter((b) => b.metric === metric && b.pageKinds.includes(pageKind));
  const entry =
    candidates.find((b) => b.platforms !== 'all' && b.platforms.includes(platform)) ?? candidates.find((b) => b.platforms === 'all');
  if (!entry) return undefined;
  return {
    label: { zh: '常见区间', en: 'typical range' },
    value: entry.low,
    max: entry.high,
    unit,
    source: 'default',
    confidence: entry.confidence,
    note: entry.source,
    role: 'range',
    rank: 0,
  };
}

/** Every reference for a figure, most trusted first (page peers, settings, defaults). */
export function referencesFor(value: MetricValue, context: BenchmarkContext): BenchmarkReference[] {
  const refs = [...pagePeerReferences(value)];
  if (context.shopReferences) {
    const fromSettings = settingsReference(value.metric, value.unit, context.settings);
    if (fromSettings) refs.push(fromSettings);
    const fromDefaults = defaultReference(value.metric, value.unit, context.platform, context.pageKind);
    if (fromDefaults) refs.push(fromDefaults);
  }
  return refs;
}

/** The reference that judges a figure: the most trusted one that is not a top-peer value. */
export function judgingReference(refs: readonly BenchmarkReference[]): BenchmarkReference | undefined {
  return refs.find((r) => r.role !== 'top');
}

export interface Judgement {
  verdict: 'worse' | 'better' | 'inline';
  /** How far on the bad side (worse) or good side (better) as a ratio ≤ 1 / ≥ 1; 1 when in line. */
  ratio: number;
  /** Signed relative difference against the nearest end of the reference. */
  gap: number;
}

/** A figure against a reference [low, high] (low = high for a point), given which way is better. */
export function judge(value: number, low: number, high: number, direction: Direction): Judgement {
  if (value < low) {
    const gap = low === 0 ? -Infinity : (value - low) / low;
    return direction === 'higher'
      ? { verdict: 'worse', ratio: low > 0 ? value / low : 1, gap }
      : { verdict: 'better', ratio: value > 0 ? low / value : Infinity, gap };
  }
  if (value > high) {
    const gap = high === 0 ? Infinity : (value - high) / high;
    return direction === 'higher'
      ? { verdict: 'better', ratio: high > 0 ? value / high : Infinity, gap }
      : { verdict: 'worse', ratio: high / value, gap };
  }
  return { verdict: 'inline', ratio: 1, gap: 0 };
}

export function severityOf(judgement: Judgement, role: ReferenceRole, confidence: Confidence): Severity | undefined {
  if (judgement.verdict === 'worse') {
    if (role === 'top') return undefined;
    const warningBelow = confidence === 'low' ? LOW_CONFIDENCE_WARNING_RATIO : WARNING_RATIO;
    if (judgement.ratio < warningBelow) return 'warning';
    if (judgement.ratio < INFO_RATIO) return 'info';
    return undefined;
  }
  if (judgement.verdict === 'better') {
    if (role === 'top') return 'good';
    return judgement.ratio >= GOOD_RATIO ? 'good' : undefined;
  }
  // Reaching a top-peer value exactly is reaching it.
  return role === 'top' ? 'good' : undefined;
}

/**
 * A lower bound (`10万+`) proves only one side: that a higher-is-better figure is at least this
 * good, or that a lower-is-better one is at least this bad.
 */
function boundAllows(value: MetricValue, judgement: Judgement, direction: Direction): boolean {
  if (value.bound !== 'atLeast') return true;
  if (judgement.verdict === 'inline') return false;
  return direction === 'higher' ? judgement.verdict === 'better' : judgement.verdict === 'worse';
}

function referenceText(ref: BenchmarkReference, lang: keyof Localized): string {
  const shown = fmt(ref.value, ref.unit, lang, ref.max !== undefined ? { max: ref.max } : {});
  const rough = ref.confidence === 'low' ? (lang === 'zh' ? '，经验值仅供参考' : ', a rough rule of thumb') : '';
  return lang === 'zh' ? `${ref.label.zh} ${shown}${rough}` : `the ${ref.label.en} of ${shown}${rough}`;
}

function messageFor(value: MetricValue, ref: BenchmarkReference, judgement: Judgement): Localized {
  const name = metricName(value.metric);
  const above = judgement.gap > 0;
  return both((lang) => {
    const shown = fmt(value.value, value.unit, lang, { bound: value.bound });
    const derived = value.source === 'derived' ? (lang === 'zh' ? '（由页面数据计算）' : ' (computed from the page’s figures)') : '';
    const gap = fmtGap(judgement.gap);
    if (judgement.verdict === 'inline') {
      return lang === 'zh'
        ? `${name.zh} ${shown}${derived}，已达到${referenceText(ref, lang)}`
        : `${name.en} ${shown}${derived} reaches ${referenceText(ref, lang)}`;
    }
    return lang === 'zh'
      ? `${name.zh} ${shown}${derived}，${above ? '高于' : '低于'}${referenceText(ref, lang)}（${gap}）`
      : `${name.en} ${shown}${derived} is ${above ? 'above' : 'below'} ${referenceText(ref, lang)} (${gap})`;
  });
}

function judgeAgainst(value: MetricValue, ref: BenchmarkReference, direction: Direction): { judgement: Judgement; severity: Severity } | undefined {
  const judgement = judge(value.value, ref.value, ref.max ?? ref.value, direction);
  if (!boundAllows(value, judgement, direction)) return undefined;
  const severity = severityOf(judgement, ref.role, ref.confidence);
  return severity ? { judgement, severity } : undefined;
}

/**
 * Benchmark and peer findings for every figure of a set that has a direction and a reference.
 * At most one finding per figure.
 */
export function benchmarkFindings(set: MetricSet, context: BenchmarkContext, subject: Evidence['subject'], period: string | null): Finding[] {
  const findings: Finding[] = [];
  for (const value of set.values.values()) {
    const direction = directionOf(value.metric);
    // A range as the shop's own figure (competitor pages) cannot be judged as one value.
    if (!direction || value.max !== undefined || isSuspect(set, value.metric)) continue;
    const refs = referencesFor(value, context);
    const main = judgingReference(refs);
    let chosen = main ? judgeAgainst(value, main, direction) : undefined;
    let chosenRef = main;
    // Reaching a top-peer value says more than beating an average: it replaces a good verdict.
    const top = refs.find((r) => r.role === 'top' && r.source === 'page-peer');
    if (top && (!chosen || chosen.severity === 'good')) {
      const againstTop = judgeAgainst(value, top, direction);
      if (againstTop?.severity === 'good') {
        chosen = againstTop;
        chosenRef = top;
      }
    }
    if (!chosen || !chosenRef) continue;
    const evidence: Evidence = {
      subject,
      period,
      figure: figureOf(value),
      reference: evidenceReference(chosenRef),
      gap: chosen.judgement.gap,
      details: inputFigures(value),
    };
    const kind = chosenRef.source === 'page-peer' ? 'peer' : 'benchmark';
    const verdict = chosen.judgement.verdict === 'worse' ? 'worse' : 'better';
    findings.push(
      finding({
        id: `${kind}:${subjectId(subject)}:${value.metric}`,
        metric: value.metric,
        kind,
        severity: chosen.severity,
        evidence,
        message: messageFor(value, chosenRef, chosen.judgement),
        actions: actionsFor(value.metric, verdict),
      }),
    );
  }
  return findings;
}

/** A benchmark reference without its ranking fields, as the evidence carries it. */
export function evidenceReference(ref: BenchmarkReference): EvidenceReference {
  return {
    label: ref.label,
    value: ref.value,
    ...(ref.max !== undefined ? { max: ref.max } : {}),
    unit: ref.unit,
    source: ref.source,
    confidence: ref.confidence,
    ...(ref.note ? { note: ref.note } : {}),
  };
}
