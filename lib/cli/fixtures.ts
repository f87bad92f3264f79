/**
 * Page fixtures: `tests/fixtures/<platform>/<name>.html`, each starting with
 * `<!-- shoplens-fixture url="…" -->`, and beside it `<name>.expected.json`, the Capture
 * the adapter chosen for that URL produces at FIXTURE_CAPTURED_AT, as 2-space JSON. A page
 * whose figures arrive over fetch has `<name>.responses.json` beside it too (./responses-file.ts):
 * the responses are given to detect/extract as the page-world bridge would deliver them.
 *
 * scripts/update-fixtures.ts writes the expected files; tests/unit/adapters/fixtures.test.ts
 * checks them. Both go through this module so they cannot disagree on how a fixture is read.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Capture } from '../capture/schema';
import { adapterForUrl } from '../adapters/registry';
import { captureFrom } from '../adapters/run';
import { readPageFontsSettled } from '../capture/fonts/page-fonts';
import type { PageAdapter, PageResponse } from '../adapters/types';
import { loadHtmlFile, renderFixturePage } from './load-document';
import { loadPageResponses, responsesPathFor } from './responses-file';

/** Absolute path of tests/fixtures, whatever the working directory. */
// From a path string, not `new URL(…)`: under vitest's jsdom environment the URL global is
// jsdom's, which node:url does not accept.
export const FIXTURE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures');
export const FIXTURE_CAPTURED_AT = new Date('2026-11-22T00:00:00.000Z');

export interface FixtureFile {
  /** Path of the page, under FIXTURE_ROOT. */
  htmlPath: string;
  expectedPath: string;
  /** `<name>.responses.json`, which may not exist (most pages need none). */
  responsesPath: string;
  /** `taobao/listing-tmall-ice` */
  name: string;
}

/** Every fixture page under `root`, sorted by path. */
export function listFixtures(root = FIXTURE_ROOT): FixtureFile[] {
  const fixtures: FixtureFile[] = [];
  let platforms: string[];
  try {
    platforms = readdirSync(root).sort();
  } catch {
    return [];
  }
  for (const platform of platforms) {
    const dir = join(root, platform);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.html')) continue;
      const base = file.slice(0, -'.html'.length);
      fixtures.push({
        htmlPath: join(dir, file),
        expectedPath: join(dir, `${base}.expected.json`),
        responsesPath: responsesPathFor(join(dir, file)),
        name: `${platform}/${base}`,
      });
    }
  }
  return fixtures;
}

/** A fixture whose name says the page had not rendered its figures: detect must be false. */
export function isNotRenderedFixture(fixture: FixtureFile): boolean {
  return fixture.name.includes('not-rendered');
}

export interface FixtureRun {
  adapter: PageAdapter | undefined;
  detected: boolean;
  capture: Capture | undefined;
  url: URL;
  /** The responses from the sidecar, as given to the adapter. */
  responses: PageResponse[];
}

/**
 * Loads a fixture (URL from its header) and its responses sidecar, finds its adapter and
 * captures it at FIXTURE_CAPTURED_AT. A sidecar the browser would not deliver throws
 * ResponsesFileError (./responses-file.ts) naming each problem.
 */
export async function runFixture(fixture: FixtureFile): Promise<FixtureRun> {
  const { doc: staticDoc, url, html } = await loadHtmlFile(fixture.htmlPath);
  const adapter = adapterForUrl(url);
  if (!adapter) return { adapter, detected: false, capture: undefined, url, responses: [] };
  const { responses } = loadPageResponses(fixture.htmlPath, adapter, url);
  // A page whose figures arrive over fetch is read after its own script has fetched and drawn them.
  const doc = responses.length > 0 ? await renderFixturePage(html, url, responses) : staticDoc;
  // Digits drawn with the page's obfuscating font are decoded first, as the content script does.
  const fonts = await readPageFontsSettled(adapter.fonts, doc);
  return {
    adapter,
    detected: adapter.detect(doc, url, responses, fonts),
    capture: captureFrom(adapter, doc, url, FIXTURE_CAPTURED_AT, responses, fonts),
    url,
    responses,
  };
}

/** The text an expected file holds for a capture. */
export function expectedJsonText(capture: Capture): string {
  return `${JSON.stringify(capture, null, 2)}\n`;
}
