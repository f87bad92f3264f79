/**
 * "Export this table" (components/data/TableExport.tsx) on a table of the panel: the chosen
 * columns in the interface language, CSV with BOM or JSON, nothing when no column is chosen.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TableExport } from '../../../components/data/TableExport';
import type { Download } from '../../../components/data/DataPanel';
import { figuresTable } from '../../../lib/export/capture-tables';
import { parseCsv } from '../../../lib/export/csv';
import { I18nProvider } from '../../../lib/i18n/react';
import { dashboardCapture } from '../db/sample-captures';
import { captureRow, DASHBOARD_URL, dashboardCapture as seededDashboard, freshDb, seed, SHOP_KEY } from '../db/seed-rows';
import { expectState, pinPanelTo, renderPanel } from '../panel/panel-helpers';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function renderExport(lang: 'zh' | 'en') {
  const saved: { text: string; fileName: string; mime: string }[] = [];
  const download: Download = (text, fileName, mime) => void saved.push({ text, fileName, mime });
  const table = figuresTable(dashboardCapture());
  render(
    <I18nProvider initialLang={lang}>
      <TableExport table={table as never} download={download} now={() => new Date('2026-11-22T08:00:00.000Z')} />
    </I18nProvider>,
  );
  return saved;
}

const column = (id: string) => screen.getAllByTestId('table-export-column').find((box) => box.dataset.column === id)!;

describe('TableExport', () => {
  it('saves the chosen columns as CSV with headers in the interface language', () => {
    const saved = renderExport('zh');
    expect(screen.getByTestId('table-export').dataset.table).toBe('figures');
    fireEvent.click(column('label'));
    fireEvent.click(column('changeBasis'));
    fireEvent.click(column('change'));
    fireEvent.click(screen.getByTestId('table-export-csv'));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.fileName).toBe('shoplens-figures-2026-11-22.csv');
    expect(saved[0]!.text.startsWith('\ufeff')).toBe(true);
    expect(parseCsv(saved[0]!.text).rows.map((row) => row.fields)).toEqual([
      ['指标', '数值', '范围上限', '单位', '精确度'],
      ['访客数', '1520', '', '数量', '精确值'],
      ['支付金额', '10095', '', '元', '精确值'],
    ]);
  });

  it('in English, and as JSON with ids and raw values', () => {
    const saved = renderExport('en');
    fireEvent.click(screen.getByTestId('table-export-csv'));
    expect(parseCsv(saved[0]!.text).rows[0]!.fields[0]).toBe('Metric');
    fireEvent.click(screen.getByTestId('table-export-json'));
    const json = JSON.parse(saved[1]!.text) as { table: string; rows: Record<string, unknown>[] };
    expect(json.table).toBe('figures');
    expect(json.rows[1]).toMatchObject({ metricName: 'Sales amount', value: 10095, unit: 'yuan', changeBasis: '较前一日', change: 0.123 });
  });

  it('cannot save with no column chosen', () => {
    const saved = renderExport('zh');
    for (const box of screen.getAllByTestId('table-export-column')) if ((box as HTMLInputElement).checked) fireEvent.click(box);
    expect((screen.getByTestId('table-export-csv') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('table-export-json') as HTMLButtonElement).disabled).toBe(true);
    expect(saved).toEqual([]);
  });
});

describe('in the side panel', () => {
  it('every table of the capture shown has its export control', async () => {
    const db = freshDb();
    await seed(db, { captures: [captureRow(seededDashboard('2026-11-22T01:00:00.000Z'), SHOP_KEY)] });
    pinPanelTo(DASHBOARD_URL);
    renderPanel(db);
    await expectState('captured');
    expect(screen.getAllByTestId('table-export').map((element) => element.dataset.table)).toEqual(['figures']);
    db.close();
  });
});
