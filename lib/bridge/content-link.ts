/**
 * The content script's control of the page-world bridge: inject it once, when the adapter for
 * the current address declares endpoints (so pages whose adapters read only the DOM never get a
 * page-world script), hand it a fresh secret and the endpoints to watch, check every message
 * that comes back (./receive.ts) and deliver the accepted ones to the capture loop; switch the
 * bridge off when the content script goes away (extension reload).
 *
 * The endpoints handed to the page are those of every enabled adapter on this page's host, so a
 * single-page backend that moves from one report to another keeps the one bridge; what is
 * accepted is decided per message, against the adapter of the address at that moment.
 *
 * Browser specifics (WXT's injectScript, crypto) are passed in, so this is tested with jsdom.
 * Content-script code: no zod, React or Dexie.
 */
import { findAdapter } from '../adapters/lookup';
import { matchesAnyPattern } from '../adapters/match-pattern';
import type { EndpointSpec, PageAdapter, PageResponse } from '../adapters/types';
import { boundedUrl } from '../content/capture-loop';
import { acceptBridgeMessage, type BridgeRejection } from './receive';
import {
  BRIDGE_CONFIG_ATTRIBUTE,
  BRIDGE_RESPONSE_EVENT,
  BRIDGE_STOP_EVENT,
  MAX_ENDPOINTS,
  makeSecret,
  wireEndpoints,
  type BridgeConfig,
} from './protocol';

export interface BridgeControllerEnv {
  /** The adapters in use (switched-off ones already removed). */
  adapters: readonly PageAdapter[];
  /** The page's address now (location.href). */
  currentUrl(): string;
  /**
   * Injects the page-world script: WXT's `injectScript('/page-bridge.js', { modifyScript })`.
   * `modifyScript` runs before the element is inserted.
   */
  inject(modifyScript: (script: HTMLScriptElement) => void): Promise<unknown>;
  /** An accepted response, with the page address it arrived on. */
  deliver(response: PageResponse, pageUrl: string): void;
  log(message: string, detail?: unknown): void;
  /** Defaults to 16 bytes from crypto.getRandomValues. */
  secret?: string;
}

export interface BridgeController {
  /** Injects the bridge if the adapter for the current address needs it and it is not there yet. */
  update(): void;
  /** Switches the bridge off and ignores anything it still sends. */
  stop(): void;
  readonly injected: boolean;
}

/** Rejections logged per page load; a page spamming forged events only fills the console this far. */
const MAX_LOGGED_REJECTIONS = 20;

function adapterAt(adapters: readonly PageAdapter[], href: string): PageAdapter | undefined {
  try {
    return findAdapter(new URL(boundedUrl(href)), adapters);
  } catch {
    return undefined;
  }
}

/** Endpoints of every adapter that may read a page on this address's host (its match patterns). */
export function endpointsOnPage(adapters: readonly PageAdapter[], href: string): EndpointSpec[] {
  const found: EndpointSpec[] = [];
  for (const adapter of adapters) {
    if (!adapter.endpoints?.length) continue;
    let onHost: boolean;
    try {
      onHost = matchesAnyPattern(adapter.hosts, href);
    } catch {
      onHost = false;
    }
    if (onHost) found.push(...adapter.endpoints);
  }
  return found.slice(0, MAX_ENDPOINTS);
}

export function createBridgeController(env: BridgeControllerEnv): BridgeController {
  const secret = env.secret ?? makeSecret();
  let script: HTMLScriptElement | undefined;
  let injected = false;
  let stopped = false;
  let rejections = 0;

  function onMessage(event: Event): void {
    if (stopped) return;
    let detail: unknown;
    try {
      detail = (event as CustomEvent).detail;
    } catch {
      detail = undefined;
    }
    const href = env.currentUrl();
    let pageUrl: URL;
    try {
      pageUrl = new URL(boundedUrl(href));
    } catch {
      return;
    }
    const verdict = acceptBridgeMessage(detail, { secret, adapter: adapterAt(env.adapters, href), pageUrl });
    if (verdict.ok) {
      env.deliver(verdict.response, href);
      return;
    }
    refused(verdict.reason);
  }

  function refused(reason: BridgeRejection): void {
    rejections++;
    if (rejections <= MAX_LOGGED_REJECTIONS) env.log(`page bridge message refused (${reason})`);
  }

  function update(): void {
    if (stopped || injected) return;
    const href = env.currentUrl();
    if (!adapterAt(env.adapters, href)?.endpoints?.length) return;
    const endpoints = endpointsOnPage(env.adapters, href);
    if (endpoints.length === 0) return;
    const config: BridgeConfig = { secret, endpoints: wireEndpoints(endpoints) };
    injected = true;
    let pending: Promise<unknown>;
    try {
      pending = env.inject((element) => {
        element.setAttribute(BRIDGE_CONFIG_ATTRIBUTE, JSON.stringify(config));
        element.addEventListener(BRIDGE_RESPONSE_EVENT, onMessage);
        script = element;
      });
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.catch((error: unknown) => {
      // Blocked (a page CSP in some browsers) or the extension reloaded: the adapter then reads
      // only the DOM, and reports what it could not read. Try again on the next address.
      script?.removeEventListener(BRIDGE_RESPONSE_EVENT, onMessage);
      script = undefined;
      injected = false;
      env.log('page bridge not injected', error);
    });
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    if (!script) return;
    try {
      script.removeEventListener(BRIDGE_RESPONSE_EVENT, onMessage);
      script.dispatchEvent(new CustomEvent(BRIDGE_STOP_EVENT, { detail: secret }));
    } catch {
      // The page is going away.
    }
    script = undefined;
  }

  return {
    update,
    stop,
    get injected() {
      return injected;
    },
  };
}
