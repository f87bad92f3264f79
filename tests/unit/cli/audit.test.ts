import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { BOM, parseCsv } from '../../../lib/export/csv';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

async function run(...args: string[]) {
  const { io, out, err } = capture();
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'shoplens-audit-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return path;
}

describe('audit one title', () => {
  it('prints JSON with the documented shape', async () => {
    const { code, out } = await run('audit', '--platform', 'taobao', '--json', '国家级品质连衣裙女 😀');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['platform', 'title', 'length', 'limit', 'overLimit', 'findings', 'tokens']));
    expect(json).toMatchObject({ platform: 'taobao', title: '国家级品质连衣裙女 😀', length: 21, limit: 60, overLimit: false });
    expect(json.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'word.absolute', severity: 'error', word: '国家级', start: 0 }),
        expect.objectContaining({ rule: 'structure.symbol', severity: 'error', word: '😀' }),
      ]),
    );
    expect(json.findings[0].message).toEqual({ zh: expect.stringContaining('国家级'), en: expect.stringContaining('国家级') });
    expect(json.tokens).toEqual(expect.arrayContaining([{ text: '连衣裙', role: 'product' }]));
  });

  it('prints readable text in both languages without --json', async () => {
    const { code, out } = await run('audit', '--platform', 'jd', '顶级连衣裙');
    expect(code).toBe(0);
    expect(out).toContain('顶级');
    expect(out).toContain('《广告法》第九条第三项');
    expect(out).toContain('Advertising Law art. 9(3)');
    expect(out).toContain('10/50');
  });

  it.each([
    ['tmall', 'taobao'],
    ['PDD', 'pinduoduo'],
    ['抖音', 'douyin'],
    ['京东', 'jd'],
  ])('accepts the platform name %s', async (name, platform) => {
    const { code, out } = await run('audit', '--platform', name, '--json', '连衣裙');
    expect(code).toBe(0);
    expect(JSON.parse(out).platform).toBe(platform);
  });

  it('applies --limit, --brands, --own-brands and --words', async () => {
    const { out } = await run('audit', '--platform', 'taobao', '--json', '--limit', '10', '--brands', '耐克,阿迪', '--own-brands', '蕉下', '--words', '爆款', '蕉下耐克爆款运动鞋');
    const json = JSON.parse(out);
    expect(json.limit).toBe(10);
    expect(json.overLimit).toBe(true);
    const rules = json.findings.map((f: { rule: string; word?: string }) => `${f.rule}:${f.word ?? ''}`);
    expect(rules).toEqual(expect.arrayContaining(['word.brand:耐克', 'word.user:爆款']));
    expect(rules.some((r: string) => r.includes('蕉下'))).toBe(false);
    expect(json.tokens).toEqual(expect.arrayContaining([{ text: '蕉下', role: 'brand' }]));
  });

  it.each([
    [['audit', '连衣裙'], /--platform/],
    [['audit', '--platform', 'amazon', '连衣裙'], /Unknown platform "amazon"/],
    [['audit', '--platform', 'taobao', ''], /The title is empty/],
    [['audit', '--platform', 'taobao', '   '], /The title is empty/],
    [['audit', '--platform', 'taobao'], /No title given/],
    [['audit', '--platform', 'taobao', '连衣裙', '女'], /One title at a time/],
    [['audit', '--platform', 'taobao', '--limit', 'abc', '连衣裙'], /--limit/],
    [['audit', '--platform', 'taobao', '--bogus', '连衣裙'], /Bad arguments/],
    [['audit', '--platform', 'taobao', '--file', '/nonexistent/titles.csv'], /file not found: \/nonexistent\/titles.csv/],
  ])('rejects %j with a clear message', async (args, message) => {
    const { code, err, out } = await run(...args);
    expect(code).toBe(1);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(out).toBe('');
  });
});

describe('audit a CSV file', () => {
  it('keeps the input columns, adds the audit, reports broken rows and goes on', async () => {
    const path = file(
      'titles.csv',
      [
        '商品ID,标题,价格',
        '1001,顶级连衣裙女夏季,99',
        '1002,"冰丝阔腿裤女,夏季 薄款",59',
        '1003,"broken"x,1',
        '1004,,10',
        '1005,韩版卫衣',
        '1006,"=HYPERLINK(""x"")",5',
      ].join('\n'),
    );
    const { code, out, err } = await run('audit', '--platform', 'taobao', '--file', path);
    expect(code).toBe(1);
    expect(out.startsWith(BOM)).toBe(true);
    expect(err).toMatch(/line 4: text follows a closing quote; skipped/);
    expect(err).toMatch(/第 4 行/);
    expect(err).toMatch(/line 5: the title is empty/);
    expect(err).toMatch(/line 6 has 2 fields, the header 3/);

    const { rows, errors } = parseCsv(out);
    expect(errors).toEqual([]);
    const [header, ...body] = rows.map((r) => r.fields);
    expect(header!.slice(0, 3)).toEqual(['商品ID', '标题', '价格']);
    expect(header).toContain('长度 length');
    expect(body.map((r) => r[0])).toEqual(['1001', '1002', '1004', '1005', '1006']);
    const col = (name: string) => header!.indexOf(name);
    const first = body[0]!;
    expect(first[col('长度 length')]).toBe('16');
    expect(first[col('禁用 errors')]).toBe('1');
    expect(first[col('问题 findings (中文)')]).toContain('顶级');
    expect(first[col('findings (English)')]).toContain('absolute term');
    expect(body[1]![1]).toBe('冰丝阔腿裤女,夏季 薄款');
    expect(body[1]![col('分词 tokens')]).toContain('阔腿裤/product');
    expect(body[2]![col('问题 findings (中文)')]).toContain('标题是空的');
    expect(body[3]![2]).toBe(''); // short row padded
    // Formula-like input is defused on the way out.
    expect(body[4]![1]).toBe('\'=HYPERLINK("x")');
  });

  it('uses the first column when no header says 标题 or title', async () => {
    const path = file('no-title-header.csv', 'name,sku\n顶级连衣裙,1\n韩版卫衣,2\n');
    const { code, out } = await run('audit', '--platform', 'jd', '--file', path);
    expect(code).toBe(0);
    const [header, first] = parseCsv(out).rows.map((r) => r.fields);
    expect(first![header!.indexOf('长度 length')]).toBe('10');
    expect(first![header!.indexOf('上限 limit')]).toBe('50');
  });

  it('finds a Title header in any case and writes to --out', async () => {
    const path = file('title-header.csv', 'id,Title\n1,连衣裙\n');
    const outPath = join(dir, 'audited.csv');
    const { code, out, err } = await run('audit', '--platform', 'taobao', '--file', path, '--out', outPath);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain(outPath);
    const written = readFileSync(outPath, 'utf8');
    expect(written.startsWith(BOM)).toBe(true);
    const [header, row] = parseCsv(written).rows.map((r) => r.fields);
    expect(row![header!.indexOf('长度 length')]).toBe('6');
  });

  it('refuses a file and a title together, and an empty file', async () => {
    expect((await run('audit', '--platform', 'taobao', '--file', file('x.csv', 'title\n'), '连衣裙')).err).toMatch(/either --file or a title/);
    const empty = await run('audit', '--platform', 'taobao', '--file', file('empty.csv', ''));
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/no readable rows/);
  });
});
