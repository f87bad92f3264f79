/**
 * Titles in a real Chromium with the built extension (run `npx wxt build` first):
 * - a listing editor sample page: typing into the title field updates the live counter and shows
 *   a warning in the assistant's shadow UI (content script title-assist.js);
 * - the side panel pinned to a captured listing (`sidepanel.html?url=…`) shows the title audit
 *   with jieba tokens, which proves the .wasm is bundled and compiles under the extension's CSP,
 *   and the listing scorecard.
 * The jieba load time the panel measured is printed for the report (not asserted: shared machine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedBrowser } from '../../scripts/lib/chromium';
import { startSampleSite, type SampleSite } from '../../scripts/lib/sample-site';

let site: SampleSite;
let browser: LaunchedBrowser;

beforeAll(async () => {
  site = await startSampleSite();
  browser = await launchWithExtension({ hosts: site.hosts });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('titles in Chromium', () => {
  it('the editor’s title field gets a live counter and inline warnings as the operator types', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(site.urlOf(site.page('taobao/editor-publish')));
    const host = tab.locator('shoplens-title-assist');
    // The panel appears right after the title input once the form is found (open shadow root: locators pierce it).
    await host.locator('.count').waitFor({ timeout: 20_000 });
    await expect(host.locator('.count').innerText()).resolves.toBe('标题 0/60');

    const input = tab.locator('input[name="title"]');
    await input.click();
    await tab.keyboard.type('顶级保温杯女士大容量');
    // 10 CJK characters = 20 units, as the page's own counter says too.
    await expect.poll(() => host.locator('.count').innerText(), { timeout: 10_000 }).toBe('标题 20/60');
    await expect(tab.locator('#title-counter').innerText()).resolves.toBe('20/60');
    await expect(host.getAttribute('data-shoplens-length')).resolves.toBe('20/60');
    const warning = host.locator('li.error').first();
    await expect(warning.getAttribute('data-rule')).resolves.toBe('word.absolute');
    await expect(warning.innerText()).resolves.toContain('顶级');

    // Hostile text typed into the field stays text inside the shadow UI.
    await tab.keyboard.type('<img src=x onerror=alert(1)>');
    await expect.poll(() => host.locator('.count').innerText(), { timeout: 10_000 }).toBe('标题 48/60');
    await expect(host.locator('img').count()).resolves.toBe(0);
    await tab.close();
  });

  it('the side panel on a captured listing shows the title audit with jieba tokens and the scorecard', async () => {
    const tab = await browser.context.newPage();
    const served = site.urlOf(site.page('taobao/listing-tmall-ice'));
    await tab.goto(served);

    const panel = await browser.context.newPage();
    const problems: string[] = [];
    panel.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    panel.on('pageerror', (error) => problems.push(error.message));
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?url=${encodeURIComponent(served)}`);
    await panel.locator('[data-testid="panel-state"][data-state="captured"]').waitFor({ timeout: 30_000 });

    const view = panel.locator('[data-testid="titles-view"][data-mode="listing"]');
    await view.waitFor({ timeout: 10_000 });
    const status = view.locator('[data-testid="titles-segmenter"]');
    await status.and(panel.locator('[data-state="ready"], [data-state="failed"]')).waitFor({ timeout: 60_000 });
    const state = await status.getAttribute('data-state');
    expect(state, `jieba did not load: ${await status.innerText()} ${problems.join(' | ')}`).toBe('ready');
    const loadMs = await status.getAttribute('data-load-ms');
    console.log(`ShopLens side panel: jieba (wasm + e-commerce dictionary) loaded in ${loadMs} ms`);

    const tokens = view.locator('[data-testid="title-token"]');
    await expect(tokens.count()).resolves.toBeGreaterThan(3);
    const product = view.locator('[data-testid="title-token"][data-role="product"]', { hasText: '保温杯' });
    await expect(product.count()).resolves.toBeGreaterThan(0);

    const scorecard = panel.locator('[data-testid="scorecard"]');
    await expect(scorecard.locator('[data-testid="scorecard-check"]').count()).resolves.toBe(12);
    await expect(scorecard.locator('[data-testid="scorecard-check"][data-check="returns"]').getAttribute('data-status')).resolves.toBe('pass');
    await expect(scorecard.locator('[data-testid="scorecard-score"]').innerText()).resolves.toMatch(/^\d+ 分$/);
    expect(problems.filter((text) => /wasm|Content Security Policy|CSP/i.test(text))).toEqual([]);
    await tab.close();
    await panel.close();
  });
});
