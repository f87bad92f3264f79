/** `npm run shoplens -- scorecard`, called through main() with a recording io. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../../lib/capture/schema';
import type { CliIo } from '../../../lib/cli/command';
import { EXIT_NOT_LISTING } from '../../../lib/cli/commands/scorecard';
import { main } from '../../../lib/cli/main';
import { CHECK_IDS } from '../../../lib/scorecard/weights';

const dir = mkdtempSync(join(tmpdir(), 'shoplens-scorecard-'));
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
  const code = await main(['scorecard', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const BAIT_FIXTURE = join(__dirname, '../../fixtures/taobao/listing-tmall-bait.html');
const ICE_FIXTURE = join(__dirname, '../../fixtures/taobao/listing-tmall-ice.html');

type Output = {
  url: string;
  adapter: { id: string };
  platform: string;
  itemId: string;
  score: number | null;
  checks: { id: string; status: string; weight: number; points: number | null; detail: { zh: string; en: string }; fix?: { zh: string; en: string } }[];
  peers: { basis: unknown; listings: number } | null;
};

const statuses = (output: Output) => Object.fromEntries(output.checks.map((c) => [c.id, c.status]));

function searchCapture(results: Capture['results']): Capture {
  return {
    platform: 'taobao',
    pageKind: 'search',
    url: 'https://s.taobao.com/search?q=%E5%9B%9B%E4%BB%B6%E5%A5%97',
    capturedAt: '2026-11-21T00:00:00.000Z',
    adapter: { id: 'taobao/search', version: 1 },
    period: null,
    metrics: [],
    listing: null,
    results,
    issues: [],
  };
}

describe('scorecard', () => {
  it('prints the scorecard of a saved listing page as JSON: every check, bait price and refused returns failed', async () => {
    const result = await run(BAIT_FIXTURE);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const output = JSON.parse(result.out) as Output;
    expect(output).toMatchObject({ url: 'https://detail.tmall.com/item.htm?id=690055443322', adapter: { id: 'taobao/listing' }, platform: 'taobao', itemId: '690055443322', peers: null });
    expect(output.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(statuses(output)).toEqual({
      title: 'fail', // 顶级
      images: 'warn', // 3 main images
      video: 'fail', // an empty video list
      skuCount: 'pass',
      skuPrice: 'fail', // 9.9 起 while most SKUs cost 229
      attributes: 'unchecked',
      shipping: 'fail', // 15 days
      returns: 'fail', // 不支持7天无理由退货
      promotions: 'unchecked',
      sales: 'unchecked', // no peers given
      reviews: 'unchecked',
      serviceScores: 'fail', // 宝贝描述 低
    });
    for (const check of output.checks) {
      if (check.status === 'fail' || check.status === 'warn') expect(check.fix?.zh && check.fix.en).toBeTruthy();
      if (check.status === 'unchecked') expect(check.points).toBeNull();
    }
    const checked = output.checks.filter((c) => c.points !== null);
    expect(output.score).toBe(Math.round((100 * checked.reduce((s, c) => s + c.points!, 0)) / checked.reduce((s, c) => s + c.weight, 0)));
  });

  it('compares sales and reviews with the listings of the same searches given with --peers, skipping broken entries', async () => {
    const peers = file(
      'peers.json',
      JSON.stringify([
        searchCapture([
          { rank: 1, title: '珊瑚绒四件套 A', price: null, itemId: 'a', sales: { value: 5000, bound: 'atLeast' }, reviews: { value: 900, bound: 'exact' } },
          { rank: 2, title: '顶级加厚珊瑚绒四件套冬季保暖床单被套床上用品', price: null, itemId: '690055443322' },
          { rank: 3, title: '珊瑚绒四件套 B', price: null, itemId: 'b', sales: { value: 200, bound: 'exact' }, reviews: { value: 40, bound: 'exact' } },
          { rank: 4, title: '珊瑚绒四件套 C', price: null, itemId: 'c', sales: { value: 800, bound: 'exact' }, reviews: { value: 60, bound: 'exact' } },
        ]),
        { platform: 'nowhere' },
      ]),
    );
    const result = await run('--peers', peers, BAIT_FIXTURE);
    expect(result.code).toBe(0);
    expect(result.err).toContain('peers entry 2 is not a valid capture');
    const output = JSON.parse(result.out) as Output;
    expect(output.peers).toEqual({ basis: { kind: 'keyword', keywords: ['四件套'] }, listings: 3 });
    // 300+ sold against a median of 800: between a third and the median.
    expect(statuses(output).sales).toBe('warn');
    // 86 reviews against a median of 60.
    expect(statuses(output).reviews).toBe('pass');
  });

  it('scores a good listing page well', async () => {
    const output = JSON.parse((await run(ICE_FIXTURE)).out) as Output;
    expect(statuses(output)).toMatchObject({ title: 'pass', images: 'pass', skuPrice: 'pass', attributes: 'pass', shipping: 'pass', returns: 'pass', promotions: 'pass' });
    expect(output.score).toBeGreaterThanOrEqual(80);
  });

  it.each([
    ['no page file', [], 1, 'No page file given'],
    ['a missing file', [join(dir, 'missing.html')], 1, 'File not found'],
    ['a bad address', ['--url', 'not a url', BAIT_FIXTURE], 1, 'Not a valid URL'],
    ['an unknown option', ['--colour', 'red', BAIT_FIXTURE], 1, 'Bad arguments'],
    ['a peers file that is not JSON', ['--peers', file('bad.json', '{oops'), BAIT_FIXTURE], 1, 'is not JSON'],
    ['a peers file that does not exist', ['--peers', join(dir, 'none.json'), BAIT_FIXTURE], 1, 'file not found'],
  ])('%s → exit %d with a clear message', async (_name, args, code, message) => {
    const result = await run(...args);
    expect(result.code).toBe(code);
    expect(result.out).toBe('');
    expect(result.err).toContain(message);
  });

  it('refuses pages that are not listings, and pages no adapter reads', async () => {
    const dashboard = await run('--url', 'https://sycm.taobao.com/portal/home.htm', file('sycm.html', '<html><body>访客数 100</body></html>'));
    expect(dashboard.code).toBe(EXIT_NOT_LISTING);
    expect(dashboard.err).toContain('not a listing page');
    const unknown = await run('--url', 'https://example.com/item', file('other.html', '<p>x</p>'));
    expect(unknown.code).toBe(2);
  });
});
