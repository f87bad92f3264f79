/**
 * Phrase matching shared by the audit and token roles.
 *
 * Titles are compared in a normal form of the same length as the original, so every index
 * found points into the title as written: full-width ASCII (ＮＯ．１) becomes half-width and
 * ASCII letters become lower case. A phrase that starts or ends with a Latin letter or digit
 * only matches at a word edge, so TOP1 does not match inside TOP10 and best not inside
 * Bestway.
 */

/** Same length as `text`: full-width ASCII → ASCII, ASCII upper → lower. */
export function matchForm(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0).toLowerCase();
    else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
    else out += text[i];
  }
  return out;
}

const ALNUM = /[a-z0-9]/;

function isAlnum(char: string | undefined): boolean {
  return char !== undefined && ALNUM.test(char);
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Every occurrence of `phrase` in `form` (a text already in matchForm), left to right,
 * non-overlapping, respecting Latin word edges.
 */
export function findAll(form: string, phrase: string): Span[] {
  const needle = matchForm(phrase);
  if (!needle) return [];
  const latinStart = isAlnum(needle[0]);
  const latinEnd = isAlnum(needle[needle.length - 1]);
  const spans: Span[] = [];
  let from = 0;
  while (from <= form.length - needle.length) {
    const start = form.indexOf(needle, from);
    if (start < 0) break;
    const end = start + needle.length;
    const edgeOk = (!latinStart || !isAlnum(form[start - 1])) && (!latinEnd || !isAlnum(form[end]));
    if (edgeOk) {
      spans.push({ start, end });
      from = end;
    } else {
      from = start + 1;
    }
  }
  return spans;
}

/** True when `inner` lies wholly inside one of `outer`. */
export function insideAny(inner: Span, outer: readonly Span[]): boolean {
  return outer.some((span) => span.start <= inner.start && inner.end <= span.end);
}

/**
 * Keeps the longest of overlapping candidates: sorted by start, then length (longest first);
 * a candidate wholly inside one already kept is dropped. Partly overlapping ones both stay
 * (史上最低价 holds 史上最 and 最低价, two different problems).
 */
export function dropContained<T extends Span>(spans: readonly T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const span of sorted) {
    if (!insideAny(span, kept)) kept.push(span);
  }
  return kept;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One regular expression finding any of `phrases` in a match-form text, longest phrase first
 * at each position, with the same Latin word-edge rule as findAll. Faster than findAll per
 * phrase when the list is long and only non-overlapping spans are wanted.
 */
export function phraseRegExp(phrases: readonly string[]): RegExp | null {
  const forms = [...new Set(phrases.map((phrase) => matchForm(phrase.trim())).filter(Boolean))];
  if (forms.length === 0) return null;
  forms.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const alternatives = forms.map((form) => {
    const head = isAlnum(form[0]) ? '(?<![a-z0-9])' : '';
    const tail = isAlnum(form[form.length - 1]) ? '(?![a-z0-9])' : '';
    return head + escapeRegExp(form) + tail;
  });
  return new RegExp(alternatives.join('|'), 'g');
}

/** Non-overlapping spans of a phraseRegExp in a match-form text. */
export function spansOf(form: string, pattern: RegExp | null): Span[] {
  if (!pattern) return [];
  return [...form.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
