/**
 * Tables as files (lib/export/table.ts, capture-tables.ts): CSV with BOM, RFC 4180 quoting and
 * Chinese headers by default, English on request, the chosen columns in table order; JSON with
 * ids and raw values; the tables of a capture as the panel shows them.
 */
import { describe, expect, it } from 'vitest';
import type { Capture } from '../../../lib/capture/schema';
import { parseCsv } from '../../../lib/export/csv';
import { captureTables, figuresTable, itemsTable, resultsTable } from '../../../lib/export/capture-tables';
import { chosenColumns, defaultColumnIds, exportFileName, tableToCsv, tableToJson, type ExportTable } from '../../../lib/export/table';
import { dashboardCapture, itemReportCapture, listingCapture } from '../db/sample-captures';

interface Row {
  name: string;
  value: number | undefined;
}

const TABLE: ExportTable<Row> = {
  name: 'demo',
  columns: [
    { id: 'name', header: 'export.column.title', value: (row) => row.name, byDefault: true },
    { id: 'value', header: 'export.column.value', value: (row) => row.value, byDefault: true },
    { id: 'unit', header: 'export.column.unit', value: () => 'yuan', text: (_row, lang) => (lang === 'zh' ? '元' : 'CNY') },
  ],
  rows: [
    { name: '保温杯, 316 "大容量"', value: 29.9 },
    { name: '=HYPERLINK("http://evil")', value: undefined },
    { name: 'two\nlines', value: -3 },
  ],
};

function rowsOf(csv: string): string[][] {
  const parsed = parseCsv(csv);
  expect(parsed.errors).toEqual([]);
  return parsed.rows.map((row) => row.fields);
}

describe('tableToCsv', () => {
  it('starts with a BOM, ends rows in CRLF and quotes what RFC 4180 requires', () => {
    const csv = tableToCsv(TABLE);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toBe('\ufeff标题,数值\r\n"保温杯, 316 ""大容量""",29.9\r\n"\'=HYPERLINK(""http://evil"")",\r\n"two\nlines",-3\r\n');
  });

  it.each([
    ['zh', undefined, [['标题', '数值']]],
    ['en', undefined, [['Title', 'Value']]],
    ['zh', ['unit', 'name'], [['标题', '单位']]],
    ['en', ['unit'], [['Unit']]],
  ] as const)('headers in %s, columns %j', (lang, columnIds, header) => {
    expect(rowsOf(tableToCsv(TABLE, { lang, columnIds })).slice(0, 1)).toEqual(header);
  });

  it('writes names in the header language and values as data', () => {
    expect(rowsOf(tableToCsv(TABLE, { lang: 'en', columnIds: ['value', 'unit'] }))).toEqual([
      ['Value', 'Unit'],
      ['29.9', 'CNY'],
      ['', 'CNY'],
      ['-3', 'CNY'],
    ]);
  });

  it('round-trips every cell through the CSV reader', () => {
    const rows = rowsOf(tableToCsv(TABLE, { columnIds: ['name'] }));
    expect(rows.slice(1).map((row) => row[0])).toEqual(['保温杯, 316 "大容量"', '\'=HYPERLINK("http://evil")', 'two\nlines']);
  });
});

describe('tableToJson', () => {
  it('keys rows by column id with raw values (null for missing), whatever the language', () => {
    const json = tableToJson(TABLE, { columnIds: ['name', 'unit', 'value'], now: new Date('2026-11-22T08:00:00.000Z') });
    expect(JSON.parse(JSON.stringify(json))).toEqual({
      format: 'shoplens-export',
      table: 'demo',
      exportedAt: '2026-11-22T08:00:00.000Z',
      columns: ['name', 'value', 'unit'],
      rows: [
        { name: '保温杯, 316 "大容量"', value: 29.9, unit: 'yuan' },
        { name: '=HYPERLINK("http://evil")', value: null, unit: 'yuan' },
        { name: 'two\nlines', value: -3, unit: 'yuan' },
      ],
    });
  });

  it('cannot write to a prototype, whatever a column is called', () => {
    const hostile: ExportTable<Row> = { ...TABLE, columns: [{ id: '__proto__', header: 'export.column.title', value: () => 'polluted' }] };
    const [row] = tableToJson(hostile, { columnIds: ['__proto__'] }).rows;
    expect(Object.keys(row!)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('column choice and file names', () => {
  it('defaults to the columns marked byDefault, in table order', () => {
    expect(defaultColumnIds(TABLE.columns)).toEqual(['name', 'value']);
    expect(chosenColumns(TABLE.columns, ['unit', 'name']).map((c) => c.id)).toEqual(['name', 'unit']);
    expect(chosenColumns(TABLE.columns, [])).toEqual([]);
  });

  it.each([
    ['history', 'csv', 'shoplens-history-2026-11-22.csv'],
    ['search-results', 'json', 'shoplens-search-results-2026-11-22.json'],
    ['../../etc/passwd 表', 'csv', 'shoplens-etc-passwd-2026-11-22.csv'],
    ['表', 'json', 'shoplens-table-2026-11-22.json'],
  ] as const)('%s.%s → %s', (name, extension, fileName) => {
    expect(exportFileName(name, extension, new Date('2026-11-22T08:00:00.000Z'))).toBe(fileName);
  });
});

describe('the tables of a capture', () => {
  const search: Capture = {
    ...listingCapture(),
    pageKind: 'search',
    url: 'https://s.taobao.com/search?q=保温杯',
    listing: null,
    results: [
      { rank: 1, itemId: '11', title: '保温杯 A', price: { min: 39.9, max: 59.9, kind: 'coupon' }, sales: { value: 10000, bound: 'atLeast' }, shop: '甲店', sponsored: true },
      { rank: 2, title: '保温杯 B', price: null },
    ],
  };

  it('lists only the tables with rows', () => {
    expect(captureTables(dashboardCapture()).map((table) => table.name)).toEqual(['figures']);
    expect(captureTables(search).map((table) => table.name)).toEqual(['search-results']);
    expect(captureTables(itemReportCapture()).map((table) => table.name)).toEqual(['item-rows']);
    expect(captureTables(listingCapture())).toEqual([]);
  });

  it('figures: names, raw values, the page’s comparison; peers in their own cell', () => {
    const capture = dashboardCapture({
      metrics: [
        { metric: 'visitors', label: '访客数', value: 12345, unit: 'count', bound: 'exact', change: { basis: '较前一日', ratio: 0.123 }, peers: [{ label: '同行均值', value: 8800 }] },
        { metric: 'payAmount', label: '支付金额', value: 7500000, max: 10000000, unit: 'yuan', bound: 'exact' },
      ],
    });
    const table = figuresTable(capture);
    expect(rowsOf(tableToCsv(table, { columnIds: table.columns.map((c) => c.id) }))).toEqual([
      ['指标ID', '指标', '页面标签', '数值', '范围上限', '单位', '精确度', '对比基准', '变化率', '同行参考（非本店）'],
      ['visitors', '访客数', '访客数', '12345', '', '数量', '精确值', '较前一日', '0.123', '同行均值: 8800'],
      ['payAmount', '支付金额', '支付金额', '7500000', '10000000', '元', '精确值', '', '', ''],
    ]);
  });

  it('search results: rank, price kind and bound by name, sponsored as yes/no', () => {
    expect(rowsOf(tableToCsv(resultsTable(search), { lang: 'en' }))).toEqual([
      ['Rank', 'Item ID', 'Title', 'Price', 'Highest price', 'Price kind', 'Sales', 'Sales bound', 'Shop', 'Ad'],
      ['1', '11', '保温杯 A', '39.9', '59.9', 'After coupon', '10000', 'at least', '甲店', 'yes'],
      ['2', '', '保温杯 B', '', '', '', '', '', '', ''],
    ]);
  });

  it('item rows: one line per item and figure', () => {
    const rows = rowsOf(tableToCsv(itemsTable(itemReportCapture()), { lang: 'en', columnIds: ['rank', 'itemId', 'metric', 'value'] }));
    expect(rows).toEqual([
      ['Rank', 'Item ID', 'Metric ID', 'Value'],
      ['1', '111', 'visitors', '300'],
      ['1', '111', 'payAmount', '899.5'],
      ['2', '222', 'visitors', '120'],
      ['3', '', 'visitors', '5'],
    ]);
  });
});
