/**
 * Where the page-world script may be loaded from: `web_accessible_resources` matches for
 * `page-bridge.js`. Only the hosts of adapters that declare endpoints (a page where no adapter
 * reads fetched JSON never needs the script, and a web-accessible file is one more thing a page
 * can probe for), as origin patterns (`<scheme>://<host>/*`: Chrome takes only the origin of
 * these patterns and rejects other paths).
 */
import type { PageAdapter } from '../adapters/types';

export const PAGE_BRIDGE_FILE = 'page-bridge.js';

export function bridgeHostPatterns(adapters: readonly PageAdapter[]): string[] {
  const patterns = new Set<string>();
  for (const adapter of adapters) {
    if (!adapter.endpoints?.length) continue;
    for (const host of adapter.hosts) {
      const origin = /^([^:/]+:\/\/[^/]+)\//.exec(host);
      if (origin) patterns.add(`${origin[1]}/*`);
    }
  }
  return [...patterns].sort();
}
