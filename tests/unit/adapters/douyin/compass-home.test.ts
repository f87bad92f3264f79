/**
 * 电商罗盘 home: the fetched core data (unit codes, fen, own value only), how it meets the rendered
 * cards, and the refusals (risk control, empty answers, another period, disagreeing figures).
 * Whole pages are pinned by tests/fixtures/douyin/compass-home-*.html.
 */
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import type { PageResponse } from '../../../../lib/adapters/types';
import {
  COMPASS_HOME_ENDPOINTS,
  compassFailure,
  compassValue,
  readCompassHomeResponses,
  requestPeriod,
} from '../../../../lib/adapters/douyin/compass-api';
import { agreesWithinDisplayRounding, compassHomeAdapter } from '../../../../lib/adapters/douyin/compass-home';

const HOME = new URL('https://compass.jinritemai.com/shop');
const DAY = '?date_type=1&begin_date=2026%2F11%2F21%2000%3A00%3A00&end_date=2026%2F11%2F21%2000%3A00%3A00';
const OTHER_DAY = '?date_type=1&begin_date=2026%2F11%2F20%2000%3A00%3A00&end_date=2026%2F11%2F20%2000%3A00%3A00';

function cell(unit: unknown, value: unknown, benchmark = 999_999_999, last = 1) {
  return { index_value: { value: { unit, value }, benchmark: { unit, value: benchmark }, last_value: { unit, value: last } } };
}

function core(fields: Record<string, unknown>, query = DAY, st = 0): PageResponse {
  return {
    endpoint: 'compass/homepage-core-index',
    url: `https://compass.jinritemai.com/compass_api/shop/common/homepage/core_index${query}`,
    body: { st, msg: '', data: { module_data: { homepage_core_index: { compass_general_multi_index_card_value: { data: [fields] } } } } },
  };
}

function page(bodyHtml: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${bodyHtml}</body></html>`, 'text/html');
}

function cards(inner: string, picker = '<input value="2026-11-21"><input value="2026-11-21">'): Document {
  return page(`<main><div class="picker">${picker}</div><section><h2>经营概况</h2><div class="grid">${inner}</div></section></main>`);
}

function card(label: string, value: string, extra = ''): string {
  return `<div class="card"><div>${label}</div><div>${value}</div>${extra}</div>`;
}

describe('罗盘 unit codes', () => {
  it.each([
    // SOURCES-2.md §E: income_amt {unit:3, value:6544976} is ¥65,449.76 (unit 3 = fen).
    [{ unit: 3, value: 6544976 }, 'yuan', { value: 65449.76 }],
    [{ unit: 3, value: 1519911 }, 'yuan', { value: 15199.11 }],
    [{ unit: 3, value: '1311602' }, 'yuan', { value: 13116.02 }],
    [{ unit: 5, value: 3265 }, 'count', { value: 3265 }],
    [{ unit: 4, value: 0.0707 }, 'ratio', { value: 0.0707 }],
  ] as const)('%j as %s → %j', (raw, unit, expected) => {
    expect(compassValue(raw, unit)).toEqual(expected);
  });

  it.each([
    [{ unit: 9, value: 1 }, 'yuan', 'unknown unit code 9'],
    [{ value: 6544976 }, 'yuan', 'unknown unit code missing'],
    [{ unit: 5, value: 6544976 }, 'yuan', 'unit code 5 (count) where yuan was expected'],
    [{ unit: 3, value: 3265 }, 'count', 'unit code 3 (fen) where count was expected'],
    [{ unit: 3, value: 12.5 }, 'yuan', 'not a whole number of fen'],
    [{ unit: 3, value: -100 }, 'yuan', 'not a whole number of fen'],
    [{ unit: 5, value: 3.5 }, 'count', 'not a count'],
    [{ unit: 3, value: '-' }, 'yuan', 'no value'],
    [null, 'yuan', 'no value'],
  ] as const)('%j as %s is refused (%s)', (raw, unit, problem) => {
    const result = compassValue(raw, unit);
    expect(result).toEqual({ problem: expect.stringContaining(problem) });
  });

  it.each([
    [{ st: 0, data: {} }, null],
    [{ st: 11001, msg: '当前网络不稳定，请稍后再试' }, 'risk control'],
    [{ code: 11001 }, 'risk control'],
    [{ st: 8, msg: '未登录' }, 'not logged in'],
    [{ st: 2, msg: 'x'.repeat(200) }, 'failed (st 2'],
    ['<html>', 'not a JSON object'],
  ])('status of %j', (body, failure) => {
    const result = compassFailure(body);
    if (failure === null) expect(result).toBeNull();
    else expect(result).toContain(failure);
  });

  it('reads the period a request asked for', () => {
    expect(requestPeriod(`https://compass.jinritemai.com/x${DAY}`)).toEqual({ label: '2026-11-21', start: '2026-11-21', end: '2026-11-21' });
    expect(requestPeriod('https://compass.jinritemai.com/x?begin_date=2026-11-15&end_date=2026-11-21')).toEqual({
      label: '2026-11-15~2026-11-21',
      start: '2026-11-15',
      end: '2026-11-21',
    });
    expect(requestPeriod('https://compass.jinritemai.com/x?date_type=1')).toBeNull();
  });

  it('declares the endpoints it reads, each with its unit note', () => {
    expect(compassHomeAdapter.endpoints).toBe(COMPASS_HOME_ENDPOINTS);
    for (const endpoint of COMPASS_HOME_ENDPOINTS) expect(endpoint.note).toMatch(/fen/);
    expect(COMPASS_HOME_ENDPOINTS[0]!.path.test('/compass_api/shop/common/homepage/core_index?date_type=1')).toBe(true);
    expect(COMPASS_HOME_ENDPOINTS[0]!.path.test('/compass_api/shop/common/homepage/core_index_v3?date_type=1')).toBe(false);
    expect(COMPASS_HOME_ENDPOINTS[1]!.path.test('/compass_api/shop/common/homepage/summary_core_index_v3')).toBe(true);
  });
});

describe('罗盘 fetched core data', () => {
  it('takes only the own value: never the benchmark (同行顶尖) or last_value (上期)', () => {
    const reading = readCompassHomeResponses([core({ income_amt: cell(3, 6544976, 4253007, 13089952), pay_cnt: cell(5, 3265, 3140000) })]);
    expect(reading.metrics).toEqual([
      { metric: 'payAmount', label: '成交金额', value: 65449.76, unit: 'yuan', bound: 'exact' },
      { metric: 'orders', label: '成交订单数', value: 3265, unit: 'count', bound: 'exact' },
    ]);
    expect(reading.period).toEqual({ label: '2026-11-21', start: '2026-11-21', end: '2026-11-21' });
  });

  it('reads the latest response of an endpoint (the page refetches on a date change)', () => {
    const reading = readCompassHomeResponses([core({ pay_cnt: cell(5, 1) }), core({ pay_cnt: cell(5, 2) })]);
    expect(reading.metrics.map((m) => m.value)).toEqual([2]);
  });

  it('ignores responses of other endpoints and responses whose address is not their endpoint', () => {
    const stray = { ...core({ pay_cnt: cell(5, 7) }), url: 'https://compass.jinritemai.com/compass_api/other?x=1' };
    const unknown = { ...core({ pay_cnt: cell(5, 8) }), endpoint: 'compass/other' };
    expect(readCompassHomeResponses([stray, unknown]).metrics).toEqual([]);
  });

  it('reports a refused request and an empty answer, never zero sales', () => {
    const refused = readCompassHomeResponses([core({}, DAY, 11001)]);
    expect(refused.metrics).toEqual([]);
    expect(refused.issues).toEqual([{ field: 'responses', problem: expect.stringContaining('risk control') }]);
    const empty: PageResponse = { ...core({}), body: { st: 0, msg: '', data: {} } };
    expect(readCompassHomeResponses([empty]).issues).toEqual([{ field: 'responses', problem: expect.stringContaining('no data rows') }]);
  });

  it('keeps none of the fetched figures when the responses are for different days', () => {
    const summary: PageResponse = {
      endpoint: 'compass/homepage-summary-core-index',
      url: `https://compass.jinritemai.com/compass_api/shop/common/homepage/summary_core_index_v3${OTHER_DAY}`,
      body: (core({ ad_costed_amt: cell(3, 1311602) }).body as object),
    };
    const reading = readCompassHomeResponses([core({ pay_cnt: cell(5, 3265) }), summary]);
    expect(reading.metrics).toEqual([]);
    expect(reading.issues).toContainEqual({ field: 'period', problem: expect.stringContaining('different periods') });
  });
});

describe('罗盘 home: fetched data and rendered cards together', () => {
  it.each([
    [331500, 331487, true], // 33.15万 shown for 331,487
    [13100, 13116.02, true], // ¥1.31万 shown for 13,116.02 (SOURCES-2.md §E)
    [63750.34, 63750.34, true],
    [29.96, 29.96, true],
    [6544976, 65449.76, false], // fen read as yuan
    [654.5, 65449.76, false],
    [33000, 33150, false],
    [0, 0, true],
    [0, 12, false],
  ])('shown %d agrees with fetched %d: %s', (shown, fetched, agrees) => {
    expect(agreesWithinDisplayRounding(shown, fetched)).toBe(agrees);
  });

  it('keeps the fetched value with the card change and peers when they agree', () => {
    const doc = cards(card('成交金额', '¥6.54万', '<div><span>较上期</span><span>7.35%</span><i class="icon-arrow-up"></i></div><div><span>同行顶尖</span><span>¥4.35万</span></div>'));
    const result = compassHomeAdapter.extract(doc, HOME, [core({ income_amt: cell(3, 6544976) })]);
    expect(result.metrics).toEqual([
      {
        metric: 'payAmount',
        label: '成交金额',
        value: 65449.76,
        unit: 'yuan',
        bound: 'exact',
        change: { basis: '较上期', ratio: 0.0735 },
        peers: [{ label: '同行顶尖', value: 43500 }],
      },
    ]);
    expect(result.issues).toEqual([]);
  });

  it('keeps neither when the page and the fetched data disagree', () => {
    const doc = cards(card('成交订单数', '314万'));
    const result = compassHomeAdapter.extract(doc, HOME, [core({ pay_cnt: cell(5, 3265) })]);
    expect(result.metrics).toEqual([]);
    expect(result.issues).toContainEqual({ field: 'metrics.orders', problem: expect.stringContaining('neither kept') });
  });

  it('lets a fetched value fill a card that shows - or nothing yet, and keeps cards the responses lack', () => {
    const doc = cards(card('成交金额', '-') + card('成交人数', '') + card('商品点击人数', '1.65万'));
    const result = compassHomeAdapter.extract(doc, HOME, [core({ income_amt: cell(3, 6544976), pay_ucnt: cell(5, 2676) })]);
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([
      ['payAmount', 65449.76],
      ['buyers', 2676],
      ['clickUsers', 16500],
    ]);
    expect(result.issues).toEqual([]);
  });

  it('does not use fetched data for another day than the page shows', () => {
    const doc = cards(card('成交金额', '¥63,750.34'));
    const result = compassHomeAdapter.extract(doc, HOME, [core({ income_amt: cell(3, 9999900) }, OTHER_DAY)]);
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([['payAmount', 63750.34]]);
    expect(result.issues).toContainEqual({ field: 'responses', problem: expect.stringContaining('not used') });
  });

  it('reads the rendered cards of SOURCES-2.md §E (63750.34, 331500, - missing) without responses', () => {
    const doc = cards(
      card('成交金额', '¥63,750.34 较上期 7.35% 同行顶尖 ¥4.35万') +
        card('商品曝光人数', '33.15万 较上期 64.97% 同行标杆 19.22万') +
        card('投放消耗', '¥42,927.91 昨日 ¥58,095.61') +
        card('成交人数', '-'),
    );
    const url = HOME;
    const capture = captureFrom(compassHomeAdapter, doc, url, new Date('2026-11-22T00:00:00Z'));
    expect(captureSchema.safeParse(capture).success).toBe(true);
    expect(capture.metrics.map((m) => [m.metric, m.value, m.peers?.[0]?.value])).toEqual([
      ['payAmount', 63750.34, 43500],
      ['impressionUsers', 331500, 192200],
      ['adSpend', 42927.91, undefined],
    ]);
    expect(capture.issues).toContainEqual({ field: 'metrics.buyers', problem: "'成交人数' shown as '-' (no data)" });
  });

  it('detects a page from its responses alone, and not from refused ones', () => {
    const skeleton = cards(card('成交金额', ''));
    expect(compassHomeAdapter.detect(skeleton, HOME, [core({ income_amt: cell(3, 100) })])).toBe(true);
    expect(compassHomeAdapter.detect(skeleton, HOME, [core({}, DAY, 11001)])).toBe(false);
    expect(compassHomeAdapter.detect(skeleton, HOME)).toBe(false);
  });
});
