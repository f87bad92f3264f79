import { describe, expect, it } from 'vitest';
import { BOM, csvField, parseCsv, toCsv } from '../../../lib/export/csv';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['连衣裙', '连衣裙'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [12.5, '12.5'],
    [-3, '-3'],
    [true, 'true'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+86 138', "'+86 138"],
    ['-5%', "'-5%"],
    ['@cmd', "'@cmd"],
    ['-12.5', '-12.5'], // a plain number stays a number
  ] as const)('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('can leave formulas alone', () => {
    expect(csvField('=1+1', false)).toBe('=1+1');
  });
});

describe('toCsv / parseCsv', () => {
  it('writes a BOM and CRLF rows', () => {
    expect(toCsv([['标题', 'n'], ['连衣裙', 1]])).toBe(`${BOM}标题,n\r\n连衣裙,1\r\n`);
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
    expect(toCsv([])).toBe(BOM);
  });

  it('round-trips awkward fields', () => {
    const rows = [
      ['标题', '备注', '空'],
      ['连衣裙,女', 'say "hi"', ''],
      ['two\r\nlines', ' edge ', 'x'],
      ['😀𠀋', '"', ','],
    ];
    const parsed = parseCsv(toCsv(rows, { guardFormulas: false }));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.fields)).toEqual(rows);
    expect(parsed.rows.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it.each([
    ['a,b\nc,d', [['a', 'b'], ['c', 'd']]],
    ['a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['a,b\rc,d', [['a', 'b'], ['c', 'd']]],
    [`${BOM}a\n\n\nb\n`, [['a'], ['b']]], // BOM dropped, blank lines skipped
    ['a,,\n', [['a', '', '']]],
    ['say "hi",x', [['say "hi"', 'x']]], // a quote inside an unquoted field is text
  ])('parses %j', (text, rows) => {
    const parsed = parseCsv(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.fields)).toEqual(rows);
  });

  it('reports a broken row by line and keeps reading', () => {
    const parsed = parseCsv('h1,h2\n"ok",1\n"bad"x,2\nfine,3\n"never closed,4\nafter,5\n');
    expect(parsed.errors.map((e) => e.line)).toEqual([3, 5]);
    expect(parsed.errors[0]!.message.en).toContain('closing quote');
    expect(parsed.errors[1]!.message.zh).toContain('引号');
    expect(parsed.rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['h1', 'h2']],
      [2, ['ok', '1']],
      [4, ['fine', '3']],
      [6, ['after', '5']],
    ]);
  });
});
