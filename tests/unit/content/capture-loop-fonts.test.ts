/**
 * The capture loop and an adapter's page fonts (lib/content/capture-loop.ts): the page is not
 * read while a font is being decoded (its figures would be reported unreadable), it is read
 * again as soon as the font is decoded, and detect/extract get the decoded fonts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageAdapter, PageFonts } from '../../../lib/adapters/types';
import type { DigitFontReader, PageFontReading } from '../../../lib/capture/fonts/page-fonts';
import type { ContentMessage } from '../../../lib/background/messages';
import type { Capture } from '../../../lib/capture/schema';
import { startCaptureLoop, type CaptureLoop } from '../../../lib/content/capture-loop';

const PAGE = 'https://mms.pinduoduo.com/sycm/stores_data/operation';
const DECODED: PageFonts = { families: new Map([['spider', { digits: new Map<number, number | null>([[0xe001, 7]]) }]]) };
const PENDING: PageFonts = { families: new Map([['spider', { problem: 'not-loaded', digits: new Map() }]]) };

/** A font reader whose decoding the test finishes by hand. */
function manualReader(): DigitFontReader & { finish(): void; reads: number } {
  let done = false;
  let finish = () => undefined as void;
  const pending = new Promise<void>((resolve) => (finish = () => ((done = true), resolve())));
  const reader = {
    reads: 0,
    read(): PageFontReading {
      reader.reads++;
      return done ? { fonts: DECODED, pending: null } : { fonts: PENDING, pending };
    },
    finish: () => finish(),
  };
  return reader;
}

/** Reads `0xe001` as visitors when the fonts say it is a digit; records what it was given. */
let given: Array<PageFonts | undefined> = [];
function adapterWith(fonts: DigitFontReader): PageAdapter {
  return {
    id: 'pinduoduo/test-fonts',
    version: 1,
    platform: 'pinduoduo',
    pageKind: 'dashboard',
    hosts: ['*://mms.pinduoduo.com/*'],
    sampleUrls: [PAGE],
    matchesUrl: (url) => url.hostname === 'mms.pinduoduo.com',
    fonts,
    detect: () => true,
    extract: (_doc, _url, _responses, pageFonts) => {
      given.push(pageFonts);
      const digit = pageFonts?.families.get('spider')?.digits.get(0xe001);
      return {
        period: null,
        metrics: typeof digit === 'number' ? [{ metric: 'visitors', label: '访客数', value: digit, unit: 'count', bound: 'exact' }] : [],
        listing: null,
        results: null,
        issues: typeof digit === 'number' ? [] : [{ field: 'metrics.visitors', problem: 'unreadable' }],
      };
    },
  };
}

let sent: ContentMessage[] = [];
let loop: CaptureLoop | undefined;
const captures = (): Capture[] => sent.flatMap((m) => (m.type === 'capture' ? [m.capture] : []));
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

function start(adapter: PageAdapter): void {
  loop = startCaptureLoop({
    document,
    currentUrl: () => PAGE,
    send: async (message) => {
      sent.push(structuredClone(message));
      return message.type === 'capture' ? { ok: true, result: { stored: true, captureId: 'x', observations: 1 } } : { ok: true };
    },
    timers: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    adapters: [adapter],
    log: () => undefined,
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-22T02:00:00.000Z') });
  sent = [];
  given = [];
  document.body.innerHTML = '<main>交易数据</main>';
});

afterEach(() => {
  loop?.stop();
  loop = undefined;
  vi.useRealTimers();
});

describe('capture loop: page fonts', () => {
  it('does not read the page while a font is decoding, and reads it with the decoded font after', async () => {
    const reader = manualReader();
    start(adapterWith(reader));
    await wait(5_000);
    expect(given).toEqual([]);
    expect(captures()).toEqual([]);
    expect(sent.at(-1)).toMatchObject({ type: 'page-status', state: 'waiting' });
    reader.finish();
    await wait(3_000);
    expect(given.length).toBeGreaterThan(0);
    expect(given.every((fonts) => fonts === DECODED)).toBe(true);
    expect(captures().map((capture) => capture.metrics[0]?.value)).toEqual([7]);
  });

  it('gives undefined fonts to an adapter that reads none', async () => {
    const adapter = { ...adapterWith(manualReader()), fonts: undefined };
    start(adapter);
    await wait(3_000);
    expect(given.length).toBeGreaterThan(0);
    expect(given.every((fonts) => fonts === undefined)).toBe(true);
  });
});
