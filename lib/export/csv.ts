/**
 * CSV reading and writing (RFC 4180) for imports and exports that operators open in Excel.
 *
 * Writing: fields with a comma, quote, line break or edge spaces are quoted, quotes doubled,
 * rows end in CRLF, and a UTF-8 byte-order mark is added by default so Excel reads Chinese
 * correctly. Text that Excel would run as a formula (=, +, -, @ at the start) is prefixed with
 * an apostrophe unless it is a plain number: titles and shop names come from hostile pages.
 *
 * Reading: a leading BOM is dropped; LF, CRLF and CR line ends are accepted; a quote inside an
 * unquoted field is kept as text (hand-made files do that). A broken row (text after a
 * closing quote, or a quoted field never closed) is reported with its line number and skipped,
 * and reading goes on with the next line, so one bad row never loses the others.
 */

export const BOM = '\ufeff';

export interface CsvError {
  /** 1-based line where the broken row starts. */
  line: number;
  message: { zh: string; en: string };
}

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  fields: string[];
}

export interface CsvParseResult {
  rows: CsvRow[];
  errors: CsvError[];
}

type RowResult = { fields: string[]; next: number } | { error: CsvError['message']; next: number };

/** Index just after the end of the line containing `from` (or text.length). */
function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') return i + 1;
    if (char === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return text.length;
}

function readRow(text: string, start: number): RowResult {
  const fields: string[] = [];
  let i = start;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) {
          return { error: { zh: '引号没有闭合', en: 'a quoted field is never closed' }, next: nextLineStart(text, start) };
        }
        const char = text[i]!;
        if (char === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += char;
        i++;
      }
      const after = text[i];
      if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') {
        return { error: { zh: '闭合引号后还有字符', en: 'text follows a closing quote' }, next: nextLineStart(text, i) };
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    }
    fields.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1;
    else if (text[i] === '\n') i++;
    return { fields, next: i };
  }
}

function lineAt(text: string, index: number, from: { index: number; line: number }): number {
  let line = from.line;
  for (let i = from.index; i < index; i++) {
    const char = text[i];
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
  }
  return line;
}

export function parseCsv(input: string): CsvParseResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  const errors: CsvError[] = [];
  let position = 0;
  let cursor = { index: 0, line: 1 };
  while (position < text.length) {
    const line = lineAt(text, position, cursor);
    cursor = { index: position, line };
    const result = readRow(text, position);
    if ('error' in result) errors.push({ line, message: result.error });
    else if (!(result.fields.length === 1 && result.fields[0] === '')) rows.push({ line, fields: result.fields });
    position = result.next;
  }
  return { rows, errors };
}

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte-order mark (default true: Excel needs it for Chinese). */
  bom?: boolean;
  /** Prefix formula-like text with an apostrophe (default true). */
  guardFormulas?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function csvField(value: CsvValue, guardFormulas = true): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (guardFormulas && typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvWriteOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const body = rows.map((row) => row.map((value) => csvField(value, guard)).join(',')).join('\r\n');
  return (options.bom ?? true ? BOM : '') + (rows.length ? `${body}\r\n` : '');
}
