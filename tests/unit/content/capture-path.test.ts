/**
 * The capture path at unit level, with the real adapters and fixture pages: page → capture loop
 * → background handler (validation, sender checks) → database. The browser tests repeat this in
 * Chromium; this catches a broken link between the parts in seconds.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleContentMessage } from '../../../lib/background/handle-capture';
import type { ContentMessage } from '../../../lib/background/messages';
import type { Capture } from '../../../lib/capture/schema';
import { ADAPTERS, adapterForUrl } from '../../../lib/adapters/registry';
import { readPageFontsSettled } from '../../../lib/capture/fonts/page-fonts';
import { listFixtures, isNotRenderedFixture } from '../../../lib/cli/fixtures';
import { loadHtmlFile, renderFixturePage } from '../../../lib/cli/load-document';
import { loadPageResponses } from '../../../lib/cli/responses-file';
import { startCaptureLoop, type CaptureLoop } from '../../../lib/content/capture-loop';
import { openDb, type ShopLensDb } from '../../../lib/db/schema';

function expectedOf(path: string): Capture | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Capture;
  } catch {
    return undefined;
  }
}

const fixtures = listFixtures().map((fixture) => ({ fixture, expected: expectedOf(fixture.expectedPath) }));
const capturable = fixtures.filter(({ fixture, expected }) => !isNotRenderedFixture(fixture) && expected && (expected.metrics.length > 0 || expected.listing));
const notRendered = fixtures.filter(({ fixture }) => isNotRenderedFixture(fixture));

let db: ShopLensDb;
let loop: CaptureLoop | undefined;
let dbCount = 0;

beforeEach(() => {
  // Only the loop's clock is faked: fake-indexeddb schedules its work with setImmediate.
  vi.useFakeTimers({ now: new Date('2026-11-22T02:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  db = openDb(`capture-path-${Date.now()}-${dbCount++}`);
});

afterEach(async () => {
  loop?.stop();
  loop = undefined;
  vi.useRealTimers();
  db.close();
  await db.delete();
});

async function runPage(htmlPath: string) {
  const loaded = await loadHtmlFile(htmlPath);
  const { url } = loaded;
  const adapter = adapterForUrl(url);
  const responses = adapter ? loadPageResponses(htmlPath, adapter, url).responses : [];
  let doc = loaded.doc;
  if (responses.length > 0) {
    // A fetch fixture is read as the browser shows it: after its own script has drawn the
    // fetched figures (lib/cli/fixtures.ts does the same for the expected JSON). Its script's
    // timers run on real time.
    vi.useRealTimers();
    doc = await renderFixturePage(loaded.html, url, responses);
    vi.useFakeTimers({ now: new Date('2026-11-22T02:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  }
  if (adapter?.fonts) {
    // Fonts the page embeds inflate on real time (zlib): decode them first, as the browser has by
    // the time the figures settle. The loop then reads them from the reader's cache.
    vi.useRealTimers();
    await readPageFontsSettled(adapter.fonts, doc);
    vi.useFakeTimers({ now: new Date('2026-11-22T02:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  }
  const sent: ContentMessage[] = [];
  const answers: unknown[] = [];
  const pending: Promise<unknown>[] = [];
  loop = startCaptureLoop({
    document: doc,
    currentUrl: () => url.href,
    adapters: ADAPTERS,
    timers: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    // What Chrome does: the background receives the message with the tab's sender info.
    send: (message) => {
      sent.push(message);
      const answer = handleContentMessage(structuredClone(message), { url: url.href, tab: { id: 1, url: url.href } }, { db }).then((a) => {
        answers.push(a);
        return a;
      });
      pending.push(answer);
      return answer;
    },
  });
  // Figures fetched after load (the page's `<name>.responses.json`) arrive as the page-world
  // bridge delivers them once the page's own fetch completes.
  for (const response of responses) loop.addResponse(response, url.href);
  await vi.advanceTimersByTimeAsync(5_000);
  // The database works on real time (setImmediate): let every answer, and what follows it, land.
  for (let settled = 0; settled < pending.length; settled++) await pending[settled];
  return { url, sent, answers };
}

/** What legitimately differs between this run and the fixture run. */
function comparable(capture: Capture) {
  const { capturedAt: _at, ...rest } = capture;
  return rest;
}

describe('fixture pages through loop, handler and store', () => {
  it('has capturable fixtures to walk', () => {
    expect(capturable.length).toBeGreaterThan(0);
  });

  it.each(capturable.map(({ fixture, expected }) => [fixture.name, fixture.htmlPath, expected!] as const))(
    '%s: stored once, equal to its expected capture',
    async (_name, htmlPath, expected) => {
      const { sent, answers } = await runPage(htmlPath);
      expect(answers.every((answer) => (answer as { ok: boolean }).ok)).toBe(true);
      const rows = await db.captures.toArray();
      expect(rows).toHaveLength(1);
      expect(comparable(rows[0]!.capture)).toEqual(comparable(expected));
      expect(sent.filter((m) => m.type === 'page-status').map((m) => (m.type === 'page-status' ? m.state : ''))).toEqual(['waiting', 'captured']);
    },
  );

  it.each(notRendered.map(({ fixture }) => [fixture.name, fixture.htmlPath] as const))('%s: nothing stored, the panel is told it is waiting', async (_name, htmlPath) => {
    const { sent } = await runPage(htmlPath);
    expect(await db.captures.count()).toBe(0);
    expect(sent.map((m) => m.type === 'page-status' && m.state)).toEqual(['waiting']);
  });
});
