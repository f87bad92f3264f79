/**
 * Small hand-written captures for the write-path tests (db, background). Each builder returns a
 * fresh object so a test can change it freely.
 */
import type { Capture, MetricReading } from '../../../lib/capture/schema';

export function reading(metric: string, value: number, extra: Partial<MetricReading> = {}): MetricReading {
  const units: Record<string, MetricReading['unit']> = { visitors: 'count', payAmount: 'yuan', conversionRate: 'ratio' };
  return { metric, label: metric, value, unit: units[metric] ?? 'count', bound: 'exact', ...extra };
}

export function dashboardCapture(overrides: Partial<Capture> = {}): Capture {
  return {
    platform: 'taobao',
    pageKind: 'dashboard',
    url: 'https://sycm.taobao.com/portal/home.htm?spm=a21ag.1.0.0',
    capturedAt: '2026-11-22T01:00:00.000Z',
    adapter: { id: 'test/dashboard', version: 1 },
    period: { label: '昨日', start: '2026-11-21', end: '2026-11-21' },
    shop: { id: '1234', name: '某某旗舰店' },
    metrics: [reading('visitors', 1520), reading('payAmount', 10095, { change: { basis: '较前一日', ratio: 0.123 } })],
    listing: null,
    results: null,
    issues: [],
    ...overrides,
  };
}

export function listingCapture(overrides: Partial<Capture> = {}): Capture {
  return {
    platform: 'taobao',
    pageKind: 'listing',
    url: 'https://detail.tmall.com/item.htm?id=617129397971&spm=a1z10.1-b.w1.2&scm=1007.1',
    capturedAt: '2026-11-22T02:00:00.000Z',
    adapter: { id: 'test/listing', version: 1 },
    period: null,
    metrics: [],
    listing: {
      itemId: '617129397971',
      title: '保温杯 316不锈钢',
      price: { min: 29.9, max: 34.9, kind: 'shown' },
      sales: { value: 10000, bound: 'atLeast', phrase: '已售 1万+' },
      reviews: { value: 14870, bound: 'exact' },
      stock: { text: '有货', quantity: 200 },
    },
    results: null,
    issues: [],
    ...overrides,
  };
}

export function itemReportCapture(overrides: Partial<Capture> = {}): Capture {
  return {
    ...dashboardCapture(),
    pageKind: 'item-report',
    url: 'https://sycm.taobao.com/cc/item_rank?dateType=day',
    adapter: { id: 'test/item-report', version: 1 },
    metrics: [],
    items: [
      { rank: 1, itemId: '111', title: '连衣裙 A', metrics: [reading('visitors', 300), reading('payAmount', 899.5)] },
      { rank: 2, itemId: '222', title: '连衣裙 B', metrics: [reading('visitors', 120)] },
      { rank: 3, title: 'row without id', metrics: [reading('visitors', 5)] },
    ],
    ...overrides,
  };
}
