import type { Platform } from '../capture/schema';
import { METRIC_DEFINITIONS, type MetricDefinition, type MetricId } from './definitions';

export { METRIC_DEFINITIONS, type MetricDefinition, type MetricId };

const byId = new Map<string, MetricDefinition>(METRIC_DEFINITIONS.map((def) => [def.id, def]));

export function metricDefinition(id: string): MetricDefinition | undefined {
  return byId.get(id);
}

/** Labels compare without whitespace and with ASCII letters upper-cased: `uv 价值` = `UV价值`. */
export function normaliseLabel(label: string): string {
  return label.replace(/[\s\u3000]+/g, '').replace(/[a-z]+/g, (s) => s.toUpperCase()).replace(/（/g, '(').replace(/）/g, ')');
}

const labelIndexCache = new Map<Platform, Map<string, MetricDefinition>>();

/** label → metric for one platform: common labels plus that platform's own. */
export function labelIndex(platform: Platform): Map<string, MetricDefinition> {
  let index = labelIndexCache.get(platform);
  if (!index) {
    index = new Map();
    for (const def of METRIC_DEFINITIONS as readonly MetricDefinition[]) {
      for (const label of [...(def.labels.common ?? []), ...(def.labels[platform] ?? [])]) {
        index.set(normaliseLabel(label), def);
      }
    }
    labelIndexCache.set(platform, index);
  }
  return index;
}

/** The metric a page label stands for on a platform, or undefined when it is not a metric label. */
export function metricForLabel(platform: Platform, label: string): MetricDefinition | undefined {
  return labelIndex(platform).get(normaliseLabel(label));
}
