/**
 * One pass over a page's text, shared by every search for short texts during a capture.
 *
 * The finder and the section helpers look for elements whose whole visible text is a label, a
 * section title or a period line. Asking every element of a 10,000-element dashboard for its
 * text (textContent, then visibleText) costs ~100× a plain walk over the text nodes. But such an
 * element is made of text nodes that are themselves short pieces of that text, so one TreeWalker
 * pass over the text nodes finds the few candidates, and only their ancestors are looked at.
 * Searches that use this give exactly the results of looking at every element (the fixture and
 * fuzz suites hold them to it); they only skip elements that cannot match.
 *
 * `withTextScan(doc, read)` keeps one scan per document tree for the length of `read` (an
 * adapter's detect and extract, synchronous, during which the DOM does not change), and with it
 * the per-element readings other code asks for again and again (`memoised`: visible text, raw
 * length, hiddenness; `oncePerScan`: a reading both detect and extract make). Outside it, each
 * search scans afresh and each reading is computed: same results, no cache to go stale.
 *
 * Content-script code: no dependencies.
 */

/** A text node with words or a date (WORTH_KEEPING), no longer than MAX_SHORT after trimming (or with a colon early on). */
export interface TextPiece {
  node: Text;
  /** The node's text, trimmed, whitespace runs as single spaces. */
  text: string;
}

/** Longer text nodes are never a whole label, title or period line (their elements' limit is 200). */
const MAX_SHORT = 200;
/** `访客数：1,234 较昨日…` in one node, however long: a colon after at most 30 characters (and spaces). */
const EARLY_COLON = /^.{1,30}?\s*[:：]/s;

/**
 * A node worth keeping has a character other than whitespace, digits and figure punctuation, or
 * a date (`2026-11-21`). Every text searched for (labels, titles, period prefixes, calls to
 * action, date ranges) has such a node, and the thousands of bare figures in a table are left
 * out before any string is made of them.
 */
const WORTH_KEEPING = /[^\s\d.,，%％+＋\-−¥￥~～—–/|｜()（）]|\d{4}[-/.]\d/;

interface Scan {
  pieces: TextPiece[];
  /** Answers per question and word list (label pieces per platform, title pieces per title list …). */
  derived: Map<string, Map<unknown, TextPiece[]>>;
}

let active: { doc: Document; scans: Map<Node, Scan>; memos: Map<unknown, Map<Node, unknown>> } | null = null;

/** Runs `read` with one text scan per document tree kept for its duration. */
export function withTextScan<T>(doc: Document, read: () => T): T {
  const outer = active;
  if (outer?.doc === doc) return read();
  active = { doc, scans: new Map(), memos: new Map() };
  try {
    return read();
  } finally {
    active = outer;
  }
}

/**
 * `compute()` for `node`, remembered for the rest of the scan's read (the DOM does not change
 * during it): for pure readings of a node asked for many times (its visible text, its raw length,
 * a dashboard read by both detect and extract). `table` names the reading: a string, or a stable
 * object such as the word list the reading depends on.
 * Outside withTextScan, or for another document's node, computed every time.
 */
export function memoised<T>(table: unknown, node: Node, compute: () => T): T {
  const scope = active;
  if (!scope || (node.ownerDocument ?? node) !== scope.doc) return compute();
  let memo = scope.memos.get(table);
  if (!memo) scope.memos.set(table, (memo = new Map()));
  const known = memo.get(node);
  if (known !== undefined || memo.has(node)) return known as T;
  const value = compute();
  memo.set(node, value);
  return value;
}

/**
 * `read` computed once per document and address during a scan: adapters whose detect runs the
 * same reading as extract (`has a price or a sales count`) wrap that reading with this, so a
 * capture reads the page once. Outside a scan it simply reads.
 */
export function oncePerScan<R>(read: (doc: Document, url: URL) => R): (doc: Document, url: URL) => R {
  const table = { oncePerScan: read.name };
  return (doc, url) => {
    const known = memoised(table, doc, () => ({ href: url.href, value: read(doc, url) }));
    return known.href === url.href ? known.value : read(doc, url);
  };
}

function scanOf(treeRoot: Node): Scan {
  const cached = active?.scans.get(treeRoot);
  if (cached) return cached;
  const scan: Scan = { pieces: collectPieces(treeRoot), derived: new Map() };
  if (active && (treeRoot === active.doc || treeRoot.ownerDocument === active.doc)) active.scans.set(treeRoot, scan);
  return scan;
}

function collectPieces(treeRoot: Node): TextPiece[] {
  const doc = treeRoot.ownerDocument ?? (treeRoot as Document);
  const walker = doc.createTreeWalker(treeRoot, 4 /* NodeFilter.SHOW_TEXT */);
  const pieces: TextPiece[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.nodeValue;
    if (!value || !WORTH_KEEPING.test(value)) continue;
    let text = value.trim();
    if (text.length === 0) continue;
    if (text.length > MAX_SHORT && !EARLY_COLON.test(text)) continue;
    if (/\s\s|[\t\n\r\f\v\u00a0\u3000]/.test(text)) text = text.replace(/\s+/g, ' ');
    pieces.push({ node, text });
  }
  return pieces;
}

/**
 * The short text pieces inside `root` (any node: document, element, detached subtree), in
 * document order, passing `keep`. `question` and `words` name what `keep` asks (`'label'` and the
 * platform's label pieces), so its answer over the whole tree is worked out once per scan: pass
 * a fixed name and a stable object (a word list's array or set).
 */
export function textPiecesIn(root: Node, question: string, words: object, keep: (piece: TextPiece) => boolean): TextPiece[] {
  const treeRoot = root.getRootNode();
  const scan = scanOf(treeRoot);
  let answers = scan.derived.get(question);
  if (!answers) scan.derived.set(question, (answers = new Map()));
  let kept = answers.get(words);
  if (!kept) {
    kept = scan.pieces.filter(keep);
    answers.set(words, kept);
  }
  if (root === treeRoot) return kept;
  return kept.filter((piece) => root.contains(piece.node));
}

/**
 * The elements above `piece` up to `root` (excluded), outermost first, whose raw text
 * (textContent) is at most `maxRaw` long. Raw length only grows going up, so the walk stops at
 * the first longer one: everything above it is longer too.
 */
export function shortAncestors(piece: TextPiece, root: Node, maxRaw: number): Element[] {
  const chain: Element[] = [];
  for (let el = piece.node.parentElement; el && el !== root; el = el.parentElement) {
    if (rawLengthUpTo(el, maxRaw) > maxRaw) break;
    chain.push(el);
  }
  return chain.reverse();
}

/**
 * `el.textContent.length`, counted only up to `limit` (anything longer reads as `limit + 1`):
 * asking a large container for its whole textContent just to learn it is long would cost as
 * much as the scan itself.
 */
export function rawLengthUpTo(el: Element, limit: number): number {
  return Math.min(cappedLength(el, Math.max(limit, MAX_SHORT)), limit + 1);
}

/** One memo table per cap (a few fixed limits are used), named without building a string per call. */
const lengthTables = new Map<number, object>();

/** Raw length up to `cap`, from the children's (remembered during a scan, so a pass over every element stays linear). */
function cappedLength(el: Element, cap: number): number {
  let table = lengthTables.get(cap);
  if (!table) lengthTables.set(cap, (table = { rawLengthCap: cap }));
  return memoised(table, el, () => {
    let total = 0;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 || child.nodeType === 4) total += (child as CharacterData).data.length;
      else if (child.nodeType === 1) total += cappedLength(child as Element, cap);
      if (total > cap) return cap + 1;
    }
    return total;
  });
}

/**
 * The distinct elements above the pieces `keep` passes (see textPiecesIn) up to `root`, whose raw
 * text is at most `maxRaw` long: outermost first, in document order, the order an
 * element-by-element search meets them in.
 */
export function shortElementsAbove(root: Node, question: string, words: object, keep: (piece: TextPiece) => boolean, maxRaw: number): Element[] {
  const seen = new Set<Element>();
  const elements: Element[] = [];
  for (const piece of textPiecesIn(root, question, words, keep)) {
    for (const el of shortAncestors(piece, root, maxRaw)) {
      if (seen.has(el)) continue;
      seen.add(el);
      elements.push(el);
    }
  }
  return elements;
}

/** Every substring of every word, for "could this node be a piece of one of these words". */
export function substringsOf(words: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const word of words) {
    for (let start = 0; start < word.length; start++) {
      for (let end = start + 1; end <= word.length; end++) set.add(word.slice(start, end));
    }
  }
  return set;
}
