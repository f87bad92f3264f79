/**
 * Reading JSON that a page embeds in its inline scripts (`window.__ICE_APP_CONTEXT__ = …`,
 * `window.rawData = …`) without running any page code: the script TEXT is scanned for
 * balanced `{…}` spans and each candidate is handed to JSON.parse, never to eval.
 *
 * Content-script code: no zod here (see the house rules); callers check the shape they use
 * with the small readers in ./json-reader.ts.
 */

/** Scripts longer than this are not scanned: a hostile page must not stall the content script. */
export const MAX_SCRIPT_CHARS = 4_000_000;
/** At most this many candidate objects are handed to JSON.parse per script. */
const MAX_PARSE_ATTEMPTS = 50;

/** Text of every inline (src-less) script whose text contains `marker`. */
export function inlineScriptTexts(doc: Document, marker: string): string[] {
  const texts: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    if (script.hasAttribute('src')) continue;
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS || !text.includes(marker)) continue;
    texts.push(text);
  }
  return texts;
}

/** Index just past the string literal that opens at `start` (a quote character), or -1. */
function skipString(source: string, start: number): number {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === quote) return i + 1;
    // A line break ends an unterminated '…' or "…" literal; template literals may span lines.
    if (ch === '\n' && quote !== '`') return -1;
  }
  return -1;
}

/**
 * Every balanced `{…}` outside string literals, as [open, close] index pairs sorted by `open`.
 * One pass with a stack, so unbalanced input costs no more than balanced input.
 */
function braceSpans(source: string): Array<[number, number]> {
  // detect and extract, and each marker looked for, scan the same scripts: the last few answers are kept.
  const known = spanCache.get(source);
  if (known) return known;
  const spans = scanBraceSpans(source);
  spanCache.set(source, spans);
  if (spanCache.size > SPAN_CACHE_SIZE) spanCache.delete(spanCache.keys().next().value!);
  return spans;
}

const SPAN_CACHE_SIZE = 4;
const spanCache = new Map<string, Array<[number, number]>>();

function scanBraceSpans(source: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const stack: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = skipString(source, i);
      if (end < 0) continue; // a stray quote: read on as code
      i = end - 1;
    } else if (ch === '{') {
      stack.push(i);
    } else if (ch === '}') {
      const open = stack.pop();
      if (open !== undefined) spans.push([open, i]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Sorted start positions of `marker` in `source`. */
function positionsOf(source: string, marker: string): number[] {
  const positions: number[] = [];
  for (let at = source.indexOf(marker); at >= 0; at = source.indexOf(marker, at + 1)) positions.push(at);
  return positions;
}

/** True when some marker occurrence lies wholly inside [open, close]. */
function holdsMarker(positions: number[], markerLength: number, open: number, close: number): boolean {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((positions[mid] as number) < open) low = mid + 1;
    else high = mid;
  }
  const first = positions[low];
  return first !== undefined && first + markerLength - 1 <= close;
}

/**
 * The first JSON object in `source` (JavaScript text) that contains `marker` and that
 * `accept` turns into a value. Objects are tried outermost first; an object that does not
 * parse as JSON (a JavaScript literal with unquoted keys) is searched inside.
 */
export function findJsonObject<T>(
  source: string,
  marker: string,
  accept: (value: unknown) => T | undefined,
): T | undefined {
  if (source.length > MAX_SCRIPT_CHARS) return undefined;
  const positions = positionsOf(source, marker);
  if (positions.length === 0) return undefined;
  let attempts = 0;
  for (const [open, close] of braceSpans(source)) {
    if (!holdsMarker(positions, marker.length, open, close)) continue;
    if (++attempts > MAX_PARSE_ATTEMPTS) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(source.slice(open, close + 1));
    } catch {
      continue; // Not JSON (JavaScript object syntax): the objects inside it come next.
    }
    const accepted = accept(parsed);
    if (accepted !== undefined) return accepted;
  }
  return undefined;
}

/** `findJsonObject` over every inline script containing `scriptMarker`, first hit wins. */
export function findEmbeddedJson<T>(
  doc: Document,
  scriptMarker: string,
  objectMarker: string,
  accept: (value: unknown) => T | undefined,
): T | undefined {
  for (const text of inlineScriptTexts(doc, scriptMarker)) {
    const found = findJsonObject(text, objectMarker, accept);
    if (found !== undefined) return found;
  }
  return undefined;
}
