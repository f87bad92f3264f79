/**
 * The background's answer to a content-script message. Pages are hostile input and a content
 * script runs inside them, so a message is checked, in order, for:
 *   1. size (before parsing: a huge message costs nothing to refuse),
 *   2. shape (zod: contentMessageSchema, which bounds every string and list),
 *   3. sender: a tab with an address, on a host the named adapter reads (its match patterns),
 *      with the capture's own address on that same host and the adapter's platform and kind,
 *      and the adapter not switched off by the operator (read on every capture, so a switch
 *      flipped while a page is open holds at once),
 *   4. time: capturedAt close to the background's clock (a capture from the future would stay
 *      "latest" forever),
 * and only then stored through lib/db/store.ts. Nothing here executes or renders page text.
 */
import type { Capture } from '../capture/schema';
import type { PageAdapter } from '../adapters/types';
import { ADAPTERS } from '../adapters/registry';
import { matchesAnyPattern } from '../adapters/match-pattern';
import type { ShopLensDb } from '../db/schema';
import { pageKeyOf, storeCapture, type StoreResult } from '../db/store';
import { recordStorageFull } from '../db/retention';
import {
  contentMessageSchema,
  type CaptureMessage,
  type CaptureResponse,
  type MessageResponse,
  type PageStatusMessage,
  type PageStatusResponse,
  type RejectReason,
} from './messages';
import { recordPageStatus, type PageStatusRecord } from './page-status';
import { readDisabledAdapters } from '../settings/disabled-adapters';
import type { FindingsHook } from './page-findings';
import { evaluateWatches } from '../watch/run';
import type { AlertRow } from '../watch/types';

/** A capture is a few KB; 256 KB leaves room for a 200-row report and refuses page dumps. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
/** Clock skew tolerated between the page's capture time and the background's. */
const MAX_FUTURE_MS = 5 * 60 * 1000;
/** Content scripts send at once; a capture older than this was not made just now. */
const MAX_AGE_MS = 24 * 3600 * 1000;

/** The parts of `runtime.MessageSender` the checks use. */
export interface SenderLike {
  url?: string;
  tab?: { id?: number; url?: string };
}

export interface HandlerDeps {
  db: ShopLensDb;
  /** Writes captures (background.ts: a CaptureWriter that batches bursts); defaults to storeCapture. */
  store?: (capture: Capture, now: Date) => Promise<StoreResult>;
  /** Defaults to every registered adapter. */
  adapters?: readonly PageAdapter[];
  now?: () => Date;
  /** Defaults to recordPageStatus (storage.session). */
  recordStatus?: (record: PageStatusRecord) => Promise<void>;
  /** Ids of adapters switched off in the options; defaults to reading storage.local. */
  disabledAdapters?: () => Promise<ReadonlySet<string>>;
  /** Diagnoses accepted captures for the tab's badges (./page-findings.ts); none when absent. */
  findings?: FindingsHook;
  /** Told about the alerts the watch rules raised on a stored capture (background.ts: notifications). */
  onAlerts?: (alerts: AlertRow[]) => Promise<unknown>;
  /** Told when a capture was refused because the disk is full; defaults to recordStorageFull (storage.local), which the options page shows. */
  onStorageFull?: (at: Date) => Promise<void>;
  /** Told about every accepted capture and page status, with its tab (the background refresh closes the tabs it opened). Never throws into the handler. */
  onAccepted?: (event: AcceptedEvent) => Promise<void> | void;
}

/** A content message that passed every check, with the tab it came from. */
export type AcceptedEvent = { type: 'capture'; tabId: number; url: string } | { type: 'page-status'; tabId: number; url: string; state: PageStatusMessage['state'] };

async function tellAccepted(deps: HandlerDeps, event: AcceptedEvent): Promise<void> {
  try {
    await deps.onAccepted?.(event);
  } catch (error) {
    console.warn('ShopLens: accepted-message hook failed', error);
  }
}

type Rejection = { ok: false; reason: RejectReason; detail?: string };
const reject = (reason: RejectReason, detail?: string): Rejection => (detail ? { ok: false, reason, detail } : { ok: false, reason });

function serialisedBytes(message: unknown): number | undefined {
  try {
    const json = JSON.stringify(message);
    return json === undefined ? 0 : new TextEncoder().encode(json).byteLength;
  } catch {
    return undefined;
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

interface CheckedSender {
  tabId: number;
  url: string;
  host: string;
}

function checkSender(sender: SenderLike): CheckedSender | Rejection {
  const tabId = sender.tab?.id;
  const url = sender.url;
  const host = hostOf(url);
  if (tabId === undefined || tabId < 0 || !url || !host) return reject('no-sender', 'message did not come from a page in a tab');
  return { tabId, url, host };
}

function checkAdapter(adapterId: string, sender: CheckedSender, adapters: readonly PageAdapter[]): PageAdapter | Rejection {
  const adapter = adapters.find((a) => a.id === adapterId);
  if (!adapter) return reject('unknown-adapter', adapterId);
  let allowed: boolean;
  try {
    allowed = matchesAnyPattern(adapter.hosts, sender.url);
  } catch {
    allowed = false; // an invalid pattern allows nothing (tests/unit/background/adapter-hosts.test.ts catches it first)
  }
  if (!allowed) return reject('sender-mismatch', `${sender.host} is not a host of ${adapter.id}`);
  return adapter;
}

async function handleCapture(message: CaptureMessage, sender: CheckedSender, deps: HandlerDeps): Promise<CaptureResponse> {
  const { capture } = message;
  const adapter = checkAdapter(capture.adapter.id, sender, deps.adapters ?? ADAPTERS);
  if ('ok' in adapter) return adapter;
  if (capture.platform !== adapter.platform || capture.pageKind !== adapter.pageKind) {
    return reject('sender-mismatch', `${capture.platform}/${capture.pageKind} is not what ${adapter.id} reads`);
  }
  if (hostOf(capture.url) !== sender.host) return reject('url-mismatch', `capture.url is not on ${sender.host}`);
  const disabled = await (deps.disabledAdapters ?? (() => readDisabledAdapters()))();
  if (disabled.has(adapter.id)) return reject('adapter-disabled', adapter.id);

  const now = deps.now?.() ?? new Date();
  const capturedMs = Date.parse(capture.capturedAt);
  if (!(capturedMs <= now.getTime() + MAX_FUTURE_MS && capturedMs >= now.getTime() - MAX_AGE_MS)) {
    return reject('bad-time', capture.capturedAt);
  }

  let result: StoreResult;
  try {
    result = await (deps.store ?? ((c: Capture, at: Date) => storeCapture(deps.db, c, at)))(capture, now);
  } catch (error) {
    return reject('store-failed', error instanceof Error ? error.message.slice(0, 200) : undefined);
  }
  if (!result.stored && result.reason === 'quota') {
    // Nothing was written (one transaction); say so where the operator will see it. Recording
    // can itself fail on a full disk: the capture's answer still says 'quota'.
    await (deps.onStorageFull ?? recordStorageFull)(now).catch(() => undefined);
  }
  // A repeat is diagnosed too: a reloaded page needs its badges again. The hook never throws.
  await deps.findings?.afterCapture(sender.tabId, capture);
  if (result.stored) await runWatches(capture, result.captureId, now, deps);
  await tellAccepted(deps, { type: 'capture', tabId: sender.tabId, url: capture.url });
  return { ok: true, result };
}

/** Watch rules on a stored capture (lib/watch). A failure there never fails the capture: it is stored. */
async function runWatches(capture: CaptureMessage['capture'], captureId: string, now: Date, deps: HandlerDeps): Promise<void> {
  try {
    const alerts = await evaluateWatches(deps.db, capture, captureId, now);
    if (alerts.length > 0) await deps.onAlerts?.(alerts);
  } catch (error) {
    console.warn('ShopLens: watch rules failed', error);
  }
}

async function handlePageStatus(message: PageStatusMessage, sender: CheckedSender, deps: HandlerDeps): Promise<PageStatusResponse> {
  if (hostOf(message.url) !== sender.host) return reject('url-mismatch', `status url is not on ${sender.host}`);
  if (message.adapterId !== null) {
    const adapter = checkAdapter(message.adapterId, sender, deps.adapters ?? ADAPTERS);
    if ('ok' in adapter) return adapter;
  }
  const record: PageStatusRecord = {
    tabId: sender.tabId,
    url: message.url,
    pageKey: pageKeyOf(message.url),
    adapterId: message.adapterId,
    state: message.state,
    at: (deps.now?.() ?? new Date()).toISOString(),
  };
  try {
    await (deps.recordStatus ?? recordPageStatus)(record);
    await deps.findings?.afterPageStatus(sender.tabId, message.url, message.state);
    await tellAccepted(deps, { type: 'page-status', tabId: sender.tabId, url: message.url, state: message.state });
    return { ok: true };
  } catch (error) {
    return reject('store-failed', error instanceof Error ? error.message.slice(0, 200) : undefined);
  }
}

/**
 * Checks and handles one message from a content script. Never throws: every outcome is a
 * typed response the content script may log.
 */
export async function handleContentMessage(raw: unknown, sender: SenderLike, deps: HandlerDeps): Promise<MessageResponse> {
  const bytes = serialisedBytes(raw);
  if (bytes === undefined) return reject('invalid', 'not serialisable');
  if (bytes > MAX_MESSAGE_BYTES) return reject('too-large', `${bytes} bytes`);

  const parsed = contentMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return reject('invalid', first ? `${first.path.join('.')}: ${first.message}`.slice(0, 200) : undefined);
  }

  const checked = checkSender(sender);
  if ('ok' in checked) return checked;

  const message = parsed.data;
  switch (message.type) {
    case 'capture':
      return handleCapture(message, checked, deps);
    case 'page-status':
      return handlePageStatus(message, checked, deps);
  }
}
