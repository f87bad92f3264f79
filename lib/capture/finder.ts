/**
 * The label→value finder: reads "metric label beside its figure" from a rendered backend page,
 * by text and structure only (class names are hashed and change with every release).
 *
 * How a value is found for a label element L (an element whose whole visible text is a metric
 * label of the platform, lib/metrics):
 * - Header row of a table (`<th>访客数</th><th>浏览量</th>` above one row of values, also when
 *   header and body are separate <table>s): the cell in the same column of the single data row.
 *   A table with several data rows is a per-item table: findMetrics leaves it (see readTableRows).
 * - Otherwise (cards, dl/dt/dd, `label：value` rows, two-column tables): the text that follows
 *   L inside the smallest ancestor where anything follows it, up to the next label. That text is
 *   tokenised: the first figure is the shop's value; a figure after a comparison word
 *   (较前一日, 环比 …) is the change; a figure after a peer word (同行均值, 同行标杆值 …) is a peer
 *   value. Figures after any other text are ignored, so `成交订单数 3 较昨日 25.00% 同行标杆值9`
 *   reads 3 and can never read 9.
 *
 * What is refused, on purpose:
 * - labels inside navigation, menus, tooltips, form controls, links that lead elsewhere and
 *   hidden subtrees: they are not figures and are not reported missing either;
 * - a label followed by words (help text `访客数是指…`): not a figure, not reported. Only up to
 *   two short words on the label's own line (a 趋势 link) may stand before a value on the next line;
 * - `-`, `--`, `暂无数据`: an issue "shown as '-' (no data)", never 0;
 * - digits drawn with an obfuscating web font (private-use code points U+E000–U+F8FF, PDD 数据中心):
 *   an issue "unreadable", never a number;
 * - a figure that does not fit the metric's unit (a % for money, 3.5 people): an issue;
 * - two figures side by side with nothing saying which is the shop's: an issue;
 * - one metric shown twice with different values: neither is kept, an issue says why.
 * Values shown before their label (big number above a small caption) are not read, and a label
 * with figures before it in its block never looks further up (it would find the next card's).
 *
 * Scope is the caller's job: pass only the page's data sections as roots (promotions with
 * `支付金额 2500+` look exactly like cards). Content scripts use this module: type imports only.
 */
import type { CaptureIssue, MetricReading, Platform } from './schema';
import type { MetricDefinition } from '../metrics/definitions';
import { labelIndex, metricDefinition, metricForLabel, normaliseLabel } from '../metrics';
import { matchWordAt } from './comparison-words';
import { normaliseDigits, parseChange, parseDuration, parseFigure, unitMismatch, type Figure } from './numbers';
import { isHiddenElement, isHiddenInTree, textStream, visibleText } from './text';
import { memoised, shortAncestors, substringsOf, textPiecesIn } from './text-scan';

export interface FindOptions {
  /** Subtrees to leave out besides the built-in ones (navigation, menus, tooltips …). */
  ignore?: (el: Element) => boolean;
  /**
   * Labels one page adds to the platform's, label → metric id: column headers that name a metric
   * only in that page's tables (价格, 库存 in a product list), never on every page of the platform.
   */
  extraLabels?: Readonly<Record<string, string>>;
  /** How many ancestors above a label the value may sit; 6 unless told. */
  maxDepth?: number;
  /**
   * Reads values as the page draws them: digits drawn with an obfuscating web font, decoded from
   * the page's own font (lib/capture/fonts/font-text.ts). Without it they stay unreadable.
   */
  decodeText?: (text: string, parent: Element | null) => string;
}

export interface FindResult {
  metrics: MetricReading[];
  issues: CaptureIssue[];
}

// ---------------------------------------------------------------------------------------------
// Labels

/** A metric label found in the page. */
interface LabelHit {
  /** The element whose visible text is the label (outermost such element). */
  el: Element;
  def: MetricDefinition;
  /** The label as the page wrote it (decorations removed). */
  label: string;
  /** Unit written beside the label: `支付金额(万元)`. */
  hint?: UnitHint;
  /** For `访客数：1,234` in one text: the text after the colon. */
  inlineRest?: string;
}

type UnitHint = '万' | '%' | '元' | 'count' | 'minutes' | 'seconds';

const HELP_MARKS = /[?？ⓘ❓]+$/;
const UNIT_HINT = /[(（]\s*(万元|万|元|%|人|个|件|笔|单|次|分钟|秒)\s*[)）]$/;

interface LabelMatch {
  def: MetricDefinition;
  label: string;
  hint?: UnitHint;
}

function hintOf(word: string): UnitHint {
  if (word === '万' || word === '万元') return '万';
  if (word === '%') return '%';
  if (word === '元') return '元';
  // `直播时长(分钟)` in exports and tables: the figure is minutes, stored as seconds.
  if (word === '分钟') return 'minutes';
  if (word === '秒') return 'seconds';
  return 'count';
}

/** The metric a short text names, after removing a trailing colon, help mark or unit hint. */
export function matchMetricLabel(text: string, platform: Platform, extraLabels?: Readonly<Record<string, string>>): LabelMatch | null {
  let label = normaliseDigits(text).replace(/\s+/g, ' ').trim();
  if (!label || label.length > 30) return null;
  label = label.replace(/[:：]\s*$/, '').replace(HELP_MARKS, '').trim();
  const lookup = (candidate: string): MetricDefinition | undefined => {
    const found = metricForLabel(platform, candidate);
    if (found || !extraLabels) return found;
    const key = Object.keys(extraLabels).find((extra) => normaliseLabel(extra) === normaliseLabel(candidate));
    return key === undefined ? undefined : metricDefinition(extraLabels[key]!);
  };
  const direct = lookup(label);
  if (direct) return { def: direct, label };
  const unit = UNIT_HINT.exec(label);
  if (unit) {
    const bare = label.slice(0, unit.index).trim();
    const def = lookup(bare);
    if (def) return { def, label: bare, hint: hintOf(unit[1]!) };
  }
  return null;
}

/** Where text is never a figure: navigation, menus, tabs, tooltips, controls, outbound links. */
const NOT_DATA_ROLES = new Set(['navigation', 'menu', 'menubar', 'menuitem', 'tooltip', 'tree', 'treeitem', 'option', 'listbox']);
const NOT_DATA_TAGS = new Set(['NAV', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'LABEL']);

function isOutboundLink(el: Element): boolean {
  if (el.tagName.toUpperCase() !== 'A') return false;
  const href = (el.getAttribute('href') ?? '').trim();
  return href !== '' && href !== '#' && !/^javascript:/i.test(href);
}

function isNotDataContainer(el: Element): boolean {
  if (NOT_DATA_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  if (role && NOT_DATA_ROLES.has(role)) return true;
  return isOutboundLink(el);
}

function isExcluded(el: Element, root: Node | null, options: FindOptions): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (isHiddenElement(node) || isNotDataContainer(node) || options.ignore?.(node)) return true;
    if (node === root) break;
  }
  return false;
}

/**
 * True when text in `el` can never be a figure: it is hidden, or inside navigation, a menu, a
 * tooltip, a form control or a link that leads elsewhere (checked up to the document root).
 */
export function isOutsideData(el: Element): boolean {
  return isExcluded(el, null, {});
}

/** First direct text of an element (for `访客数：1,234` written in one text node). */
function leadingText(el: Element): string {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const value = (child.nodeValue ?? '').trim();
      if (value) return value;
    } else if (child.nodeType === 1) {
      return '';
    }
  }
  return '';
}

const INLINE_PAIR = /^(.{1,30}?)\s*[:：]\s*(.*)$/s;

/** What may trail a label in its own text: colon, help marks, a unit hint (`访客数(人)：ⓘ`). */
const LABEL_DECORATIONS = /(?:[\s?？ⓘ❓:：]|[(（]\s*(?:万元|万|元|%|人|个|件|笔|单|次|分钟|秒)\s*[)）])+$/;
/** INLINE_PAIR's label part: a colon after at most 30 characters (and spaces). */
const LEADING_PAIR = /^(.{1,30}?)\s*[:：]/s;
const COLON = /[:：]/;
/** What normaliseLabel(normaliseDigits(…)) changes; most page text has none of it. */
const NEEDS_LABEL_NORMALISING = /[\s\u3000a-z（）\uff01-\uff5e\uffe5\u2212]/;
/** The last character of any LABEL_DECORATIONS match. */
const DECORATION_END = /[\s?？ⓘ❓:：)）]$/;

const labelPieceCache = new Map<Platform, Set<string>>();
const extraLabelPieceCache = new WeakMap<Readonly<Record<string, string>>, Map<Platform, Set<string>>>();

/** Every piece a label's text node may hold (split labels: `<b>访客</b><b>数</b>`), normalised. */
function labelPieces(platform: Platform, extraLabels?: Readonly<Record<string, string>>): Set<string> {
  if (!extraLabels) {
    let pieces = labelPieceCache.get(platform);
    if (!pieces) labelPieceCache.set(platform, (pieces = substringsOf(labelIndex(platform).keys())));
    return pieces;
  }
  let byPlatform = extraLabelPieceCache.get(extraLabels);
  if (!byPlatform) extraLabelPieceCache.set(extraLabels, (byPlatform = new Map()));
  let pieces = byPlatform.get(platform);
  if (!pieces) byPlatform.set(platform, (pieces = substringsOf([...labelIndex(platform).keys(), ...Object.keys(extraLabels).map(normaliseLabel)])));
  return pieces;
}

const firstCharCache = new WeakMap<Set<string>, Set<string>>();

/** Every character of every label, as the page may write it (a piece starts and ends with one). */
function pieceStarts(pieces: Set<string>): Set<string> {
  let starts = firstCharCache.get(pieces);
  if (!starts) {
    starts = new Set();
    // Each character as normaliseLabel(normaliseDigits(…)) leaves it, and the forms it comes from
    // (lower case, full width, full-width brackets), so the page's character is looked up as is.
    for (const piece of pieces) {
      if (piece.length !== 1) continue;
      starts.add(piece);
      starts.add(piece.toLowerCase());
      const code = piece.charCodeAt(0);
      if (code >= 0x21 && code <= 0x7e) {
        starts.add(String.fromCharCode(code + 0xfee0));
        starts.add(String.fromCharCode(piece.toLowerCase().charCodeAt(0) + 0xfee0));
      }
    }
    firstCharCache.set(pieces, starts);
  }
  return starts;
}

function isLabelPiece(text: string, pieces: Set<string>): boolean {
  // Cheap test first: normalising keeps the first character first (decorations only trail).
  const chars = pieceStarts(pieces);
  if (!chars.has(text.charAt(0))) return false;
  // And with its last character, unless that may be a decoration (`访客数 ⓘ`, `支付金额(元)`).
  const last = text.charAt(text.length - 1);
  if (!DECORATION_END.test(last) && !chars.has(last)) return false;
  let bare = NEEDS_LABEL_NORMALISING.test(text) ? normaliseLabel(normaliseDigits(text)) : text;
  if (DECORATION_END.test(bare)) bare = bare.replace(LABEL_DECORATIONS, '');
  return bare !== '' && pieces.has(bare);
}

/**
 * A text node that can be part of a label element's text, or the leading `访客数：` of an inline
 * pair. Every visible text node of an element whose text is a label passes, so looking only
 * above these nodes finds every label an element-by-element search would.
 */
function mayHoldLabel(text: string, pieces: Set<string>): boolean {
  if (text.length <= 80 && isLabelPiece(text, pieces)) return true;
  if (!COLON.test(text)) return false;
  const pair = LEADING_PAIR.exec(text);
  return pair !== null && isLabelPiece(pair[1]!, pieces);
}

function findLabels(root: ParentNode, platform: Platform, options: FindOptions): LabelHit[] {
  const hits: LabelHit[] = [];
  const taken = new Set<Element>();
  const seen = new Set<Element>();
  const within = (el: Element) => {
    for (let node = el.parentElement; node; node = node.parentElement) if (taken.has(node)) return true;
    return false;
  };
  const pieces = labelPieces(platform, options.extraLabels);
  const visit = (el: Element, short: boolean) => {
    if (within(el)) return;
    if (short) {
      const text = visibleText(el);
      // The same elements are asked about for every root a caller tries (sectionAround climbs).
      const match = memoised(pieces, el, () => matchMetricLabel(text, platform, options.extraLabels));
      if (match) {
        if (isExcluded(el, root as Node, options)) return;
        // `<div><a href="/flow">访客数</a></div>`: the label is a link inside a plain wrapper.
        if (memoised('label-in-link', el, () => Array.from(el.querySelectorAll('*')).some((inner) => isNotDataContainer(inner) && visibleText(inner) === text))) {
          taken.add(el);
          return;
        }
        hits.push({ el, ...match });
        taken.add(el);
        return;
      }
    }
    // `访客数：1,234` in one element's own leading text.
    const lead = leadingText(el);
    const pair = INLINE_PAIR.exec(normaliseDigits(lead));
    if (pair) {
      const match = matchMetricLabel(pair[1]!, platform, options.extraLabels);
      if (match && !isExcluded(el, root as Node, options)) {
        const full = normaliseDigits(textStream(el, { arrows: true, decodeText: options.decodeText }).text);
        const colon = full.search(/[:：]/);
        hits.push({ el, ...match, inlineRest: full.slice(colon + 1) });
        taken.add(el);
      }
    }
  };
  // Only elements above a text node that may hold a label can be one (see mayHoldLabel), in
  // document order, outermost first: the order an element-by-element search takes them in.
  for (const piece of textPiecesIn(root as Node, 'label', pieces, (p) => mayHoldLabel(p.text, pieces))) {
    const chain = shortAncestors(piece, root as Node, 80);
    for (const el of chain) {
      if (seen.has(el)) continue;
      seen.add(el);
      visit(el, true);
    }
    // Above 80 characters only an inline pair can start an element: its leading text node's parent.
    const parent = piece.node.parentElement;
    if (parent && parent !== root && !seen.has(parent)) {
      seen.add(parent);
      visit(parent, false);
    }
  }
  return hits;
}

/**
 * The elements in `root` that the finder takes for metric labels (navigation, menus, tooltips
 * and hidden text left out). Adapters use it to find where a data section ends.
 */
export function metricLabelElements(root: ParentNode, platform: Platform, options: FindOptions = {}): Element[] {
  return findLabels(root, platform, options).map((hit) => hit.el);
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { type: 'figure'; text: string; figure: Figure; line: number }
  | { type: 'dash'; text: string; line: number }
  | { type: 'basis' | 'peer'; word: string; line: number }
  | { type: 'arrow'; dir: 1 | -1; line: number }
  | { type: 'text'; text: string; line: number }
  // Text holding private-use code points (U+E000–U+F8FF): digits drawn with an obfuscating web
  // font (PDD 数据中心). The characters mean nothing without the font: never a figure, never 0.
  | { type: 'obfuscated'; text: string; line: number };

/** Private-use code points, which obfuscating fonts map to digits. */
export const PRIVATE_USE = /[\uE000-\uF8FF]/;

const NUM = '\\d[\\d,]*(?:\\.\\d+)?';
const MULT = '(?:千万|百万|万|亿|[wWkK千](?![a-zA-Z]))';
// Whitespace only inside optional parts, so a match never ends in a space (the boundary check
// after a figure must see the next real character).
const SIDE_SRC = `[+-]?(?:¥\\s*)?[+-]?${NUM}(?:\\s*${MULT})?(?:\\s*%)?\\+?(?:\\s*(?:元|人|件|笔|单|个|次|秒|位))?`;
const SINGLE_TOKEN = new RegExp(SIDE_SRC, 'y');
const RANGE_TOKEN = new RegExp(`${SIDE_SRC}\\s*(?:~|至|-)\\s*${SIDE_SRC}`, 'y');
const DASH_TOKEN = /(?:暂无数据|暂无|--|—+|-|–|N\/A)/y;
// `1分4秒`, `2小时3分`, `1.07分钟`, `00:01:04`: durations (人均观看时长), read as seconds by parseDuration.
const DURATION_TOKEN = /(?:\d{1,3}:)?\d{1,2}:\d{2}|(?:\d+(?:\.\d+)?\s*(?:小时|时|分钟|分|秒钟|秒)\s*)+/y;
const ARROW_WORDS: ReadonlyArray<[string, 1 | -1]> = [
  ['↑', 1], ['▲', 1], ['⬆', 1], ['上升', 1], ['上涨', 1], ['增长', 1],
  ['↓', -1], ['▼', -1], ['⬇', -1], ['下降', -1], ['下跌', -1], ['减少', -1],
];
const PUNCTUATION = /[\s,，。;；|｜)）/、]/;

function atBoundary(text: string, index: number): boolean {
  if (index >= text.length) return true;
  const char = text[index]!;
  if (PUNCTUATION.test(char)) return true;
  if (matchWordAt(text, index)) return true;
  return ARROW_WORDS.some(([word]) => text.startsWith(word, index));
}

function startsFigure(text: string, index: number): boolean {
  return /[\d¥]/.test(text[index]!) || (/[+-]/.test(text[index]!) && /[\d¥]/.test(text[index + 1] ?? ''));
}

/** Splits stream text into figures, no-data marks, comparison and peer words, arrows and other text. */
export function tokenise(input: string): Token[] {
  const text = normaliseDigits(input);
  const tokens: Token[] = [];
  let line = 0;
  let i = 0;
  let word = '';
  const flushWord = () => {
    if (word) tokens.push(PRIVATE_USE.test(word) ? { type: 'obfuscated', text: word, line } : { type: 'text', text: word, line });
    word = '';
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\n') {
      flushWord();
      line++;
      i++;
      continue;
    }
    if (/\s/.test(char)) {
      flushWord();
      i++;
      continue;
    }
    if (!word) {
      const keyword = matchWordAt(text, i);
      if (keyword) {
        tokens.push({ type: keyword.kind, word: keyword.word, line });
        i += keyword.word.length;
        continue;
      }
      const arrow = ARROW_WORDS.find(([w]) => text.startsWith(w, i));
      if (arrow) {
        tokens.push({ type: 'arrow', dir: arrow[1], line });
        i += arrow[0].length;
        continue;
      }
      if (startsFigure(text, i)) {
        const figureToken = readFigureAt(text, i);
        if (figureToken) {
          tokens.push({ type: 'figure', text: figureToken.text, figure: figureToken.figure, line });
          i = figureToken.end;
          continue;
        }
      }
      DASH_TOKEN.lastIndex = i;
      const dash = DASH_TOKEN.exec(text);
      if (dash && atBoundary(text, i + dash[0].length)) {
        tokens.push({ type: 'dash', text: dash[0], line });
        i += dash[0].length;
        continue;
      }
    } else if (matchWordAt(text, i) || (startsFigure(text, i) && !/[\d.,:/~-]/.test(word.at(-1) ?? '') && !LOST_GLYPHS.test(word))) {
      // `同行标杆值9`, `结算金额¥29.96`: a word ends where a keyword or a figure begins.
      flushWord();
      continue;
    }
    word += char;
    i++;
  }
  flushWord();
  return tokens;
}

function readFigureAt(text: string, index: number): { text: string; figure: Figure; end: number } | null {
  for (const pattern of [RANGE_TOKEN, SINGLE_TOKEN]) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) continue;
    const end = index + match[0].length;
    // `12月`, `1个人多次`, `2026-11-21`: a number glued to more text is part of that text.
    if (!atBoundary(text, end)) continue;
    const figure = parseFigure(match[0]);
    if (figure) return { text: match[0].trim(), figure, end };
  }
  // A duration is a figure in seconds (suffix 秒, so only a seconds metric accepts it).
  DURATION_TOKEN.lastIndex = index;
  const duration = DURATION_TOKEN.exec(text);
  if (duration) {
    const written = duration[0].trim();
    const end = index + written.length;
    const seconds = atBoundary(text, end) ? parseDuration(written) : null;
    if (seconds !== null) return { text: written, figure: { value: seconds, bound: 'exact', percent: false, currency: false, suffix: '秒' }, end };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading a value stream

type Outcome =
  | { kind: 'reading'; reading: MetricReading; notes: CaptureIssue[] }
  // `competes`: the label shows a value that cannot be read (a lost glyph, an obfuscated font, two
  // figures, a unit that does not fit, only a comparison): the metric is shown there with an
  // unknown value, so another label's reading of it is not the only one (see findMetrics).
  | { kind: 'issue'; issue: CaptureIssue; competes?: boolean }
  | { kind: 'none' };

/**
 * A word that is a figure with a lost glyph: digits and separators with one or two stand-ins for
 * an unreadable character (`1,2x0.40`, `x,250.40`, `5.口万`, see numbers.ts NUMBER_END).
 */
const DAMAGED_FIGURE = /^[+-]?¥?[\d.,%+万亿wWkK千A-Za-z?？口□■\uFFFD]+$/;
const GLITCH = /[A-Za-z?？口□■\uFFFD]/g;
/** A word of one or two stand-ins for lost glyphs: the digits after it are the same figure (`?4`, `x,250.40`). */
const LOST_GLYPHS = /^[+-]?¥?[xX?？口□■\uFFFD]{1,2}[.,]?$/;

function isDamagedFigure(word: string): boolean {
  if (!DAMAGED_FIGURE.test(word)) return false;
  const glitches = (word.replace(/[wWkK](?![A-Za-z])/g, '').match(GLITCH) ?? []).length;
  const digits = (word.match(/\d/g) ?? []).length;
  return glitches >= 1 && glitches <= 2 && digits >= glitches;
}

/**
 * What the tokens after a label say: nothing yet (`empty`), only short words on the label's own
 * line so far (`pending`: look one level up), words instead of a figure (`words`), or a decision.
 */
type StreamVerdict = 'empty' | 'pending' | 'words' | 'decided';

const SKIPPABLE_HINT = /^[(（](?:万元|万|元|%|人|个|件|笔|单|次|分钟|秒)[)）]$/;

function applyHint(figure: Figure, text: string, hint: UnitHint | undefined): Figure | null {
  if (!hint || figure.percent || figure.currency || figure.multiplied) return figure;
  if (hint === '万') return parseFigure(`${text}万`);
  if (hint === '%') return parseFigure(`${text}%`);
  if ((hint === 'minutes' || hint === 'seconds') && !figure.suffix && figure.bound === 'exact' && figure.max === undefined) {
    const seconds = parseDuration(`${text}${hint === 'minutes' ? '分钟' : '秒'}`);
    return seconds === null ? null : { value: seconds, bound: 'exact', percent: false, currency: false, suffix: '秒' };
  }
  if (hint === '元') return { ...figure, currency: true };
  return figure;
}

function issueFor(hit: LabelHit, problem: string): CaptureIssue {
  return { field: `metrics.${hit.def.id}`, problem: problem.slice(0, 200) };
}

function quote(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/**
 * Decides what the tokens after a label hold. With `sameLineWordsOk`, up to two short words on
 * the label's own line (a 趋势 link, a unit) may stand between the label and a value on a later
 * line; words on a later line, or longer ones, mean the label is not followed by a figure.
 */
function judgeStream(hit: LabelHit, tokens: Token[], sameLineWordsOk: boolean): { verdict: StreamVerdict; outcome?: Outcome } {
  let index = 0;
  // Unit hints `(元)` right after the label.
  while (index < tokens.length && tokens[index]!.type === 'text' && SKIPPABLE_HINT.test((tokens[index] as { text: string }).text)) {
    const hintText = (tokens[index] as { text: string }).text;
    hit.hint ??= hintOf(hintText.slice(1, -1));
    index++;
  }
  if (index >= tokens.length) return { verdict: 'empty' };
  const first = tokens[index]!;
  if (first.type === 'text' && !isDamagedFigure(first.text)) {
    // Words on the label's own line, short (a 趋势 or 详情 link), followed by a figure on a later line.
    const labelLine = first.line;
    let skipped = 0;
    let chars = 0;
    let j = index;
    while (j < tokens.length && tokens[j]!.type === 'text' && tokens[j]!.line === labelLine && labelLine === 0) {
      skipped++;
      chars += (tokens[j] as { text: string }).text.length;
      j++;
    }
    if (!sameLineWordsOk || skipped === 0 || skipped > 2 || chars > 8) return { verdict: 'words' };
    if (j >= tokens.length) return { verdict: 'pending' };
    // `访客数 超过 2500` on one line is a sentence, not a card.
    if (tokens[j]!.line === labelLine) return { verdict: 'words' };
    return decide(hit, tokens.slice(j));
  }
  return decide(hit, tokens.slice(index));
}

function decide(hit: LabelHit, tokens: Token[]): { verdict: StreamVerdict; outcome: Outcome } {
  const first = tokens[0]!;
  const decided = (outcome: Outcome) => ({ verdict: 'decided' as const, outcome });
  if (first.type === 'dash') return decided({ kind: 'issue', issue: issueFor(hit, `'${hit.label}' shown as '${first.text}' (no data)`) });
  if (first.type === 'obfuscated') {
    return decided({ kind: 'issue', competes: true, issue: issueFor(hit, `'${hit.label}' unreadable: digits drawn with an obfuscated font (private-use characters)`) });
  }
  if (first.type === 'text' && isDamagedFigure(first.text)) {
    return decided({ kind: 'issue', competes: true, issue: issueFor(hit, `'${hit.label}' value '${quote(first.text)}' is unreadable`) });
  }
  if (first.type === 'text') return decided({ kind: 'none' });
  if (first.type !== 'figure') {
    // A comparison or peer line without the shop's own figure.
    if (first.type === 'basis' || first.type === 'peer') {
      return decided({ kind: 'issue', competes: true, issue: issueFor(hit, `'${hit.label}' has comparison figures but no value of its own`) });
    }
    return decided({ kind: 'none' });
  }
  const second = tokens[1];
  if (second?.type === 'figure' || second?.type === 'obfuscated' || (second?.type === 'text' && isDamagedFigure(second.text))) {
    return decided({
      kind: 'issue',
      competes: true,
      issue: issueFor(hit, `'${hit.label}' shows two figures side by side ('${quote(first.text)}', '${quote(second.text)}'): not read`),
    });
  }
  const unit = hit.def.unit;
  const figure = applyHint(first.figure, first.text, hit.hint);
  const mismatch = figure ? unitMismatch(figure, unit) : 'unreadable';
  if (!figure || mismatch) {
    return decided({ kind: 'issue', competes: true, issue: issueFor(hit, `'${hit.label}' value '${quote(first.text)}' does not fit its unit (${unit}): ${mismatch}`) });
  }
  const reading: MetricReading = { metric: hit.def.id, label: hit.label, value: figure.value, unit, bound: figure.bound };
  if (figure.max !== undefined) reading.max = figure.max;
  const notes: CaptureIssue[] = [];
  const rest = tokens.slice(1);
  for (let k = 0; k < rest.length; k++) {
    const token = rest[k]!;
    if (token.type === 'basis') {
      // basis [arrow] figure [arrow]: the arrow is a trend icon before or after the percentage.
      let j = k + 1;
      const arrows: Array<1 | -1> = [];
      const before = rest[j];
      if (before?.type === 'arrow') {
        arrows.push(before.dir);
        j++;
      }
      const value = rest[j];
      if (value?.type === 'text' && value.text === '持平' && !reading.change) {
        // 持平: stated flat, a known change of zero.
        reading.change = { basis: token.word, ratio: 0 };
        k = j;
        continue;
      }
      if (value?.type === 'obfuscated') {
        notes.push(issueFor(hit, `'${hit.label}' ${token.word}: digits drawn with an obfuscated font, change not read`));
      }
      if (value?.type !== 'figure') {
        k = j - 1;
        continue;
      }
      j++;
      const after = rest[j];
      if (after?.type === 'arrow') {
        arrows.push(after.dir);
        j++;
      }
      k = j - 1;
      if (reading.change) continue;
      if (arrows.length === 2 && arrows[0] !== arrows[1]) {
        notes.push(issueFor(hit, `'${hit.label}' ${token.word} ${value.text} has arrows both ways: change not read`));
        continue;
      }
      const arrow = arrows[0] === 1 ? '↑' : arrows[0] === -1 ? '↓' : '';
      const change = parseChange(`${arrow}${value.text}`);
      if (!change) {
        notes.push(issueFor(hit, `'${hit.label}' ${token.word} '${quote(value.text)}' is not a readable percentage change`));
      } else if (!change.signKnown) {
        notes.push(issueFor(hit, `'${hit.label}' ${token.word} ${value.text} is shown without a sign (only a colour): change not read`));
      } else {
        reading.change = { basis: token.word, ratio: change.ratio };
      }
    } else if (token.type === 'peer') {
      const value = rest[k + 1];
      if (value?.type === 'obfuscated') {
        notes.push(issueFor(hit, `'${hit.label}' ${token.word}: digits drawn with an obfuscated font, peer value not read`));
      }
      if (value?.type !== 'figure') continue;
      k++;
      const peerFigure = applyHint(value.figure, value.text, hit.hint);
      const peerMismatch = peerFigure ? unitMismatch(peerFigure, unit) : 'unreadable';
      if (!peerFigure || peerMismatch) {
        notes.push(issueFor(hit, `'${hit.label}' ${token.word} '${quote(value.text)}' does not fit its unit (${unit}): peer value not read`));
        continue;
      }
      const peer: NonNullable<MetricReading['peers']>[number] = { label: token.word, value: peerFigure.value };
      if (peerFigure.max !== undefined) peer.max = peerFigure.max;
      (reading.peers ??= []).push(peer);
    }
    // Figures after any other words belong to those words (结算金额¥29.96): ignored.
  }
  if (reading.peers && reading.peers.length > 10) reading.peers = reading.peers.slice(0, 10);
  return decided({ kind: 'reading', reading, notes });
}

// ---------------------------------------------------------------------------------------------
// Tables

const CELL_SELECTOR = 'th,td,[role="columnheader"],[role="cell"],[role="gridcell"],[role="rowheader"]';
const ROW_SELECTOR = 'tr,[role="row"]';

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((child) => child.matches(CELL_SELECTOR) && !isHiddenElement(child));
}

function span(cell: Element): number {
  const value = Number(cell.getAttribute('colspan') ?? '1');
  return Number.isInteger(value) && value > 0 ? value : 1;
}

function columnOf(row: Element, cell: Element): number {
  let column = 0;
  for (const other of cellsOf(row)) {
    if (other === cell) return column;
    column += span(other);
  }
  return -1;
}

function cellAtColumn(row: Element, column: number): Element | undefined {
  let at = 0;
  for (const cell of cellsOf(row)) {
    if (column >= at && column < at + span(cell)) return span(cell) === 1 ? cell : undefined;
    at += span(cell);
  }
  return undefined;
}

function isVisibleRow(row: Element, stop: Element): boolean {
  return !isHiddenInTree(row, stop.parentElement) && (row.textContent ?? '').trim() !== '';
}

function totalSpan(row: Element): number {
  return cellsOf(row).reduce((sum, cell) => sum + span(cell), 0);
}

/**
 * The scrollbar gutter fixed-header tables put at the end of the header row (Element's
 * `th.gutter`, Ant Design's `ant-table-cell-scrollbar`, or a bare empty `<th>`) is not a column.
 * An empty last header cell is always taken for one, never for an unlabelled column of its own:
 * were it a column whenever the counts agree, a header that lost one of its cells would line up
 * with the body again, every column after the loss shifted by one. A table whose last column
 * really has no header is then not read (safe); a shifted one would be read wrong.
 */
const GUTTER_CLASS = /gutter|scrollbar/i;

/** Columns of a header row, a trailing empty cell (the gutter) not counted. */
function headerColumnCount(headerRow: Element): number {
  const last = cellsOf(headerRow).at(-1);
  return totalSpan(headerRow) - (last !== undefined && visibleText(last) === '' ? span(last) : 0);
}

/** Columns of a body row, a trailing cell marked as a gutter not counted (an empty data cell is a value: no data). */
function bodyColumnCount(row: Element): number {
  const last = cellsOf(row).at(-1);
  const gutter = last !== undefined && GUTTER_CLASS.test(last.getAttribute('class') ?? '') && visibleText(last) === '';
  return totalSpan(row) - (gutter ? span(last) : 0);
}

/** A body row lines up with its header: the same number of columns (colspan counted, gutter not). */
function columnsMatch(headerRow: Element, row: Element): boolean {
  return headerColumnCount(headerRow) === bodyColumnCount(row);
}

/**
 * The rows holding values under a header row: the rest of its table, or the next table nearby
 * (fixed headers). Rows whose columns do not line up with the header make the whole answer
 * empty: a value under the wrong label is worse than none.
 */
function dataRowsBelow(headerRow: Element): Element[] {
  const rows = bodyRowsBelow(headerRow);
  return rows.every((row) => columnsMatch(headerRow, row)) ? rows : [];
}

/** The body rows under a header row, banner rows left out, aligned or not. */
function bodyRowsBelow(headerRow: Element): Element[] {
  return candidateRowsBelow(headerRow).filter((row) => !isBannerRow(headerRow, row));
}

/**
 * A row of one cell under a header of several columns (暂无数据, 加载中…, a group caption): not a
 * data row, and not a misaligned row that would void the table either.
 */
function isBannerRow(headerRow: Element, row: Element): boolean {
  return cellsOf(row).length === 1 && totalSpan(headerRow) > 1;
}

function candidateRowsBelow(headerRow: Element): Element[] {
  const table = headerRow.closest('table,[role="table"],[role="grid"]');
  if (!table) return [];
  const rows = Array.from(table.querySelectorAll(ROW_SELECTOR)).filter((row) => row.closest('table,[role="table"],[role="grid"]') === table);
  const after = rows.slice(rows.indexOf(headerRow) + 1).filter((row) => !row.closest('thead') && isVisibleRow(row, table));
  if (after.length > 0) return after;
  // Fixed-header tables render the header and the body as two <table>s under a common wrapper.
  let wrapper: Element | null = table.parentElement;
  for (let depth = 0; wrapper && depth < 4; depth++, wrapper = wrapper.parentElement) {
    const tables = Array.from(wrapper.querySelectorAll('table'));
    const next = tables.slice(tables.indexOf(table as HTMLTableElement) + 1).find((t) => !t.contains(table) && !table.contains(t));
    if (next) {
      return Array.from(next.querySelectorAll('tr')).filter(
        (row) => row.closest('table') === next && !row.closest('thead') && isVisibleRow(row, next),
      );
    }
  }
  return [];
}

interface HeaderCell {
  hit: LabelHit;
  row: Element;
  column: number;
}

/** The header cell a label sits in, when its row is a header row (in <thead>, or two or more label cells). */
function headerCellOf(hit: LabelHit, hitCells: Set<Element>): HeaderCell | null {
  const cell = hit.el.matches(CELL_SELECTOR) ? hit.el : hit.el.closest(CELL_SELECTOR);
  if (!cell) return null;
  const row = cell.parentElement?.closest(ROW_SELECTOR);
  if (!row || !cellsOf(row).includes(cell)) return null;
  const rowCells = cellsOf(row);
  const labelCells = rowCells.filter((other) => hitCells.has(other)).length;
  const inHead =
    Boolean(row.closest('thead')) ||
    cell.getAttribute('role') === 'columnheader' ||
    (rowCells.length > 1 && rowCells.every((other) => other.tagName.toUpperCase() === 'TH'));
  if (!inHead && labelCells < 2) return null;
  return { hit, row, column: columnOf(row, cell) };
}

function cellHits(hits: LabelHit[]): Set<Element> {
  const cells = new Set<Element>();
  for (const hit of hits) {
    const cell = hit.el.matches(CELL_SELECTOR) ? hit.el : hit.el.closest(CELL_SELECTOR);
    if (cell) cells.add(cell);
  }
  return cells;
}

function readCell(hit: LabelHit, cell: Element | undefined, decodeText?: FindOptions['decodeText']): Outcome {
  if (!cell) return { kind: 'issue', issue: issueFor(hit, `'${hit.label}' has no value cell under it`) };
  const tokens = tokenise(textStream(cell, { arrows: true, decodeText }).text);
  if (tokens.length === 0) return { kind: 'issue', issue: issueFor(hit, `'${hit.label}' shown as '' (no data)`) };
  return decide(hit, tokens).outcome;
}

// ---------------------------------------------------------------------------------------------
// Cards and lists

function readNearby(hit: LabelHit, root: Node, isLabel: (el: Element) => boolean, options: FindOptions): Outcome {
  if (hit.inlineRest !== undefined) {
    const tokens = tokenise(hit.inlineRest);
    return tokens.length === 0 ? { kind: 'none' } : (judgeStream(hit, tokens, false).outcome ?? { kind: 'none' });
  }
  const maxDepth = options.maxDepth ?? 6;
  let start: Element = hit.el;
  for (let depth = 0; depth < maxDepth; depth++) {
    if (start === root) break;
    const container = start.parentElement;
    if (!container) break;
    const stream = textStream(container, { after: hit.el, stopAt: (el) => el !== hit.el && isLabel(el), arrows: true, decodeText: options.decodeText });
    const tokens = tokenise(stream.text);
    // The next label follows with nothing between: this label has no value beside it.
    if (tokens.length === 0 && stream.stopped) return { kind: 'none' };
    const judged = judgeStream(hit, tokens, true);
    if (judged.verdict === 'decided') return judged.outcome!;
    if (judged.verdict === 'words') return { kind: 'none' };
    // A table row bounds a row's label: never look into other rows for its value.
    if (container.matches(ROW_SELECTOR) || container === root) break;
    // Figures before the label in this container (a value shown above its caption, the
    // previous item of a list) mean the label's own figure, if any, is not after it: looking
    // further up would only find the next card's figure.
    if (hasFigureBefore(container, hit.el)) return { kind: 'none' };
    start = container;
  }
  return { kind: 'none' };
}

/** True when `container` shows a figure (or a no-data mark) before `label`. */
export function hasFigureBefore(container: Element, label: Element): boolean {
  const before = textStream(container, { stopAt: (el) => el === label });
  return tokenise(before.text).some((token) => token.type === 'figure' || token.type === 'dash' || token.type === 'obfuscated');
}

// ---------------------------------------------------------------------------------------------
// The finder

/** Same figure: value, upper end and bound agree. */
function sameValue(a: MetricReading, b: MetricReading): boolean {
  return a.value === b.value && a.max === b.max && a.bound === b.bound;
}

function shownValue(reading: MetricReading): string {
  return `${reading.value}${reading.max !== undefined ? `~${reading.max}` : ''}${reading.bound === 'atLeast' ? '+' : ''}`;
}

/**
 * Reads every metric shown in `roots` (the page's data sections). One metric shown twice with
 * the same value is read once; with different values it is not read and an issue says so.
 */
export function findMetrics(roots: ParentNode | readonly ParentNode[], platform: Platform, options: FindOptions = {}): FindResult {
  const rootList: readonly ParentNode[] = Array.isArray(roots) ? roots : [roots as ParentNode];
  const readings = new Map<string, MetricReading[]>();
  const issuesByMetric = new Map<string, CaptureIssue[]>();
  const notesByMetric = new Map<string, CaptureIssue[]>();
  // Labels of a metric whose value is shown but unreadable: competitors of any reading of it.
  const unreadableLabels = new Map<string, string[]>();
  const order: string[] = [];
  const note = (map: Map<string, CaptureIssue[]>, id: string, issue: CaptureIssue) => {
    if (!order.includes(id)) order.push(id);
    const list = map.get(id) ?? [];
    if (!list.some((existing) => existing.problem === issue.problem)) list.push(issue);
    map.set(id, list);
  };

  for (const root of uniqueRoots(rootList)) {
    const hits = findLabels(root, platform, options);
    const labelEls = new Set(hits.map((hit) => hit.el));
    const isLabel = (el: Element) => labelEls.has(el);
    const cells = cellHits(hits);
    const tableRowsSeen = new Map<Element, Element[]>();
    for (const hit of hits) {
      let outcome: Outcome;
      const header = headerCellOf(hit, cells);
      if (header) {
        let rows = tableRowsSeen.get(header.row);
        if (!rows) {
          rows = dataRowsBelow(header.row);
          tableRowsSeen.set(header.row, rows);
        }
        // No rows: a header without data (nothing to say). Several rows: a per-item table.
        if (rows.length !== 1) continue;
        outcome = readCell(hit, cellAtColumn(rows[0]!, header.column), options.decodeText);
      } else {
        outcome = readNearby(hit, root as Node, isLabel, options);
      }
      const id = hit.def.id;
      if (outcome.kind === 'reading') {
        if (!order.includes(id)) order.push(id);
        readings.set(id, [...(readings.get(id) ?? []), outcome.reading]);
        for (const extra of outcome.notes) note(notesByMetric, id, extra);
      } else if (outcome.kind === 'issue') {
        note(issuesByMetric, id, outcome.issue);
        if (outcome.competes) unreadableLabels.set(id, [...(unreadableLabels.get(id) ?? []), hit.label]);
      }
    }
  }

  const metrics: MetricReading[] = [];
  const issues: CaptureIssue[] = [];
  for (const id of order) {
    const found = readings.get(id) ?? [];
    if (found.length === 0) {
      issues.push(...(issuesByMetric.get(id) ?? []));
      continue;
    }
    const distinct = found.filter((reading, index) => found.findIndex((other) => sameValue(other, reading)) === index);
    // A second showing of the metric whose value cannot be read may be the right one (a glyph
    // lost, a late render): the readable one is not kept alone.
    const unreadable = unreadableLabels.get(id) ?? [];
    if (distinct.length > 1 || unreadable.length > 0) {
      const shown = [...distinct.map((reading) => `'${reading.label}' ${shownValue(reading)}`), ...unreadable.map((label) => `'${label}' unreadable`)].join(', ');
      issues.push({ field: `metrics.${id}`, problem: `shown with different values (${shown}): none kept`.slice(0, 200) });
      if (unreadable.length > 0) issues.push(...(issuesByMetric.get(id) ?? []));
      continue;
    }
    const kept: MetricReading = { ...found[0]! };
    kept.change ??= found.find((reading) => reading.change)?.change;
    if (kept.change === undefined) delete kept.change;
    kept.peers ??= found.find((reading) => reading.peers)?.peers;
    if (kept.peers === undefined) delete kept.peers;
    metrics.push(kept);
    issues.push(...(notesByMetric.get(id) ?? []));
  }
  return { metrics, issues };
}

/** Roots with any root inside another dropped, so no label is read twice. */
function uniqueRoots(roots: readonly ParentNode[]): ParentNode[] {
  return roots.filter(
    (root, index) =>
      roots.indexOf(root) === index &&
      !roots.some((other) => other !== root && (other as Node).contains?.(root as Node)),
  );
}

// ---------------------------------------------------------------------------------------------
// Per-item tables

export interface TableRowReading {
  /** 1-based position of the row in its table. */
  row: number;
  /** Texts of the cells whose header is not a metric (排名, 产品名称 …), keyed by header text. */
  cells: Record<string, string>;
  /** The cells behind `cells`, same keys: for what text alone does not give (an item link's id). */
  cellElements?: Record<string, Element>;
  metrics: MetricReading[];
  issues: CaptureIssue[];
}

export interface TableReading {
  /** Header texts in column order. */
  headers: string[];
  rows: TableRowReading[];
  /** Why the table's rows were not read (its header does not line up with them). */
  issues?: CaptureIssue[];
}

/**
 * Reads tables whose header row names metrics and whose body has rows of values (商品排行,
 * 产品排行): one reading per row, each figure checked against its metric's unit. A 交易指数 column
 * is read as an index, never as money.
 */
export function readTableRows(root: ParentNode, platform: Platform, options: FindOptions = {}): TableReading[] {
  const hits = findLabels(root, platform, options);
  const cells = cellHits(hits);
  const byRow = new Map<Element, HeaderCell[]>();
  for (const hit of hits) {
    const header = headerCellOf(hit, cells);
    if (!header) continue;
    byRow.set(header.row, [...(byRow.get(header.row) ?? []), header]);
  }
  const tables: TableReading[] = [];
  for (const [headerRow, headerCells] of byRow) {
    const headerTexts = cellsOf(headerRow).map((cell) => visibleText(cell));
    const bodyRows = bodyRowsBelow(headerRow);
    const headerColumns = headerColumnCount(headerRow);
    // No body row lines up: the header itself is short or long (a header cell lost), and every
    // column after the loss would be read under its neighbour's label. Nothing is read.
    if (bodyRows.length > 0 && !bodyRows.some((row) => columnsMatch(headerRow, row))) {
      const columns = [...new Set(bodyRows.map(bodyColumnCount))].join('/');
      tables.push({
        headers: headerTexts,
        rows: [],
        issues: [{ field: 'table', problem: `the header's ${headerColumns} columns do not line up with the rows' ${columns}: table not read` }],
      });
      continue;
    }
    tables.push({
      headers: headerTexts,
      rows: bodyRows.map((row, index) => {
        const reading: TableRowReading = { row: index + 1, cells: {}, metrics: [], issues: [] };
        // A row with more or fewer cells than the header has: which cell is under which label is
        // unknown, so none of it is read.
        if (!columnsMatch(headerRow, row)) {
          reading.issues.push({ field: 'row', problem: `${bodyColumnCount(row)} cells under a header of ${headerColumns} columns: row not read` });
          return reading;
        }
        let column = 0;
        for (const headerCell of cellsOf(headerRow)) {
          const isMetric = headerCells.some((h) => h.column === column);
          if (!isMetric) {
            const cell = cellAtColumn(row, column);
            const name = visibleText(headerCell);
            if (cell && name) {
              reading.cells[name] = visibleText(cell);
              (reading.cellElements ??= {})[name] = cell;
            }
          }
          column += span(headerCell);
        }
        for (const headerCell of headerCells) {
          const outcome = readCell(headerCell.hit, cellAtColumn(row, headerCell.column), options.decodeText);
          if (outcome.kind === 'reading') {
            reading.metrics.push(outcome.reading);
            reading.issues.push(...outcome.notes);
          } else if (outcome.kind === 'issue') {
            reading.issues.push(outcome.issue);
          }
        }
        return reading;
      }),
    });
  }
  return tables;
}
