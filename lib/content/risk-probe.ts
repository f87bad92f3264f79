/**
 * Looks for signs of risk control on a public marketplace page (a captcha, a slider, 验证码,
 * 操作过于频繁, a punish or login address: the data of lib/watch/risk-signs.ts) and reports the
 * first one to the background, which stops the background refresh when the page is one it
 * opened (lib/background/refresh.ts) and ignores it otherwise.
 *
 * Why it is shaped like this:
 * - The refresh opens its pages in background tabs, and a page that is hidden stays hidden
 *   until the operator switches to it (then the tab is theirs: the background forgets it). So
 *   the probe looks only while the document is hidden, and an operator's own browsing in the
 *   front tab costs nothing.
 * - Captcha dialogs often appear a moment after the page, when its data requests are refused:
 *   the page is looked at on arrival and again a few times (PROBE_DELAYS_MS), well inside the
 *   time the background waits for the page's capture.
 * - Visible text only (innerText): a script or a hidden template may hold the word 验证码
 *   without any captcha being shown. Containers count only when they are visible.
 *
 * Everything it needs from the browser is passed in, so it is tested with jsdom and fake
 * timers. Content-script code: no zod, React or Dexie; the message type is a type-only import.
 */
import type { RiskSignalMessage } from '../background/refresh-messages';
import { RISK_CONTAINERS, riskSignOfAddress, riskSignOfText, type RiskSign } from '../watch/risk-signs';

/** When the page is looked at, after it is parsed (ms). */
export const PROBE_DELAYS_MS: readonly number[] = [0, 2_000, 6_000, 15_000];
const MAX_URL_LENGTH = 2048;
const SKIPPED_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

export interface RiskProbeEnv {
  document: Document;
  /** The page's current address (location.href). */
  currentUrl(): string;
  send(message: RiskSignalMessage): Promise<unknown>;
  timers: { setTimeout(handler: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  log?(message: string, detail?: unknown): void;
}

export interface RiskProbe {
  /** Look again from the start (call on `wxt:locationchange`). */
  locationChanged(): void;
  stop(): void;
}

function isShown(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean }).checkVisibility;
  // Browsers have checkVisibility; jsdom does not (and lays nothing out): there, present is shown.
  return typeof check === 'function' ? check.call(element, { opacityProperty: true, visibilityProperty: true }) : true;
}

/** The page's visible text: innerText where the browser lays the page out, else the text outside scripts and styles. */
function visibleText(doc: Document): string {
  const body = doc.body;
  if (!body) return '';
  const inner = (body as HTMLElement).innerText;
  if (typeof inner === 'string') return inner;
  const parts: string[] = [];
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!SKIPPED_TEXT_PARENTS.has(node.parentElement?.tagName ?? '')) parts.push(node.nodeValue ?? '');
  }
  return parts.join(' ');
}

/** The first sign of risk control on the page: its address, a visible captcha container, its title and visible text. */
export function riskSignOfPage(doc: Document, url: string): RiskSign | undefined {
  const fromAddress = riskSignOfAddress(url);
  if (fromAddress) return fromAddress;
  for (const { kind, selector } of RISK_CONTAINERS) {
    let element: Element | null = null;
    try {
      element = doc.querySelector(selector);
    } catch {
      element = null; // the lint test keeps selectors valid; a bad one must not stop the rest
    }
    if (element && isShown(element)) return { kind, evidence: selector };
  }
  return riskSignOfText(`${doc.title}\n${visibleText(doc)}`);
}

/** The address as the message schema takes it (a punish address can carry kilobytes of tokens). */
function reportedUrl(href: string): string {
  if (href.length <= MAX_URL_LENGTH) return href;
  try {
    const url = new URL(href);
    return `${url.origin}${url.pathname}`.slice(0, MAX_URL_LENGTH);
  } catch {
    return href.slice(0, MAX_URL_LENGTH);
  }
}

export function startRiskProbe(env: RiskProbeEnv): RiskProbe {
  const { document: doc, timers } = env;
  const log = env.log ?? ((message: string, detail?: unknown) => console.debug(`ShopLens: ${message}`, detail ?? ''));
  let handles: unknown[] = [];
  let reportedFor: string | undefined;
  let stopped = false;

  function look(): void {
    if (stopped || !doc.hidden) return;
    const url = env.currentUrl();
    if (reportedFor === url) return;
    let sign: RiskSign | undefined;
    try {
      sign = riskSignOfPage(doc, url);
    } catch (error) {
      log('risk probe failed', error);
      return;
    }
    if (!sign) return;
    reportedFor = url;
    cancel();
    Promise.resolve()
      .then(() => env.send({ type: 'risk-signal', url: reportedUrl(url), kind: sign.kind, evidence: sign.evidence }))
      .catch((error: unknown) => {
        reportedFor = undefined; // not delivered: the next look may try again
        log('risk signal not delivered', error);
      });
  }

  function cancel(): void {
    for (const handle of handles) timers.clearTimeout(handle);
    handles = [];
  }

  function schedule(): void {
    cancel();
    if (stopped) return;
    handles = PROBE_DELAYS_MS.map((ms) => timers.setTimeout(look, ms));
  }

  schedule();
  return {
    locationChanged: schedule,
    stop() {
      stopped = true;
      cancel();
    },
  };
}
