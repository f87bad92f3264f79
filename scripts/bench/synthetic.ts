/**
 * Synthetic history for the benchmarks: captures shaped like the adapters' output and the
 * database rows the write path makes of them (same key and row functions as lib/db/store.ts).
 */
import type { Capture } from '../../lib/capture/schema';
import { METRIC_DEFINITIONS } from '../../lib/metrics/definitions';
import { contentHashOf, entityOf, observationsOf, pageKeyOf, periodKeyOf } from '../../lib/db/store';
import type { CaptureRow, EntityRow, ObservationRow } from '../../lib/db/schema';

export function dashboardCapture(i: number): Capture {
  const day = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000);
  const date = day.toISOString().slice(0, 10);
  const metrics = METRIC_DEFINITIONS.slice(0, 30).map((def, j) => ({
    metric: def.id,
    label: def.name.zh,
    value: def.unit === 'ratio' ? ((i + j) % 100) / 1000 : (i * 31 + j * 7) % 100_000,
    unit: def.unit,
    bound: 'exact' as const,
    change: { basis: '较前一日', ratio: ((i % 40) - 20) / 100 },
    peers: [{ label: '同行同层平均', value: j * 3 }],
  }));
  return {
    platform: 'taobao',
    pageKind: 'dashboard',
    url: 'https://sycm.taobao.com/portal/home.htm',
    capturedAt: day.toISOString(),
    adapter: { id: 'taobao/sycm-home', version: 1 },
    period: { label: date, start: date, end: date },
    shop: { name: '店镜测试旗舰店' },
    metrics,
    listing: null,
    results: null,
    issues: [],
  };
}

export function rowsOf(capture: Capture): { entity: EntityRow; capture: CaptureRow; observations: ObservationRow[] } {
  const entity = entityOf(capture)!;
  const id = `${entity.key}@${capture.capturedAt}`;
  return {
    entity: { ...entity, firstSeen: capture.capturedAt, lastSeen: capture.capturedAt },
    capture: {
      id,
      entityKey: entity.key,
      pageKey: pageKeyOf(capture.url),
      platform: capture.platform,
      pageKind: capture.pageKind,
      capturedAt: capture.capturedAt,
      periodKey: periodKeyOf(capture.period),
      adapterId: capture.adapter.id,
      adapterVersion: capture.adapter.version,
      contentHash: contentHashOf(capture),
      capture,
    },
    observations: observationsOf(capture, id, entity.key),
  };
}


/** A competitor listing seen once a day for `days` days (price wanders, sales grow). */
export function listingCaptures(url: string, days: number, start = Date.UTC(2025, 10, 22, 4)): Capture[] {
  const itemId = new URL(url).searchParams.get('id') ?? '1';
  return Array.from({ length: days }, (_, i) => {
    const price = Math.round((59 + 10 * Math.sin(i / 9) + (i % 7)) * 100) / 100;
    return {
      platform: 'taobao',
      pageKind: 'listing',
      url,
      capturedAt: new Date(start + i * 86_400_000).toISOString(),
      adapter: { id: 'taobao/listing', version: 2 },
      period: null,
      metrics: [],
      listing: {
        itemId,
        title: '店镜测试 夏季新款碎花连衣裙女中长款',
        price: { min: price, kind: 'shown' },
        sales: { value: 1000 + i * 37, bound: 'exact', phrase: `月销 ${1000 + i * 37}` },
        reviews: { value: 500 + i * 11, bound: 'exact' },
      },
      results: null,
      issues: [],
    } satisfies Capture;
  });
}

/** `count` observations spread over other entities, so the table is the size the budget names. */
export function fillerObservations(count: number): ObservationRow[] {
  const rows: ObservationRow[] = [];
  for (let i = 0; rows.length < count; i++) {
    const entityKey = `taobao:item:9${String(i % 400).padStart(11, '0')}`;
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 400) * 86_400_000).toISOString().slice(0, 10);
    for (const metric of ['price', 'sales', 'reviews']) {
      const capturedAt = `${day}T04:00:00.000Z`;
      rows.push({ id: `${entityKey}|${metric}|${capturedAt}`, entityKey, metric, captureId: `${entityKey}@${capturedAt}`, capturedAt, periodKey: '', day, value: (i * 7) % 999, unit: metric === 'price' ? 'yuan' : 'count', bound: 'exact' });
    }
  }
  return rows.slice(0, count);
}
