/**
 * Rows for read-path tests (lib/db/queries.ts, the side panel), written straight into the
 * tables: these tests must not depend on the write path's rules. Each test opens its own
 * database name so tests cannot see each other's rows.
 */
import type { Capture, MetricReading } from '../../../lib/capture/schema';
import { openDb, type CaptureRow, type EntityRow, type ObservationRow, type ShopLensDb } from '../../../lib/db/schema';
import { pageKeyOf, periodKeyOf } from '../../../lib/db/store';

let dbCounter = 0;

/** A database no other test uses. */
export function freshDb(): ShopLensDb {
  dbCounter += 1;
  return openDb(`shoplens-test-${dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export const SHOP_KEY = 'taobao:shop:5000123';
export const ITEM_KEY = 'taobao:item:617129397971';
export const DASHBOARD_URL = 'https://sycm.taobao.com/portal/home.htm';
export const LISTING_URL = 'https://detail.tmall.com/item.htm?id=617129397971';

export function reading(
  metric: string,
  label: string,
  value: number,
  unit: MetricReading['unit'],
  extra: Partial<MetricReading> = {},
): MetricReading {
  return { metric, label, value, unit, bound: 'exact', ...extra };
}

/** A 生意参谋 home capture: own figures with the page's comparison, one peer benchmark, one unreadable card. */
export function dashboardCapture(capturedAt: string, overrides: Partial<Capture> = {}): Capture {
  return {
    platform: 'taobao',
    pageKind: 'dashboard',
    url: `${DASHBOARD_URL}?spm=a21ag.12100465`,
    capturedAt,
    adapter: { id: 'taobao/sycm-home', version: 1 },
    period: { label: '昨日', start: '2026-11-21', end: '2026-11-21' },
    shop: { id: '5000123', name: '山茶花旗舰店' },
    metrics: [
      reading('visitors', '访客数', 12345, 'count', {
        change: { basis: '较前一日', ratio: 0.123 },
        peers: [{ label: '同行均值', value: 8800 }],
      }),
      reading('payAmount', '支付金额', 10095, 'yuan', { change: { basis: '较前一日', ratio: -0.052 } }),
      reading('conversionRate', '成交转化率', 0.0563, 'ratio'),
    ],
    listing: null,
    results: null,
    issues: [{ field: 'metrics.refundRate', problem: '页面显示 "-"：没有数据，不是 0' }],
    ...overrides,
  };
}

/** A Tmall listing: coupon price with the page's words, the pre-discount price apart, 10万+ sales. */
export function listingCapture(capturedAt: string, overrides: Partial<Capture> = {}): Capture {
  return {
    platform: 'taobao',
    pageKind: 'listing',
    url: `${LISTING_URL}&spm=a1z10.1-b.w1.2#detail`,
    capturedAt,
    adapter: { id: 'taobao/listing', version: 1 },
    period: null,
    metrics: [],
    listing: {
      itemId: '617129397971',
      title: '保温杯 316不锈钢 <b>大容量</b>',
      price: { min: 143.5, kind: 'coupon', label: '券后' },
      otherPrices: [{ min: 175.5, kind: 'list', label: '优惠前' }],
      sales: { value: 100000, bound: 'atLeast', phrase: '已售10万+' },
      reviews: { value: 14870, bound: 'exact', phrase: '商品评价(14,870)' },
      shop: { name: '山茶花旗舰店' },
      stock: { text: '有货(限购10件)', quantity: 200 },
      scores: [{ metric: 'dsrDescription', label: '宝贝描述', value: 4.8, level: '高' }],
      promotions: ['满300减30'],
    },
    results: null,
    issues: [],
    ...overrides,
  };
}

export function captureRow(capture: Capture, entityKey: string): CaptureRow {
  return {
    id: `${entityKey}@${capture.capturedAt}`,
    entityKey,
    pageKey: pageKeyOf(capture.url),
    platform: capture.platform,
    pageKind: capture.pageKind,
    capturedAt: capture.capturedAt,
    periodKey: periodKeyOf(capture.period),
    adapterId: capture.adapter.id,
    adapterVersion: capture.adapter.version,
    contentHash: `hash-${capture.capturedAt}`,
    capture,
  };
}

export function entityRow(key: string, name: string, overrides: Partial<EntityRow> = {}): EntityRow {
  const [platform, kind, ref] = key.split(':') as [EntityRow['platform'], EntityRow['kind'], string];
  return { key, platform, kind, ref, name, firstSeen: '2026-11-01T00:00:00.000Z', lastSeen: '2026-11-22T00:00:00.000Z', ...overrides };
}

export function observationRow(
  entityKey: string,
  metric: string,
  capturedAt: string,
  day: string,
  value: number,
  unit: ObservationRow['unit'] = 'count',
): ObservationRow {
  return {
    id: `${entityKey}|${metric}|${capturedAt}`,
    entityKey,
    metric,
    captureId: `${entityKey}@${capturedAt}`,
    capturedAt,
    periodKey: '',
    day,
    value,
    unit,
    bound: 'exact',
  };
}

export async function seed(
  db: ShopLensDb,
  rows: { entities?: EntityRow[]; captures?: CaptureRow[]; observations?: ObservationRow[] },
): Promise<void> {
  await db.transaction('rw', db.entities, db.captures, db.observations, async () => {
    if (rows.entities) await db.entities.bulkPut(rows.entities);
    if (rows.captures) await db.captures.bulkPut(rows.captures);
    if (rows.observations) await db.observations.bulkPut(rows.observations);
  });
}
