/**
 * `<page>.responses.json` sidecars (lib/cli/responses-file.ts): read by runFixture (so by
 * scripts/update-fixtures.ts and the fixture tests) and by `extract` (`--responses`, or the
 * sidecar beside the page), held to the rules the browser applies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../lib/cli/command';
import { runFixture } from '../../../lib/cli/fixtures';
import { main } from '../../../lib/cli/main';
import { loadPageResponses, readResponsesFile, responseProblems, responsesPathFor, ResponsesFileError } from '../../../lib/cli/responses-file';
import { FETCH_PAGE_URL, fetchOnlyAdapter } from './fetch-adapter';

// The registry as it is, plus one adapter whose figures arrive over fetch.
vi.mock('../../../lib/adapters/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/adapters/registry')>();
  const { fetchOnlyAdapter: extra } = await import('./fetch-adapter');
  const ADAPTERS = [...real.ADAPTERS, extra];
  return {
    ...real,
    ADAPTERS,
    adapterForUrl: (url: URL, adapters = ADAPTERS) => real.adapterForUrl(url, adapters),
    adapterById: (id: string) => ADAPTERS.find((adapter) => adapter.id === id),
  };
});

const dir = mkdtempSync(join(tmpdir(), 'shoplens-responses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OVERVIEW = 'https://data.shoplens-test.invalid/sydney/api/goodsDataShow/queryGoodsOverview?queryDate=2026-11-21';
const good = [{ endpoint: 'goods-overview', url: OVERVIEW, body: { success: true, result: { goodsPv: 5230 } } }];

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function page(name: string, responses?: unknown): string {
  const path = file(`${name}.html`, `<!-- shoplens-fixture url="${FETCH_PAGE_URL}" -->\n<html><body><div id="app">商品数据</div></body></html>`);
  if (responses !== undefined) file(`${name}.responses.json`, JSON.stringify(responses));
  return path;
}

async function extract(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await main(['extract', '--at', '2026-11-22T00:00:00Z', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('reading a responses file', () => {
  it('names the sidecar of a page', () => {
    expect(responsesPathFor('/x/goods-data.html')).toBe('/x/goods-data.responses.json');
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '[{', /is not JSON/],
    ['an object instead of a list', '{"endpoint":"a"}', /is not a list of \{ endpoint, url, body \}/],
    ['an entry without endpoint', '[{"url":"https://x/","body":{}}]', /0\.endpoint/],
    ['an entry with extra keys', `[{"endpoint":"a","url":"https://x/","body":{},"status":200}]`, /not a list/],
  ])('refuses %s with one clear line', (_name, text, message) => {
    const path = file('bad.responses.json', text);
    expect(() => readResponsesFile(path)).toThrow(ResponsesFileError);
    expect(() => readResponsesFile(path)).toThrow(message);
  });

  it.each<[string, unknown[], RegExp]>([
    ['an endpoint the adapter does not declare', [{ ...good[0], endpoint: 'goods-detail' }], /declares no endpoint "goods-detail"/],
    ['a URL on another host', [{ ...good[0], url: 'https://evil.example/sydney/api/goodsDataShow/queryGoodsOverview' }], /is not on data\.shoplens-test\.invalid/],
    ['a URL of another path', [{ ...good[0], url: 'https://data.shoplens-test.invalid/sydney/api/other' }], /does not match/],
    ['a relative URL', [{ ...good[0], url: '/sydney/api/goodsDataShow/queryGoodsOverview' }], /not an absolute URL/],
    ['a body with a __proto__ key', [{ ...good[0], body: JSON.parse('{"__proto__":{"x":1}}') }], /body refused \(unsafe-key\)/],
    ['no body', [{ endpoint: 'goods-overview', url: OVERVIEW }], /body missing/],
  ])('flags %s: the extension would never deliver it', (_name, responses, message) => {
    const problems = responseProblems(fetchOnlyAdapter, new URL(FETCH_PAGE_URL), responses as never);
    expect(problems.join('\n')).toMatch(message);
  });

  it('passes a response the browser would deliver', () => {
    expect(responseProblems(fetchOnlyAdapter, new URL(FETCH_PAGE_URL), good)).toEqual([]);
  });

  it('loads nothing when there is no sidecar, and fails for an explicit file that is missing', () => {
    const html = page('no-sidecar');
    expect(loadPageResponses(html, fetchOnlyAdapter, new URL(FETCH_PAGE_URL))).toEqual({ responses: [], path: undefined });
    expect(() => loadPageResponses(html, fetchOnlyAdapter, new URL(FETCH_PAGE_URL), join(dir, 'missing.json'))).toThrow(/Cannot read responses file/);
  });
});

describe('runFixture', () => {
  const fixture = (html: string) => ({
    htmlPath: html,
    expectedPath: html.replace(/\.html$/, '.expected.json'),
    responsesPath: responsesPathFor(html),
    name: 'pinduoduo/test',
  });

  it('gives the sidecar’s responses to detect and extract', async () => {
    const run = await runFixture(fixture(page('with-sidecar', good)));
    expect(run.adapter?.id).toBe('pinduoduo/test-fetch');
    expect(run.detected).toBe(true);
    expect(run.responses).toEqual(good);
    expect(run.capture?.metrics).toEqual([{ metric: 'visitors', label: '商品访客数', value: 5230, unit: 'count', bound: 'exact' }]);
  });

  it('without a sidecar the adapter gets none (and reports the figure missing)', async () => {
    const run = await runFixture(fixture(page('without-sidecar')));
    expect(run.detected).toBe(false);
    expect(run.capture?.issues).toEqual([{ field: 'metrics.visitors', problem: 'no goods-overview response' }]);
  });

  it('a sidecar the extension would not deliver fails the fixture loudly', async () => {
    await expect(runFixture(fixture(page('bad-sidecar', [{ ...good[0], endpoint: 'nope' }])))).rejects.toThrow(ResponsesFileError);
  });
});

describe('extract --responses', () => {
  it('uses the sidecar beside the page by default', async () => {
    const result = await extract(page('default-sidecar', good));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).metrics[0].value).toBe(5230);
  });

  it('uses the file given with --responses instead', async () => {
    const other = file('other.json', JSON.stringify([{ ...good[0], body: { result: { goodsPv: 77 } } }]));
    const result = await extract('--responses', other, page('explicit', good));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).metrics[0].value).toBe(77);
  });

  it('exits 3 (not recognised) when the figures needed the responses and none were given', async () => {
    const result = await extract(page('none-given'));
    expect(result.code).toBe(3);
  });

  it.each<[string, () => string[], RegExp]>([
    ['a missing --responses file', () => ['--responses', join(dir, 'nope.json'), page('p1')], /^Cannot read responses file .*ENOENT/],
    ['--responses without a value', () => [page('p2'), '--responses'], /^Option --responses needs a value\./],
    ['a sidecar with an undeclared endpoint', () => [page('p3', [{ ...good[0], endpoint: 'goods-detail' }])], /would not deliver these responses/],
  ])('exits 1 with a clear message for %s', async (_name, args, message) => {
    const result = await extract(...args());
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
  });
});
