/**
 * Price history in a real Chromium: a listing is visited, its price drops, it is visited again,
 * and the side panel on that listing shows both prices (the snapshot history) and draws the
 * price chart; the exported CSV of the chart carries the numbers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedBrowser } from '../../scripts/lib/chromium';
import { listSamplePages, startSampleSite, type SampleSite } from '../../scripts/lib/sample-site';
import { priceCut } from './support/price-cut';

/** The listing, and the same page after a price cut: every 89 (yuan, and 8900 fen) becomes 79. */
const listing = priceCut(listSamplePages());
const { page, original, cheaper } = listing;

let site: SampleSite;
let browser: LaunchedBrowser;

beforeAll(async () => {
  site = await startSampleSite([page], listing.routes);
  browser = await launchWithExtension({ hosts: site.hosts });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('price history of a listing', () => {
  it('shows both prices and draws the chart after a second visit with a new price', async () => {
    expect(cheaper).not.toBe(original);
    const served = site.urlOf(page);
    const panelUrl = `chrome-extension://${browser.extensionId}/sidepanel.html?url=${encodeURIComponent(served)}`;

    const tab = await browser.context.newPage();
    await tab.goto(served);
    const panel = await browser.context.newPage();
    await panel.goto(panelUrl);
    await panel.locator('[data-testid="listing-price"]').filter({ hasText: '89' }).waitFor({ timeout: 20_000 });

    listing.cut();
    await tab.reload();
    // The panel follows the database live: the new price replaces the old one…
    await panel.locator('[data-testid="listing-price"]').filter({ hasText: '79' }).waitFor({ timeout: 20_000 });
    // …and the earlier snapshot, with the old price, is in the history.
    await panel.locator('[data-testid="history-row"]').filter({ hasText: '89' }).first().waitFor({ timeout: 10_000 });

    // The price chart has drawn, and its point list holds the latest price for today.
    await panel.locator('[data-testid="trend-chart"][data-drawn="true"]').first().waitFor({ timeout: 20_000 });
    const points = await panel.locator('[data-testid="trend-point"]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.value));
    expect(points).toContain('79');

    // Export the chart's data as CSV: the numbers round-trip.
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.locator('[data-testid="trend-export-csv"]').first().click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('79');

    await tab.close();
    await panel.close();
  });
});
