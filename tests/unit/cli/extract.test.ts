/** `npm run shoplens -- extract`, called through main() with a recording io. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureSchema } from '../../../lib/capture/schema';
import type { CliIo } from '../../../lib/cli/command';
import { main } from '../../../lib/cli/main';
import { FIXTURE_ROOT } from '../../../lib/cli/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'shoplens-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await main(['extract', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ITEM_URL = 'https://item.taobao.com/item.htm?id=55501';
const page = file('page.html', '<html><head><title>青花瓷茶杯-淘宝网</title></head><body><h1>青花瓷茶杯</h1><div>¥ 88</div></body></html>');
const fragment = file('fragment.html', '<h1>青花瓷茶杯</h1><div><span>¥</span><span>88</span></div>');
const withHeader = file(
  'with-header.html',
  `<!-- shoplens-fixture url="${ITEM_URL}" -->\n<html><body><h1>青花瓷茶杯</h1><div>¥ 88</div></body></html>`,
);
const notRendered = file('loading.html', '<html><body><p>加载中…</p></body></html>');

describe('extract', () => {
  it('prints the capture of a saved page and exits 0', async () => {
    const result = await run('--url', ITEM_URL, '--at', '2026-11-22T08:00:00Z', page);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const capture = JSON.parse(result.out);
    expect(captureSchema.safeParse(capture).success).toBe(true);
    expect(capture).toMatchObject({
      platform: 'taobao',
      pageKind: 'listing',
      url: ITEM_URL,
      capturedAt: '2026-11-22T08:00:00.000Z',
      adapter: { id: 'taobao/listing' },
      listing: { itemId: '55501', title: '青花瓷茶杯', price: { min: 88, kind: 'shown' } },
    });
  });

  it('reads a fragment without <html>, options in any order, --opt=value form', async () => {
    const result = await run(fragment, `--url=${ITEM_URL}`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).listing.price).toEqual({ min: 88, kind: 'shown' });
  });

  it('uses now as capturedAt when --at is not given', async () => {
    const before = Date.now();
    const result = await run('--url', ITEM_URL, page);
    const at = Date.parse(JSON.parse(result.out).capturedAt);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('takes the address from a fixture header when --url is left out', async () => {
    const result = await run(withHeader);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).url).toBe(ITEM_URL);
  });

  it('reads a project fixture', async () => {
    const result = await run('--at', '2026-11-22T00:00:00.000Z', join(FIXTURE_ROOT, 'taobao/listing-taobao-dom.html'));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).listing.itemId).toBe('712345678901');
  });

  it('exits 2 when no adapter reads the address', async () => {
    const result = await run('--url', 'https://www.example.com/item.htm?id=1', page);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^No adapter reads https:\/\/www\.example\.com\//);
  });

  it('exits 3 when the adapter does not recognise the page', async () => {
    const result = await run('--url', ITEM_URL, notRendered);
    expect(result.code).toBe(3);
    expect(result.out).toBe('');
    expect(result.err).toContain('taobao/listing did not recognise the page');
  });

  const unreadable = join(dir, 'unreadable.html');
  writeFileSync(unreadable, '<h1>x</h1>');
  chmodSync(unreadable, 0o000);
  const runningAsRoot = process.getuid?.() === 0;

  it.each([
    ['no file', ['--url', ITEM_URL], /^No page file given\./],
    ['two files', ['--url', ITEM_URL, page, fragment], /^One page file at a time/],
    ['a missing file', ['--url', ITEM_URL, join(dir, 'nope.html')], /^File not found: /],
    ['a directory', ['--url', ITEM_URL, dir], /^Cannot read .*: not a regular file\.$/],
    ['no --url and no header', [page], /^No page address for .*: pass --url/],
    ['--url without a value', [page, '--url'], /^Option --url needs a value\./],
    ['a bad URL', ['--url', 'not a url', page], /^Not a valid URL: "not a url"\.$/],
    ['a non-web URL', ['--url', 'file:///tmp/item.htm?id=1', page], /^Not a web page address/],
    ['a bad --at', ['--url', ITEM_URL, '--at', 'yesterday', page], /^--at must be an ISO time/],
    ['a date-only --at', ['--url', ITEM_URL, '--at', '2026-11-22', page], /^--at must be an ISO time/],
    ['an unknown option', ['--url', ITEM_URL, '--verbose', page], /^Unknown option --verbose\./],
  ])('exits 1 with one clear line for %s', async (_case, args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
    expect(result.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.skipIf(runningAsRoot)('exits 1 for a file it may not read', async () => {
    const result = await run('--url', ITEM_URL, unreadable);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Cannot read .*EACCES/);
  });

  it('prints its usage with --help', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('extract --url');
  });
});
