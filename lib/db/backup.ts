/**
 * Backup and restore of the whole ShopLens database as one versioned JSON file.
 *
 * File format (BACKUP_FORMAT, BACKUP_VERSION 1):
 *   { format: 'shoplens-backup', version: 1, schemaVersion: <Dexie version of the source db>,
 *     createdAt: <ISO>, tables: { <table name>: [row, …], … } }
 * Every table of the database is written, in primary-key order; a table the source database did
 * not have is simply absent. The rows are exactly the stored rows (see ./schema.ts).
 *
 * Restore is all or nothing:
 * 1. the header is checked (format, versions: a backup from a newer ShopLens is refused; an
 *    older one is brought up to date record by record through RECORD_UPGRADES);
 * 2. every record is validated with zod (ROW_SCHEMAS, ./row-schemas.ts: bounded strings, the
 *    row's key agrees with the fields it is built from, a capture row agrees with the capture it
 *    holds, no `__proto__`-style keys in free-form maps) and keys are
 *    checked for duplicates, in chunks, before anything is written; the first bad record stops
 *    the restore with its table, position, key and reason;
 * 3. the rows are written in one transaction: `replace` empties every table first (tables the
 *    backup does not have end up empty too), `merge` adds only rows whose key is not stored yet
 *    (an existing row wins). A failure inside the transaction (a full disk) rolls everything back.
 *
 * Validation runs outside the transaction because a Dexie transaction cannot await non-Dexie
 * work (it would commit early); it yields to the event loop between chunks so a page can show
 * progress. Writing reports progress after each chunk from inside the transaction (a synchronous
 * callback, which is allowed).
 *
 * The background is the only writer: extension pages send the validated-by-the-background
 * chunks through lib/background/handle-data.ts; tests and the background call these directly.
 */
import Dexie, { type Table } from 'dexie';
import { z } from 'zod';
import { fillPriceKindsFromCaptures, PRICE_KIND_DB_VERSION } from './price-kinds';
import { prototypeKeyPath, ROW_SCHEMAS } from './row-schemas';
import type { CaptureRow, ObservationRow, ShopLensDb } from './schema';

export { ROW_SCHEMAS };

export const BACKUP_FORMAT = 'shoplens-backup';
/** Version of the file layout above (not of the database schema). */
export const BACKUP_VERSION = 1;
/** Records validated or written between two progress reports. */
export const RESTORE_CHUNK_SIZE = 500;

/**
 * Changes a row from an older database schema needs before it fits the current one: the
 * record-level twin of a Dexie `.upgrade()` that changes data. Applied to every record of a
 * backup whose schemaVersion is below `toVersion`, in order. Empty: version 3's change (price
 * kinds on observations) needs the backup's captures, not one record, and is made in
 * `RestoreValidator.rows()`.
 */
export interface RecordUpgrade {
  toVersion: number;
  table: string;
  upgrade(row: unknown): unknown;
}
export const RECORD_UPGRADES: readonly RecordUpgrade[] = [];

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string().datetime({ offset: true }),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export interface BackupFile extends BackupHeader {
  tables: Record<string, unknown[]>;
}

export type RestoreMode = 'merge' | 'replace';

export interface Progress {
  /** read: taking a backup; validate, write: restoring; rederive: rebuilding observations. */
  phase: 'read' | 'validate' | 'write' | 'rederive';
  done: number;
  total: number;
}
export type OnProgress = (progress: Progress) => void;

/** Why a backup was refused. Nothing was written for any of these. */
export type RestoreErrorKind =
  /** Not JSON, or not a ShopLens backup. */
  | 'format'
  /** Made by a newer ShopLens (file layout or database schema). */
  | 'version'
  /** A table this version of ShopLens does not have. */
  | 'unknown-table'
  /** A record failed validation. */
  | 'record'
  /** Two records of one table share a key. */
  | 'duplicate'
  /** The disk is full: the transaction was rolled back. */
  | 'quota'
  /** Writing failed for another reason: the transaction was rolled back. */
  | 'write';

export interface RestoreError {
  kind: RestoreErrorKind;
  /** The table of the bad record. */
  table?: string;
  /** 0-based position of the bad record in its table's list in the file. */
  index?: number;
  /** The bad record's key, when it has a readable one. */
  key?: string;
  /** Where inside the record (`capture.listing.price.min`). */
  path?: string;
  /** Why, in English (zod's words or ours). */
  message: string;
  /** What zod found wrong, for a translated sentence: its issue code and, for a wrong type, the type expected. */
  problem?: RestoreProblem;
}

/** zod issue codes the panel words in Chinese and English; other codes fall back to `message`. */
export const RESTORE_PROBLEM_CODES = ['invalid_type', 'too_big', 'too_small', 'invalid_format', 'invalid_value', 'unrecognized_keys', 'invalid_union'] as const;

export interface RestoreProblem {
  code: (typeof RESTORE_PROBLEM_CODES)[number];
  /** For invalid_type: `number`, `string` … */
  expected?: string;
}

export interface RestoreSummary {
  mode: RestoreMode;
  /** Rows written per table. */
  added: Record<string, number>;
  /** Rows not written per table because a row with the same key was already stored (merge). */
  skipped: Record<string, number>;
}

export type RestoreResult = { ok: true; summary: RestoreSummary } | { ok: false; error: RestoreError };

/** The tables of a database by name, in the database's order. */
function tablesOf(db: Dexie): Map<string, Table> {
  return new Map(db.tables.map((table) => [table.name, table]));
}

/** The primary key path of a table (every ShopLens table has an inbound string key). */
function keyPathOf(table: Table): string {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`table ${table.name} has no single key path`);
  return keyPath;
}

function keyText(row: unknown, keyPath: string): string | undefined {
  if (!row || typeof row !== 'object') return undefined;
  const value = (row as Record<string, unknown>)[keyPath];
  return typeof value === 'string' ? value.slice(0, 300) : undefined;
}

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// ---------------------------------------------------------------------------------------------
// Backup

/**
 * A snapshot of every table, read in one transaction so the rows agree with each other.
 * `onProgress` is called after each table with rows read so far.
 */
export async function createBackup(db: ShopLensDb, options: { now?: Date; onProgress?: OnProgress } = {}): Promise<BackupFile> {
  const tables = db.tables;
  const missing = tables.filter((table) => !ROW_SCHEMAS[table.name]).map((table) => table.name);
  if (missing.length > 0) throw new Error(`no backup schema for table(s) ${missing.join(', ')} (lib/db/backup.ts ROW_SCHEMAS)`);
  const rows: Record<string, unknown[]> = {};
  await db.transaction('r', tables, async () => {
    const counts = await Promise.all(tables.map((table) => table.count()));
    const total = counts.reduce((sum, count) => sum + count, 0);
    let done = 0;
    for (const table of tables) {
      const tableRows = await table.toArray();
      rows[table.name] = tableRows;
      done += tableRows.length;
      options.onProgress?.({ phase: 'read', done, total });
    }
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: db.verno,
    createdAt: (options.now ?? new Date()).toISOString(),
    tables: rows,
  };
}

/** The file text: compact JSON (a large database is mostly captures; indentation would double it). */
export function backupJson(backup: BackupFile): string {
  return JSON.stringify(backup);
}

/** `shoplens-backup-2026-11-22.json` */
export function backupFileName(backup: Pick<BackupHeader, 'createdAt'>): string {
  return `shoplens-backup-${backup.createdAt.slice(0, 10)}.json`;
}

// ---------------------------------------------------------------------------------------------
// Validation

function zodProblem(error: z.ZodError): { path: string; message: string; problem?: RestoreProblem } {
  const issue = error.issues[0];
  const found = { path: issue ? issue.path.map(String).join('.') : '', message: (issue?.message ?? 'invalid').slice(0, 300) };
  const code = RESTORE_PROBLEM_CODES.find((known) => known === issue?.code);
  if (!code) return found;
  const expected = issue && 'expected' in issue && typeof issue.expected === 'string' ? issue.expected.slice(0, 40) : undefined;
  return { ...found, problem: expected ? { code, expected } : { code } };
}

/**
 * Checks a backup's header against a database: the format, a file layout and schema version this
 * ShopLens can read, and table names it knows. Returns the header or the reason it is refused.
 */
export function checkHeader(input: unknown, db: Dexie): { ok: true; header: BackupHeader } | { ok: false; error: RestoreError } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, error: { kind: 'format', message: 'not a ShopLens backup (not a JSON object)' } };
  }
  const parsed = backupHeaderSchema.safeParse(input);
  if (!parsed.success) {
    const { path, message } = zodProblem(parsed.error);
    return { ok: false, error: { kind: 'format', path, message: `not a ShopLens backup: ${message}` } };
  }
  const header = parsed.data;
  if (header.version > BACKUP_VERSION) {
    return { ok: false, error: { kind: 'version', message: `backup file version ${header.version} is newer than this ShopLens reads (${BACKUP_VERSION})` } };
  }
  if (header.schemaVersion > db.verno) {
    return { ok: false, error: { kind: 'version', message: `backup of database version ${header.schemaVersion} is newer than this ShopLens (${db.verno})` } };
  }
  return { ok: true, header };
}

/**
 * Validates a backup's records chunk by chunk, as they arrive (from a parsed file, or from an
 * extension page in messages). Holds the parsed rows until `rows()`; stops at the first bad one.
 */
export class RestoreValidator {
  private readonly tables: Map<string, Table>;
  private readonly parsed = new Map<string, unknown[]>();
  private readonly seenKeys = new Map<string, Set<string>>();
  private failed: RestoreError | undefined;

  constructor(
    db: Dexie,
    private readonly header: BackupHeader,
  ) {
    this.tables = tablesOf(db);
  }

  get error(): RestoreError | undefined {
    return this.failed;
  }

  /** Number of records accepted so far. */
  get count(): number {
    let count = 0;
    for (const rows of this.parsed.values()) count += rows.length;
    return count;
  }

  /** Validates the next records of `table`; returns the first problem (and keeps failing after it). */
  add(tableName: string, records: readonly unknown[]): RestoreError | undefined {
    if (this.failed) return this.failed;
    const table = Object.hasOwn(ROW_SCHEMAS, tableName) ? this.tables.get(tableName) : undefined;
    const schema = table ? ROW_SCHEMAS[tableName] : undefined;
    if (!table || !schema) {
      this.failed = { kind: 'unknown-table', table: tableName.slice(0, 60), message: `this ShopLens has no table "${tableName.slice(0, 60)}"` };
      return this.failed;
    }
    const keyPath = keyPathOf(table);
    const rows = this.parsed.get(tableName) ?? [];
    const keys = this.seenKeys.get(tableName) ?? new Set<string>();
    this.parsed.set(tableName, rows);
    this.seenKeys.set(tableName, keys);
    const upgrades = RECORD_UPGRADES.filter((u) => u.table === tableName && u.toVersion > this.header.schemaVersion).sort(
      (a, b) => a.toVersion - b.toVersion,
    );
    for (const record of records) {
      const index = rows.length;
      let row: unknown = record;
      try {
        for (const upgrade of upgrades) row = upgrade.upgrade(row);
      } catch (error) {
        this.failed = { kind: 'record', table: tableName, index, key: keyText(record, keyPath), message: `cannot upgrade: ${String(error).slice(0, 200)}` };
        return this.failed;
      }
      const protoPath = prototypeKeyPath(row);
      if (protoPath !== undefined) {
        this.failed = { kind: 'record', table: tableName, index, key: keyText(record, keyPath), path: protoPath, message: 'a key that would reach the prototype' };
        return this.failed;
      }
      const result = schema.safeParse(row);
      if (!result.success) {
        const { path, message, problem } = zodProblem(result.error);
        this.failed = { kind: 'record', table: tableName, index, key: keyText(record, keyPath), path, message, ...(problem ? { problem } : {}) };
        return this.failed;
      }
      const rowKey = keyText(result.data, keyPath) ?? '';
      if (keys.has(rowKey)) {
        this.failed = { kind: 'duplicate', table: tableName, index, key: rowKey, message: `a second record with ${keyPath} "${rowKey}"` };
        return this.failed;
      }
      keys.add(rowKey);
      rows.push(result.data);
    }
    return undefined;
  }

  /**
   * The validated rows per table (only after every chunk was accepted). A backup made before
   * database version 3 has price observations without a price kind: they get the kind of the
   * backup's own capture they came from (./price-kinds.ts), as the database upgrade does.
   */
  rows(): Map<string, unknown[]> {
    if (this.failed) throw new Error('the backup was refused');
    const observations = this.parsed.get('observations');
    if (this.header.schemaVersion < PRICE_KIND_DB_VERSION && observations && observations.length > 0) {
      const captures = (this.parsed.get('captures') ?? []) as CaptureRow[];
      this.parsed.set('observations', fillPriceKindsFromCaptures(observations as ObservationRow[], captures).rows);
    }
    return this.parsed;
  }
}

export interface ValidatedBackup {
  header: BackupHeader;
  rows: Map<string, unknown[]>;
}

function countRecords(tables: Record<string, unknown>): number {
  let total = 0;
  for (const name of Object.keys(tables)) {
    const list = tables[name];
    if (Array.isArray(list)) total += list.length;
  }
  return total;
}

/**
 * Validates a whole parsed backup file against `db`'s tables, in chunks of `chunkSize` records,
 * reporting progress and yielding between chunks. Nothing is written.
 */
export async function validateBackup(
  input: unknown,
  db: Dexie,
  options: { onProgress?: OnProgress; chunkSize?: number } = {},
): Promise<{ ok: true; backup: ValidatedBackup } | { ok: false; error: RestoreError }> {
  const checked = checkHeader(input, db);
  if (!checked.ok) return checked;
  const tables = (input as { tables?: unknown }).tables;
  if (!tables || typeof tables !== 'object' || Array.isArray(tables)) {
    return { ok: false, error: { kind: 'format', path: 'tables', message: 'not a ShopLens backup: no tables' } };
  }
  const byName = tables as Record<string, unknown>;
  const validator = new RestoreValidator(db, checked.header);
  const total = countRecords(byName);
  const chunkSize = Math.max(1, options.chunkSize ?? RESTORE_CHUNK_SIZE);
  let done = 0;
  options.onProgress?.({ phase: 'validate', done, total });
  // Own keys only: a `__proto__` key in the file is a table name like any other (and unknown).
  for (const name of Object.keys(byName)) {
    const list = byName[name];
    if (!Array.isArray(list)) {
      return { ok: false, error: { kind: 'format', table: name.slice(0, 60), message: `table "${name.slice(0, 60)}" is not a list` } };
    }
    if (list.length === 0) {
      const error = validator.add(name, []);
      if (error) return { ok: false, error };
    }
    for (let start = 0; start < list.length; start += chunkSize) {
      const error = validator.add(name, list.slice(start, start + chunkSize));
      if (error) return { ok: false, error };
      done += Math.min(chunkSize, list.length - start);
      options.onProgress?.({ phase: 'validate', done, total });
      await nextTick();
    }
  }
  return { ok: true, backup: { header: checked.header, rows: validator.rows() } };
}

// ---------------------------------------------------------------------------------------------
// Writing

export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === Dexie.errnames.QuotaExceeded) return true;
  if (Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1))) return true;
  return isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1);
}

/**
 * Writes validated rows in one transaction over every table: all of them or, on any failure,
 * none (the transaction rolls back). Only Dexie work is awaited inside.
 */
export async function writeRestore(
  db: ShopLensDb,
  rows: ReadonlyMap<string, readonly unknown[]>,
  mode: RestoreMode,
  options: { onProgress?: OnProgress; chunkSize?: number } = {},
): Promise<RestoreResult> {
  const tables = tablesOf(db);
  const chunkSize = Math.max(1, options.chunkSize ?? RESTORE_CHUNK_SIZE);
  const total = [...rows.values()].reduce((sum, list) => sum + list.length, 0);
  const summary: RestoreSummary = { mode, added: {}, skipped: {} };
  for (const name of rows.keys()) {
    if (!tables.has(name)) return { ok: false, error: { kind: 'unknown-table', table: name, message: `this ShopLens has no table "${name}"` } };
  }
  try {
    await db.transaction('rw', db.tables, async () => {
      if (mode === 'replace') for (const table of db.tables) await table.clear();
      let done = 0;
      options.onProgress?.({ phase: 'write', done, total });
      for (const [name, list] of rows) {
        const table = tables.get(name)!;
        const keyPath = keyPathOf(table);
        let added = 0;
        let skipped = 0;
        for (let start = 0; start < list.length; start += chunkSize) {
          let chunk = list.slice(start, start + chunkSize);
          if (mode === 'merge') {
            const existing = await table.bulkGet(chunk.map((row) => (row as Record<string, string>)[keyPath]!));
            const fresh = chunk.filter((_, i) => existing[i] === undefined);
            skipped += chunk.length - fresh.length;
            chunk = fresh;
          }
          if (chunk.length > 0) await table.bulkAdd(chunk);
          added += chunk.length;
          done += Math.min(chunkSize, list.length - start);
          options.onProgress?.({ phase: 'write', done, total });
        }
        summary.added[name] = added;
        summary.skipped[name] = skipped;
      }
    });
  } catch (error) {
    if (isQuotaError(error)) return { ok: false, error: { kind: 'quota', message: 'the disk is full; nothing was restored' } };
    return { ok: false, error: { kind: 'write', message: error instanceof Error ? error.message.slice(0, 300) : 'write failed' } };
  }
  return { ok: true, summary };
}

/** Validates a parsed backup file, then writes it in one transaction (see the file comment). */
export async function restoreBackup(
  db: ShopLensDb,
  input: unknown,
  options: { mode: RestoreMode; onProgress?: OnProgress; chunkSize?: number },
): Promise<RestoreResult> {
  const validated = await validateBackup(input, db, options);
  if (!validated.ok) return validated;
  return writeRestore(db, validated.backup.rows, options.mode, options);
}

/** Parses backup file text; a file that is not JSON is a `format` error, not an exception. */
export function parseBackupText(text: string): { ok: true; value: unknown } | { ok: false; error: RestoreError } {
  try {
    return { ok: true, value: JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text) as unknown };
  } catch (error) {
    return { ok: false, error: { kind: 'format', message: `not JSON: ${error instanceof Error ? error.message.slice(0, 200) : ''}` } };
  }
}
