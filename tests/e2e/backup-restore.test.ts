/**
 * Backup and restore in a real Chromium, the way an operator does it on the options page.
 *
 * A first profile walks every sample page (the demo walk), pins a listing whose price then
 * drops (a watch and its alert) and saves a background-refresh setting, so every table the
 * backup covers has rows. The options page's backup button downloads the file; a second, fresh
 * profile restores it through the file input and must end up with the same rows in every table.
 * Restoring the same file again (merge, then replace) changes nothing. Corrupted copies of the
 * file are refused with the bad record named, and the database stays exactly as it was, even
 * where a non-atomic restore would already have written a valid record that comes earlier in
 * the file (merge) or emptied the tables (replace).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupFile } from '../../lib/db/backup';
import type { EntityRow } from '../../lib/db/schema';
import { REFRESH_SETTINGS_KEY } from '../../lib/watch/refresh';
import { launchWithExtension, type LaunchedBrowser } from '../../scripts/lib/chromium';
import { listSamplePages, startSampleSite, type SampleSite } from '../../scripts/lib/sample-site';
import { countsOf, digestOf, readTables, type TableDump } from './support/extension-tables';
import { priceCut } from './support/price-cut';
import { walkSamplePages } from './support/sample-walk';

/** The tables a backup holds (lib/db/schema.ts; lib/db/row-schemas.ts has a schema for each). */
const TABLES = ['alerts', 'captures', 'entities', 'observations', 'settings', 'watches'];

const pages = listSamplePages();
const listing = priceCut(pages);
const workDir = mkdtempSync(join(tmpdir(), 'shoplens-backup-test-'));
const backupPath = join(workDir, 'backup.json');

let site: SampleSite;
/** The browser open at the moment (one profile at a time). */
let browser: LaunchedBrowser | undefined;
/** The source profile's database when the backup was taken. */
let source: TableDump;
/** The restored profile's database after the first restore. */
let restored: TableDump;
let restoredOptions: Page;

beforeAll(async () => {
  site = await startSampleSite(pages, listing.routes);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function openOptions(launched: LaunchedBrowser): Promise<Page> {
  const options = await launched.context.newPage();
  await options.goto(`chrome-extension://${launched.extensionId}/options.html`);
  await options.locator('[data-testid="data-panel"]').waitFor({ timeout: 20_000 });
  return options;
}

/** Polls `condition` on the database until it holds; returns the last dump read. */
async function waitForTables(reader: Page, condition: (dump: TableDump) => boolean, timeoutMs = 20_000): Promise<TableDump> {
  let dump = await readTables(reader);
  for (const deadline = Date.now() + timeoutMs; !condition(dump) && Date.now() < deadline; ) {
    await reader.waitForTimeout(250);
    dump = await readTables(reader);
  }
  return dump;
}

/** The database once nothing has changed in it for a second (late captures of fetched figures). */
async function settled(reader: Page, timeoutMs = 20_000): Promise<TableDump> {
  let previous = await readTables(reader);
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    await reader.waitForTimeout(1000);
    const now = await readTables(reader);
    if (digestOf(now) === digestOf(previous)) return now;
    previous = now;
  }
  throw new Error('the database kept changing');
}

interface RestoreOutcome {
  outcome: string | null;
  text: string;
}

/** Restores `file` through the options page's data section, from a freshly loaded page. */
async function restoreThroughUi(options: Page, file: string, mode: 'merge' | 'replace'): Promise<RestoreOutcome> {
  // A fresh page: no earlier restore's status on screen to mistake for this one's.
  await options.reload();
  await options.locator('[data-testid="restore-file"]').setInputFiles(file);
  await options.locator(`[data-testid="restore-mode-${mode}"]`).check();
  if (mode === 'replace') await options.locator('[data-testid="restore-replace-confirm"]').check();
  await options.locator('[data-testid="restore-start"]').click();
  const status = options.locator('[data-testid="restore-status"][data-outcome]');
  await status.waitFor({ timeout: 60_000 });
  return { outcome: await status.getAttribute('data-outcome'), text: await status.innerText() };
}

const backupFile = (): BackupFile => JSON.parse(readFileSync(backupPath, 'utf8')) as BackupFile;

/** A valid entity the database does not have: a non-atomic restore would write it first. */
function freshEntity(file: BackupFile): EntityRow {
  const model = file.tables.entities![0] as EntityRow;
  const ref = `${model.ref}-restore-test`;
  return { ...model, ref, key: `${model.platform}:${model.kind}:${ref}` };
}

function writeVariant(name: string, text: string): string {
  const path = join(workDir, name);
  writeFileSync(path, text);
  return path;
}

describe('backup and restore through the options page', () => {
  it('the demo walk, a pinned listing whose price drops and a saved setting fill every table', async () => {
    browser = await launchWithExtension({ hosts: site.hosts });
    const options = await openOptions(browser);
    const missing = await walkSamplePages(browser.context, site, options);
    expect(missing.map((page) => page.name), 'sample pages with no stored capture').toEqual([]);

    // Pin the listing in the side panel, then let its price drop: a watch, and its alert.
    const served = site.urlOf(listing.page);
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?url=${encodeURIComponent(served)}`);
    await panel.locator('[data-testid="pin-button"]').click();
    await panel.locator('[data-testid="pin-button"][data-pinned="true"]').waitFor({ timeout: 20_000 });
    await panel.close();
    listing.cut();
    const tab = await browser.context.newPage();
    await tab.goto(served);
    await waitForTables(options, (dump) => (dump.alerts?.length ?? 0) > 0);
    await tab.close();

    // A setting saved on the options page (the refresh pace; the refresh itself stays off).
    await options.locator('[data-testid="refresh-save"]:enabled').waitFor({ timeout: 20_000 });
    await options.locator('[data-testid="refresh-minutes"]').fill('45');
    await options.locator('[data-testid="refresh-save"]').click();
    const pace = (dump: TableDump) =>
      (dump.settings as { key: string; value: { minutesBetweenPages?: number } }[] | undefined)?.find((row) => row.key === REFRESH_SETTINGS_KEY)?.value
        .minutesBetweenPages;
    expect(pace(await waitForTables(options, (dump) => pace(dump) === 45))).toBe(45);

    source = await settled(options);
    expect(Object.keys(source).sort()).toEqual(TABLES);
    for (const table of TABLES) expect(source[table]!.length, `${table} has rows`).toBeGreaterThan(0);
  }, 180_000);

  it('the backup button downloads every row of every table', async () => {
    const options = await openOptions(browser!);
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-testid="backup-download"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^shoplens-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await download.saveAs(backupPath);
    await options.locator('[data-testid="backup-status"]').waitFor();
    // Nothing moved while the backup was read.
    expect(digestOf(await readTables(options))).toBe(digestOf(source));

    const file = backupFile();
    expect(file.format).toBe('shoplens-backup');
    expect(digestOf(file.tables)).toBe(digestOf(source));
    await browser!.close();
    browser = undefined;
  });

  it('restores into an empty profile with identical counts and rows', async () => {
    browser = await launchWithExtension({ hosts: site.hosts });
    restoredOptions = await openOptions(browser);
    const empty = await readTables(restoredOptions);
    for (const table of TABLES) expect(empty[table] ?? [], `${table} starts empty`).toEqual([]);

    const result = await restoreThroughUi(restoredOptions, backupPath, 'merge');
    expect(result.outcome, result.text).toBe('done');
    const total = Object.values(source).reduce((sum, rows) => sum + rows.length, 0);
    expect(result.text).toContain(String(total));

    restored = await settled(restoredOptions);
    expect(countsOf(restored)).toEqual(countsOf(source));
    expect(digestOf(restored)).toBe(digestOf(source));
    // The options page counts what was restored.
    await restoredOptions.reload();
    await expect(restoredOptions.locator('[data-testid="storage-counts"]').innerText()).resolves.toContain(String(source.observations!.length));
  });

  it.each(['merge', 'replace'] as const)('restoring the same backup again (%s) changes nothing', async (mode) => {
    const result = await restoreThroughUi(restoredOptions, backupPath, mode);
    expect(result.outcome, result.text).toBe('done');
    const after = await readTables(restoredOptions);
    expect(countsOf(after)).toEqual(countsOf(restored));
    expect(digestOf(after)).toBe(digestOf(restored));
  });

  interface Corruption {
    name: string;
    mode: 'merge' | 'replace';
    /** Spoils a copy of the backup; returns what the refusal must name. */
    spoil(file: BackupFile): { table?: string; position?: number; key?: string; words: string[] };
    /** Raw text instead of a spoiled JSON copy. */
    text?: (original: string) => string;
  }

  const corruptions: Corruption[] = [
    {
      name: 'an observation whose value is a string',
      mode: 'replace',
      spoil(file) {
        const rows = file.tables.observations as { id: string; value: unknown }[];
        const bad = rows.at(-1)!;
        bad.value = String(bad.value);
        return { table: 'observations', position: rows.length, key: bad.id, words: ['value'] };
      },
    },
    {
      name: 'a capture missing a required field',
      mode: 'merge',
      spoil(file) {
        const rows = file.tables.captures as { id: string; contentHash?: string }[];
        const bad = rows.at(-1)!;
        delete bad.contentHash;
        return { table: 'captures', position: rows.length, key: bad.id, words: ['contentHash'] };
      },
    },
    {
      name: 'an alert stored twice',
      mode: 'merge',
      spoil(file) {
        const rows = file.tables.alerts as { id: string }[];
        rows.push({ ...rows[0]! });
        return { table: 'alerts', position: rows.length, key: rows[0]!.id, words: [] };
      },
    },
    {
      name: 'a file cut short',
      mode: 'replace',
      spoil: () => ({ words: ['JSON'] }),
      text: (original) => original.slice(0, Math.floor(original.length / 2)),
    },
  ];

  it.each(corruptions)('refuses a backup with $name ($mode), naming it, with the database unchanged', async (corruption) => {
    const original = readFileSync(backupPath, 'utf8');
    const file = backupFile();
    // A valid new record ahead of the bad one: a restore that wrote as it went would add it.
    file.tables.entities!.unshift(freshEntity(file));
    const named = corruption.spoil(file);
    const path = writeVariant(`corrupt-${corruption.mode}.json`, corruption.text ? corruption.text(original) : JSON.stringify(file));

    const result = await restoreThroughUi(restoredOptions, path, corruption.mode);
    expect(result.outcome, result.text).toBe('refused');
    if (named.table) expect(result.text).toContain(named.table);
    if (named.key) expect(result.text).toContain(named.key);
    if (named.position) expect(result.text).toMatch(new RegExp(`第 ${named.position} 条|no\\. ${named.position} `));
    for (const word of named.words) expect(result.text).toContain(word);

    const after = await readTables(restoredOptions);
    expect(countsOf(after)).toEqual(countsOf(restored));
    expect(digestOf(after)).toBe(digestOf(restored));
  });

  it('merging a file with one record not stored yet adds that record alone', async () => {
    // The control for the refusals above: the same new record, in a valid file, is written.
    const file = backupFile();
    const fresh = freshEntity(file);
    file.tables.entities!.unshift(fresh);
    const result = await restoreThroughUi(restoredOptions, writeVariant('one-new-record.json', JSON.stringify(file)), 'merge');
    expect(result.outcome, result.text).toBe('done');
    const after = await readTables(restoredOptions);
    expect(countsOf(after)).toEqual({ ...countsOf(restored), entities: restored.entities!.length + 1 });
    expect(after.entities).toContainEqual(fresh);
    const { entities: _entities, ...othersAfter } = after;
    const { entities: _restoredEntities, ...othersRestored } = restored;
    expect(digestOf(othersAfter)).toBe(digestOf(othersRestored));
  });

  it('the side panel of the restored profile shows the pinned listing, its capture and its alert', async () => {
    const served = site.urlOf(listing.page);
    const panel = await browser!.context.newPage();
    await panel.goto(`chrome-extension://${browser!.extensionId}/sidepanel.html?url=${encodeURIComponent(served)}`);
    await panel.locator('[data-testid="panel-state"][data-state="captured"]').waitFor({ timeout: 20_000 });
    await panel.locator('[data-testid="listing-price"]').filter({ hasText: '79' }).waitFor({ timeout: 20_000 });
    await panel.locator('[data-testid="pin-button"][data-pinned="true"]').waitFor({ timeout: 20_000 });
    await panel.locator(`[data-testid="alert"][data-watch="${(restored.watches![0] as { key: string }).key}"]`).first().waitFor({ timeout: 20_000 });
    await panel.close();
  });
});
