/**
 * Watch rules, evaluated on what one capture shows about a watched entity. Pure: the caller
 * (./run.ts) reads the watch, the capture and a little history, and stores the new state and
 * the alerts.
 *
 * Rules (pinned by tests/unit/watch/rules.test.ts, with noisy histories around thresholds)
 * - Change, figures without a period (a listing's price, sales, a keyword's median price): the
 *   change is measured from a remembered reference. The reference moves only when a change
 *   reaches the threshold (in either direction, alerted or not): a value hovering around a
 *   threshold alerts once and not again until it moves a full threshold from where it alerted;
 *   a slow drift alerts once the drift adds up. Alerts are bidirectional unless the rule asks
 *   for one direction.
 * - Change, periodic figures (a shop's days, weeks, months): a period is compared with the
 *   period before it (same period group only), and alerts at most once per period, however often
 *   the page is read again. Running periods (实时, 今日) and periods of unknown length are never
 *   compared.
 * - Bounds: only a change certain from the figures counts. A lower bound `1万+` could be any
 *   value from 10000 up, so 8000 → `1万+` is a certain rise of 2000, `1万+` → `2万+` is no
 *   certain change at all, and `1万+` → 5000 a certain fall of 5000. A percentage is taken
 *   against the largest value the starting figure could be (none for a lower bound).
 * - A reference that is a bound is replaced, without alert, by a later exact figure, so a bound
 *   does not freeze the rule.
 * - First sight: with no memory and no earlier figure, the current figure becomes the reference
 *   and nothing alerts.
 * - Title: any change of the normalised title (NFKC, spaces collapsed). Stock: only readings
 *   that say in or out of stock change the state; an unreadable stock changes nothing.
 * - New listing: an item id of the watched shop not seen before; the first sighting after
 *   pinning only learns the shop's items.
 */
import type { Bound, Unit } from '../capture/schema';
import { groupLengthDays, PARTIAL_GROUP, SNAPSHOT_GROUP } from '../trends/period-group';
import { SPREAD_METRICS } from '../trends/series';
import type { Alert, ChangeMemory, RememberedValue, StockState, WatchRule, WatchState } from './types';

/** How many item ids a shop watch remembers. */
export const MAX_KNOWN_ITEMS = 5000;
const EPSILON = 1e-9;

export interface ReadingValue {
  metric: string;
  /** Period group (lib/trends/period-group.ts). */
  group: string;
  unit: Unit;
  value: number;
  max?: number;
  bound: Bound;
  day: string;
}

/** What one capture shows about a watched entity. */
export interface WatchReading {
  at: string;
  captureId: string;
  values: readonly ReadingValue[];
  title?: string;
  stock?: { state: StockState; text?: string };
  /** Listings of a watched shop seen in the capture. */
  listings?: readonly { itemId: string; title: string; shop?: string }[];
}

/** Earlier figures from history, used where the watch has no memory yet. */
export interface WatchBaseline {
  /** The latest earlier figure per `<metric>|<group>`, strictly before the reading. */
  values?: ReadonlyMap<string, ReadingValue & { at: string }>;
  title?: string;
  stock?: StockState;
}

export interface RuleAlert {
  ruleId: string;
  alert: Alert;
  /** For alerts about one of several items (new listings). */
  itemId?: string;
}

export interface Evaluation {
  alerts: RuleAlert[];
  state: WatchState;
}

interface Interval {
  lo: number;
  hi: number;
}

function intervalOf(value: { metric?: string; value: number; max?: number; bound: Bound }): Interval {
  if (value.bound === 'atLeast') return { lo: value.value, hi: Number.POSITIVE_INFINITY };
  const spread = value.metric !== undefined && SPREAD_METRICS.has(value.metric);
  return { lo: value.value, hi: spread ? value.value : (value.max ?? value.value) };
}

export interface CertainChange {
  direction: 'up' | 'down';
  amount: number;
  ratio: number | null;
}

/** The change certain between two figures (bounds and ranges taken into account), or undefined. */
export function certainChange(from: RememberedValue & { metric?: string }, to: ReadingValue | (RememberedValue & { metric?: string })): CertainChange | undefined {
  const a = intervalOf(from);
  const b = intervalOf(to);
  const up = b.lo - a.hi;
  const down = a.lo - b.hi;
  const ratioOf = (amount: number) => (Number.isFinite(a.hi) && a.hi > 0 ? amount / a.hi : null);
  if (up > EPSILON) return { direction: 'up', amount: up, ratio: ratioOf(up) };
  if (down > EPSILON) return { direction: 'down', amount: down, ratio: ratioOf(down) };
  return undefined;
}

/** Whether a change reaches the rule's threshold (either of percent and amount). */
export function reachesThreshold(rule: { percent?: number; amount?: number }, change: CertainChange): boolean {
  const byPercent = rule.percent !== undefined && change.ratio !== null && change.ratio * 100 >= rule.percent * (1 - EPSILON);
  const byAmount = rule.amount !== undefined && change.amount >= rule.amount * (1 - EPSILON);
  return byPercent || byAmount;
}

function remembered(value: ReadingValue, at: string): RememberedValue {
  const kept: RememberedValue = { value: value.value, bound: value.bound, day: value.day, at };
  if (value.max !== undefined) kept.max = value.max;
  return kept;
}

function isExactValue(value: RememberedValue, metric: string): boolean {
  return value.bound === 'exact' && (value.max === undefined || SPREAD_METRICS.has(metric));
}

/** A bound reference gives way to a later exact figure, or to a higher lower bound. */
function moreInformative(current: RememberedValue, reference: RememberedValue, metric: string): boolean {
  if (isExactValue(reference, metric)) return false;
  if (isExactValue(current, metric)) return true;
  return current.bound === 'atLeast' && reference.bound === 'atLeast' && current.value > reference.value;
}

function changeAlert(rule: Extract<WatchRule, { type: 'change' }>, value: ReadingValue, from: RememberedValue, change: CertainChange): Alert {
  const to: RememberedValue = remembered(value, '');
  const pick = (v: RememberedValue) => {
    const out: { value: number; bound: Bound; day: string; max?: number } = { value: v.value, bound: v.bound, day: v.day };
    if (v.max !== undefined) out.max = v.max;
    return out;
  };
  return {
    type: 'change',
    metric: rule.metric,
    unit: value.unit,
    group: value.group,
    direction: change.direction,
    from: pick(from),
    to: pick(to),
    amount: change.amount,
    ratio: change.ratio,
  };
}

function wanted(rule: { direction: 'up' | 'down' | 'both' }, direction: 'up' | 'down'): boolean {
  return rule.direction === 'both' || rule.direction === direction;
}

function evaluateSnapshotChange(
  rule: Extract<WatchRule, { type: 'change' }>,
  value: ReadingValue,
  memory: ChangeMemory,
  baseline: RememberedValue | undefined,
  at: string,
): Alert | undefined {
  const current = remembered(value, at);
  const reference = memory.reference ?? baseline;
  if (!reference) {
    memory.reference = current;
    return undefined;
  }
  const change = certainChange({ ...reference, metric: rule.metric }, value);
  if (change && reachesThreshold(rule, change)) {
    memory.reference = current;
    return wanted(rule, change.direction) ? changeAlert(rule, value, reference, change) : undefined;
  }
  memory.reference = moreInformative(current, reference, rule.metric) ? current : reference;
  return undefined;
}

function evaluatePeriodicChange(
  rule: Extract<WatchRule, { type: 'change' }>,
  value: ReadingValue,
  memory: ChangeMemory,
  baseline: RememberedValue | undefined,
  at: string,
): Alert | undefined {
  const current = remembered(value, at);
  if (!memory.last && baseline && baseline.day < value.day) memory.last = baseline;
  let previous: RememberedValue | undefined;
  if (memory.last && value.day < memory.last.day) return undefined; // an older period read later
  if (memory.last && value.day === memory.last.day) {
    previous = memory.before;
    memory.last = current;
  } else {
    previous = memory.last;
    if (memory.last) memory.before = memory.last;
    memory.last = current;
  }
  if (!previous || memory.alertedDay === value.day) return undefined;
  const change = certainChange({ ...previous, metric: rule.metric }, value);
  if (!change || !reachesThreshold(rule, change) || !wanted(rule, change.direction)) return undefined;
  memory.alertedDay = value.day;
  return changeAlert(rule, value, previous, change);
}

export function normaliseTitle(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A copy deep enough that evaluation never mutates the caller's state. */
function cloneState(state: WatchState): WatchState {
  const copy: WatchState = { ...state };
  if (state.change) copy.change = Object.fromEntries(Object.entries(state.change).map(([k, v]) => [k, { ...v }]));
  if (state.knownItems) copy.knownItems = [...state.knownItems];
  return copy;
}

/** Evaluates every enabled rule of a watch on one reading. */
export function evaluateRules(rules: readonly WatchRule[], state: WatchState, reading: WatchReading, baseline: WatchBaseline = {}): Evaluation {
  const next = cloneState(state);
  const alerts: RuleAlert[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    switch (rule.type) {
      case 'change': {
        if (rule.percent === undefined && rule.amount === undefined) break;
        for (const value of reading.values) {
          if (value.metric !== rule.metric) continue;
          if (value.group === PARTIAL_GROUP || value.group.startsWith('unknown:')) continue;
          const memoryKey = `${rule.id}|${value.group}`;
          const memory: ChangeMemory = { ...(next.change?.[memoryKey] ?? {}) };
          const earlier = baseline.values?.get(`${value.metric}|${value.group}`);
          const base = earlier ? remembered(earlier, earlier.at) : undefined;
          // `snapshot:<price kind>`: a listing's price of one kind, still a figure without a period.
          const snapshot = value.group === SNAPSHOT_GROUP || value.group.startsWith(`${SNAPSHOT_GROUP}:`);
          const periodic = !snapshot && (groupLengthDays(value.group) !== undefined || value.group === 'month');
          const alert = periodic
            ? evaluatePeriodicChange(rule, value, memory, base, reading.at)
            : evaluateSnapshotChange(rule, value, memory, base, reading.at);
          next.change = { ...(next.change ?? {}), [memoryKey]: memory };
          if (alert) alerts.push({ ruleId: rule.id, alert });
        }
        break;
      }
      case 'title': {
        if (reading.title === undefined) break;
        const title = normaliseTitle(reading.title);
        if (!title) break;
        const before = next.title ?? (baseline.title !== undefined ? normaliseTitle(baseline.title) : undefined);
        if (before !== undefined && before !== '' && before !== title) alerts.push({ ruleId: rule.id, alert: { type: 'title', from: before, to: title } });
        next.title = title;
        break;
      }
      case 'stock': {
        if (!reading.stock) break;
        const before = next.stock ?? baseline.stock;
        if (before !== undefined && before !== reading.stock.state) {
          const alert: Alert = { type: 'stock', state: reading.stock.state === 'out' ? 'out' : 'back' };
          if (reading.stock.text) alert.text = reading.stock.text;
          alerts.push({ ruleId: rule.id, alert });
        }
        next.stock = reading.stock.state;
        break;
      }
      case 'newListing': {
        if (!reading.listings || reading.listings.length === 0) break;
        const known = next.knownItems;
        const seen = new Set(known ?? []);
        const added: string[] = [];
        for (const listing of reading.listings) {
          if (seen.has(listing.itemId)) continue;
          seen.add(listing.itemId);
          added.push(listing.itemId);
          if (known) {
            const alert: Alert = { type: 'newListing', itemId: listing.itemId, title: listing.title };
            if (listing.shop) alert.shop = listing.shop;
            alerts.push({ ruleId: rule.id, alert, itemId: listing.itemId });
          }
        }
        next.knownItems = [...(known ?? []), ...added].slice(-MAX_KNOWN_ITEMS);
        break;
      }
    }
  }
  return { alerts, state: next };
}
