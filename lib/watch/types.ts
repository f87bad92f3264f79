/**
 * The watchlist's shapes: watched entities with their rules and rule memory, the alerts the
 * rules produce, and the settings rows. Types only: the database (lib/db/schema.ts), the pure
 * rule evaluation (./rules.ts) and the panel share them.
 */
import type { Bound, Platform, Unit } from '../capture/schema';
import type { EntityKind } from '../db/schema';

export type WatchRole = 'own' | 'competitor' | 'unset';
export type ChangeDirection = 'up' | 'down' | 'both';

/**
 * A rule of a watched entity.
 * - change: a figure moved by at least `percent` % or at least `amount` (in the figure's unit:
 *   yuan for a price), either threshold sufficing; `direction` says which moves alert.
 * - title: the listing's title changed.
 * - stock: the listing went out of stock, or came back.
 * - newListing: a listing of this shop was seen for the first time.
 */
export type WatchRule =
  | { id: string; type: 'change'; enabled: boolean; metric: string; direction: ChangeDirection; percent?: number; amount?: number }
  | { id: string; type: 'title'; enabled: boolean }
  | { id: string; type: 'stock'; enabled: boolean }
  | { id: string; type: 'newListing'; enabled: boolean };

export type WatchRuleType = WatchRule['type'];

/** A figure as the rules remember it. */
export interface RememberedValue {
  value: number;
  /** Upper end of a range. */
  max?: number;
  bound: Bound;
  day: string;
  at: string;
}

/**
 * What a change rule remembers for one period group.
 * - Figures without a period (a listing's price): `reference` is the value the next change is
 *   measured from. It moves only when a change reaches the threshold (alerted or not), so a
 *   value hovering around a threshold alerts once, and a slow drift alerts once it adds up.
 * - Periodic figures (a shop's days): `last` is the latest period seen, `before` the period
 *   before it, and `alertedDay` the period already alerted (never twice for one period).
 */
export interface ChangeMemory {
  reference?: RememberedValue;
  last?: RememberedValue;
  before?: RememberedValue;
  alertedDay?: string;
}

export type StockState = 'in' | 'out';

export interface WatchState {
  /** By `<ruleId>|<period group>`. */
  change?: Record<string, ChangeMemory>;
  title?: string;
  stock?: StockState;
  /** Item ids already seen in a watched shop, oldest first (bounded). */
  knownItems?: string[];
}

export interface WatchRow {
  /** The entity key: `taobao:item:617129397971`. */
  key: string;
  platform: Platform;
  kind: EntityKind;
  ref: string;
  name: string;
  role: WatchRole;
  rules: WatchRule[];
  state: WatchState;
  /** A public page address to refresh in the background (listings only). */
  url?: string;
  /** Include in the optional background refresh (which also needs the global switch). */
  refresh: boolean;
  lastRefreshAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface AlertValue {
  value: number;
  max?: number;
  bound: Bound;
  day: string;
}

export type Alert =
  | {
      type: 'change';
      metric: string;
      unit: Unit;
      /** Period group of the figures compared (lib/trends/period-group.ts). */
      group: string;
      direction: 'up' | 'down';
      from: AlertValue;
      to: AlertValue;
      /** The change certain from the figures (bounds taken into account), in the unit; positive. */
      amount: number;
      /** `amount` over the starting value; null when that value is 0 or unbounded. */
      ratio: number | null;
    }
  | { type: 'title'; from: string; to: string }
  | { type: 'stock'; state: 'out' | 'back'; text?: string }
  | { type: 'newListing'; itemId: string; title: string; shop?: string };

export interface AlertRow {
  /** `<watchKey>|<ruleId>|<at>[|<itemId>]`: the same capture never alerts twice for a rule. */
  id: string;
  watchKey: string;
  /** The watched entity's name when the alert fired. */
  watchName: string;
  ruleId: string;
  /** capturedAt of the capture that showed it. */
  at: string;
  captureId: string;
  /** 0 until the operator has seen it in the panel (numbers, so IndexedDB can index it). */
  seen: 0 | 1;
  alert: Alert;
}

export interface SettingRow {
  key: string;
  value: unknown;
}
