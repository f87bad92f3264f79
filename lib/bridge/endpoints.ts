/**
 * Which declared endpoint a request URL belongs to. One rule, used by the page world (what to
 * forward), the content script (what to accept) and the fixture loader (which sidecar responses
 * the browser would really deliver), so the three cannot disagree.
 *
 * Rule: http(s) only; the host is the page's own (`hostname`, ports ignored like Chrome match
 * patterns ignore them, since the demo serves on a local port) unless the endpoint declares its
 * own `host`; the endpoint's `path` RegExp is tested against path + query.
 *
 * Dependency-free (bundled into the page-world script).
 */

export interface EndpointRule {
  id: string;
  path: RegExp;
  host?: string;
}

/** The first endpoint the URL belongs to, or undefined. Never throws. */
export function matchEndpoint<E extends EndpointRule>(endpoints: readonly E[], requestUrl: URL, pageHostname: string): E | undefined {
  try {
    if (requestUrl.protocol !== 'https:' && requestUrl.protocol !== 'http:') return undefined;
    const hostname = requestUrl.hostname.toLowerCase();
    const target = `${requestUrl.pathname}${requestUrl.search}`;
    for (const endpoint of endpoints) {
      const expectedHost = (endpoint.host ?? pageHostname).toLowerCase();
      if (hostname !== expectedHost) continue;
      // A global or sticky RegExp keeps state between test() calls; reset it each time.
      endpoint.path.lastIndex = 0;
      if (endpoint.path.test(target)) return endpoint;
    }
  } catch {
    // A hostile URL object or a broken pattern matches nothing.
  }
  return undefined;
}
