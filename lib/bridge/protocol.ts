/**
 * What crosses between the page-world bridge (./page-world.ts, run by entrypoints/page-bridge.ts)
 * and the content script (./receive.ts, ./content-link.ts): event names, the configuration the
 * content script hands over at injection, the message format and its size bounds.
 *
 * Dependency-free: both bundles import it, and the page-world bundle must stay tiny.
 *
 * ## Threat model (read before changing anything here)
 *
 * The page-world script runs in the page's own JavaScript realm, after the page's scripts have
 * had every chance to patch built-ins (`dispatchEvent`, `CustomEvent`, `JSON`, `Response`,
 * `dataset` getters …). Nothing that script knows can be kept from a page that targets ShopLens:
 * - the secret sits in a `data-` attribute of the injected `<script>` element from insertion
 *   until the bridge reads and removes it (a MutationObserver on `<head>` sees the element with
 *   the attribute, and a patched `dataset`/`getAttribute` sees the value);
 * - every message the bridge dispatches carries the secret, and a page that kept a reference to
 *   the (detached) script element, or patched `EventTarget.prototype.dispatchEvent`, reads it.
 * So the secret does NOT authenticate the bridge against a hostile page. What it does:
 * - it stops events from anything that is not aimed at ShopLens specifically: other extensions,
 *   page scripts that happen to use the same event name, stale bridges left in the page by an
 *   earlier (reloaded) copy of the extension, and replayed messages from another page load;
 * - messages travel on the detached script element, not on `document`, so a generic listener
 *   never sees them at all.
 * The real defence is that a forged message gains nothing the page does not already have: the
 * page controls its own DOM, so it can already show ShopLens any figure it likes. What a message
 * must never do is reach further than the DOM could. Hence, in the content script (./receive.ts),
 * everything that crosses is untrusted: only a string is accepted (never a page object), bounded
 * in size before it is parsed, parsed with the isolated world's own `JSON.parse` (a page cannot
 * patch it), shape-checked field by field, the endpoint id must be one the active adapter
 * declared, the URL must match that endpoint's path and the page's own host (or the endpoint's
 * declared host), and a body with `__proto__` / `constructor` / `prototype` keys or absurd
 * nesting is dropped whole. After that the adapters read the body with own-property readers
 * (lib/adapters/json-reader.ts), and the background validates the resulting capture with zod
 * like any other. The worst a hostile page can do through the bridge is what it can do through
 * its DOM: show ShopLens wrong figures about itself.
 *
 * Why a hand-written validator and not zod: content-script code must not load zod (house rule,
 * checked by tests/unit/content/import-graph.test.ts). `zod/mini` would be the candidate; measured
 * with esbuild (minified, gzip -9) a six-field object schema costs about 5.3 KB gzip, against
 * well under 1 KB for ./receive.ts, for an envelope of five fields. The body itself is `unknown`
 * by design; a schema would not add anything the adapters' typed readers do not already check.
 */

/** Event the bridge dispatches on its own script element for each forwarded response. */
export const BRIDGE_RESPONSE_EVENT = 'shoplens:bridge-response';
/** Event the content script dispatches on the script element to switch the bridge off. */
export const BRIDGE_STOP_EVENT = 'shoplens:bridge-stop';
/** Attribute of the injected script element carrying the configuration; removed at once. */
export const BRIDGE_CONFIG_ATTRIBUTE = 'data-shoplens-bridge';

/** Protocol version: a message of another version (an older bridge still in the page) is dropped. */
export const BRIDGE_VERSION = 1;

/**
 * Largest response text forwarded, in UTF-16 code units (~1 MB of text). Dashboard and report
 * endpoints answer a few KB to a few hundred KB; anything larger is not what an adapter reads
 * and is not worth copying across worlds.
 */
export const MAX_BODY_CHARS = 1_000_000;
/** The envelope around the body (secret, endpoint id, URL, JSON punctuation and escapes). */
export const MAX_MESSAGE_CHARS = 2 * MAX_BODY_CHARS + 8_192;
export const MAX_URL_CHARS = 2048;
export const MAX_ENDPOINT_ID_CHARS = 60;
/** Endpoints handed to the page world at most (every adapter on one host). */
export const MAX_ENDPOINTS = 64;

/** 16 random bytes as lower-case hex. */
export const SECRET_PATTERN = /^[0-9a-f]{32}$/;

/** An endpoint as it travels to the page world (a RegExp does not survive JSON). */
export interface WireEndpoint {
  id: string;
  source: string;
  flags: string;
  host?: string;
}

/** What the content script hands the bridge at injection. */
export interface BridgeConfig {
  secret: string;
  endpoints: WireEndpoint[];
}

/** One forwarded response. Sent as JSON text: only strings cross worlds reliably in every browser. */
export interface BridgeMessage {
  v: typeof BRIDGE_VERSION;
  secret: string;
  /** Endpoint id the page world matched. */
  endpoint: string;
  /** Final URL of the response (after redirects). */
  url: string;
  /** The response body as text, at most MAX_BODY_CHARS. */
  text: string;
}

/** A fresh per-load secret from the platform's CSPRNG. */
export function makeSecret(random: Pick<Crypto, 'getRandomValues'> = crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(16));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Endpoint specs as plain JSON for the page world; the `g`/`y` flags (stateful `test`) are dropped. */
export function wireEndpoints(endpoints: readonly { id: string; path: RegExp; host?: string }[]): WireEndpoint[] {
  return endpoints.slice(0, MAX_ENDPOINTS).map((endpoint) => ({
    id: endpoint.id,
    source: endpoint.path.source,
    flags: endpoint.path.flags.replace(/[gy]/g, ''),
    ...(endpoint.host ? { host: endpoint.host } : {}),
  }));
}

/** Equal strings, compared without an early exit. */
export function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
