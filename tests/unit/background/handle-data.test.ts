/**
 * The data port (lib/background/handle-data.ts + data-client.ts): only the extension's own pages
 * may restore, change retention or re-derive; requests are parsed with zod; a restore is
 * validated record by record as it arrives and written only on commit, in one transaction.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { requestData, restoreThroughBackground, type ProgressReport } from '../../../lib/background/data-client';
import { handleContentMessage } from '../../../lib/background/handle-capture';
import { attachDataPort, isExtensionPageUrl } from '../../../lib/background/handle-data';
import { RESTORE_RECORDS_PER_MESSAGE } from '../../../lib/background/messages';
import { backupJson, createBackup, type BackupFile } from '../../../lib/db/backup';
import { readRetention, readStorageFull, recordStorageFull } from '../../../lib/db/retention';
import { countTables, dropDatabases, dumpTables, fillLikeDemo, freshDb } from '../db/demo-database';
import { listingCapture } from '../db/sample-captures';
import { connectAs, EXTENSION_ORIGIN, OPTIONS_URL, portPair, type PortPair } from './data-port';
import { TEST_ADAPTERS } from './test-adapters';

afterEach(dropDatabases);

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function demoBackup(): Promise<BackupFile> {
  const source = freshDb();
  await fillLikeDemo(source);
  return JSON.parse(backupJson(await createBackup(source))) as BackupFile;
}

describe('isExtensionPageUrl', () => {
  it.each<[string | undefined, boolean]>([
    [OPTIONS_URL, true],
    [`${EXTENSION_ORIGIN}sidepanel.html?url=https%3A%2F%2Fdetail.tmall.com%2F`, true],
    ['https://detail.tmall.com/item.htm?id=1', false],
    ['chrome-extension://another-extension/options.html', false],
    ['chrome-extension://test-extension-id.evil.example/options.html', false],
    ['chrome-extension://test-extension-idx/options.html', false],
    ['https://evil.example/chrome-extension://test-extension-id/options.html', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isExtensionPageUrl(url, EXTENSION_ORIGIN)).toBe(expected);
  });

  it('never matches when the origin itself is malformed', () => {
    expect(isExtensionPageUrl('https://a.example/x', 'https://')).toBe(false);
    expect(isExtensionPageUrl('chrome-extension://x/y', '')).toBe(false);
  });
});

describe('the data port refuses pages that are not the extension’s', () => {
  it.each<[string, string | undefined]>([
    ['a content script on a marketplace page', 'https://detail.tmall.com/item.htm?id=617129397971'],
    ['another extension', 'chrome-extension://another-extension/options.html'],
    ['a look-alike extension origin', 'chrome-extension://test-extension-id.evil.example/options.html'],
    ['no sender address', undefined],
  ])('%s: refused, closed, nothing written', async (_name, senderUrl) => {
    const db = freshDb();
    await fillLikeDemo(db);
    const before = await dumpTables(db);
    const pair = portPair(senderUrl);
    attachDataPort(pair.background, { db, extensionOrigin: EXTENSION_ORIGIN });
    await settle();
    expect(pair.sent).toEqual([{ type: 'refused', reason: 'not-extension-page' }]);
    expect(pair.isOpen()).toBe(false);
    expect(() => pair.page.postMessage({ type: 'retention-set', captureDays: 1 })).toThrow();
    await settle();
    expect(await readRetention()).toEqual({ captureDays: 365 });
    expect(await dumpTables(db)).toEqual(before);
  });

  it('leaves ports with other names to other listeners', () => {
    const pair = portPair(OPTIONS_URL, 'someone-else');
    expect(attachDataPort(pair.background, { db: freshDb(), extensionOrigin: EXTENSION_ORIGIN })).toBe(false);
    expect(pair.sent).toEqual([]);
  });
});

describe('requests are parsed', () => {
  it.each<[string, unknown]>([
    ['an unknown type', { type: 'drop-everything' }],
    ['not an object', 'restore-commit'],
    ['a retention below one day', { type: 'retention-set', captureDays: 0 }],
    ['a retention as text', { type: 'retention-set', captureDays: '30' }],
    ['too many records in one message', { type: 'restore-records', table: 'entities', records: Array.from({ length: RESTORE_RECORDS_PER_MESSAGE + 1 }, () => ({})) }],
    ['an unknown restore mode', { type: 'restore-begin', mode: 'overwrite-all', header: {}, total: 0 }],
  ])('%s → invalid', async (_name, request) => {
    const db = freshDb();
    const pair = portPair(OPTIONS_URL);
    attachDataPort(pair.background, { db, extensionOrigin: EXTENSION_ORIGIN });
    pair.page.postMessage(request as never);
    await settle();
    expect(pair.sent).toEqual([expect.objectContaining({ type: 'refused', reason: 'invalid' })]);
  });

  it('records or a commit without a restore-begin are refused', async () => {
    const pair = portPair(OPTIONS_URL);
    attachDataPort(pair.background, { db: freshDb(), extensionOrigin: EXTENSION_ORIGIN });
    pair.page.postMessage({ type: 'restore-records', table: 'entities', records: [] });
    pair.page.postMessage({ type: 'restore-commit' });
    await settle();
    expect(pair.sent).toEqual([
      { type: 'refused', reason: 'no-restore' },
      { type: 'refused', reason: 'no-restore' },
    ]);
  });
});

describe('restore through the background', () => {
  it('restores a backup into an empty database with identical counts, reporting progress', async () => {
    const file = await demoBackup();
    const db = freshDb();
    const progress: ProgressReport[] = [];
    const reply = await restoreThroughBackground(file, 'merge', (p) => progress.push(p), connectAs(OPTIONS_URL, { db }));
    expect(reply).toMatchObject({ type: 'done', result: { kind: 'restore', mode: 'merge' } });
    const counts = await countTables(db);
    for (const [name, rows] of Object.entries(file.tables)) expect(counts[name], name).toBe(rows.length);
    const total = Object.values(file.tables).reduce((sum, rows) => sum + rows.length, 0);
    expect(progress.filter((p) => p.phase === 'validate').at(-1)).toEqual({ phase: 'validate', done: total, total });
    expect(progress.filter((p) => p.phase === 'write').at(-1)).toEqual({ phase: 'write', done: total, total });
  });

  it('sends a large table in pieces the port accepts', async () => {
    const file = await demoBackup();
    const entity = file.tables.entities![0] as Record<string, string>;
    const many = Array.from({ length: RESTORE_RECORDS_PER_MESSAGE * 2 + 3 }, (_, i) => ({ ...entity, key: `taobao:keyword:词${i}`, platform: 'taobao', kind: 'keyword', ref: `词${i}` }));
    const db = freshDb();
    const pairs: PortPair[] = [];
    const reply = await restoreThroughBackground({ ...file, tables: { entities: many } }, 'replace', undefined, connectAs(OPTIONS_URL, { db }, pairs));
    expect(reply).toMatchObject({ type: 'done' });
    expect(await db.entities.count()).toBe(many.length);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.sent.filter((m) => (m as { type: string }).type === 'accepted')).toHaveLength(1 + 3);
  });

  it('a bad record stops the restore with its position and reason; nothing is written', async () => {
    const file = await demoBackup();
    const db = freshDb();
    await fillLikeDemo(db);
    const before = await dumpTables(db);
    const broken = JSON.parse(JSON.stringify(file)) as BackupFile;
    (broken.tables.observations![7] as Record<string, unknown>).unit = 'bitcoin';
    const reply = await restoreThroughBackground(broken, 'replace', undefined, connectAs(OPTIONS_URL, { db }));
    expect(reply).toMatchObject({ type: 'refused', reason: 'restore-refused', error: { kind: 'record', table: 'observations', index: 7, path: 'unit' } });
    expect(await dumpTables(db)).toEqual(before);
  });

  it.each<[string, unknown, object]>([
    ['not an object', 'just text', { kind: 'format' }],
    ['no tables', { format: 'shoplens-backup', version: 1, schemaVersion: 1, createdAt: '2026-11-22T00:00:00.000Z' }, { kind: 'format', path: 'tables' }],
    ['a wrong format', { format: 'other', version: 1, schemaVersion: 1, createdAt: '2026-11-22T00:00:00.000Z', tables: {} }, { kind: 'format' }],
  ])('a file that is no backup (%s) is refused with its reason', async (_name, file, error) => {
    const reply = await restoreThroughBackground(file, 'merge', undefined, connectAs(OPTIONS_URL, { db: freshDb() }));
    expect(reply).toMatchObject({ type: 'refused', reason: 'restore-refused', error });
  });

  it('a page that goes away before committing leaves the database unchanged', async () => {
    const file = await demoBackup();
    const db = freshDb();
    const pair = portPair(OPTIONS_URL);
    attachDataPort(pair.background, { db, extensionOrigin: EXTENSION_ORIGIN });
    const { tables: _tables, ...header } = file;
    pair.page.postMessage({ type: 'restore-begin', mode: 'replace', header, total: 3 });
    pair.page.postMessage({ type: 'restore-records', table: 'entities', records: file.tables.entities!.slice(0, 3) });
    await settle();
    pair.page.disconnect();
    await settle();
    expect(await db.entities.count()).toBe(0);
  });
});

describe('retention and re-derive through the background', () => {
  it('retention-set stores the setting, prunes at once and clears the disk-full warning', async () => {
    const db = freshDb();
    await fillLikeDemo(db);
    await recordStorageFull();
    const captures = await db.captures.count();
    const reply = await requestData({ type: 'retention-set', captureDays: 1 }, undefined, connectAs(OPTIONS_URL, { db, now: () => new Date('2026-12-31T00:00:00.000Z') }));
    expect(reply).toMatchObject({ type: 'done', result: { kind: 'retention', captureDays: 1 } });
    expect(await readRetention()).toEqual({ captureDays: 1 });
    const deleted = reply.type === 'done' && reply.result.kind === 'retention' ? reply.result.deleted : -1;
    expect(deleted).toBeGreaterThan(0);
    expect(await db.captures.count()).toBe(captures - deleted);
    expect(await readStorageFull()).toBeUndefined();
  });

  it('rederive answers with its summary and progress, naming captures of older adapter versions', async () => {
    const db = freshDb();
    await fillLikeDemo(db);
    const listingVersion = (await db.captures.filter((row) => row.adapterId === 'taobao/listing').first())!.adapterVersion;
    const progress: ProgressReport[] = [];
    const reply = await requestData({ type: 'rederive' }, (p) => progress.push(p), connectAs(OPTIONS_URL, { db, currentVersions: { 'taobao/listing': listingVersion + 1 } }));
    expect(reply).toMatchObject({
      type: 'done',
      result: { kind: 'rederive', captures: await db.captures.count(), observationsRemoved: 0, invalidCount: 0, olderVersions: [expect.objectContaining({ adapterId: 'taobao/listing', version: listingVersion, current: listingVersion + 1 })] },
    });
    expect(progress.at(-1)).toMatchObject({ phase: 'rederive', done: await db.captures.count() });
  });
});

describe('a full disk while capturing (lib/background/handle-capture.ts)', () => {
  it('answers quota, writes nothing, and records it for the options page', async () => {
    const db = freshDb();
    const capture = listingCapture();
    const now = new Date('2026-11-22T02:00:05.000Z');
    const response = await handleContentMessage(
      { type: 'capture', capture },
      { url: capture.url, tab: { id: 3, url: capture.url } },
      { db, adapters: TEST_ADAPTERS, now: () => now, recordStatus: async () => undefined, disabledAdapters: async () => new Set(), store: async () => ({ stored: false, reason: 'quota' }) },
    );
    expect(response).toEqual({ ok: true, result: { stored: false, reason: 'quota' } });
    expect(await db.captures.count()).toBe(0);
    expect(await readStorageFull()).toEqual({ at: now.toISOString(), count: 1 });
  });
});
