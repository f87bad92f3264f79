/**
 * A small Chrome match-pattern matcher (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
 *
 * The background uses it to check that a capture comes from a page its adapter is allowed to
 * read: the same patterns that become the content script's `matches` and the manifest's
 * host_permissions (lib/adapters/hosts.ts), so "where the script runs" and "what the background
 * accepts" cannot disagree.
 *
 * Supported: `<all_urls>`; schemes `*` (http/https), http, https, ws, wss, ftp, file, urn;
 * hosts `*`, `*.example.com` (the domain itself and its subdomains) or exact, with an optional
 * `:port` (`:*` any); paths with `*` wildcards, matched against path + query like Chrome does.
 * A pattern without a port matches every port, as in Chrome.
 */

export class InvalidMatchPatternError extends Error {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`Invalid match pattern "${pattern}": ${reason}`);
    this.name = 'InvalidMatchPatternError';
  }
}

const SCHEMES = ['http', 'https', 'ws', 'wss', 'ftp', 'file', 'urn'] as const;
const ALL_URLS_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file', 'urn']);
const STAR_SCHEMES = new Set(['http', 'https']);
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443', ftp: '21' };

export interface ParsedMatchPattern {
  readonly pattern: string;
  test(url: URL | string): boolean;
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

function toUrl(url: URL | string): URL | undefined {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Parses a pattern; throws InvalidMatchPatternError for a pattern Chrome would refuse. */
export function parseMatchPattern(pattern: string): ParsedMatchPattern {
  if (pattern === '<all_urls>') {
    return {
      pattern,
      test: (input) => {
        const url = toUrl(input);
        return url !== undefined && ALL_URLS_SCHEMES.has(url.protocol.slice(0, -1));
      },
    };
  }

  const schemeEnd = pattern.indexOf('://');
  if (schemeEnd <= 0) throw new InvalidMatchPatternError(pattern, 'missing "<scheme>://"');
  const scheme = pattern.slice(0, schemeEnd);
  if (scheme !== '*' && !(SCHEMES as readonly string[]).includes(scheme)) {
    throw new InvalidMatchPatternError(pattern, `unsupported scheme "${scheme}"`);
  }
  const rest = pattern.slice(schemeEnd + 3);
  const pathStart = rest.indexOf('/');
  if (pathStart < 0) throw new InvalidMatchPatternError(pattern, 'missing path (add "/*")');
  const hostPort = rest.slice(0, pathStart);
  const path = rest.slice(pathStart);

  let host = hostPort;
  let port: string | undefined;
  const portMatch = /^(.*):(\*|\d{1,5})$/.exec(hostPort);
  if (portMatch && !hostPort.endsWith(']')) {
    host = portMatch[1]!;
    port = portMatch[2]!;
  }

  if (scheme === 'file') {
    if (host !== '') throw new InvalidMatchPatternError(pattern, 'file patterns have no host');
  } else {
    if (host === '') throw new InvalidMatchPatternError(pattern, 'missing host');
    const literal = host === '*' ? '' : host.startsWith('*.') ? host.slice(2) : host;
    if (literal.includes('*')) throw new InvalidMatchPatternError(pattern, '"*" in a host must be alone or a leading "*."');
    if (host !== '*' && literal === '') throw new InvalidMatchPatternError(pattern, 'missing host');
  }

  const hostLower = host.toLowerCase();
  const pathRegExp = globToRegExp(path);

  const hostMatches = (urlHost: string): boolean => {
    if (hostLower === '*') return true;
    if (hostLower.startsWith('*.')) {
      const domain = hostLower.slice(2);
      return urlHost === domain || urlHost.endsWith(`.${domain}`);
    }
    return urlHost === hostLower;
  };

  return {
    pattern,
    test: (input) => {
      const url = toUrl(input);
      if (!url) return false;
      const urlScheme = url.protocol.slice(0, -1);
      if (scheme === '*' ? !STAR_SCHEMES.has(urlScheme) : urlScheme !== scheme) return false;
      if (scheme !== 'file') {
        if (!hostMatches(url.hostname.toLowerCase())) return false;
        if (port !== undefined && port !== '*') {
          const urlPort = url.port || DEFAULT_PORTS[urlScheme] || '';
          if (urlPort !== port) return false;
        }
      }
      // Chrome matches the path pattern against path + query, never the fragment.
      return pathRegExp.test(`${url.pathname}${url.search}`);
    },
  };
}

const cache = new Map<string, ParsedMatchPattern>();

/** True when `url` matches `pattern`. An invalid pattern throws (it is a programming error). */
export function matchesPattern(pattern: string, url: URL | string): boolean {
  let parsed = cache.get(pattern);
  if (!parsed) {
    parsed = parseMatchPattern(pattern);
    cache.set(pattern, parsed);
  }
  return parsed.test(url);
}

/** True when `url` matches at least one of `patterns`. */
export function matchesAnyPattern(patterns: readonly string[], url: URL | string): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, url));
}
