/**
 * The tables of one capture, as the side panel shows them: the page's figures, its search
 * results, its per-item report rows. Each is an ExportTable (./table.ts), so any of them can be
 * written as CSV or JSON with the operator's choice of columns.
 */
import type { Capture, ItemRow, MetricReading, SearchResult } from '../capture/schema';
import { metricName, priceKindName, unitName } from '../i18n';
import type { ExportColumn, ExportTable } from './table';
import { boundText, yesNo } from './history';

const metricColumns = <Row>(reading: (row: Row) => MetricReading): ExportColumn<Row>[] => [
  { id: 'metric', header: 'export.column.metric', value: (row) => reading(row).metric },
  {
    id: 'metricName',
    header: 'export.column.metricName',
    value: (row) => metricName(reading(row).metric, 'en') ?? reading(row).metric,
    text: (row, lang) => metricName(reading(row).metric, lang) ?? reading(row).metric,
    byDefault: true,
  },
  { id: 'label', header: 'export.column.label', value: (row) => reading(row).label, byDefault: true },
  { id: 'value', header: 'export.column.value', value: (row) => reading(row).value, byDefault: true },
  { id: 'max', header: 'export.column.max', value: (row) => reading(row).max, byDefault: true },
  { id: 'unit', header: 'export.column.unit', value: (row) => reading(row).unit, text: (row, lang) => unitName(reading(row).unit, lang), byDefault: true },
  {
    id: 'bound',
    header: 'export.column.bound',
    value: (row) => reading(row).bound,
    text: (row, lang) => boundText(reading(row).bound, lang),
    byDefault: true,
  },
  { id: 'changeBasis', header: 'export.column.changeBasis', value: (row) => reading(row).change?.basis, byDefault: true },
  { id: 'change', header: 'export.column.change', value: (row) => reading(row).change?.ratio, byDefault: true },
  {
    id: 'peers',
    header: 'export.column.peers',
    // Peers stay in their own labelled cell: never a column that could be summed with the shop's own.
    value: (row) => (reading(row).peers ?? []).map((peer) => `${peer.label}: ${peer.value}${peer.max === undefined ? '' : `~${peer.max}`}`).join('; '),
  },
];

export function figuresTable(capture: Capture): ExportTable<MetricReading> {
  return { name: 'figures', columns: metricColumns((row: MetricReading) => row), rows: capture.metrics };
}

const RESULT_COLUMNS: readonly ExportColumn<SearchResult>[] = [
  { id: 'rank', header: 'export.column.rank', value: (row) => row.rank, byDefault: true },
  { id: 'itemId', header: 'export.column.itemId', value: (row) => row.itemId, byDefault: true },
  { id: 'title', header: 'export.column.title', value: (row) => row.title, byDefault: true },
  { id: 'price', header: 'export.column.price', value: (row) => row.price?.min, byDefault: true },
  { id: 'priceMax', header: 'export.column.priceMax', value: (row) => row.price?.max, byDefault: true },
  {
    id: 'priceKind',
    header: 'export.column.priceKind',
    value: (row) => row.price?.kind,
    text: (row, lang) => (row.price ? priceKindName(row.price.kind, lang) : ''),
    byDefault: true,
  },
  { id: 'sales', header: 'export.column.sales', value: (row) => row.sales?.value, byDefault: true },
  {
    id: 'salesBound',
    header: 'export.column.salesBound',
    value: (row) => row.sales?.bound,
    text: (row, lang) => (row.sales ? boundText(row.sales.bound, lang) : ''),
    byDefault: true,
  },
  { id: 'shop', header: 'export.column.shop', value: (row) => row.shop, byDefault: true },
  { id: 'sponsored', header: 'export.column.sponsored', value: (row) => row.sponsored, text: (row, lang) => yesNo(row.sponsored, lang), byDefault: true },
];

export function resultsTable(capture: Capture): ExportTable<SearchResult> {
  return { name: 'search-results', columns: RESULT_COLUMNS, rows: capture.results ?? [] };
}

/** One row per (item row, figure): a report's rows carry different figures, so long format. */
export interface ItemFigure {
  item: ItemRow;
  reading: MetricReading;
}

const ITEM_COLUMNS: readonly ExportColumn<ItemFigure>[] = [
  { id: 'rank', header: 'export.column.rank', value: (row) => row.item.rank, byDefault: true },
  { id: 'itemId', header: 'export.column.itemId', value: (row) => row.item.itemId, byDefault: true },
  { id: 'title', header: 'export.column.title', value: (row) => row.item.title, byDefault: true },
  ...metricColumns((row: ItemFigure) => row.reading),
];

export function itemsTable(capture: Capture): ExportTable<ItemFigure> {
  const rows = (capture.items ?? []).flatMap((item) => item.metrics.map((reading) => ({ item, reading })));
  return { name: 'item-rows', columns: ITEM_COLUMNS, rows };
}

/** The tables a capture has rows for, in the panel's order. */
export function captureTables(capture: Capture): ExportTable<unknown>[] {
  const tables: ExportTable<unknown>[] = [figuresTable(capture), resultsTable(capture), itemsTable(capture)];
  return tables.filter((table) => table.rows.length > 0);
}
