/**
 * Backup and restore (lib/db/backup.ts): a backup restores into an empty database with identical
 * rows; a bad file is refused with the record and the reason, and the database is unchanged;
 * merge keeps what is stored, replace makes the database the backup; progress is reported in
 * chunks; a failure while writing rolls everything back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupFileName,
  backupJson,
  createBackup,
  parseBackupText,
  restoreBackup,
  ROW_SCHEMAS,
  type BackupFile,
  type Progress,
} from '../../../lib/db/backup';
import { openDb } from '../../../lib/db/schema';
import { countTables, dropDatabases, dumpTables, fillLikeDemo, freshDb } from './demo-database';

afterEach(async () => {
  vi.restoreAllMocks();
  await dropDatabases();
});

/** A backup of a demo database, as the file text turns it back into (JSON round trip). */
async function demoBackup(): Promise<{ file: BackupFile; text: string }> {
  const source = freshDb();
  await fillLikeDemo(source);
  const file = await createBackup(source, { now: new Date('2026-11-22T08:00:00.000Z') });
  const text = backupJson(file);
  return { file: JSON.parse(text) as BackupFile, text };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('backup', () => {
  it('has a schema for every table of the database (a new table must be added to the backup)', () => {
    const db = openDb('backup-schema-check');
    expect(db.tables.map((table) => table.name).filter((name) => !Object.hasOwn(ROW_SCHEMAS, name))).toEqual([]);
  });

  it('writes a versioned header and every table, and names the file by date', async () => {
    const source = freshDb();
    await fillLikeDemo(source);
    const file = await createBackup(source, { now: new Date('2026-11-22T08:00:00.000Z') });
    expect(file).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: source.verno, createdAt: '2026-11-22T08:00:00.000Z' });
    expect(Object.keys(file.tables).sort()).toEqual(source.tables.map((table) => table.name).sort());
    const counts = await countTables(source);
    for (const [name, rows] of Object.entries(file.tables)) expect(rows.length, name).toBe(counts[name]);
    expect(counts.captures).toBeGreaterThan(10);
    expect(counts.watches).toBe(1);
    expect(backupFileName(file)).toBe('shoplens-backup-2026-11-22.json');
  });

  it('restores into an empty database with identical rows in every table', async () => {
    const source = freshDb();
    await fillLikeDemo(source);
    const text = backupJson(await createBackup(source));
    const target = freshDb();
    const parsed = parseBackupText(text);
    expect(parsed.ok).toBe(true);
    const result = await restoreBackup(target, parsed.ok ? parsed.value : null, { mode: 'merge' });
    expect(result.ok).toBe(true);
    expect(await countTables(target)).toEqual(await countTables(source));
    expect(await dumpTables(target)).toEqual(await dumpTables(source));
    if (result.ok) expect(result.summary.added).toEqual(await countTables(source));
  });

  it('reports progress in chunks: reading, then checking, then writing, up to the total', async () => {
    const source = freshDb();
    await fillLikeDemo(source);
    const reads: Progress[] = [];
    const file = clone(await createBackup(source, { onProgress: (p) => reads.push(p) }));
    const total = Object.values(file.tables).reduce((sum, rows) => sum + rows.length, 0);
    expect(reads.at(-1)).toEqual({ phase: 'read', done: total, total });

    const seen: Progress[] = [];
    const result = await restoreBackup(freshDb(), file, { mode: 'replace', chunkSize: 7, onProgress: (p) => seen.push({ ...p }) });
    expect(result.ok).toBe(true);
    const validate = seen.filter((p) => p.phase === 'validate');
    const write = seen.filter((p) => p.phase === 'write');
    expect(seen.findIndex((p) => p.phase === 'write')).toBeGreaterThan(seen.findLastIndex((p) => p.phase === 'validate'));
    // Several reports per phase, never going backwards, ending at the total.
    for (const phase of [validate, write]) {
      expect(phase.length).toBeGreaterThan(total / 7);
      expect(phase.map((p) => p.done)).toEqual([...phase.map((p) => p.done)].sort((a, b) => a - b));
      expect(phase.at(-1)).toEqual(expect.objectContaining({ done: total, total }));
    }
  });
});

describe('restore refuses a bad file and changes nothing', () => {
  type Corrupt = (file: BackupFile) => unknown;
  const firstCapture = (file: BackupFile) => file.tables.captures![3] as Record<string, any>;
  const cases: [string, Corrupt, Record<string, unknown>][] = [
    ['not an object', () => [1, 2, 3], { kind: 'format' }],
    ['another program’s JSON', () => ({ format: 'something-else', version: 1, tables: {} }), { kind: 'format', path: 'format' }],
    ['a newer file layout', (file) => ({ ...file, version: BACKUP_VERSION + 1 }), { kind: 'version' }],
    ['a newer database schema', (file) => ({ ...file, schemaVersion: 99 }), { kind: 'version' }],
    ['no tables', ({ tables: _tables, ...header }) => header, { kind: 'format', path: 'tables' }],
    ['a table that is not a list', (file) => ({ ...file, tables: { ...file.tables, entities: { a: 1 } } }), { kind: 'format', table: 'entities' }],
    ['a table this version does not have', (file) => ({ ...file, tables: { ...file.tables, cookies: [] } }), { kind: 'unknown-table', table: 'cookies' }],
    ['a __proto__ table', (file) => JSON.parse(JSON.stringify(file).replace('"tables":{', '"tables":{"__proto__":[{"polluted":true}],')), { kind: 'unknown-table', table: '__proto__' }],
    [
      'a negative price deep inside a capture',
      (file) => {
        const row = firstCapture(file);
        row.capture.listing = { itemId: '1', title: 'x', price: { min: -5, kind: 'shown' } };
        return file;
      },
      { kind: 'record', table: 'captures', index: 3, path: 'capture.listing.price.min' },
    ],
    [
      'a "-" read as a value',
      (file) => {
        (file.tables.observations![5] as Record<string, unknown>).value = '-';
        return file;
      },
      // zod's finding travels as a code, so the panel words it in Chinese and English.
      { kind: 'record', table: 'observations', index: 5, path: 'value', problem: { code: 'invalid_type', expected: 'number' } },
    ],
    [
      'a capture row that disagrees with its capture',
      (file) => {
        firstCapture(file).platform = 'jd';
        return file;
      },
      { kind: 'record', table: 'captures', index: 3, path: 'platform' },
    ],
    [
      'an observation whose id does not match its fields',
      (file) => {
        (file.tables.observations![0] as Record<string, unknown>).metric = 'payAmount-forged';
        return file;
      },
      { kind: 'record', table: 'observations', index: 0, path: 'id' },
    ],
    [
      'a huge string',
      (file) => {
        (file.tables.entities![1] as Record<string, unknown>).name = '店'.repeat(100_000);
        return file;
      },
      { kind: 'record', table: 'entities', index: 1, path: 'name' },
    ],
    [
      'a prototype key in a watch memory',
      (file) => {
        // JSON.parse makes `__proto__` an ordinary own key, as reading a crafted file would.
        (file.tables.watches![0] as { state: { change: unknown } }).state.change = JSON.parse('{"__proto__":{"reference":{"value":1,"bound":"exact","day":"x","at":"y"}}}');
        return file;
      },
      { kind: 'record', table: 'watches', index: 0, path: 'state.change.__proto__' },
    ],
    [
      'a setting that is not plain JSON',
      (file) => {
        (file.tables.settings![0] as { value: unknown }).value = JSON.parse('{"enabled":false,"constructor":{"prototype":{"polluted":true}}}');
        return file;
      },
      { kind: 'record', table: 'settings', index: 0, path: 'value.constructor' },
    ],
    [
      'the same key twice',
      (file) => {
        file.tables.entities!.push(clone(file.tables.entities![0]));
        return file;
      },
      { kind: 'duplicate', table: 'entities' },
    ],
  ];

  it.each(cases)('%s', async (_name, corrupt, expected) => {
    const { file } = await demoBackup();
    const target = freshDb();
    await fillLikeDemo(target);
    const before = await dumpTables(target);
    const result = await restoreBackup(target, corrupt(clone(file)), { mode: 'replace', chunkSize: 50 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject(expected);
      expect(result.error.message.length).toBeGreaterThan(0);
      if (expected.kind === 'record') expect(result.error.key).toEqual(expect.any(String));
    }
    expect(await dumpTables(target)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a file cut off in the middle is not JSON', async () => {
    const { text } = await demoBackup();
    const parsed = parseBackupText(text.slice(0, Math.floor(text.length / 2)));
    expect(parsed).toMatchObject({ ok: false, error: { kind: 'format' } });
  });

  it('a byte-order mark in front is accepted', async () => {
    const { text } = await demoBackup();
    expect(parseBackupText(`\ufeff${text}`).ok).toBe(true);
  });

  it('a full disk while writing rolls the whole restore back', async () => {
    const { file } = await demoBackup();
    const target = freshDb();
    await fillLikeDemo(target);
    await target.captures.clear();
    const before = await dumpTables(target);
    const proto = globalThis.IDBObjectStore.prototype;
    const originalAdd = proto.add;
    vi.spyOn(proto, 'add').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'observations') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return originalAdd.apply(this, args);
    });
    const result = await restoreBackup(target, clone(file), { mode: 'replace' });
    vi.restoreAllMocks();
    expect(result).toMatchObject({ ok: false, error: { kind: 'quota' } });
    expect(await dumpTables(target)).toEqual(before);
  });
});

describe('merge and replace', () => {
  async function setup() {
    const { file } = await demoBackup();
    const target = freshDb();
    const entity = clone(file.tables.entities![0]) as Record<string, unknown>;
    const local: Record<string, unknown> = { ...entity, name: 'renamed here, after the backup' };
    const onlyHere = { key: 'jd:item:100066896338', platform: 'jd', kind: 'item', ref: '100066896338', name: '京东商品', firstSeen: '2026-11-22T00:00:00.000Z', lastSeen: '2026-11-22T00:00:00.000Z' };
    await target.entities.bulkAdd([local as never, onlyHere as never]);
    return { file, target, local, onlyHere };
  }

  it('merge adds what is missing and keeps what is stored (an existing key wins)', async () => {
    const { file, target, local, onlyHere } = await setup();
    const result = await restoreBackup(target, clone(file), { mode: 'merge' });
    expect(result.ok).toBe(true);
    expect(await target.entities.get(local.key as string)).toEqual(local);
    expect(await target.entities.get(onlyHere.key)).toEqual(onlyHere);
    expect(await target.entities.count()).toBe(file.tables.entities!.length + 1);
    expect(await target.captures.count()).toBe(file.tables.captures!.length);
    if (result.ok) {
      expect(result.summary.skipped.entities).toBe(1);
      expect(result.summary.added.entities).toBe(file.tables.entities!.length - 1);
    }
  });

  it('merging the same backup twice adds nothing the second time', async () => {
    const { file, target } = await setup();
    await restoreBackup(target, clone(file), { mode: 'merge' });
    const before = await dumpTables(target);
    const again = await restoreBackup(target, clone(file), { mode: 'merge' });
    expect(again.ok && Object.values(again.summary.added).every((n) => n === 0)).toBe(true);
    expect(await dumpTables(target)).toEqual(before);
  });

  it('replace makes the database exactly the backup (rows only stored here are gone)', async () => {
    const { file, target, onlyHere } = await setup();
    const result = await restoreBackup(target, clone(file), { mode: 'replace' });
    expect(result.ok).toBe(true);
    expect(await target.entities.get(onlyHere.key)).toBeUndefined();
    const dump = await dumpTables(target);
    for (const [name, rows] of Object.entries(file.tables)) expect(dump[name], name).toEqual(rows);
  });
});
