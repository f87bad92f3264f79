/**
 * Runs a bench probe (scripts/bench/in-page/<name>.ts, bundled to an IIFE) in a plain local page
 * of a Chromium without the extension: the probes time library code on the browser's own
 * engines (IndexedDB, canvas, WebAssembly) without the extension's capture interleaving.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../lib/chromium';
import { startSampleSite } from '../lib/sample-site';
import { bundleProbe } from './bundle';

const HOST = 'bench.shoplens.localhost';

export type ProbeRoutes = Record<string, { type: string; body: string | Buffer }>;

export async function withProbePage<T>(probe: string, run: (page: Page, origin: string) => Promise<T>, files: ProbeRoutes = {}): Promise<T> {
  const script = await bundleProbe(probe);
  const routes: Record<string, () => { type: string; body: string | Buffer }> = {
    [`${HOST}/`]: () => ({ type: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>ShopLens bench</title><body></body>' }),
  };
  for (const [path, file] of Object.entries(files)) routes[`${HOST}${path}`] = () => file;
  const site = await startSampleSite([], routes);
  const browser = await launchWithExtension({ hosts: [HOST], withExtension: false });
  try {
    const page = await browser.context.newPage();
    const origin = `https://${HOST}:${site.port}`;
    await page.goto(`${origin}/`);
    await page.addScriptTag({ content: script });
    return await run(page, origin);
  } finally {
    await browser.close();
    await site.close();
  }
}
