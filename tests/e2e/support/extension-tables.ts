/**
 * Every table of the extension's database, read straight from IndexedDB from one of its own
 * pages, for tests that compare whole databases (backup and restore). scripts/lib/extension-db.ts
 * reads the captures alone; this reads every object store, rows in primary-key order.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { canonical } from './sample-walk';

/** Rows by table name. */
export type TableDump = Record<string, unknown[]>;

export async function readTables(extensionPage: Page): Promise<TableDump> {
  return extensionPage.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('shoplens');
        // Never create the database from here: that is the extension's job.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve({});
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) {
            db.close();
            return resolve({});
          }
          const tx = db.transaction(names, 'readonly');
          const dump: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              dump[name] = all.result as unknown[];
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(dump);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Row count per table. */
export function countsOf(dump: TableDump): Record<string, number> {
  return Object.fromEntries(Object.entries(dump).map(([name, rows]) => [name, rows.length]));
}

/** A digest of every row of every table, whatever the key order inside a row. */
export function digestOf(dump: TableDump): string {
  return createHash('sha256').update(canonical(dump)).digest('hex');
}
