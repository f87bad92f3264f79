/**
 * The whole history as a table (lib/export/history.ts): filters by platform, entity, metric and
 * date range (each alone and combined), rows joined with their entity, the default columns, and
 * the CSV an operator opens in Excel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../lib/export/csv';
import { HISTORY_COLUMNS, historyTable, queryHistory, type HistoryFilter } from '../../../lib/export/history';
import { defaultColumnIds, tableToCsv } from '../../../lib/export/table';
import { dropDatabases, freshDb } from '../db/demo-database';
import { entityRow, observationRow, seed } from '../db/seed-rows';

afterEach(dropDatabases);

const SHOP = 'taobao:shop:5000123';
const ITEM = 'taobao:item:617129397971';
const JD_ITEM = 'jd:item:100066896338';

async function seeded() {
  const db = freshDb();
  await seed(db, {
    entities: [
      entityRow(SHOP, '山茶花旗舰店', { own: true }),
      entityRow(ITEM, '保温杯 316不锈钢'),
      entityRow(JD_ITEM, '京东 保温杯'),
    ],
    observations: [
      { ...observationRow(SHOP, 'visitors', '2026-11-20T01:00:00.000Z', '2026-11-19', 1200), periodKey: '昨日|2026-11-19|2026-11-19' },
      { ...observationRow(SHOP, 'visitors', '2026-11-21T01:00:00.000Z', '2026-11-20', 1300), periodKey: '昨日|2026-11-20|2026-11-20' },
      { ...observationRow(SHOP, 'payAmount', '2026-11-21T01:00:00.000Z', '2026-11-20', 10095.5, 'yuan'), periodKey: '昨日|2026-11-20|2026-11-20' },
      observationRow(ITEM, 'price', '2026-11-20T02:00:00.000Z', '2026-11-20', 29.9, 'yuan'),
      { ...observationRow(ITEM, 'sales', '2026-11-21T02:00:00.000Z', '2026-11-21', 10000), bound: 'atLeast' },
      { ...observationRow(JD_ITEM, 'price', '2026-11-21T03:00:00.000Z', '2026-11-21', 39, 'yuan'), max: 59 },
      // An observation whose entity row is gone (kept forever): still exported, name empty.
      observationRow('taobao:keyword:保温杯', 'price', '2026-11-22T03:00:00.000Z', '2026-11-22', 45, 'yuan'),
    ],
  });
  return db;
}

const ids = (rows: { entityKey: string; metric: string; day: string }[]) => rows.map((row) => `${row.entityKey}|${row.metric}|${row.day}`);

describe('queryHistory', () => {
  it.each<[string, HistoryFilter, string[]]>([
    [
      'no filter: everything, by day',
      {},
      [
        `${SHOP}|visitors|2026-11-19`,
        `${ITEM}|price|2026-11-20`,
        `${SHOP}|payAmount|2026-11-20`,
        `${SHOP}|visitors|2026-11-20`,
        `${JD_ITEM}|price|2026-11-21`,
        `${ITEM}|sales|2026-11-21`,
        'taobao:keyword:保温杯|price|2026-11-22',
      ],
    ],
    ['platform', { platforms: ['jd'] }, [`${JD_ITEM}|price|2026-11-21`]],
    ['entity', { entityKeys: [SHOP] }, [`${SHOP}|visitors|2026-11-19`, `${SHOP}|payAmount|2026-11-20`, `${SHOP}|visitors|2026-11-20`]],
    ['metric', { metrics: ['price'] }, [`${ITEM}|price|2026-11-20`, `${JD_ITEM}|price|2026-11-21`, 'taobao:keyword:保温杯|price|2026-11-22']],
    ['entity and metric', { entityKeys: [SHOP], metrics: ['visitors'] }, [`${SHOP}|visitors|2026-11-19`, `${SHOP}|visitors|2026-11-20`]],
    ['date range, both ends included', { from: '2026-11-20', to: '2026-11-21' }, [
      `${ITEM}|price|2026-11-20`,
      `${SHOP}|payAmount|2026-11-20`,
      `${SHOP}|visitors|2026-11-20`,
      `${JD_ITEM}|price|2026-11-21`,
      `${ITEM}|sales|2026-11-21`,
    ]],
    ['entity, metric and dates', { entityKeys: [SHOP, ITEM], metrics: ['visitors', 'price'], from: '2026-11-20' }, [`${ITEM}|price|2026-11-20`, `${SHOP}|visitors|2026-11-20`]],
    ['platform and metric', { platforms: ['taobao'], metrics: ['price'] }, [`${ITEM}|price|2026-11-20`, 'taobao:keyword:保温杯|price|2026-11-22']],
    ['nothing matches', { platforms: ['pinduoduo'] }, []],
  ])('%s', async (_name, filter, expected) => {
    const db = await seeded();
    expect(ids(await queryHistory(db, filter))).toEqual(expected);
  });

  it('joins each figure with its entity and keeps the period label', async () => {
    const db = await seeded();
    const rows = await queryHistory(db, { entityKeys: [SHOP], metrics: ['payAmount'] });
    expect(rows).toEqual([
      {
        day: '2026-11-20',
        capturedAt: '2026-11-21T01:00:00.000Z',
        platform: 'taobao',
        entityKey: SHOP,
        entityKind: 'shop',
        entityRef: '5000123',
        entityName: '山茶花旗舰店',
        own: true,
        metric: 'payAmount',
        value: 10095.5,
        max: undefined,
        unit: 'yuan',
        bound: 'exact',
        period: '昨日',
        captureId: `${SHOP}@2026-11-21T01:00:00.000Z`,
      },
    ]);
  });
});

describe('history CSV', () => {
  it('has Chinese headers and names by default, raw numbers, bounds and ranges spelled out', async () => {
    const db = await seeded();
    const table = await historyTable(db, { metrics: ['price', 'sales'], platforms: ['taobao', 'jd'], to: '2026-11-21' });
    const csv = tableToCsv(table);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(parseCsv(csv).rows.map((row) => row.fields)).toEqual([
      ['日期', '平台', '类型', '编号', '名称', '指标', '数值', '范围上限', '单位', '精确度', '统计周期'],
      ['2026-11-20', '淘宝/天猫', '商品', '617129397971', '保温杯 316不锈钢', '价格', '29.9', '', '元', '精确值', ''],
      ['2026-11-21', '京东', '商品', '100066896338', '京东 保温杯', '价格', '39', '59', '元', '精确值', ''],
      ['2026-11-21', '淘宝/天猫', '商品', '617129397971', '保温杯 316不锈钢', '销量', '10000', '', '数量', '下限（实际不少于）', ''],
    ]);
  });

  it('switches headers and names to English, with the chosen columns', async () => {
    const db = await seeded();
    const table = await historyTable(db, { entityKeys: [SHOP], metrics: ['visitors'] });
    const csv = tableToCsv(table, { lang: 'en', columnIds: ['capturedAt', 'entityName', 'own', 'metric', 'value', 'captureId'] });
    expect(parseCsv(csv).rows.map((row) => row.fields)).toEqual([
      ['Read at', 'Name', 'Own', 'Metric ID', 'Value', 'Capture ID'],
      ['2026-11-20T01:00:00.000Z', '山茶花旗舰店', 'yes', 'visitors', '1200', `${SHOP}@2026-11-20T01:00:00.000Z`],
      ['2026-11-21T01:00:00.000Z', '山茶花旗舰店', 'yes', 'visitors', '1300', `${SHOP}@2026-11-21T01:00:00.000Z`],
    ]);
  });

  it('every column has a header in both languages and a unique id', () => {
    expect(new Set(HISTORY_COLUMNS.map((column) => column.id)).size).toBe(HISTORY_COLUMNS.length);
    expect(defaultColumnIds(HISTORY_COLUMNS)).toEqual(['day', 'platform', 'entityKind', 'entityRef', 'entityName', 'metricName', 'value', 'max', 'unit', 'bound', 'period']);
  });
});
