/** Reading the extension's database from one of its own pages, for the browser tests and the demo. */
import type { Page } from 'playwright-core';
import type { Capture } from '../../lib/capture/schema';

/** Reads every stored capture straight from the extension's IndexedDB (from an extension page). */
export async function storedCaptures(panel: Page): Promise<Capture[]> {
  return panel.evaluate(
    () =>
      new Promise<Capture[]>((resolve, reject) => {
        const open = indexedDB.open('shoplens');
        // Never create the database from here: that is the extension's job.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains('captures')) return resolve([]);
          const tx = open.result.transaction('captures', 'readonly');
          const all = tx.objectStore('captures').getAll();
          all.onsuccess = () => resolve((all.result as { capture: Capture }[]).map((row) => row.capture));
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

