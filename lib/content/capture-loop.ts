/**
 * The content script's loop: watch the page, and send a capture when its figures have rendered
 * and settled; send again when they change (the operator picks another date or item).
 *
 * Why it is shaped like this:
 * - Seller backends are single-page apps: figures arrive over XHR after load and the address
 *   changes without a reload. So the loop runs at start, on DOM mutations (debounced) and on
 *   every address change (`wxt:locationchange`, wired by the entrypoint).
 * - A half-rendered page must never be stored: placeholders (`-`), a card not yet drawn, old
 *   figures still on screen under a new address or a new period label. A capture is sent only
 *   when the adapter's `detect` says the figures are there AND two readings some time apart are
 *   identical (longer apart when the adapter reported fields it could not read, since those are
 *   often still loading) AND the figures are not exactly what was shown for another page or
 *   period a moment ago (then the new ones have not arrived yet).
 * - It must stay cheap: it stops observing after a long time with nothing new to read, and wakes
 *   again on the operator's next click, key, scroll or tab switch.
 * - Some figures never reach the DOM as text: the page-world bridge (lib/bridge) hands over the
 *   JSON the page fetched from the endpoints its adapter declares (`addResponse`, already checked
 *   as untrusted input). Responses are kept per page address, the latest per endpoint + URL, and
 *   passed to `detect`/`extract`; a new one is new input like a DOM change, so the page is read
 *   again. A response that arrived under another address is never given to this one: after a
 *   navigation it would be the previous page's figures.
 * - Some figures are drawn with an obfuscating web font (PDD 数据中心): an adapter with `fonts`
 *   decodes the fonts the page declares before it reads (lib/capture/fonts). Decoding is async;
 *   while a font is being decoded the page is not read (its figures would be reported
 *   unreadable), and it is read again as soon as the font is decoded.
 *
 * Everything it needs from the browser is passed in (document, address, clock, send), so it is
 * tested with jsdom and fake timers. Content-script code: no zod, React or Dexie here; types
 * only from the schema and message modules (tests/unit/content/import-graph.test.ts checks it).
 */
import { findAdapter } from '../adapters/lookup';
import { captureIfDetected } from '../adapters/run';
import type { PageAdapter, PageResponse } from '../adapters/types';
import type { CaptureResponse, ContentMessage, PageState } from '../background/messages';
import type { Capture } from '../capture/schema';
import { IDENTIFYING_PARAMS, pageKeyOf, periodKeyOf } from '../db/keys';

export interface LoopTimers {
  now(): number;
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CaptureLoopOptions {
  /** Quiet time after the last DOM mutation before reading the page. */
  debounceMs: number;
  /** Under a constant stream of mutations (tickers, carousels), read at least this often. */
  maxWaitMs: number;
  /** How long a reading that reports unreadable fields must stay unchanged before it is sent. */
  incompleteSettleMs: number;
  /** Stop observing after this long without anything new to read. */
  idleStopMs: number;
}

export const DEFAULT_LOOP_OPTIONS: CaptureLoopOptions = {
  debounceMs: 400,
  maxWaitMs: 2_000,
  incompleteSettleMs: 1_500,
  idleStopMs: 60_000,
};

export interface CaptureLoopEnv {
  document: Document;
  /** The page's current address (location.href). */
  currentUrl(): string;
  /** runtime.sendMessage: resolves with the background's answer. */
  send(message: ContentMessage): Promise<unknown>;
  timers: LoopTimers;
  /** The content script's own platform adapters (switched-off ones already removed). */
  adapters: readonly PageAdapter[];
  options?: Partial<CaptureLoopOptions>;
  /** Where adapter and messaging failures go; defaults to console.debug. */
  log?(message: string, detail?: unknown): void;
}

export interface CaptureLoop {
  /** Re-run for the current address (call on `wxt:locationchange`). */
  locationChanged(): void;
  /** The operator did something: resume observing if the loop had gone idle. */
  wake(): void;
  /**
   * A response the page fetched from a declared endpoint (checked by lib/bridge/receive.ts),
   * with the page address it arrived on (defaults to the current one): read the page again.
   */
  addResponse(response: PageResponse, pageUrl?: string): void;
  /** Disconnect everything (call on context invalidation). */
  stop(): void;
  /** True while a MutationObserver is connected. */
  readonly observing: boolean;
}

/** One reading of the page and the keys that compare it with others. */
interface Reading {
  capture: Capture;
  /** Everything but capturedAt: equal keys mean nothing changed. */
  key: string;
  /** Only the figures (metrics, listing, results, items, editor), without page or period. */
  figures: string;
  pageKey: string;
  periodKey: string;
  /** The adapter read every field (no issues). */
  complete: boolean;
}

/** The operator's input that resumes observing after the loop went idle. */
const WAKE_EVENTS = ['click', 'keydown', 'scroll', 'visibilitychange'] as const;

/**
 * Responses kept for the current address. Each is at most ~1 MB of text (lib/bridge/protocol.ts);
 * a page calls few data endpoints, and a re-fetch of the same URL replaces the older answer.
 */
export const MAX_HELD_RESPONSES = 16;

/** The capture schema bounds addresses to 2048 characters. */
const MAX_URL_LENGTH = 2048;

/**
 * The address the adapter is given. Some marketplace links carry kilobytes of tracking
 * (`utparam=…`); past the schema's bound the longest non-identifying parameters are dropped,
 * so the page can still be captured under an address that names it.
 */
export function boundedUrl(href: string): string {
  if (href.length <= MAX_URL_LENGTH) return href;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  const droppable = [...url.searchParams.entries()]
    .filter(([name]) => !IDENTIFYING_PARAMS.includes(name))
    .sort((a, b) => b[0].length + b[1].length - (a[0].length + a[1].length));
  for (const [name] of droppable) {
    if (url.href.length <= MAX_URL_LENGTH) break;
    url.searchParams.delete(name);
  }
  if (url.href.length > MAX_URL_LENGTH) url.hash = '';
  return url.href;
}

function isCaptureResponse(value: unknown): value is CaptureResponse {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function startCaptureLoop(env: CaptureLoopEnv): CaptureLoop {
  const options: CaptureLoopOptions = { ...DEFAULT_LOOP_OPTIONS, ...env.options };
  const { document: doc, timers } = env;
  const { adapters } = env;
  const log = env.log ?? ((message: string, detail?: unknown) => console.debug(`ShopLens: ${message}`, detail ?? ''));
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;

  let stopped = false;
  let url = '';
  let adapter: PageAdapter | undefined;
  /** The latest reading on this address and since when it has been unchanged. */
  let candidate: { reading: Reading; since: number } | undefined;
  /** Key of the last capture sent for this address. */
  let sentKey: string | undefined;
  /** The last capture sent from this document (any address). */
  let lastSent: Reading | undefined;
  /** The last reading taken under the previous address. */
  let beforeNavigation: Reading | undefined;
  let lastOutcome = '';
  let lastReported = '';
  /** Responses from the page's endpoints, oldest first, each with the page it arrived on. */
  let held: { response: PageResponse; pageKey: string }[] = [];
  /** True while the loop waits for the adapter's fonts to be decoded. */
  let waitingForFonts = false;

  let observer: MutationObserver | undefined;
  let checkTimer: unknown;
  let checkDue = Number.POSITIVE_INFINITY;
  /** First mutation not yet followed by a reading, and the latest mutation. */
  let burstStart: number | undefined;
  let lastMutation = 0;
  let idleTimer: unknown;
  let lastActivity = 0;

  /** env.send, with a synchronous throw (an invalidated extension context) turned into a rejection. */
  function post(message: ContentMessage): Promise<unknown> {
    try {
      return Promise.resolve(env.send(message));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  // ----- status -------------------------------------------------------------------------------

  function report(state: PageState): void {
    const key = `${url}|${adapter?.id ?? ''}|${state}`;
    if (key === lastReported) return;
    lastReported = key;
    post({ type: 'page-status', url: boundedUrl(url), adapterId: adapter?.id ?? null, state }).catch((error: unknown) => {
      lastReported = ''; // let the next change try again
      log('page status not delivered', error);
    });
  }

  // ----- timers -------------------------------------------------------------------------------

  function scheduleCheck(due: number): void {
    if (stopped) return;
    if (checkTimer !== undefined) {
      if (checkDue <= due) return; // an earlier check is pending; it re-plans when it fires
      timers.clearTimeout(checkTimer);
    }
    checkDue = due;
    checkTimer = timers.setTimeout(onCheckTimer, Math.max(0, due - timers.now()));
  }

  function cancelCheck(): void {
    if (checkTimer !== undefined) timers.clearTimeout(checkTimer);
    checkTimer = undefined;
    checkDue = Number.POSITIVE_INFINITY;
  }

  function onCheckTimer(): void {
    checkTimer = undefined;
    checkDue = Number.POSITIVE_INFINITY;
    const now = timers.now();
    // Mutations came after this check was planned: wait for quiet, but not past maxWait.
    if (burstStart !== undefined && now - lastMutation < options.debounceMs && now - burstStart < options.maxWaitMs) {
      scheduleCheck(Math.min(lastMutation + options.debounceMs, burstStart + options.maxWaitMs));
      return;
    }
    check();
  }

  function scheduleIdle(): void {
    if (idleTimer !== undefined || stopped) return;
    idleTimer = timers.setTimeout(onIdleTimer, Math.max(0, lastActivity + options.idleStopMs - timers.now()));
  }

  function onIdleTimer(): void {
    idleTimer = undefined;
    if (!observer) return;
    if (timers.now() - lastActivity >= options.idleStopMs) disconnect();
    else scheduleIdle();
  }

  // ----- observing ----------------------------------------------------------------------------

  function onMutation(): void {
    const now = timers.now();
    lastMutation = now;
    burstStart ??= now;
    scheduleCheck(Math.min(now + options.debounceMs, burstStart + options.maxWaitMs));
  }

  function connect(): void {
    if (observer || stopped) return;
    observer = new Observer(onMutation);
    // Figures arrive as new nodes or changed text; attribute churn (hover, animation) is ignored.
    observer.observe(doc.documentElement ?? doc, { childList: true, subtree: true, characterData: true });
    scheduleIdle();
  }

  function disconnect(): void {
    observer?.disconnect();
    observer = undefined;
    burstStart = undefined;
    if (idleTimer !== undefined) timers.clearTimeout(idleTimer);
    idleTimer = undefined;
  }

  // ----- reading ------------------------------------------------------------------------------

  /** The responses for this address that its adapter declared, in arrival order. */
  function responsesFor(reader: PageAdapter, pageUrl: URL): PageResponse[] {
    const declared = reader.endpoints;
    if (!declared?.length || held.length === 0) return [];
    const pageKey = pageKeyOf(pageUrl.href);
    return held
      .filter((entry) => entry.pageKey === pageKey && declared.some((endpoint) => endpoint.id === entry.response.endpoint))
      .map((entry) => entry.response);
  }

  function read(now: number): Reading | undefined {
    if (!adapter) return undefined;
    try {
      const pageUrl = new URL(boundedUrl(url));
      const responses = responsesFor(adapter, pageUrl);
      const fontReading = adapter.fonts?.read(doc);
      if (fontReading?.pending) {
        awaitFonts(fontReading.pending);
        return undefined;
      }
      const fonts = fontReading?.fonts;
      const capture = captureIfDetected(adapter, doc, pageUrl, new Date(now), responses, fonts);
      if (!capture) return undefined;
      const { capturedAt: _capturedAt, ...content } = capture;
      return {
        capture,
        key: JSON.stringify(content),
        figures: JSON.stringify([capture.metrics, capture.listing, capture.results, capture.items ?? null, capture.editor ?? null]),
        pageKey: pageKeyOf(capture.url),
        periodKey: periodKeyOf(capture.period),
        complete: capture.issues.length === 0,
      };
    } catch (error) {
      log(`adapter ${adapter.id} failed`, error);
      return undefined;
    }
  }

  /** A font being decoded: when it settles, the page is read again (new input, like a DOM change). */
  function awaitFonts(pending: Promise<void>): void {
    if (waitingForFonts) return;
    waitingForFonts = true;
    pending
      .catch((error: unknown) => log('font decoding failed', error))
      .finally(() => {
        waitingForFonts = false;
        if (stopped) return;
        lastActivity = timers.now();
        connect();
        onMutation();
      });
  }

  /**
   * The same figures that were just shown for another page or another period: the page has
   * changed its address or period label but not yet its numbers. Held until they change.
   */
  function isStale(reading: Reading): boolean {
    return [lastSent, beforeNavigation].some(
      (shown) => shown !== undefined && shown.figures === reading.figures && (shown.pageKey !== reading.pageKey || shown.periodKey !== reading.periodKey),
    );
  }

  function settleMs(reading: Reading): number {
    return reading.complete ? options.debounceMs : Math.max(options.debounceMs, options.incompleteSettleMs);
  }

  function check(): void {
    burstStart = undefined;
    if (stopped) return;
    if (env.currentUrl() !== url) {
      navigate();
      return;
    }
    if (!adapter) return;
    const now = timers.now();
    const reading = read(now);

    const outcome = reading?.key ?? '';
    if (outcome !== lastOutcome) {
      lastOutcome = outcome;
      lastActivity = now;
    }

    if (!reading) {
      candidate = undefined;
      report('waiting');
      return;
    }
    if (candidate?.reading.key !== reading.key) {
      candidate = { reading, since: now };
      scheduleCheck(now + settleMs(reading));
      return;
    }
    candidate.reading = reading;
    const settledAt = candidate.since + settleMs(reading);
    if (now < settledAt) {
      scheduleCheck(settledAt);
      return;
    }
    if (reading.key === sentKey) {
      report('captured');
      return;
    }
    if (isStale(reading)) {
      report('waiting');
      return;
    }
    send(reading, now);
  }

  function send(reading: Reading, now: number): void {
    const capture: Capture = { ...reading.capture, capturedAt: new Date(now).toISOString() };
    const sentUrl = url;
    sentKey = reading.key;
    lastSent = reading;
    post({ type: 'capture', capture }).then(
      (response) => {
        if (url !== sentUrl || sentKey !== reading.key) return;
        if (isCaptureResponse(response) && response.ok) report('captured');
        else log('capture refused', response);
      },
      (error: unknown) => {
        // Not delivered (the background was restarting): let the next change send it again.
        if (sentKey === reading.key) sentKey = undefined;
        log('capture not delivered', error);
      },
    );
  }

  // ----- addresses ----------------------------------------------------------------------------

  function pickAdapter(href: string): PageAdapter | undefined {
    try {
      return findAdapter(new URL(boundedUrl(href)), adapters);
    } catch (error) {
      log('adapter selection failed', error);
      return undefined;
    }
  }

  function navigate(): void {
    if (stopped) return;
    beforeNavigation = candidate?.reading ?? beforeNavigation;
    url = env.currentUrl();
    adapter = pickAdapter(url);
    const pageKey = pageKeyOf(boundedUrl(url));
    held = held.filter((entry) => entry.pageKey === pageKey);
    candidate = undefined;
    sentKey = undefined;
    lastOutcome = '';
    lastActivity = timers.now();
    cancelCheck();
    if (!adapter) {
      // The address alone decides the adapter: nothing to watch until it changes.
      disconnect();
      report('not-recognised');
      return;
    }
    report('waiting');
    connect();
    check();
  }

  function wake(): void {
    if (stopped) return;
    if (env.currentUrl() !== url) {
      navigate();
      return;
    }
    if (!adapter || observer) return;
    lastActivity = timers.now();
    connect();
    scheduleCheck(timers.now() + options.debounceMs);
  }

  function addResponse(response: PageResponse, pageUrl: string = env.currentUrl()): void {
    if (stopped) return;
    const pageKey = pageKeyOf(boundedUrl(pageUrl));
    held = held.filter(
      (entry) => !(entry.pageKey === pageKey && entry.response.endpoint === response.endpoint && entry.response.url === response.url),
    );
    held.push({ response, pageKey });
    if (held.length > MAX_HELD_RESPONSES) held = held.slice(-MAX_HELD_RESPONSES);
    if (!adapter && env.currentUrl() === url) return;
    // New input, like a DOM change: read again once things are quiet, observing again if idle.
    lastActivity = timers.now();
    connect();
    onMutation();
  }

  for (const type of WAKE_EVENTS) doc.addEventListener(type, wake, { capture: true, passive: true });

  navigate();

  return {
    locationChanged: navigate,
    wake,
    addResponse,
    stop() {
      stopped = true;
      disconnect();
      cancelCheck();
      for (const type of WAKE_EVENTS) doc.removeEventListener(type, wake, { capture: true });
    },
    get observing() {
      return observer !== undefined;
    },
  };
}
