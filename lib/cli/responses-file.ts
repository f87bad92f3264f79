/**
 * `<page>.responses.json`: the JSON a saved page fetched from its adapter's endpoints, beside the
 * page (`tests/fixtures/pinduoduo/goods-data.html` → `goods-data.responses.json`):
 *
 *   [{ "endpoint": "<endpoint id>", "url": "https://<page host>/<path?query>", "body": { … } }]
 *
 * Read by the fixture runner (lib/cli/fixtures.ts, so also scripts/update-fixtures.ts and the
 * fixture tests) and by `extract` (`--responses <file>`, or the sidecar beside the page). The
 * demo's sample server answers each `url` with its `body` (scripts/lib/sample-site.ts).
 *
 * Each response is held to the rules the browser applies (lib/bridge/receive.ts), so a fixture
 * cannot pass in Node with a response the extension would never deliver: the endpoint id is one
 * the page's adapter declares, the URL belongs to that endpoint (its path pattern, and the page's
 * host or the endpoint's own), and the body is within the size, key and nesting bounds.
 *
 * Node only (uses zod and node:fs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PageAdapter, PageResponse } from '../adapters/types';
import { matchEndpoint } from '../bridge/endpoints';
import { MAX_BODY_CHARS } from '../bridge/protocol';
import { jsonTreeProblem } from '../bridge/receive';

export class ResponsesFileError extends Error {}

const responsesFileSchema = z.array(
  z.object({
    endpoint: z.string().min(1).max(60),
    url: z.string().max(2048),
    body: z.unknown(),
  }).strict(),
).max(50);

/** The sidecar path for a page file. */
export function responsesPathFor(pagePath: string): string {
  return pagePath.replace(/\.html?$/i, '') + '.responses.json';
}

/** Parses a responses file; throws ResponsesFileError with a one-line reason. */
export function readResponsesFile(path: string): PageResponse[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ResponsesFileError(`Cannot read responses file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ResponsesFileError(`${path} is not JSON: ${(error as Error).message}.`);
  }
  const parsed = responsesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ResponsesFileError(
      `${path} is not a list of { endpoint, url, body }: ${first ? `${first.path.join('.') || '(top)'}: ${first.message}` : 'invalid'}.`,
    );
  }
  return parsed.data.map(({ endpoint, url, body }) => ({ endpoint, url, body }));
}

/** Why the browser would not deliver each response to this adapter on this page (empty: all fine). */
export function responseProblems(adapter: PageAdapter, pageUrl: URL, responses: readonly PageResponse[]): string[] {
  const problems: string[] = [];
  responses.forEach((response, index) => {
    const where = `response ${index} (${response.endpoint})`;
    const spec = adapter.endpoints?.find((endpoint) => endpoint.id === response.endpoint);
    if (!spec) {
      problems.push(`${where}: ${adapter.id} declares no endpoint "${response.endpoint}"`);
      return;
    }
    let url: URL;
    try {
      url = new URL(response.url);
    } catch {
      problems.push(`${where}: "${response.url}" is not an absolute URL`);
      return;
    }
    if (!matchEndpoint([spec], url, pageUrl.hostname)) {
      problems.push(`${where}: ${url.href} is not on ${spec.host ?? pageUrl.hostname} or does not match ${spec.path}`);
    }
    const text = JSON.stringify(response.body);
    if (text === undefined || text.length > MAX_BODY_CHARS) problems.push(`${where}: body missing or over ${MAX_BODY_CHARS} characters`);
    const tree = jsonTreeProblem(response.body);
    if (tree) problems.push(`${where}: body refused (${tree})`);
  });
  return problems;
}

/**
 * The responses for a page: from `explicitPath` when given (it must exist), else from the
 * sidecar beside the page when there is one, else none. Checked against the adapter.
 */
export function loadPageResponses(
  pagePath: string,
  adapter: PageAdapter,
  pageUrl: URL,
  explicitPath?: string,
): { responses: PageResponse[]; path: string | undefined } {
  const path = explicitPath ?? responsesPathFor(pagePath);
  if (explicitPath === undefined && !existsSync(path)) return { responses: [], path: undefined };
  const responses = readResponsesFile(path);
  const problems = responseProblems(adapter, pageUrl, responses);
  if (problems.length > 0) {
    throw new ResponsesFileError(`${path}: the extension would not deliver these responses:\n  ${problems.join('\n  ')}`);
  }
  // Exactly what the bridge hands over: bodies as parsed from JSON text, never shared objects.
  return {
    responses: responses.map((response) => ({
      endpoint: response.endpoint,
      url: new URL(response.url).href,
      body: JSON.parse(JSON.stringify(response.body)) as unknown,
    })),
    path,
  };
}
