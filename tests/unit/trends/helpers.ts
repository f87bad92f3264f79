/** Observation rows for trend tests, built the way lib/db/store.ts writes them. */
import type { Capture, SearchResult } from '../../../lib/capture/schema';
import type { CaptureRow, ObservationRow } from '../../../lib/db/schema';

export const ITEM = 'taobao:item:1001';
export const SHOP = 'taobao:shop:5000123';

export interface RowSpec {
  day: string;
  value: number;
  /** Capture time; defaults to the day at 02:00 UTC. */
  at?: string;
  periodKey?: string;
  unit?: ObservationRow['unit'];
  bound?: ObservationRow['bound'];
  max?: number;
  /** Price rows: the price kind (absent: stored without one). */
  priceKind?: ObservationRow['priceKind'];
}

export function obs(entityKey: string, metric: string, spec: RowSpec): ObservationRow {
  const capturedAt = spec.at ?? `${spec.day}T02:00:00.000Z`;
  const row: ObservationRow = {
    id: `${entityKey}|${metric}|${capturedAt}`,
    entityKey,
    metric,
    captureId: `${entityKey}@${capturedAt}`,
    capturedAt,
    periodKey: spec.periodKey ?? '',
    day: spec.day,
    value: spec.value,
    unit: spec.unit ?? (metric === 'price' ? 'yuan' : 'count'),
    bound: spec.bound ?? 'exact',
  };
  if (spec.max !== undefined) row.max = spec.max;
  if (spec.priceKind !== undefined) row.priceKind = spec.priceKind;
  return row;
}

/** `昨日` period key of a day. */
export const daily = (day: string) => `昨日|${day}|${day}`;
/** `近7天` ending on a day. */
export function sevenDays(end: string): string {
  const start = new Date(`${end}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - 6);
  return `近7天|${start.toISOString().slice(0, 10)}|${end}`;
}

/** ISO day `offset` days after 2026-11-01. */
export function day(offset: number): string {
  const d = new Date(Date.UTC(2026, 10, 1 + offset));
  return d.toISOString().slice(0, 10);
}

/** A search result at a rank with a shown price (null: none readable). */
export function result(rank: number, price: number | null, extra: Partial<SearchResult> = {}): SearchResult {
  return { rank, itemId: `i${rank}`, title: `商品${rank}`, price: price === null ? null : { min: price, kind: 'shown' }, ...extra };
}

/** A stored search capture of a keyword. */
export function searchRow(capturedAt: string, results: SearchResult[], keyword = '连衣裙'): CaptureRow {
  const capture: Capture = {
    platform: 'taobao',
    pageKind: 'search',
    url: `https://s.taobao.com/search?q=${encodeURIComponent(keyword)}`,
    capturedAt,
    adapter: { id: 'taobao/search', version: 1 },
    period: null,
    metrics: [],
    listing: null,
    results,
    issues: [],
  };
  const entityKey = `taobao:keyword:${keyword}`;
  return {
    id: `${entityKey}@${capturedAt}`,
    entityKey,
    pageKey: 's.taobao.com/search',
    platform: 'taobao',
    pageKind: 'search',
    capturedAt,
    periodKey: '',
    adapterId: 'taobao/search',
    adapterVersion: 1,
    contentHash: capturedAt,
    capture,
  };
}

