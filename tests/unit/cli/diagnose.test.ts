/** `npm run shoplens -- diagnose <captures.json>`, called through main() with a recording io. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../../lib/capture/schema';
import type { CliIo } from '../../../lib/cli/command';
import { main } from '../../../lib/cli/main';
import type { Finding } from '../../../lib/diagnostics/types';
import { capture, isoDay, reading } from '../diagnostics/helpers';

const dir = mkdtempSync(join(tmpdir(), 'shoplens-diagnose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(content: unknown): string {
  const path = join(dir, `captures-${files++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await main(['diagnose', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function findingsOf(captures: unknown): Promise<Finding[]> {
  const result = await run(file(captures));
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  const parsed = JSON.parse(result.out) as { findings: Finding[] };
  expect(Object.keys(parsed)).toEqual(['findings']);
  return parsed.findings;
}

/** Yesterday's dashboard as captured the morning after `day`. */
function dayCapture(day: string, visitors: number, extra: Partial<Capture> = {}): Capture {
  return capture({
    capturedAt: `${isoDay(day, 1)}T01:00:00.000Z`,
    period: { label: '昨日', start: day, end: day },
    metrics: [reading('visitors', visitors)],
    ...extra,
  });
}

const STABLE = [1000, 1010, 990, 1005, 995, 1000, 1012, 988, 1003, 997, 1001, 999, 1008, 992];
/** Two stable weeks ending 2026-11-20, then 2026-11-21 at 400 visitors. */
function twoWeeksThenDrop(): Capture[] {
  const days = STABLE.map((value, i) => dayCapture(isoDay('2026-11-20', i - (STABLE.length - 1)), value));
  return [...days, dayCapture('2026-11-21', 400)];
}

describe('diagnose', () => {
  it('gives a conversion far below its peer value a warning with that peer value as evidence', async () => {
    const findings = await findingsOf([
      capture({ metrics: [reading('conversionRate', 0.012, { peers: [{ label: '同行均值', value: 0.035 }] })] }),
    ]);
    const conversion = findings.find((f) => f.metric === 'conversionRate');
    expect(conversion).toMatchObject({ kind: 'peer', severity: 'warning', value: 0.012, reference: 0.035 });
    expect(conversion?.evidence.reference).toMatchObject({ label: { zh: '同行均值' }, source: 'page-peer' });
    expect(conversion?.message.zh).toContain('同行均值 3.50%');
  });

  it('builds the history from the captures themselves: a 60 % drop after two stable weeks is an anomaly', async () => {
    const findings = await findingsOf(twoWeeksThenDrop());
    const anomaly = findings.find((f) => f.kind === 'anomaly' && f.metric === 'visitors');
    expect(anomaly).toMatchObject({ value: 400 });
    expect(['warning', 'critical']).toContain(anomaly?.severity);
    expect(anomaly?.reference).toBeCloseTo(1000, -1);
  });

  it('diagnoses the latest capture whatever the order of the file', async () => {
    const shuffled = twoWeeksThenDrop().reverse();
    const findings = await findingsOf(shuffled);
    expect(findings.filter((f) => f.kind === 'anomaly').map((f) => f.value)).toEqual([400]);
  });

  it('calls nothing unusual on the latest capture alone', async () => {
    const findings = await findingsOf(twoWeeksThenDrop().slice(-1));
    expect(findings.filter((f) => f.kind === 'anomaly')).toEqual([]);
  });

  it('keeps one shop’s history together when some pages show only its name', async () => {
    // The history pages named the shop by id; the latest by name only.
    const captures = twoWeeksThenDrop().map((c, i, all) => (i === all.length - 1 ? { ...c, shop: { name: '某某旗舰店' } } : c));
    const findings = await findingsOf(captures);
    expect(findings.some((f) => f.kind === 'anomaly' && f.metric === 'visitors')).toBe(true);
  });

  it('diagnoses the latest capture of each page, most severe first', async () => {
    const overview = capture({
      url: 'https://sycm.taobao.com/bda/tradinganaly/overview/overview.htm',
      metrics: [reading('refundRate', 0.4, { label: '退款率' })],
    });
    const findings = await findingsOf([...twoWeeksThenDrop(), overview]);
    expect(findings.some((f) => f.kind === 'anomaly')).toBe(true);
    expect(findings.some((f) => f.metric === 'refundRate')).toBe(true);
    const order = { critical: 0, warning: 1, info: 2, good: 3 };
    const ranks = findings.map((f) => order[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('prints an empty list when there is nothing to say', async () => {
    expect(await findingsOf([capture({ metrics: [reading('visitors', 1000)] })])).toEqual([]);
  });

  it('reads what `extract` prints, wrapped in an array', async () => {
    const extracted = JSON.parse(readFileSync(join(__dirname, '../../fixtures/taobao/sycm-home-cards.expected.json'), 'utf8')) as Capture;
    const findings = await findingsOf([extracted]);
    expect(findings.map((f) => f.metric)).toContain('conversionRate');
  });
});

describe('bad input', () => {
  it.each([
    { case: 'not JSON', content: '[{"platform": "taobao",', message: /is not JSON/ },
    { case: 'an object, not an array', content: { captures: [] }, message: /Expected a JSON array of captures.*got object/ },
    { case: 'an empty array', content: [], message: /no captures/ },
    { case: 'a number', content: '42', message: /got number/ },
  ])('$case → exit 2', async ({ content, message }) => {
    const result = await run(file(content));
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
  });

  it('a single capture, not in an array → exit 2 with a hint', async () => {
    const result = await run(file(capture()));
    expect(result.code).toBe(2);
    expect(result.err).toContain('wrap it in [ ]');
  });

  it.each([
    { case: 'a figure as text', broken: (c: Capture) => ({ ...c, metrics: [{ ...reading('visitors', 1), value: '1,000' }] }), where: 'metrics.0.value' },
    { case: 'an unknown platform', broken: (c: Capture) => ({ ...c, platform: 'amazon' }), where: 'platform' },
    { case: 'no capture time', broken: (c: Capture) => ({ ...c, capturedAt: undefined }), where: 'capturedAt' },
  ])('a record with $case → exit 2 naming the record and the field', async ({ broken, where }) => {
    const good = capture({ metrics: [reading('visitors', 1000)] });
    const result = await run(file([good, good, broken(good)]));
    expect(result.code).toBe(2);
    expect(result.err).toContain('Record 2 is not a valid capture');
    expect(result.err).toContain(where);
  });

  it.each([
    { case: 'two shop ids', other: { shop: { id: '2002', name: '某某旗舰店' } } },
    { case: 'two shop names, no ids', other: { shop: { name: '另一家店' } }, first: { shop: { name: '某某旗舰店' } } },
    { case: 'two platforms', other: { platform: 'jd' as const, url: 'https://sz.jd.com/', shop: { id: '1001' } } },
    {
      case: 'a listing of another seller',
      other: {
        pageKind: 'listing' as const,
        url: 'https://item.taobao.com/item.htm?id=555',
        period: null,
        shop: undefined,
        listing: { itemId: '555', title: '别家的杯子', shop: { name: '别家店' } },
      },
      first: { shop: { name: '某某旗舰店' } },
    },
  ])('captures of $case → exit 2 naming both', async ({ other, first }) => {
    const a = capture({ ...first, metrics: [reading('visitors', 1000)] });
    const b = capture({ ...other, metrics: [reading('visitors', 10)] });
    const result = await run(file([a, b]));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/more than one shop: .*\(record 0\) and .*\(record 1\)/);
  });

  it.each([
    { case: 'no file', args: [] as string[], message: /No captures file given/ },
    { case: 'two files', args: ['a.json', 'b.json'], message: /One captures file at a time/ },
    { case: 'an unknown option', args: ['--shop', 'x'], message: /Unknown option --shop/ },
    { case: 'a missing file', args: [join(dir, 'nope.json')], message: /No such file/ },
  ])('$case → exit 1', async ({ args, message }) => {
    const result = await run(...args);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
  });

  it('is listed in the help', async () => {
    const out: string[] = [];
    await main(['--help'], { out: (t) => out.push(t), err: () => undefined });
    expect(out.join('\n')).toMatch(/diagnose\s+Diagnose captures of one shop/);
  });
});
