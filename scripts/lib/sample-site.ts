/**
 * A local web server that answers for marketplace host names with the bundled sample pages
 * (tests/fixtures/<platform>/*.html). Each fixture's first line names the address it stands for:
 *   <!-- shoplens-fixture url="https://sycm.taobao.com/portal/home.htm" -->
 * Chromium maps the marketplace hosts to 127.0.0.1 (see ./chromium.ts), so the browser loads
 * `https://sycm.taobao.com:<port>/portal/home.htm` and the production match patterns apply.
 * HTTPS because some marketplace hosts are HSTS-preloaded (the certificate is a test-only one in
 * ./sample-site-tls; the test browser ignores certificate errors).
 *
 * When several fixtures stand for the same address (layouts of one page), the later ones are
 * served with an extra `shoplens_sample=<name>` query parameter, which adapters ignore.
 *
 * A fixture whose figures travel over XHR/fetch has `<page>.responses.json` beside it:
 * `[{ endpoint, url, body }]`. The server answers each `url` (same host) with its `body` as JSON,
 * so the page's own script fetches it in the browser as it would on the marketplace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readResponsesFile, responsesPathFor } from '../../lib/cli/responses-file';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { FIXTURE_ROOT, listFixtures } from '../../lib/cli/fixtures';
import { fixtureUrlOf } from '../../lib/cli/load-document';

export interface SamplePage {
  /** `taobao/sycm-home-cards`. */
  name: string;
  file: string;
  /** The real marketplace address the fixture stands for. */
  realUrl: string;
  /** host + path + query the server answers on (the served URL minus scheme and port). */
  key: string;
  /** JSON the page fetches: host + path + query → body. */
  responses: Map<string, unknown>;
}

/** The fixture's `.responses.json` sidecar (validated by the CLI's reader), keyed as the server answers. */
function responsesOf(file: string): Map<string, unknown> {
  const responses = new Map<string, unknown>();
  const path = responsesPathFor(file);
  if (!existsSync(path)) return responses;
  for (const response of readResponsesFile(path)) {
    const url = new URL(response.url);
    responses.set(url.host + url.pathname + url.search, response.body);
  }
  return responses;
}

export function listSamplePages(dir: string = FIXTURE_ROOT): SamplePage[] {
  const pages: SamplePage[] = [];
  const seen = new Set<string>();
  for (const fixture of listFixtures(dir)) {
    const realUrl = fixtureUrlOf(readFileSync(fixture.htmlPath, 'utf8'));
    if (!realUrl) continue;
    const url = new URL(realUrl);
    let key = url.host + url.pathname + url.search;
    if (seen.has(key)) {
      url.searchParams.append('shoplens_sample', fixture.name.split('/').pop()!);
      key = url.host + url.pathname + url.search;
    }
    seen.add(key);
    pages.push({ name: fixture.name, file: relative(process.cwd(), fixture.htmlPath), realUrl, key, responses: responsesOf(fixture.htmlPath) });
  }
  return pages;
}

export interface SampleSite {
  port: number;
  pages: SamplePage[];
  /** Every host name a sample page uses (for --host-resolver-rules). */
  hosts: string[];
  /** The address the browser should open for a page. */
  urlOf(page: SamplePage): string;
  page(name: string): SamplePage;
  /** Requests the server saw, as `host path`, for the no-egress check. */
  requests: string[];
  close(): Promise<void>;
}

export async function startSampleSite(
  pages: SamplePage[] = listSamplePages(),
  extraRoutes: Record<string, (url: URL) => { type: string; body: string | Buffer } | undefined> = {},
): Promise<SampleSite> {
  const byKey = new Map(pages.map((page) => [page.key, page]));
  const requests: string[] = [];
  const tls = join(import.meta.dirname, 'sample-site-tls');
  const options = { key: readFileSync(join(tls, 'key.pem')), cert: readFileSync(join(tls, 'cert.pem')) };
  const server: Server = createServer(options, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push(`${host} ${url.pathname}`);
    const extra = extraRoutes[`${host}${url.pathname}`]?.(url);
    if (extra) {
      res.writeHead(200, { 'content-type': extra.type, 'cache-control': 'no-store' });
      res.end(extra.body);
      return;
    }
    const requestKey = host + url.pathname + url.search;
    const json = pages.find((p) => p.responses.has(requestKey))?.responses.get(requestKey);
    if (json !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(json));
      return;
    }
    const page = byKey.get(requestKey);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not a ShopLens sample page');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(readFileSync(page.file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const hosts = [...new Set(pages.map((page) => new URL(`http://${page.key}`).hostname))].sort();
  return {
    port,
    pages,
    hosts,
    requests,
    // The real address's #fragment too: hash-routed backends (one.alimama.com #!/report/…) need it.
    urlOf: (page) => `https://${page.key.replace('/', `:${port}/`)}${new URL(page.realUrl).hash}`,
    page(name) {
      const found = pages.find((page) => page.name === name);
      if (!found) throw new Error(`No sample page ${name}; have ${pages.map((p) => p.name).join(', ')}`);
      return found;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
