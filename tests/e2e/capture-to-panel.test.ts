/**
 * The whole path in a real Chromium with the built extension: a sample page served at its
 * marketplace host → content script → background → IndexedDB → side panel.
 *
 * Every bundled sample page is visited. For each, the capture stored in the extension's
 * database must equal the fixture's reviewed expected JSON (apart from the served address and
 * the capture time), and the side panel opened on that page must show its figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedBrowser } from '../../scripts/lib/chromium';
import { listSamplePages, startSampleSite, type SampleSite } from '../../scripts/lib/sample-site';
import { comparable, expectedOf, isCapturable, waitForStoredCapture } from './support/sample-walk';

let site: SampleSite;
let browser: LaunchedBrowser;
/** Network requests made by the extension itself (its pages and service worker). */
const extensionRequests: string[] = [];

beforeAll(async () => {
  site = await startSampleSite();
  browser = await launchWithExtension({ hosts: site.hosts });
  browser.context.on('request', (request) => {
    const fromWorker = request.serviceWorker() !== null;
    let fromExtensionPage = false;
    try {
      fromExtensionPage = request.frame().url().startsWith('chrome-extension://');
    } catch {
      // Requests without a frame (service worker) throw here.
    }
    if ((fromWorker || fromExtensionPage) && !request.url().startsWith('chrome-extension://')) {
      extensionRequests.push(request.url());
    }
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const capturable = listSamplePages().filter(isCapturable);

describe('capture → store → side panel, in Chromium', () => {
  it('has sample pages to walk', () => {
    expect(capturable.length).toBeGreaterThanOrEqual(2);
    expect(capturable.some((p) => expectedOf(p)?.pageKind === 'dashboard')).toBe(true);
    expect(capturable.some((p) => expectedOf(p)?.pageKind === 'listing')).toBe(true);
  });

  for (const page of capturable) {
    it(`${page.name}: stored capture equals the fixture, panel shows it`, async () => {
      const expected = expectedOf(page)!;
      const tab = await browser.context.newPage();
      const served = site.urlOf(page);
      await tab.goto(served);

      const panel = await browser.context.newPage();
      await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?url=${encodeURIComponent(served)}`);

      // Several samples share one page key, so the panel may already show an earlier sample:
      // wait for this page's own, fully rendered capture.
      const stored = await waitForStoredCapture(panel, served, expected);
      expect(stored.length, 'a capture of this page was stored').toBeGreaterThanOrEqual(1);
      expect(comparable(stored.at(-1)!)).toEqual(comparable(expected));

      // The panel reads the database live: it shows the captured state with this page's figures.
      await panel.locator('[data-testid="panel-state"][data-state="captured"]').waitFor({ timeout: 20_000 });

      for (const metric of expected.metrics) {
        const row = panel.locator(`[data-testid="figure-row"][data-metric="${metric.metric}"]`).first();
        await expect.soft(row.count()).resolves.toBeGreaterThan(0);
        await expect.soft(row.locator('[data-testid="figure-value"]').innerText()).resolves.not.toBe('');
      }
      if (expected.listing) {
        await expect(panel.locator('[data-testid="listing-title"]').innerText()).resolves.toBe(expected.listing.title);
      }
      if (expected.issues.length > 0) {
        await expect(panel.locator('[data-testid="issues-list"]').count()).resolves.toBe(1);
      }
      await tab.close();
      await panel.close();
    });
  }

  it('made no network request of its own while walking the samples', () => {
    expect(extensionRequests).toEqual([]);
  });
});
