/**
 * The rules a newly pinned entity starts with, as data. The operator edits them in the panel.
 * Thresholds are starting points, not benchmarks: a 5 % price move on a listing is worth a
 * look; own daily sales moving 30 % from one day to the next is worth a look.
 */
import type { EntityKind } from '../db/schema';
import type { WatchRule } from './types';

export const DEFAULT_RULES: Readonly<Record<EntityKind, readonly WatchRule[]>> = {
  item: [
    { id: 'price', type: 'change', enabled: true, metric: 'price', direction: 'both', percent: 5 },
    { id: 'sales', type: 'change', enabled: true, metric: 'sales', direction: 'up', percent: 30 },
    { id: 'title', type: 'title', enabled: true },
    { id: 'stock', type: 'stock', enabled: true },
  ],
  shop: [
    { id: 'newListing', type: 'newListing', enabled: true },
    { id: 'payAmount', type: 'change', enabled: true, metric: 'payAmount', direction: 'both', percent: 30 },
    { id: 'visitors', type: 'change', enabled: true, metric: 'visitors', direction: 'both', percent: 30 },
  ],
  keyword: [{ id: 'medianPrice', type: 'change', enabled: true, metric: 'medianPrice', direction: 'both', percent: 10 }],
};

/** Fresh copies of the default rules of a kind (the operator's edits never touch the defaults). */
export function defaultRules(kind: EntityKind): WatchRule[] {
  return DEFAULT_RULES[kind].map((rule) => ({ ...rule }));
}
