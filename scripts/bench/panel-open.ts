/**
 * Budget 4a: panel open. With 100,000 observations in the extension's database, the time from
 * opening `sidepanel.html?url=<listing>` to its first chart drawn (the page's
 * `shoplens:first-chart` mark, relative to navigation start). Budget ≤ 400 ms median.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../lib/chromium';
import { row, type BenchRow } from './report';
import { fillerObservations, listingCaptures, rowsOf } from './synthetic';

const LISTING_URL = 'https://detail.tmall.com/item.htm?id=777000111222';
const TOTAL = 100_000;

/** Writes rows straight into the extension's IndexedDB from one of its pages, in chunks. */
async function seed(page: Page, store: string, rows: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    await page.evaluate(
      ([name, chunk]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('shoplens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(name, 'readwrite');
            for (const value of chunk) tx.objectStore(name).put(value);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      [store, rows.slice(i, i + 10_000)] as const,
    );
  }
}

export async function measurePanelOpen(): Promise<BenchRow[]> {
  const browser = await launchWithExtension({ hosts: [] });
  try {
    const panelUrl = `chrome-extension://${browser.extensionId}/sidepanel.html?url=${encodeURIComponent(LISTING_URL)}`;
    const setup = await browser.context.newPage();
    // The panel opens (and so creates) the database; wait until it has settled on "no capture".
    await setup.goto(panelUrl);
    await setup.locator('[data-testid="panel-state"]').waitFor();
    const own = listingCaptures(LISTING_URL, 366).map(rowsOf);
    const ownObservations = own.flatMap((r) => r.observations);
    await seed(setup, 'entities', [own[0]!.entity]);
    await seed(setup, 'captures', own.map((r) => r.capture));
    await seed(setup, 'observations', [...ownObservations, ...fillerObservations(TOTAL - ownObservations.length)]);
    await setup.close();

    const samples: number[] = [];
    for (let run = 0; run < 8; run++) {
      const panel = await browser.context.newPage();
      await panel.goto(panelUrl);
      await panel.waitForFunction(() => performance.getEntriesByName('shoplens:first-chart').length > 0, undefined, { timeout: 20_000 });
      samples.push(await panel.evaluate(() => performance.getEntriesByName('shoplens:first-chart')[0]!.startTime));
      await panel.close();
    }
    return [row('panel', `open on a listing → first chart (${TOTAL.toLocaleString('en-US')} observations)`, 'ms', samples.slice(1), { budget: { max: 400 } })];
  } finally {
    await browser.close();
  }
}
