/** Lint of the diagnostics data files: site knowledge that is easy to get subtly wrong by hand. */
import { describe, expect, it } from 'vitest';
import { PLATFORMS, PAGE_KINDS } from '../../../lib/capture/schema';
import { metricDefinition, normaliseLabel, METRIC_DEFINITIONS } from '../../../lib/metrics';
import { ACTIONS, ACTIONS_WHEN_BETTER, ACTIONS_WHEN_WORSE, RULE_ACTIONS } from '../../../lib/diagnostics/data/actions';
import { DEFAULT_BENCHMARKS } from '../../../lib/diagnostics/data/benchmarks';
import { RATIO_FORMULAS } from '../../../lib/diagnostics/data/formulas';
import { HOURLY_SPEND_WEIGHTS } from '../../../lib/diagnostics/data/pacing';
import { PEER_LABELS } from '../../../lib/diagnostics/data/peer-labels';
import { AD_PLATFORM_HOSTS, ORGANIC_SOURCE_NAMES, PAID_SOURCE_NAMES } from '../../../lib/diagnostics/data/traffic-sources';

const CJK = /[\u3400-\u9fff]/;

function allLabelsOf(metric: string): Set<string> {
  const def = metricDefinition(metric);
  return new Set(Object.values(def?.labels ?? {}).flatMap((labels) => (labels as readonly string[]).map(normaliseLabel)));
}

describe('actions data', () => {
  it.each(Object.entries(ACTIONS))('%s is written in both languages', (_id, text) => {
    expect(text.zh.trim()).not.toBe('');
    expect(text.en.trim()).not.toBe('');
    expect(text.zh).toMatch(CJK);
    expect(text.en).not.toMatch(CJK);
  });

  it('has no two actions with the same text', () => {
    const zh = Object.values(ACTIONS).map((a) => a.zh);
    const en = Object.values(ACTIONS).map((a) => a.en);
    expect(new Set(zh).size).toBe(zh.length);
    expect(new Set(en).size).toBe(en.length);
  });

  it('refers only to actions that exist, for metrics that exist', () => {
    const known = new Set(Object.keys(ACTIONS));
    for (const table of [ACTIONS_WHEN_WORSE, ACTIONS_WHEN_BETTER]) {
      for (const [metric, ids] of Object.entries(table)) {
        expect(metricDefinition(metric), metric).toBeDefined();
        expect(ids!.length, metric).toBeGreaterThan(0);
        for (const id of ids!) expect(known.has(id), `${metric} → ${id}`).toBe(true);
      }
    }
    for (const [rule, ids] of Object.entries(RULE_ACTIONS)) {
      expect(ids.length, rule).toBeGreaterThan(0);
      for (const id of ids) expect(known.has(id), `${rule} → ${id}`).toBe(true);
    }
  });

  it('uses every action somewhere', () => {
    const used = new Set([...Object.values(ACTIONS_WHEN_WORSE), ...Object.values(ACTIONS_WHEN_BETTER), ...Object.values(RULE_ACTIONS)].flat());
    expect(Object.keys(ACTIONS).filter((id) => !used.has(id as never))).toEqual([]);
  });

  it('has actions for every metric with a direction that a benchmark or history can flag as worse', () => {
    const benchmarked = new Set(DEFAULT_BENCHMARKS.map((b) => b.metric));
    for (const metric of benchmarked) expect(ACTIONS_WHEN_WORSE[metric], metric).toBeDefined();
  });
});

describe('default benchmarks data', () => {
  it.each(DEFAULT_BENCHMARKS.map((b) => [b.metric, b] as const))('%s is a sane, sourced range', (_metric, entry) => {
    const def = metricDefinition(entry.metric);
    expect(def).toBeDefined();
    expect(def?.higherIsBetter).toBeDefined();
    expect(entry.low).toBeLessThan(entry.high);
    expect(entry.low).toBeGreaterThanOrEqual(0);
    if (def?.unit === 'ratio') expect(entry.high).toBeLessThanOrEqual(1);
    expect(entry.pageKinds.length).toBeGreaterThan(0);
    for (const kind of entry.pageKinds) expect(PAGE_KINDS).toContain(kind);
    if (entry.platforms !== 'all') for (const p of entry.platforms) expect(PLATFORMS).toContain(p);
    expect(entry.source.zh).toMatch(CJK);
    expect(entry.source.en).not.toMatch(CJK);
    // Rough rules of thumb must say so.
    if (entry.confidence === 'low') {
      expect(entry.source.zh).toMatch(/经验|粗略/);
      expect(entry.source.en).toMatch(/rule of thumb|rough/i);
    }
  });

  it('has one entry per metric, platform set and page kind', () => {
    const keys = DEFAULT_BENCHMARKS.flatMap((b) =>
      (b.platforms === 'all' ? ['all'] : b.platforms).flatMap((p) => b.pageKinds.map((k) => `${b.metric}|${p}|${k}`)),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('ratio formulas data', () => {
  it.each(RATIO_FORMULAS.map((f) => [`${f.metric} = ${f.numerator} / ${f.denominator}` as string, f] as const))('%s', (_name, formula) => {
    const metric = metricDefinition(formula.metric);
    const numerator = metricDefinition(formula.numerator);
    const denominator = metricDefinition(formula.denominator);
    expect(metric && numerator && denominator).toBeTruthy();
    // Units must agree: a ratio of like units, yuan per count, or a multiple of yuan.
    const units = `${metric!.unit} = ${numerator!.unit} / ${denominator!.unit}`;
    expect(['ratio = count / count', 'ratio = yuan / yuan', 'yuan = yuan / count', 'multiple = yuan / yuan']).toContain(units);
    // A label checked against the formula must be a label of the metric somewhere.
    const labels = allLabelsOf(formula.metric);
    for (const label of formula.checkLabels) expect(labels.has(normaliseLabel(label)), label).toBe(true);
  });
});

describe('peer labels data', () => {
  it('lists each label once, in both languages', () => {
    const labels = PEER_LABELS.map((p) => p.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const p of PEER_LABELS) {
      expect(p.label).toMatch(/同/);
      expect(p.name.en).not.toMatch(CJK);
      expect(p.name.zh).toBe(p.label);
    }
  });

  it('never names a peer label like a metric label (a peer value is not the shop’s own figure)', () => {
    const metricLabels = new Set(
      METRIC_DEFINITIONS.flatMap((d) => Object.values(d.labels).flatMap((l) => (l as readonly string[]).map(normaliseLabel))),
    );
    for (const p of PEER_LABELS) expect(metricLabels.has(normaliseLabel(p.label)), p.label).toBe(false);
  });
});

describe('traffic sources and pacing data', () => {
  it('keeps paid and organic source names apart', () => {
    const paid = new Set(PAID_SOURCE_NAMES);
    expect(ORGANIC_SOURCE_NAMES.filter((n) => paid.has(n))).toEqual([]);
    expect(new Set(PAID_SOURCE_NAMES).size).toBe(PAID_SOURCE_NAMES.length);
    expect(new Set(ORGANIC_SOURCE_NAMES).size).toBe(ORGANIC_SOURCE_NAMES.length);
  });

  it('lists ad hosts as bare host names', () => {
    for (const host of AD_PLATFORM_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
  });

  it('has 24 non-negative hourly spend weights', () => {
    expect(HOURLY_SPEND_WEIGHTS).toHaveLength(24);
    for (const w of HOURLY_SPEND_WEIGHTS) expect(w).toBeGreaterThanOrEqual(0);
    expect(HOURLY_SPEND_WEIGHTS.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
