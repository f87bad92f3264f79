import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { parseSales } from '../../../lib/cli/commands/suggest';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'shoplens-suggest-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return path;
}

const competitors = file(
  'competitors.txt',
  [
    '# wide-leg trousers, title<TAB>sales',
    '冰丝阔腿裤女夏季薄款高腰垂感直筒休闲裤\t1.2万+',
    '阔腿裤女夏季冰丝薄款垂感宽松直筒拖地裤\t8000',
    '高腰阔腿裤女夏季薄款冰丝垂感宽松休闲裤\t5000人付款',
    '',
    '雪纺阔腿裤女夏季高腰宽松显瘦裤子\t300',
    '阔腿裤女夏季棉麻宽松九分裤显瘦\tabc',
    '西装裤女夏季高腰阔腿裤直筒显瘦',
  ].join('\n'),
);

describe('suggest', () => {
  it('prints suggestions and rewrites as JSON', async () => {
    const { code, out, err } = await run('suggest', '--platform', 'taobao', '--title', '夏季阔腿裤女 百搭', '--competitors', competitors);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.platform).toBe('taobao');
    expect(json.competitors).toBe(6);
    expect(json.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of json.suggestions) {
      expect(suggestion).toEqual(expect.objectContaining({ keyword: expect.any(String), score: expect.any(Number), reason: { zh: expect.any(String), en: expect.any(String) } }));
    }
    expect(json.suggestions[0].score).toBe(100);
    expect(json.missing.map((m: { keyword: string }) => m.keyword)).toContain('冰丝');
    expect(Array.isArray(json.rewrites)).toBe(true);
    expect(json.rewrites.length).toBeGreaterThan(0);
    expect(json.rewrites.length).toBeLessThanOrEqual(3);
    for (const rewrite of json.rewrites) expect(rewrite.length).toBeLessThanOrEqual(60);
    // The unreadable sales figure is reported, the title still used.
    expect(err).toMatch(/line 7: sales "abc" is not a number; treated as unknown/);
  });

  it('limits the list with --top and honours --limit', async () => {
    const { out } = await run('suggest', '--platform', 'jd', '--title', '阔腿裤女', '--competitors', competitors, '--top', '3', '--limit', '20');
    const json = JSON.parse(out);
    expect(json.suggestions).toHaveLength(3);
    for (const rewrite of json.rewrites) expect(rewrite.length).toBeLessThanOrEqual(20);
  });

  it.each([
    ['1.2万+', 12000],
    ['10万+', 100000],
    ['7261人付款', 7261],
    ['月销 3000', 3000],
    ['已售2.5万件', 25000],
    ['abc', null],
    ['-5', null],
    ['5%', null],
    ['¥30', null],
  ])('reads sales %j as %s', (text, sales) => {
    expect(parseSales(text)).toBe(sales);
  });

  it.each([
    [['suggest', '--platform', 'taobao', '--competitors', competitors], /Missing --title/],
    [['suggest', '--platform', 'taobao', '--title', ' ', '--competitors', competitors], /The title is empty/],
    [['suggest', '--platform', 'taobao', '--title', '阔腿裤'], /Missing --competitors/],
    [['suggest', '--platform', 'ebay', '--title', '阔腿裤', '--competitors', competitors], /Unknown platform "ebay"/],
    [['suggest', '--platform', 'taobao', '--title', '阔腿裤', '--competitors', join(dir, 'missing.txt')], /competitor titles file not found/],
    [['suggest', '--platform', 'taobao', '--title', '阔腿裤', '--competitors', file('blank.txt', '\n# only a comment\n')], /holds no competitor titles/],
    [['suggest', '--platform', 'taobao', '--title', '阔腿裤', '--competitors', competitors, 'extra'], /Unexpected arguments/],
  ])('rejects %j with a clear message', async (args, message) => {
    const { code, err } = await run(...args);
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });
});
