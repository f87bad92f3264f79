/**
 * The text a person sees in an element, read from the DOM alone (jsdom and content scripts
 * alike: no layout, no innerText).
 *
 * - script/style/template/noscript/svg/canvas and hidden subtrees (`hidden`, `aria-hidden="true"`,
 *   inline `display:none` / `visibility:hidden`) are skipped;
 * - inline elements join without a space, so a price split over spans
 *   (`<span>¥</span><span>4</span><span>.92</span>`) reads `¥4.92`;
 * - block elements (div, p, li, td …) and <br> separate their text, so two cards never fuse
 *   into one number;
 * - whitespace is collapsed to single spaces.
 *
 * `textStream` is the lower-level walk the finder uses: it starts after a node, stops at the
 * first node a predicate marks, keeps block breaks as `\n`, and can turn trend icons (an empty
 * element whose aria-label, title or class says up/down) into ↑ / ↓.
 */

import { memoised } from './text-scan';

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE', 'META', 'LINK']);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'HTML',
  'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'OPTION', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function styleOf(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase();
}

/** Hidden by markup alone: `hidden`, `aria-hidden="true"`, inline display:none / visibility:hidden. */
export function isHiddenElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = styleOf(el);
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/.test(style)) return true;
  return false;
}

/** True when the element or one of its ancestors (up to, not including, `stop`) is hidden. */
export function isHiddenInTree(el: Element, stop?: Node | null): boolean {
  if (stop === undefined || stop === null) return hiddenUpToRoot(el);
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    if (isHiddenElement(node)) return true;
  }
  return false;
}

const HIDDEN_IN_TREE = { memo: 'hidden-in-tree' };

/** Hidden itself or through an ancestor; remembered per element during a capture (./text-scan.ts), so asking every element stays linear. */
function hiddenUpToRoot(el: Element): boolean {
  return memoised(HIDDEN_IN_TREE, el, () => isHiddenElement(el) || (el.parentElement !== null && hiddenUpToRoot(el.parentElement)));
}

function isBlock(el: Element): boolean {
  if (BLOCK_TAGS.has(el.tagName.toUpperCase())) return true;
  const display = /(?:^|;)\s*display\s*:\s*([a-z-]+)/.exec(styleOf(el))?.[1];
  return display !== undefined && display !== 'inline' && display !== 'contents';
}

const UP_TOKENS = new Set(['up', 'rise', 'rising', 'increase', 'ascend', 'arrowup', 'caretup', 'raise', 'upward']);
const DOWN_TOKENS = new Set(['down', 'fall', 'falling', 'decrease', 'descend', 'drop', 'arrowdown', 'caretdown', 'downward']);

/**
 * ↑ / ↓ for a trend icon: an element without text whose aria-label, title, alt or class names a
 * direction (`anticon-caret-up`, `aria-label="arrow-down"`, `trend_up__x1`). Null otherwise.
 */
export function trendIconDirection(el: Element): '↑' | '↓' | null {
  if ((el.textContent ?? '').trim() !== '') return null;
  const words = ['aria-label', 'title', 'alt', 'class', 'data-icon', 'type']
    .map((name) => el.getAttribute(name) ?? '')
    .join(' ');
  if (/上升|上涨|增长|提升/.test(words)) return '↑';
  if (/下降|下跌|减少|降低/.test(words)) return '↓';
  const tokens = words.toLowerCase().split(/[\s_\-:.]+/).filter(Boolean);
  const up = tokens.some((token) => UP_TOKENS.has(token));
  const down = tokens.some((token) => DOWN_TOKENS.has(token));
  if (up === down) return null;
  return up ? '↑' : '↓';
}

export interface TextStreamOptions {
  /** Start after this node (and its subtree); from the start of `root` when absent. */
  after?: Node;
  /** Stop before the first element this returns true for (its text is not included). */
  stopAt?: (el: Element) => boolean;
  /** Emit ↑ / ↓ for trend icons (see trendIconDirection). */
  arrows?: boolean;
  /**
   * Turns a text node's characters into what the page draws (digits drawn with an obfuscating web
   * font, decoded from the font: lib/capture/fonts/font-text.ts); `parent` is the node's element.
   */
  decodeText?: (text: string, parent: Element | null) => string;
}

export interface TextStream {
  /** The text, block breaks as `\n`, other whitespace collapsed to single spaces. */
  text: string;
  /** True when the walk ended at a `stopAt` element rather than the end of the root. */
  stopped: boolean;
}

/** The visible text of `root` (optionally after a node, up to a stop), keeping block breaks as `\n`. */
export function textStream(root: Node, options: TextStreamOptions = {}): TextStream {
  const parts: string[] = [];
  let started = !options.after;
  let stopped = false;

  const visit = (node: Node): void => {
    if (stopped) return;
    if (node === options.after) {
      started = true;
      // The start point's own text is not read; a block start point still ends its line.
      if (node.nodeType === ELEMENT_NODE && isBlock(node as Element)) parts.push('\n');
      return;
    }
    if (node.nodeType === TEXT_NODE) {
      if (started) parts.push(options.decodeText ? options.decodeText(node.nodeValue ?? '', node.parentElement) : (node.nodeValue ?? ''));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    if (node !== root) {
      if (isHiddenElement(el)) return;
      if (started && options.stopAt?.(el)) {
        stopped = true;
        return;
      }
    }
    if (options.arrows && started && node !== root) {
      const arrow = trendIconDirection(el);
      if (arrow) {
        parts.push(` ${arrow} `);
        return;
      }
    }
    // Inline elements join without a space; blocks are set apart by line breaks.
    const block = node !== root && isBlock(el);
    if (block && started) parts.push('\n');
    for (let child = el.firstChild; child && !stopped; child = child.nextSibling) visit(child);
    if (block && started) parts.push('\n');
  };
  visit(root);
  return { text: collapse(parts.join('')), stopped };
}

/**
 * Collapses runs of whitespace: any run holding a line break becomes one `\n`, others one space.
 * A leading line break is kept: it says the text starts on a new line after the start point.
 */
function collapse(text: string): string {
  return text
    .replace(/[ \t\r\f\v\u00a0\u3000]+/g, ' ')
    .replace(/ *\n\s*/g, '\n')
    .replace(/^ +| +$/g, '')
    .replace(/\n$/, '');
}

/** The visible text of an element on one line: whitespace (and block breaks) collapsed to single spaces. */
export function visibleText(el: Node, options: Omit<TextStreamOptions, 'after' | 'stopAt'> = {}): string {
  // Arrows or decoded digits change the text: such readings are not the remembered plain text.
  if (options.arrows || options.decodeText) return textStream(el, options).text.replace(/\s+/g, ' ').trim();
  // Searches ask for the same elements' text many times during one capture (./text-scan.ts).
  return memoised(VISIBLE_TEXT, el, () => plainVisibleText(el));
}

const VISIBLE_TEXT = { memo: 'visible-text' };

/** An element whose raw text (textContent) is short, with that length and its visible text. */
export interface ShortText {
  el: Element;
  /** textContent length. */
  raw: number;
  /** visibleText(el). */
  text: string;
}

/**
 * Every element below `root` whose raw text is at most `maxRaw` long, in document order, with
 * its visible text: what `visibleText` gives for each, built bottom-up in one walk (a parent's
 * text from its children's) instead of one walk per element. For adapters that look at every
 * short text of a page several times (listing pages). Inside a capture (./text-scan.ts) the texts
 * are also remembered for later visibleText calls.
 */
export function shortTexts(root: Element, maxRaw: number): ShortText[] {
  const out: Array<ShortText | null> = [];
  /** Raw length, at most maxRaw + 1; `out[slot]` filled when short. Returns the raw stream too. */
  const visit = (el: Element): { raw: number; stream: string | null } => {
    const slot = el === root ? -1 : out.push(null) - 1;
    let raw = 0;
    let short = true;
    const parts: string[] = [];
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child.nodeType === 4) {
        const data = (child as CharacterData).data;
        raw += data.length;
        if (short) parts.push(data);
      } else if (child.nodeType === ELEMENT_NODE) {
        const inner = visit(child as Element);
        raw += inner.raw;
        if (inner.stream === null) short = false;
        else if (short && raw <= maxRaw) {
          // As textStream reads a child: hidden ones give nothing, blocks are set apart.
          const childEl = child as Element;
          if (!isHiddenElement(childEl)) parts.push(isBlock(childEl) ? ` ${inner.stream} ` : inner.stream);
        }
      }
      if (raw > maxRaw) short = false;
    }
    if (!short) return { raw: Math.min(raw, maxRaw + 1), stream: null };
    const stream = parts.join('');
    if (slot >= 0) {
      const text = stream.replace(/\s+/g, ' ').trim();
      out[slot] = { el, raw, text };
      memoised(VISIBLE_TEXT, el, () => text);
    }
    return { raw, stream };
  };
  visit(root);
  return out.filter((entry): entry is ShortText => entry !== null);
}

function plainVisibleText(node: Node): string {
  if (node.nodeType === ELEMENT_NODE) {
    // Most elements hold nothing or one text node: their text without a walk (an element is
    // never checked for hiddenness itself, only its descendants are).
    const first = node.firstChild;
    if (!first) return '';
    if (first === node.lastChild && first.nodeType === TEXT_NODE) return (first.nodeValue ?? '').replace(/\s+/g, ' ').trim();
  }
  return textStream(node).text.replace(/\s+/g, ' ').trim();
}

/**
 * The text directly inside an element (its own text nodes, not its children's), all whitespace
 * removed: `<dt>宝贝描述<span>?</span></dt>` → `宝贝描述`. Labels and headings are matched on it.
 */
export function ownText(el: Element): string {
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) text += child.nodeValue ?? '';
  }
  return text.replace(/[\s\u3000]+/g, '');
}
