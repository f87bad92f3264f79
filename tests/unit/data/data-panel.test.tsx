/**
 * The data page (components/data/DataPanel.tsx), driven like an operator: export with filters and
 * columns, backup download, restore (merge, replace behind a confirmation, a corrupted file
 * refused with its record and the database unchanged), retention, rebuild, storage shown; in
 * Chinese by default and in English after the switch. Writes go through the real background
 * handler over an in-memory port.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataPanel, restoreErrorText, type Download } from '../../../components/data/DataPanel';
import type { RestoreError } from '../../../lib/db/backup';
import { t as translate } from '../../../lib/i18n';
import { readRetention, recordStorageFull } from '../../../lib/db/retention';
import type { ShopLensDb } from '../../../lib/db/schema';
import { parseCsv } from '../../../lib/export/csv';
import { I18nProvider } from '../../../lib/i18n/react';
import { connectAs, OPTIONS_URL } from '../background/data-port';
import { countTables, dropDatabases, dumpTables, fillLikeDemo, freshDb } from '../db/demo-database';

afterEach(async () => {
  cleanup();
  localStorage.clear();
  await dropDatabases();
});

interface Saved {
  text: string;
  fileName: string;
  mime: string;
}

function renderPanel(db: ShopLensDb, options: { lang?: 'zh' | 'en'; usage?: number } = {}) {
  const saved: Saved[] = [];
  const download: Download = (text, fileName, mime) => void saved.push({ text, fileName, mime });
  const estimate = vi.fn(async () => (options.usage === undefined ? undefined : { usage: options.usage, quota: 10 * 1024 ** 3 }));
  render(
    <I18nProvider initialLang={options.lang ?? 'zh'}>
      <DataPanel db={db} connect={connectAs(OPTIONS_URL, { db })} estimate={estimate} download={download} now={() => new Date('2026-11-22T08:00:00.000Z')} />
    </I18nProvider>,
  );
  return { saved };
}

const select = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

async function chooseFile(text: string) {
  const file = new File([text], 'shoplens-backup.json', { type: 'application/json' });
  fireEvent.change(screen.getByTestId('restore-file'), { target: { files: [file] } });
}

describe('storage', () => {
  it('shows storage used, row counts and a full disk', async () => {
    const db = freshDb();
    await fillLikeDemo(db);
    await recordStorageFull(new Date('2026-11-22T01:00:00.000Z'));
    renderPanel(db, { usage: 12.5 * 1024 * 1024 });
    expect((await screen.findByTestId('storage-used')).textContent).toContain('已使用 12.5 MB');
    const counts = await countTables(db);
    await waitFor(() => expect(screen.getByTestId('storage-counts').textContent).toContain(`${counts.captures} 个原始快照`));
    expect((await screen.findByTestId('storage-full')).textContent).toContain('磁盘空间已满');
  });

  it('says so when the browser gives no estimate', async () => {
    renderPanel(freshDb());
    expect((await screen.findByTestId('storage-used')).textContent).toContain('浏览器没有提供存储用量');
  });
});

describe('export', () => {
  it('exports the filtered history as CSV with Chinese headers and the chosen columns', async () => {
    const db = freshDb();
    await fillLikeDemo(db);
    const { saved } = renderPanel(db);
    await waitFor(() => expect(within(screen.getByTestId('export-entity')).getAllByRole('option').length).toBeGreaterThan(3));
    select('export-platform', 'taobao');
    select('export-entity', 'taobao:item:617129397971');
    select('export-metric', 'price');
    select('export-from', '2026-11-21');
    fireEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ fileName: 'shoplens-history-2026-11-22.csv', mime: 'text/csv;charset=utf-8' });
    expect(saved[0]!.text.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(saved[0]!.text).rows.map((row) => row.fields);
    expect(rows[0]).toEqual(['日期', '平台', '类型', '编号', '名称', '指标', '数值', '范围上限', '单位', '精确度', '统计周期']);
    expect(rows.slice(1).map((row) => [row[0], row[3], row[5], row[6]])).toEqual([
      ['2026-11-21', '617129397971', '价格', '30.9'],
      ['2026-11-22', '617129397971', '价格', '31.9'],
    ]);
    expect(screen.getByTestId('export-status').textContent).toContain('已导出 2 行');
  });

  it('switches headers to English and drops unticked columns; JSON keeps ids', async () => {
    const db = freshDb();
    await fillLikeDemo(db);
    const { saved } = renderPanel(db);
    select('export-metric', 'visitors');
    select('export-header-lang', 'en');
    for (const column of ['platform', 'entityKind', 'entityRef', 'max', 'bound', 'period']) {
      fireEvent.click(screen.getAllByTestId('export-column').find((box) => box.dataset.column === column)!);
    }
    fireEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(saved).toHaveLength(1));
    const rows = parseCsv(saved[0]!.text).rows.map((row) => row.fields);
    expect(rows[0]).toEqual(['Day', 'Name', 'Metric', 'Value', 'Unit']);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((row) => row[2] === 'Visitors')).toBe(true);

    fireEvent.click(screen.getByTestId('export-json'));
    await waitFor(() => expect(saved).toHaveLength(2));
    const json = JSON.parse(saved[1]!.text) as { columns: string[]; rows: Record<string, unknown>[] };
    expect(json.columns).toEqual(['day', 'entityName', 'metricName', 'value', 'unit']);
    expect(json.rows[0]).toMatchObject({ metricName: 'Visitors', unit: 'count' });
  });

  it('says when nothing matches and saves nothing', async () => {
    const db = freshDb();
    await fillLikeDemo(db);
    const { saved } = renderPanel(db);
    select('export-metric', 'price');
    select('export-from', '2030-01-01');
    fireEvent.click(screen.getByTestId('export-csv'));
    expect((await screen.findByTestId('export-status', {}, { timeout: 5_000 })).textContent).toContain('没有符合筛选条件的数据');
    expect(saved).toEqual([]);
  });
});

describe('backup and restore', () => {
  it('downloads a backup that restores into an empty profile with identical counts', async () => {
    const source = freshDb();
    await fillLikeDemo(source);
    const first = renderPanel(source);
    fireEvent.click(screen.getByTestId('backup-download'));
    await waitFor(() => expect(first.saved).toHaveLength(1));
    expect(first.saved[0]!.fileName).toBe('shoplens-backup-2026-11-22.json');
    cleanup();

    const empty = freshDb();
    renderPanel(empty);
    await chooseFile(first.saved[0]!.text);
    fireEvent.click(screen.getByTestId('restore-start'));
    const status = await screen.findByTestId('restore-status', {}, { timeout: 10_000 });
    expect(status.dataset.outcome).toBe('done');
    expect(status.textContent).toContain('恢复完成');
    expect(await countTables(empty)).toEqual(await countTables(source));
    expect(await dumpTables(empty)).toEqual(await dumpTables(source));
  });

  it('refuses a corrupted backup naming the record, and changes nothing', async () => {
    const source = freshDb();
    await fillLikeDemo(source);
    const first = renderPanel(source);
    fireEvent.click(screen.getByTestId('backup-download'));
    await waitFor(() => expect(first.saved).toHaveLength(1));
    cleanup();
    const file = JSON.parse(first.saved[0]!.text) as { tables: Record<string, Record<string, unknown>[]> };
    file.tables.captures![2]!.capture = { ...(file.tables.captures![2]!.capture as object), capturedAt: 'yesterday' };

    const target = freshDb();
    await fillLikeDemo(target);
    const before = await dumpTables(target);
    renderPanel(target);
    await chooseFile(JSON.stringify(file));
    fireEvent.click(screen.getByTestId('restore-mode-replace'));
    fireEvent.click(screen.getByTestId('restore-replace-confirm'));
    fireEvent.click(screen.getByTestId('restore-start'));
    const status = await screen.findByTestId('restore-status', {}, { timeout: 10_000 });
    expect(status.dataset.outcome).toBe('refused');
    expect(status.textContent).toContain('captures 表第 3 条记录');
    expect(status.textContent).toContain('capture.capturedAt');
    expect(status.textContent).toContain('数据库没有任何改动');
    expect(await dumpTables(target)).toEqual(before);
  });

  it('refuses a file that is not JSON', async () => {
    renderPanel(freshDb(), { lang: 'en' });
    await chooseFile('{"format":"shoplens-backup","tabl');
    fireEvent.click(screen.getByTestId('restore-start'));
    const status = await screen.findByTestId('restore-status');
    expect(status.textContent).toContain('This is not a ShopLens backup');
    expect(status.textContent).toContain('the database is unchanged');
  });

  it('replace waits for the operator to confirm that current data will be deleted', async () => {
    renderPanel(freshDb());
    expect((screen.getByTestId('restore-start') as HTMLButtonElement).disabled).toBe(true);
    await chooseFile('{}');
    expect((screen.getByTestId('restore-start') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByTestId('restore-mode-replace'));
    expect((screen.getByTestId('restore-start') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('restore-replace-confirm'));
    expect((screen.getByTestId('restore-start') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('retention and rebuild', () => {
  it('saves the number of days through the background and reports what was deleted', async () => {
    const db = freshDb();
    renderPanel(db);
    fireEvent.change(screen.getByTestId('retention-days'), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('retention-save'));
    expect((await screen.findByTestId('retention-status')).textContent).toContain('已保存，删除了 0 个旧快照');
    expect(await readRetention()).toEqual({ captureDays: 30 });
  });

  it.each(['0', '3651', '7.5', 'abc'])('refuses %j days without asking the background', async (days) => {
    renderPanel(freshDb());
    fireEvent.change(screen.getByTestId('retention-days'), { target: { value: days } });
    fireEvent.click(screen.getByTestId('retention-save'));
    expect((await screen.findByTestId('retention-status')).textContent).toContain('请输入 1 到 3650 之间的整数');
    expect(await readRetention()).toEqual({ captureDays: 365 });
  });

  it('can keep captures forever', async () => {
    renderPanel(freshDb());
    fireEvent.click(screen.getByTestId('retention-forever'));
    expect((screen.getByTestId('retention-days') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('retention-save'));
    await screen.findByTestId('retention-status');
    expect(await readRetention()).toEqual({ captureDays: null });
  });

  it('rebuilds the figure history and reports it, in English after the switch', async () => {
    const db = freshDb();
    await fillLikeDemo(db);
    renderPanel(db, { lang: 'en' });
    fireEvent.click(screen.getByTestId('rederive-start'));
    const status = await screen.findByTestId('rederive-status', {}, { timeout: 10_000 });
    expect(status.textContent).toContain(`${await db.captures.count()} captures processed: ${await db.observations.count()} data points written, 0 removed.`);
  });
});

describe('a refused restore in the panel’s language', () => {
  const record = { kind: 'record', table: 'observations', index: 4, key: 'k1', path: 'value' } as const;
  const translateAny = translate as (key: string, lang: 'zh' | 'en', params?: Record<string, string | number>) => string;
  const tIn = (lang: 'zh' | 'en') => ((key: string, params?: Record<string, string | number>) => translateAny(key, lang, params)) as never;
  it.each([
    ['zh', { code: 'invalid_type', expected: 'number' }, 'observations 表第 5 条记录（k1）有问题：value 类型不对（应为 number）'],
    ['en', { code: 'invalid_type', expected: 'number' }, 'observations record no. 5 (k1) is invalid: value wrong type (expected number)'],
    ['zh', { code: 'too_big' }, 'observations 表第 5 条记录（k1）有问题：value 数值或长度超出上限'],
    ['zh', undefined, 'observations 表第 5 条记录（k1）有问题：value Invalid input'],
  ] as const)('%s %j', (lang, problem, text) => {
    const error = { ...record, message: 'Invalid input', ...(problem ? { problem } : {}) } as RestoreError;
    expect(restoreErrorText(error, tIn(lang))).toBe(text);
  });
});
