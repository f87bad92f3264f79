/**
 * The page-world half of the bridge: runs in the marketplace page's own JavaScript realm
 * (entrypoints/page-bridge.ts, injected by the content script with WXT's `injectScript`), wraps
 * `fetch` and `XMLHttpRequest` for the endpoints the active adapters declared, and hands a copy
 * of each matching JSON answer to the content script as a DOM event (./protocol.ts explains the
 * threat model; ./receive.ts checks what arrives).
 *
 * The page must not notice. Every rule below serves that:
 * - The page's call goes through unchanged: same `this`, same arguments, same return value (the
 *   very promise `fetch` returned, so timing and identity are the page's own), same synchronous
 *   throw, same rejection. Our work happens beside the page's, never in its path.
 * - The body is read from `response.clone()`, taken in the first reaction to the promise, before
 *   any page code can consume the body; the page's own stream stays intact and readable, at its
 *   own pace. Reading stops (and the copy is cancelled) past MAX_BODY_CHARS.
 * - XHR: `open` and `send` on the prototype are wrapped only to note the URL and add one `load`
 *   listener; readyState, response, responseText and the page's handlers are untouched. Only
 *   '' / 'text' / 'json' response types are read (reading `responseText` of another type throws).
 * - Nothing here throws into the page: every step that touches page values is in try/catch, and
 *   page inputs that would need converting (objects with a custom `toString`) are skipped rather
 *   than converted a second time.
 * - The wrapper looks like the original where it is cheap to: same `name`, `length` and
 *   `toString()` text (`function fetch() { [native code] }`), no `prototype`, not a constructor.
 *   `Function.prototype.toString.call(fetch)` still shows the wrapper; hiding that would mean
 *   patching a global the page relies on, which is worse.
 * - Pages (and their monitoring scripts) often replace `window.fetch` after load. Every
 *   REWRAP_EVERY_MS the bridge checks and wraps the new function; a call that passes through two
 *   of our wrappers (the page's function calls the one it replaced) is forwarded once. At most
 *   MAX_REWRAPS times per page, so a page that keeps re-installing its own wrapper cannot make the
 *   chain grow without end.
 * - Known, accepted difference: for declared endpoints only, the bridge attaches a reaction to the
 *   promise `fetch` returned, so a rejection the page itself never handled no longer shows as
 *   "Uncaught (in promise)" in the console. The page's own handlers see the same rejection.
 *
 * Pure apart from the globals passed in (`win`), so tests run it against jsdom and fakes.
 * Dependency-free except ./protocol and ./endpoints (this file is bundled on its own).
 */
import { matchEndpoint, type EndpointRule } from './endpoints';
import {
  BRIDGE_CONFIG_ATTRIBUTE,
  BRIDGE_RESPONSE_EVENT,
  BRIDGE_STOP_EVENT,
  BRIDGE_VERSION,
  MAX_BODY_CHARS,
  MAX_ENDPOINT_ID_CHARS,
  MAX_ENDPOINTS,
  MAX_MESSAGE_CHARS,
  MAX_URL_CHARS,
  SECRET_PATTERN,
  type BridgeMessage,
} from './protocol';

/** The page globals the bridge reads and replaces. In the page, `window`. */
export interface PageWindow {
  fetch?: unknown;
  XMLHttpRequest?: unknown;
  location: { href: string };
  setInterval(handler: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface PageBridgeOptions {
  secret: string;
  endpoints: readonly EndpointRule[];
  /** Hands one serialised BridgeMessage to the content script. */
  emit(message: string): void;
  rewrapEveryMs?: number;
  maxBodyChars?: number;
}

export interface PageBridge {
  /** Unwraps what is still ours, and turns every wrapper left anywhere into a pass-through. */
  stop(): void;
}

export const REWRAP_EVERY_MS = 1_000;
export const MAX_REWRAPS = 8;

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

interface XhrPrototype {
  open: AnyFunction;
  send: AnyFunction;
}

/** What an XHR was opened for, when it is a declared endpoint. */
interface XhrRequest {
  url: URL;
}

const noop = (): void => undefined;

export function installPageBridge(win: PageWindow, options: PageBridgeOptions): PageBridge {
  const maxBodyChars = Math.min(options.maxBodyChars ?? MAX_BODY_CHARS, MAX_BODY_CHARS);
  const endpoints = options.endpoints;
  // Taken once: a page patching these later does not change how the bridge behaves.
  const promiseThen = Promise.prototype.then;
  const addListener = EventTarget.prototype.addEventListener;
  const functionToString = Function.prototype.toString;

  const ours = new WeakSet<object>();
  let active = true;
  /** >0 while one of our fetch wrappers is calling the function it wraps. */
  let depth = 0;
  let rewraps = 0;
  let fetchInstalled: { wrapper: AnyFunction; original: AnyFunction } | undefined;
  let xhrInstalled: { proto: XhrPrototype; open: AnyFunction; send: AnyFunction; original: XhrPrototype } | undefined;
  const xhrRequests = new WeakMap<object, XhrRequest>();
  const xhrListening = new WeakSet<object>();

  // ----- helpers ------------------------------------------------------------------------------

  function pageHostname(): string | undefined {
    try {
      return new URL(win.location.href).hostname;
    } catch {
      return undefined;
    }
  }

  /** Every endpoint the URL belongs to (usually one). */
  function endpointsFor(url: URL): EndpointRule[] {
    const host = pageHostname();
    if (host === undefined) return [];
    const found: EndpointRule[] = [];
    for (const endpoint of endpoints) {
      if (matchEndpoint([endpoint], url, host) && !found.some((e) => e.id === endpoint.id)) found.push(endpoint);
    }
    return found;
  }

  /** The absolute URL of a request input the page gave, without converting page objects. */
  function urlOf(input: unknown): URL | undefined {
    try {
      let text: string;
      if (typeof input === 'string') text = input;
      else if (input instanceof URL) text = input.href;
      else if (typeof Request === 'function' && input instanceof Request) text = input.url;
      else return undefined;
      if (text.length > MAX_URL_CHARS) return undefined;
      return new URL(text, win.location.href);
    } catch {
      return undefined;
    }
  }

  /** The URL the answer came from (after redirects), when it still belongs to the endpoints. */
  function finalUrlOf(requested: URL, reported: unknown, matched: readonly EndpointRule[]): { url: URL; endpoints: EndpointRule[] } | undefined {
    if (typeof reported !== 'string' || reported === '' || reported === requested.href) return { url: requested, endpoints: [...matched] };
    const final = urlOf(reported);
    if (!final) return undefined;
    const still = endpointsFor(final).filter((endpoint) => matched.some((m) => m.id === endpoint.id));
    return still.length > 0 ? { url: final, endpoints: still } : undefined;
  }

  function forward(matched: readonly EndpointRule[], url: URL, text: string): void {
    if (!active || text.length > maxBodyChars) return;
    for (const endpoint of matched) {
      try {
        const message: BridgeMessage = { v: BRIDGE_VERSION, secret: options.secret, endpoint: endpoint.id, url: url.href, text };
        const serialised = JSON.stringify(message);
        if (serialised.length > MAX_MESSAGE_CHARS) return;
        options.emit(serialised);
      } catch {
        // The content script is gone or the page broke JSON: nothing to do, nothing to throw.
      }
    }
  }

  /** The body of a cloned response as text, or undefined past the bound or on any error. */
  async function readBounded(copy: Response): Promise<string | undefined> {
    const body = copy.body;
    if (!body) return undefined;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        if (text.length > maxBodyChars) {
          void reader.cancel().catch(noop);
          return undefined;
        }
      }
      text += decoder.decode();
      return text.length > maxBodyChars ? undefined : text;
    } catch {
      void reader.cancel().catch(noop);
      return undefined;
    }
  }

  // ----- fetch --------------------------------------------------------------------------------

  function inspectResponse(matched: readonly EndpointRule[], requested: URL, response: unknown): void {
    try {
      if (!active || typeof response !== 'object' || response === null) return;
      const candidate = response as Response;
      if (typeof candidate.clone !== 'function' || !candidate.ok || candidate.bodyUsed) return;
      const declared = Number(candidate.headers?.get('content-length') ?? NaN);
      // A UTF-8 character is at most 4 bytes: past that the text cannot fit the bound.
      if (Number.isFinite(declared) && declared > maxBodyChars * 4) return;
      const final = finalUrlOf(requested, candidate.url, matched);
      if (!final) return;
      const copy = candidate.clone();
      void readBounded(copy).then((text) => {
        if (text !== undefined) forward(final.endpoints, final.url, text);
      }, noop);
    } catch {
      // Never into the page.
    }
  }

  function observeFetch(input: unknown, result: unknown): void {
    try {
      if (Object.prototype.toString.call(result) !== '[object Promise]') return;
      const url = urlOf(input);
      if (!url) return;
      const matched = endpointsFor(url);
      if (matched.length === 0) return;
      promiseThen.call(result, (response: unknown) => inspectResponse(matched, url, response), noop);
    } catch {
      // Never into the page.
    }
  }

  /** Gives the wrapper the original's name, length and source text. */
  function disguise(wrapper: AnyFunction, original: AnyFunction): void {
    try {
      Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
      Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
      const toString = {
        toString(): string {
          return functionToString.call(original);
        },
      }.toString;
      ours.add(toString);
      Object.defineProperty(wrapper, 'toString', { value: toString, configurable: true, writable: true });
    } catch {
      // A frozen or exotic function: the wrapper still works, it just looks like one.
    }
  }

  function wrapFetch(original: AnyFunction): AnyFunction {
    // A method definition: has its own `this`, no `prototype`, and cannot be called with `new`,
    // like the native fetch.
    const wrapper = {
      fetch(this: unknown, ...args: unknown[]): unknown {
        if (!active || depth > 0) return Reflect.apply(original, this, args);
        depth++;
        let result: unknown;
        try {
          result = Reflect.apply(original, this, args);
        } finally {
          depth--;
        }
        observeFetch(args[0], result);
        return result;
      },
    }.fetch;
    disguise(wrapper, original);
    ours.add(wrapper);
    return wrapper;
  }

  function ensureFetchWrapped(): void {
    try {
      const current = win.fetch;
      if (typeof current !== 'function' || ours.has(current)) return;
      if (fetchInstalled && rewraps >= MAX_REWRAPS) return;
      const wrapper = wrapFetch(current as AnyFunction);
      win.fetch = wrapper;
      if (fetchInstalled) rewraps++;
      fetchInstalled = { wrapper, original: current as AnyFunction };
    } catch {
      // fetch made read-only by the page: leave it.
    }
  }

  // ----- XMLHttpRequest -----------------------------------------------------------------------

  function onXhrLoad(this: unknown): void {
    try {
      if (!active) return;
      const xhr = this as XMLHttpRequest;
      const request = xhrRequests.get(xhr);
      if (!request || xhr.status < 200 || xhr.status > 299) return;
      const matched = endpointsFor(request.url);
      const final = finalUrlOf(request.url, xhr.responseURL, matched);
      if (!final || final.endpoints.length === 0) return;
      let text: unknown;
      if (xhr.responseType === '' || xhr.responseType === 'text') text = xhr.responseText;
      else if (xhr.responseType === 'json') text = xhr.response === null ? undefined : JSON.stringify(xhr.response);
      else return;
      if (typeof text === 'string') forward(final.endpoints, final.url, text);
    } catch {
      // Never into the page.
    }
  }

  function noteOpen(xhr: object, urlArgument: unknown): void {
    try {
      xhrRequests.delete(xhr);
      const url = urlOf(urlArgument);
      if (url && endpointsFor(url).length > 0) xhrRequests.set(xhr, { url });
    } catch {
      // Never into the page.
    }
  }

  function noteSend(xhr: object): void {
    try {
      if (!xhrRequests.has(xhr) || xhrListening.has(xhr)) return;
      xhrListening.add(xhr);
      addListener.call(xhr as EventTarget, 'load', onXhrLoad);
    } catch {
      // Never into the page.
    }
  }

  function ensureXhrWrapped(): void {
    try {
      const Xhr = win.XMLHttpRequest as { prototype?: XhrPrototype } | undefined;
      const proto = Xhr?.prototype;
      if (!proto) return;
      const open = proto.open;
      const send = proto.send;
      if (typeof open !== 'function' || typeof send !== 'function') return;
      if (ours.has(open) && ours.has(send)) return;
      if (xhrInstalled && rewraps >= MAX_REWRAPS) return;
      const wrappedOpen = ours.has(open)
        ? open
        : {
            open(this: unknown, ...args: unknown[]): unknown {
              const result = Reflect.apply(open, this, args);
              if (active && typeof this === 'object' && this !== null) noteOpen(this, args[1]);
              return result;
            },
          }.open;
      const wrappedSend = ours.has(send)
        ? send
        : {
            send(this: unknown, ...args: unknown[]): unknown {
              if (active && typeof this === 'object' && this !== null) noteSend(this);
              return Reflect.apply(send, this, args);
            },
          }.send;
      if (wrappedOpen !== open) {
        disguise(wrappedOpen, open);
        ours.add(wrappedOpen);
      }
      if (wrappedSend !== send) {
        disguise(wrappedSend, send);
        ours.add(wrappedSend);
      }
      proto.open = wrappedOpen;
      proto.send = wrappedSend;
      if (xhrInstalled) rewraps++;
      xhrInstalled = { proto, open: wrappedOpen, send: wrappedSend, original: { open, send } };
    } catch {
      // A frozen prototype: leave it.
    }
  }

  // ----- life ---------------------------------------------------------------------------------

  ensureFetchWrapped();
  ensureXhrWrapped();
  let timer: unknown;
  try {
    timer = win.setInterval(() => {
      if (!active) return;
      ensureFetchWrapped();
      ensureXhrWrapped();
    }, options.rewrapEveryMs ?? REWRAP_EVERY_MS);
  } catch {
    timer = undefined;
  }

  return {
    stop() {
      if (!active) return;
      active = false;
      try {
        if (timer !== undefined) win.clearInterval(timer);
      } catch {
        // ignore
      }
      try {
        if (fetchInstalled && win.fetch === fetchInstalled.wrapper) win.fetch = fetchInstalled.original;
      } catch {
        // ignore
      }
      try {
        if (xhrInstalled) {
          const { proto, open, send, original } = xhrInstalled;
          if (proto.open === open) proto.open = original.open;
          if (proto.send === send) proto.send = original.send;
        }
      } catch {
        // ignore
      }
    },
  };
}

// ----- configuration and start-up ---------------------------------------------------------------

export interface PageBridgeConfig {
  secret: string;
  endpoints: EndpointRule[];
}

const MAX_CONFIG_CHARS = 64_000;

/**
 * The configuration the content script wrote on the script element, checked by hand (the page
 * world gets no zod either). Undefined when anything is off: the bridge then does nothing.
 */
export function parseBridgeConfig(text: unknown): PageBridgeConfig | undefined {
  if (typeof text !== 'string' || text.length > MAX_CONFIG_CHARS) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { secret, endpoints } = raw as { secret?: unknown; endpoints?: unknown };
  if (typeof secret !== 'string' || !SECRET_PATTERN.test(secret)) return undefined;
  if (!Array.isArray(endpoints) || endpoints.length === 0 || endpoints.length > MAX_ENDPOINTS) return undefined;
  const rules: EndpointRule[] = [];
  for (const entry of endpoints as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return undefined;
    const { id, source, flags, host } = entry as { id?: unknown; source?: unknown; flags?: unknown; host?: unknown };
    if (typeof id !== 'string' || id === '' || id.length > MAX_ENDPOINT_ID_CHARS) return undefined;
    if (typeof source !== 'string' || source.length > 1_000) return undefined;
    if (typeof flags !== 'string' || !/^[imsu]*$/.test(flags)) return undefined;
    if (host !== undefined && (typeof host !== 'string' || !/^[a-z0-9.-]{1,253}$/i.test(host))) return undefined;
    try {
      rules.push({ id, path: new RegExp(source, flags), ...(host ? { host } : {}) });
    } catch {
      return undefined;
    }
  }
  return { secret, endpoints: rules };
}

/**
 * Start-up inside the page: read the configuration off our own script element and remove it at
 * once, install the bridge, talk back through events on that (detached) element, and stop when
 * the content script says so (it does when the extension reloads or the page's adapter is
 * switched off). Returns undefined, and changes nothing, without a valid configuration.
 */
export function bootPageBridge(script: Element | null, win: PageWindow): PageBridge | undefined {
  try {
    if (!script) return undefined;
    const config = parseBridgeConfig(script.getAttribute(BRIDGE_CONFIG_ATTRIBUTE));
    script.removeAttribute(BRIDGE_CONFIG_ATTRIBUTE);
    if (!config) return undefined;
    const dispatch = EventTarget.prototype.dispatchEvent;
    const bridge = installPageBridge(win, {
      secret: config.secret,
      endpoints: config.endpoints,
      emit: (message) => {
        dispatch.call(script, new CustomEvent(BRIDGE_RESPONSE_EVENT, { detail: message }));
      },
    });
    const onStop = (event: Event): void => {
      if ((event as CustomEvent).detail !== config.secret) return;
      script.removeEventListener(BRIDGE_STOP_EVENT, onStop);
      bridge.stop();
    };
    script.addEventListener(BRIDGE_STOP_EVENT, onStop);
    return bridge;
  } catch {
    return undefined;
  }
}
