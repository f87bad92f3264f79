/**
 * Walking the bundled sample pages through the extension, shared by the browser tests: which
 * pages should capture, what each should store (its reviewed `.expected.json`), and waiting for
 * the stored capture of a page to arrive.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { Capture } from '../../../lib/capture/schema';
import { storedCaptures } from '../../../scripts/lib/extension-db';
import type { SamplePage, SampleSite } from '../../../scripts/lib/sample-site';

/** The fixture's reviewed expected capture, if it has one. */
export function expectedOf(page: SamplePage): Capture | undefined {
  try {
    return JSON.parse(readFileSync(page.file.replace(/\.html$/, '.expected.json'), 'utf8')) as Capture;
  } catch {
    return undefined;
  }
}

/** A sample page that should leave a capture: its expected capture has figures or a listing. */
export function isCapturable(page: SamplePage): boolean {
  const expected = expectedOf(page);
  return Boolean(expected && (expected.metrics.length > 0 || expected.listing));
}

/** JSON with object keys sorted, so two values compare by content whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The capture minus what legitimately differs between a browser run and the fixture run. */
export function comparable(capture: Capture) {
  const { capturedAt: _at, url: _url, ...rest } = capture;
  return rest;
}

/**
 * The stored captures of the page served at `served`, read from an extension page (`reader`),
 * once the latest of them equals `expected` (or at the deadline: the caller checks). Several
 * samples share one page key (layouts of one page), and a page that fetches its figures after
 * load may first be stored as the page showed it before (figures reported missing, never
 * guessed): so wait for this page's own, fully rendered capture.
 */
export async function waitForStoredCapture(reader: Page, served: string, expected: Capture, timeoutMs = 20_000): Promise<Capture[]> {
  let stored: Capture[] = [];
  const want = canonical(comparable(expected));
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await reader.waitForTimeout(200)) {
    stored = (await storedCaptures(reader)).filter((c) => c.url === served);
    if (stored.length > 0 && canonical(comparable(stored.at(-1)!)) === want) break;
  }
  return stored;
}

export interface WalkOptions {
  /** Tabs walking at once. Layouts of one page always share a tab, in fixture order. */
  lanes?: number;
  /** How long to wait for each capturable page's fully rendered capture. */
  timeoutMs?: number;
}

/**
 * The demo walk: opens every sample page of `site` in `context` and waits for each capturable
 * one's capture (read from the extension page `reader`). Samples of one address (layouts of one
 * page) are walked one after another in one tab, so which of them is stored as a repeat is
 * decided as in a sequential walk; different addresses are walked in parallel. Returns the
 * capturable pages of which no capture was stored; whether a capture equals its fixture is
 * capture-to-panel.test.ts's concern.
 */
export async function walkSamplePages(
  context: BrowserContext,
  site: SampleSite,
  reader: Page,
  { lanes = 4, timeoutMs = 8_000 }: WalkOptions = {},
): Promise<SamplePage[]> {
  const groups = new Map<string, SamplePage[]>();
  for (const page of site.pages) groups.set(page.realUrl, [...(groups.get(page.realUrl) ?? []), page]);
  const queue = [...groups.values()];
  const missing: SamplePage[] = [];
  const lane = async () => {
    const tab = await context.newPage();
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const page of group) {
        const served = site.urlOf(page);
        await tab.goto(served);
        const expected = isCapturable(page) ? expectedOf(page) : undefined;
        if (expected && (await waitForStoredCapture(reader, served, expected, timeoutMs)).length === 0) missing.push(page);
      }
    }
    await tab.close();
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return missing;
}
