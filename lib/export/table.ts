/**
 * Tables as files: any list ShopLens shows (a page's figures, search results, item rows, the
 * whole history) described once as columns, then written as CSV for Excel or as JSON.
 *
 * CSV (through ./csv.ts, the one CSV writer): UTF-8 with a byte-order mark, RFC 4180 quoting,
 * formula-looking text guarded, headers in Chinese by default or English, names (platform,
 * metric, unit) in the header language, numbers as plain numbers in their stored unit (money in
 * yuan, ratios as fractions: 5.63% is 0.0563, which Excel formats as a percentage on request).
 * JSON: `{ format, table, exportedAt, columns, rows }` with rows keyed by column id and values as
 * data (ids, not names), the same whatever the interface language.
 * In both, the operator's chosen columns, in the table's own order.
 */
import { t, type Lang, type MessageKey, type ParamsArg } from '../i18n';
import { toCsv, type CsvValue } from './csv';

/** Message keys that take no parameters: what a column header can be. */
export type HeaderKey = { [K in MessageKey]: ParamsArg<K> extends [] ? K : never }[MessageKey];

export interface ExportColumn<Row> {
  /** Stable id: the JSON key and what a column choice names. */
  id: string;
  /** Header text (lib/i18n/messages.ts). */
  header: HeaderKey;
  /** The value as data (numbers, ids): JSON, and CSV unless `text` is given. */
  value(row: Row): CsvValue;
  /** The value as an operator reads it in a CSV cell (a name in the header language). */
  text?(row: Row, lang: Lang): CsvValue;
  /** Part of the default column choice. */
  byDefault?: boolean;
}

export interface ExportTable<Row> {
  /** Used in file names and the JSON `table` field: `history`, `figures` … */
  name: string;
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
}

export const EXPORT_FORMAT = 'shoplens-export';

/** The columns to write: those named in `ids` (table order kept), or the default choice. */
export function chosenColumns<Row>(columns: readonly ExportColumn<Row>[], ids?: readonly string[]): ExportColumn<Row>[] {
  if (ids === undefined) {
    const defaults = columns.filter((column) => column.byDefault);
    return defaults.length > 0 ? defaults : [...columns];
  }
  const wanted = new Set(ids);
  return columns.filter((column) => wanted.has(column.id));
}

export function defaultColumnIds<Row>(columns: readonly ExportColumn<Row>[]): string[] {
  return chosenColumns(columns).map((column) => column.id);
}

export interface ExportOptions {
  /** Header and name language (default Chinese). */
  lang?: Lang;
  /** Column ids to write; the table's default choice when absent. */
  columnIds?: readonly string[];
}

export function tableToCsv<Row>(table: ExportTable<Row>, options: ExportOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const columns = chosenColumns(table.columns, options.columnIds);
  const header = columns.map((column) => t(column.header, lang));
  const body = table.rows.map((row) => columns.map((column) => (column.text ? column.text(row, lang) : column.value(row))));
  return toCsv([header, ...body]);
}

export interface JsonExport {
  format: typeof EXPORT_FORMAT;
  table: string;
  exportedAt: string;
  columns: string[];
  rows: Record<string, CsvValue>[];
}

export function tableToJson<Row>(table: ExportTable<Row>, options: ExportOptions & { now?: Date } = {}): JsonExport {
  const columns = chosenColumns(table.columns, options.columnIds);
  return {
    format: EXPORT_FORMAT,
    table: table.name,
    exportedAt: (options.now ?? new Date()).toISOString(),
    columns: columns.map((column) => column.id),
    rows: table.rows.map((row) => {
      // A null-prototype object: a column id can never reach Object.prototype.
      const out = Object.create(null) as Record<string, CsvValue>;
      for (const column of columns) {
        const value = column.value(row);
        out[column.id] = value === undefined ? null : value;
      }
      return out;
    }),
  };
}

export function tableToJsonText<Row>(table: ExportTable<Row>, options: ExportOptions & { now?: Date } = {}): string {
  return `${JSON.stringify(tableToJson(table, options), null, 2)}\n`;
}

/** `shoplens-history-2026-11-22.csv`: names are ASCII so every system keeps them. */
export function exportFileName(tableName: string, extension: 'csv' | 'json', now: Date = new Date()): string {
  const safe = tableName.replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'table';
  return `shoplens-${safe}-${now.toISOString().slice(0, 10)}.${extension}`;
}
