/**
 * "Export this table" for any table the side panel shows (a page's figures, search results,
 * item rows: lib/export/capture-tables.ts): the operator picks columns and saves CSV or JSON.
 * Headers follow the interface language (Chinese by default, English after the switch).
 *
 * Stable hooks for tests (data-testid): table-export (data-table), table-export-column
 * (data-column), table-export-csv, table-export-json.
 */
import { useState } from 'react';
import { CSV_MIME, downloadText, JSON_MIME } from '../../lib/export/download';
import { defaultColumnIds, exportFileName, tableToCsv, tableToJsonText, type ExportTable } from '../../lib/export/table';
import { useI18n } from '../../lib/i18n/react';
import type { Download } from './DataPanel';
import './data.css';

export function TableExport({ table, download = downloadText, now = () => new Date() }: { table: ExportTable<unknown>; download?: Download; now?: () => Date }) {
  const { t, lang } = useI18n();
  const [columns, setColumns] = useState<ReadonlySet<string>>(() => new Set(defaultColumnIds(table.columns)));
  const columnIds = table.columns.filter((column) => columns.has(column.id)).map((column) => column.id);
  const toggle = (id: string) =>
    setColumns((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <details className="table-export" data-testid="table-export" data-table={table.name}>
      <summary>{t('data.table.export')}</summary>
      <fieldset className="data-columns">
        <legend className="field-label">{t('data.export.columns')}</legend>
        {table.columns.map((column) => (
          <label key={column.id} className="data-choice">
            <input type="checkbox" data-testid="table-export-column" data-column={column.id} checked={columns.has(column.id)} onChange={() => toggle(column.id)} />
            {t(column.header)}
          </label>
        ))}
      </fieldset>
      <div className="data-actions">
        <button
          type="button"
          data-testid="table-export-csv"
          disabled={columnIds.length === 0}
          onClick={() => download(tableToCsv(table, { lang, columnIds }), exportFileName(table.name, 'csv', now()), CSV_MIME)}
        >
          {t('data.export.csv')}
        </button>
        <button
          type="button"
          data-testid="table-export-json"
          disabled={columnIds.length === 0}
          onClick={() => download(tableToJsonText(table, { columnIds, now: now() }), exportFileName(table.name, 'json', now()), JSON_MIME)}
        >
          {t('data.export.json')}
        </button>
      </div>
    </details>
  );
}
