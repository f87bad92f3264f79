/**
 * The content-script side of the bridge: decides whether one event detail from the page world
 * becomes a PageResponse for the adapter. Everything that arrives is untrusted (./protocol.ts
 * has the threat model); this is the checkpoint, in this order, cheapest first:
 *   1. a string (never a page object), at most MAX_MESSAGE_CHARS, before anything is parsed;
 *   2. JSON, parsed by the isolated world's own `JSON.parse` (the page cannot patch it);
 *   3. the envelope's shape, field by field (version, secret, endpoint id, URL, text);
 *   4. the per-load secret;
 *   5. the endpoint id is one the active adapter declared, and the URL belongs to that endpoint:
 *      its path pattern, and the page's own host (or the host the endpoint declares);
 *   6. the body: at most MAX_BODY_CHARS, JSON, no `__proto__` / `constructor` / `prototype` keys
 *      anywhere (marketplace endpoints never use them; a body that does is dropped whole), and
 *      bounded nesting and size, so adapters can walk it without surprises.
 *
 * Content-script code: no zod (see ./protocol.ts for why a hand-written check).
 */
import type { PageAdapter, PageResponse } from '../adapters/types';
import { matchEndpoint } from './endpoints';
import {
  BRIDGE_VERSION,
  MAX_BODY_CHARS,
  MAX_ENDPOINT_ID_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_URL_CHARS,
  SECRET_PATTERN,
  sameSecret,
} from './protocol';

export type BridgeRejection =
  | 'not-text'
  | 'too-large'
  | 'not-json'
  | 'bad-shape'
  | 'wrong-secret'
  | 'no-endpoints'
  | 'undeclared-endpoint'
  | 'bad-url'
  | 'foreign-url'
  | 'body-too-large'
  | 'body-not-json'
  | 'unsafe-key'
  | 'too-deep'
  | 'too-many-values';

export type BridgeVerdict = { ok: true; response: PageResponse } | { ok: false; reason: BridgeRejection };

export interface AcceptContext {
  /** This load's secret. */
  secret: string;
  /** The adapter reading the page now; its endpoints are the only ones accepted. */
  adapter: PageAdapter | undefined;
  /** The page's address now. */
  pageUrl: URL;
}

/** Keys that let a naive merge reach Object.prototype. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_JSON_DEPTH = 64;
export const MAX_JSON_VALUES = 250_000;

const reject = (reason: BridgeRejection): BridgeVerdict => ({ ok: false, reason });

/**
 * Walks a parsed JSON value without recursion (a deep hostile document must not overflow the
 * stack) and reports the first problem, or undefined when it is safe to hand to an adapter.
 */
export function jsonTreeProblem(value: unknown, maxDepth = MAX_JSON_DEPTH, maxValues = MAX_JSON_VALUES): 'unsafe-key' | 'too-deep' | 'too-many-values' | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  let seen = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (++seen > maxValues) return 'too-many-values';
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) return 'too-deep';
    if (Array.isArray(current)) {
      for (const item of current) stack.push([item, depth + 1]);
    } else {
      for (const key of Object.keys(current)) {
        if (UNSAFE_KEYS.has(key)) return 'unsafe-key';
        stack.push([(current as Record<string, unknown>)[key], depth + 1]);
      }
    }
  }
  return undefined;
}

/** Parses the text of a response the page fetched into the body an adapter reads, or says why not. */
export function parseResponseBody(text: string): { ok: true; body: unknown } | { ok: false; reason: BridgeRejection } {
  if (text.length > MAX_BODY_CHARS) return { ok: false, reason: 'body-too-large' };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'body-not-json' };
  }
  const problem = jsonTreeProblem(body);
  return problem ? { ok: false, reason: problem } : { ok: true, body };
}

function isHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** One event detail from the page world → a response for the adapter, or why not. Never throws. */
export function acceptBridgeMessage(detail: unknown, context: AcceptContext): BridgeVerdict {
  try {
    if (typeof detail !== 'string') return reject('not-text');
    if (detail.length > MAX_MESSAGE_CHARS) return reject('too-large');
    let raw: unknown;
    try {
      raw = JSON.parse(detail);
    } catch {
      return reject('not-json');
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return reject('bad-shape');
    const { v, secret, endpoint, url, text } = raw as Record<string, unknown>;
    if (
      v !== BRIDGE_VERSION ||
      typeof secret !== 'string' ||
      typeof endpoint !== 'string' ||
      endpoint === '' ||
      endpoint.length > MAX_ENDPOINT_ID_CHARS ||
      typeof url !== 'string' ||
      url.length > MAX_URL_CHARS ||
      typeof text !== 'string'
    ) {
      return reject('bad-shape');
    }
    if (!SECRET_PATTERN.test(secret) || !sameSecret(secret, context.secret)) return reject('wrong-secret');

    const declared = context.adapter?.endpoints;
    if (!declared || declared.length === 0) return reject('no-endpoints');
    const spec = declared.find((candidate) => candidate.id === endpoint);
    if (!spec) return reject('undeclared-endpoint');
    const requestUrl = isHttpUrl(url);
    if (!requestUrl) return reject('bad-url');
    if (!matchEndpoint([spec], requestUrl, context.pageUrl.hostname)) return reject('foreign-url');

    const parsed = parseResponseBody(text);
    if (!parsed.ok) return parsed;
    return { ok: true, response: { endpoint: spec.id, url: requestUrl.href, body: parsed.body } };
  } catch {
    return reject('bad-shape');
  }
}
