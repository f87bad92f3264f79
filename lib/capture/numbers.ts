/**
 * One parser for every way the marketplaces write a number (marketplaces.md §3).
 *
 * Rules that keep figures right:
 * - Unknown is `null`, never 0: `-`, `--`, `—`, empty, `N/A` and anything that is not
 *   wholly a number return null.
 * - Multipliers are applied in decimal, not by float multiplication, so `136.4万` is
 *   exactly 1364000 and `5.63%` exactly 0.0563 (the nearest double to the decimal).
 * - A trailing `+` is kept as a lower bound (`10万+` → 100000, atLeast).
 * - Ranges keep both ends (`750万 ~ 1000万` → value 7500000, max 10000000).
 * - Ambiguous text returns null rather than a guess: `10-20万` (does 万 apply to both
 *   ends?), `1,2` (not a thousands grouping), `1%~2` (percent on one end only).
 *
 * Content scripts use this module: it imports data only.
 */
import { matchWordAt } from './comparison-words';

export type FigureBound = 'exact' | 'atLeast';

export interface Figure {
  /** The number (lower end of a range), multipliers applied, percent as a fraction. */
  value: number;
  /** Upper end when the text is a range. */
  max?: number;
  /** `atLeast` when the text ends in `+` (`10万+`). */
  bound: FigureBound;
  /** The text had `%`; value is then a fraction (5.63% → 0.0563). */
  percent: boolean;
  /** The text had `¥`/`￥` or the suffix `元`. */
  currency: boolean;
  /** The text ended in 起: the lowest of several values (a price "from"). */
  from?: true;
  /** A word after the number: 元, 人, 件, 笔, 单, 个, 次, 秒 … (units are checked by valueForUnit). */
  suffix?: string;
  /** A Chinese or letter multiplier was written (万, 亿, w, k …). */
  multiplied?: true;
}

// ---------------------------------------------------------------------------------------------
// Digits

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Full-width ASCII (０-９, Ａ-Ｚ, ，．％＋－～ …) → half-width; ￥ → ¥; ideographic space → space;
 * minus-like dashes used as signs (−, U+2212) → `-`. Other text is left as it is.
 */
/** Any character normaliseDigits changes. */
const NEEDS_NORMALISING = /[\uff01-\uff5e\uffe5\u3000\u2212]/;

export function normaliseDigits(text: string): string {
  // Most page text has nothing to change: return it without rebuilding it character by character.
  if (!NEEDS_NORMALISING.test(text)) return text;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (char === '\uffe5') out += '¥';
    else if (char === '\u3000') out += ' ';
    else if (char === '\u2212') out += '-';
    else out += char;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Figures

/** Powers of ten for the multipliers pages use. */
const MULTIPLIERS: Readonly<Record<string, number>> = {
  千万: 7,
  百万: 6,
  亿: 8,
  万: 4,
  w: 4,
  W: 4,
  千: 3,
  k: 3,
  K: 3,
};

/** Words that may follow a number. 元 marks money, 起 marks "from"; the rest are count or time words. */
const SUFFIXES = ['元', '人', '件', '笔', '单', '个', '次', '秒', '位', '支', '份', '家'] as const;

const NO_DATA = new Set(['', '-', '--', '---', '—', '——', '–', 'N/A', 'NA', 'n/a', 'null', 'undefined', 'NaN', '暂无', '暂无数据', '无数据', '/']);

/** True when the text is one of the ways a page says "no data" (`-`, `--`, `—`, empty, N/A, 暂无数据). */
export function isNoData(text: string): boolean {
  return NO_DATA.has(normaliseDigits(text).replace(/\s+/g, ''));
}

// sign, currency, (sign), digits with optional thousands groups, multiplier, %, +, suffix, 起
const SIDE = new RegExp(
  '^' +
    '(?<sign>[+-])?\\s*' +
    '(?<cur>¥)?\\s*' +
    '(?<sign2>[+-])?' +
    '(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)' +
    '\\s*(?<mult>千万|百万|万|亿|[wWkK千](?![a-zA-Z]))?' +
    '\\s*(?<pct>%)?' +
    '\\s*(?<plus>\\+)?' +
    `\\s*(?<suffix>${SUFFIXES.join('|')})?` +
    '\\s*(?<from>起)?' +
    '$',
);

interface Side {
  value: number;
  percent: boolean;
  currency: boolean;
  atLeast: boolean;
  from: boolean;
  multiplied: boolean;
  suffix?: string;
}

/**
 * `digits` × 10^exponent computed in decimal: the digit string (dot removed) is an exact
 * integer, and one division or multiplication by an exact power of ten gives the double
 * nearest to the decimal value.
 */
function scaleDecimal(num: string, exponent: number): number | null {
  const [intPart, fraction = ''] = num.replace(/,/g, '').split('.');
  const digits = (intPart ?? '') + fraction;
  const integer = Number(digits);
  if (!Number.isSafeInteger(integer)) return null;
  const shift = exponent - fraction.length;
  const result = shift >= 0 ? integer * 10 ** shift : integer / 10 ** -shift;
  return Number.isFinite(result) ? result : null;
}

function parseSide(text: string): Side | null {
  const match = SIDE.exec(text.trim());
  if (!match?.groups) return null;
  const g = match.groups;
  if (g.sign && g.sign2) return null;
  const exponent = (g.mult ? MULTIPLIERS[g.mult]! : 0) - (g.pct ? 2 : 0);
  const magnitude = scaleDecimal(g.num!, exponent);
  if (magnitude === null) return null;
  const negative = (g.sign ?? g.sign2) === '-';
  const side: Side = {
    value: negative && magnitude !== 0 ? -magnitude : magnitude,
    percent: Boolean(g.pct),
    currency: Boolean(g.cur) || g.suffix === '元',
    atLeast: Boolean(g.plus),
    from: Boolean(g.from),
    multiplied: Boolean(g.mult),
  };
  if (g.suffix && g.suffix !== '元') side.suffix = g.suffix;
  else if (g.suffix === '元') side.suffix = '元';
  // `¥5%` and `5%元` are not figures.
  if (side.percent && side.currency) return null;
  return side;
}

// A range separator: ~, 至, or a dash that follows the end of a number (so `-5%` stays a sign).
const RANGE = /^(?<left>.+?[\d%万亿wWkK千元])\s*(?:~|至|—|–|-)\s*(?<right>[^~至]+)$/;

function toFigure(side: Side, max?: Side): Figure {
  const figure: Figure = {
    value: side.value,
    bound: side.atLeast || max?.atLeast ? 'atLeast' : 'exact',
    percent: side.percent,
    currency: side.currency || Boolean(max?.currency),
  };
  if (max) figure.max = max.value;
  if (side.from || max?.from) figure.from = true;
  const suffix = max?.suffix ?? side.suffix;
  if (suffix) figure.suffix = suffix;
  if (side.multiplied || max?.multiplied) figure.multiplied = true;
  return figure;
}

/**
 * Reads a text that is wholly one figure or one range of figures. Null means unknown:
 * no-data marks, empty text, garbage, or text with anything besides the figure.
 */
export function parseFigure(text: string): Figure | null {
  const normal = normaliseDigits(text).replace(/\s+/g, ' ').trim();
  if (isNoData(normal)) return null;
  const single = parseSide(normal);
  if (single) return toFigure(single);

  const range = RANGE.exec(normal);
  if (!range?.groups) return null;
  const left = parseSide(range.groups.left!);
  const right = parseSide(range.groups.right!);
  if (!left || !right) return null;
  // One end written with a multiplier or % and the other without is ambiguous (`10-20万`).
  if (left.percent !== right.percent) return null;
  // Both ends written in full or both with their own multiplier are clear. `7500 ~ 1万` is clear
  // too: a bare end of 1000 or more is already a full number. `10-20万` is not.
  if (left.multiplied !== right.multiplied && !(right.multiplied && Math.abs(left.value) >= 1000)) return null;
  if (left.atLeast || left.from) return null; // `10+ ~ 20` is not a range anyone writes
  if (left.suffix && right.suffix && left.suffix !== right.suffix) return null;
  if (left.value > right.value) return null;
  return toFigure(left, right);
}

// ---------------------------------------------------------------------------------------------
// Prices

export interface PriceFigure {
  min: number;
  max?: number;
  /** 起: the lowest of the item's prices. */
  from: boolean;
}

/**
 * A displayed price: `¥19.9`, `￥29.9起`, `19.9-29.9`, `券后 ¥4.92`, `¥4.92` joined from split spans.
 * Leading words (券后, 到手价, 价格：) are skipped; anything after the price makes it null, as do
 * percentages, lower bounds (`+`), count words and negative numbers. Which price it is (coupon,
 * list …) is for the caller to label from those words.
 */
export function parsePrice(text: string): PriceFigure | null {
  const normal = normaliseDigits(text).replace(/\s+/g, ' ').trim();
  // Skip a leading label: everything up to the first ¥ or digit, when it holds no digit itself.
  const start = normal.search(/[¥\d]/);
  if (start < 0) return null;
  const label = normal.slice(0, start);
  if (/[\d+-]/.test(label)) return null;
  const figure = parseFigure(normal.slice(start));
  if (!figure) return null;
  if (figure.percent || figure.bound === 'atLeast') return null;
  if (figure.suffix && figure.suffix !== '元') return null;
  if (figure.value < 0) return null;
  const price: PriceFigure = { min: figure.value, from: Boolean(figure.from) };
  if (figure.max !== undefined) price.max = figure.max;
  return price;
}

// ---------------------------------------------------------------------------------------------
// Sales phrases

export interface SalesPhrase {
  value: number;
  bound: FigureBound;
  /** The phrase as shown, whitespace collapsed: `已拼10万+件`. */
  phrase: string;
  /** `sales` for sold/paid counts; `reviews` for 商品评价(14,870) / 累计评价 N. */
  kind: 'sales' | 'reviews';
}

/**
 * A number token must stand alone: what touches it on either side may not continue it. A digit
 * run followed by a letter, `?`, 口 or another stand-in for an unreadable glyph (`300?+`, `1?万`,
 * `1x.9`), or by `.`/`,` and a digit or such a stand-in (`19.口`, `6.x万`), is a figure whose rest
 * cannot be read: it is not read at all, never as its first digits. Use NUMBER_START before and
 * NUMBER_END after a number pattern.
 */
export const NUMBER_START = '(?<![\\dA-Za-z?？口□■\\uFFFD.,])';
export const NUMBER_END = '(?![\\dA-Za-z?？口□■\\uFFFD]|[.,][\\dA-Za-z?？口□■\\uFFFD])';

// The count token is matched inside a lookahead, which JavaScript never backtracks into: `1万x件`
// cannot fall back to `1` followed by `万x件`, nor `300+?` to `300`.
const COUNT_TOKEN = /^(?<count>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?<mult>万|亿|[wWkK千]))?\s*(?<plus>\+)?$/;
const COUNT = `${NUMBER_START}(?=(?<token>(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s*(?:万|亿|[wWkK千]))?\\s*\\+?))\\k<token>${NUMBER_END}`;
const UNIT_WORD = '(?:件|支|单|笔|个|份|瓶|盒|套|箱|袋|包|双|台|只|条|本|张)';

/**
 * Sales phrases in order of trust. `1万+回头客` and `本月回头客飙升250%` count repeat customers,
 * not sales, and are deliberately not read: no pattern matches them, so they return null.
 */
const SALES_PATTERNS: ReadonlyArray<{ kind: SalesPhrase['kind']; pattern: RegExp }> = [
  { kind: 'sales', pattern: new RegExp(`${COUNT}\\s*人(?:已)?(?:付款|购买|买过|收货)`) },
  {
    kind: 'sales',
    pattern: new RegExp(
      `(?:本店已拼|已拼|已售出|已售|月销量|月销|月售|总销量|总售|累计销量|销量|疯抢|已抢|热销|年销)\\s*${COUNT}\\s*${UNIT_WORD}?`,
    ),
  },
  { kind: 'reviews', pattern: new RegExp(`(?:商品评价|累计评价|评价)\\s*[(（]\\s*${COUNT}\\s*[)）]`) },
  { kind: 'reviews', pattern: new RegExp(`(?:累计评价|评价数)\\s*[:：]?\\s*${COUNT}`) },
  { kind: 'reviews', pattern: new RegExp(`${COUNT}\\s*(?:条评价|人评价)`) },
];

/** A character every SALES_PATTERNS phrase holds (人 付款, 已拼/已售/月销/疯抢, 评价). */
const SALES_PHRASE_CHARS = /[人拼售销抢评]/;

/**
 * Reads a sales or review count phrase. Returns null when the text holds no such phrase, when
 * the phrase is about something else (回头客), or when the count is not a whole number.
 */
export function parseSalesPhrase(text: string): SalesPhrase | null {
  // Every pattern needs a digit and one of these words' characters: most texts of a page are
  // turned away here, before the patterns try every position of them.
  if (!/[\d\uff10-\uff19]/.test(text) || !SALES_PHRASE_CHARS.test(text)) return null;
  const normal = normaliseDigits(text).replace(/\s+/g, ' ').trim();
  for (const { kind, pattern } of SALES_PATTERNS) {
    const match = pattern.exec(normal);
    if (!match?.groups) continue;
    // 回头客 right after the count means repeat customers (`已售 1万+回头客` is not a sales count).
    if (/^\s*回头客/.test(normal.slice(match.index + match[0].length))) continue;
    const token = COUNT_TOKEN.exec(match.groups.token!.trim());
    if (!token?.groups) return null;
    const { count, mult, plus } = token.groups;
    const value = scaleDecimal(count!, mult ? MULTIPLIERS[mult]! : 0);
    if (value === null || !Number.isInteger(value)) return null;
    return { value, bound: plus ? 'atLeast' : 'exact', phrase: match[0].trim(), kind };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Changes

export interface ChangeFigure {
  /** Signed fraction when signKnown; the unsigned magnitude otherwise. */
  ratio: number;
  /**
   * False when the page states no sign in its text (a bare `71.99%` whose direction is only a
   * colour or an icon): the caller must find the sign elsewhere or not store the change.
   */
  signKnown: boolean;
}

const UP_MARKS = /^(?:↑|▲|⬆|上升|增长|提升|上涨)/;
const DOWN_MARKS = /^(?:↓|▼|⬇|下降|减少|降低|下跌)/;
const UP_MARKS_END = /(?:↑|▲|⬆)$/;
const DOWN_MARKS_END = /(?:↓|▼|⬇)$/;

/**
 * A change shown beside a figure: `+12.3%`, `-5.2%`, `↑12.3%`, `12.3%↓`, `下降 5%`, bare `71.99%`.
 * Leading comparison words (较前一日, 环比 …) are skipped. Changes must be percentages: a bare
 * number is not read (`12` could be anything). `持平` reads as 0 with a known sign.
 */
export function parseChange(text: string): ChangeFigure | null {
  let rest = normaliseDigits(text).replace(/\s+/g, '').trim();
  const basis = matchWordAt(rest);
  if (basis?.kind === 'basis') rest = rest.slice(basis.word.length).replace(/^[:：]/, '');
  if (rest === '持平') return { ratio: 0, signKnown: true };
  let direction: 1 | -1 | 0 = 0;
  const up = UP_MARKS.exec(rest) ?? UP_MARKS_END.exec(rest);
  const down = DOWN_MARKS.exec(rest) ?? DOWN_MARKS_END.exec(rest);
  if (up && down) return null;
  if (up) {
    direction = 1;
    rest = rest.replace(up[0], '');
  } else if (down) {
    direction = -1;
    rest = rest.replace(down[0], '');
  }
  const figure = parseFigure(rest);
  if (!figure || !figure.percent || figure.max !== undefined || figure.bound !== 'exact' || figure.currency) return null;
  const written = /^[+-]/.test(rest) ? (rest.startsWith('-') ? -1 : 1) : 0;
  if (written && direction && written !== direction && figure.value !== 0) return null; // `↑-5%`: contradiction
  if (written) return { ratio: figure.value, signKnown: true };
  if (direction) return { ratio: direction * Math.abs(figure.value), signKnown: true };
  if (figure.value === 0) return { ratio: 0, signKnown: true };
  return { ratio: figure.value, signKnown: false };
}

// ---------------------------------------------------------------------------------------------
// Durations

const DURATION_PARTS = /^(?:(?<h>\d+(?:\.\d+)?)\s*(?:小时|时)\s*)?(?:(?<m>\d+(?:\.\d+)?)\s*(?:分钟|分)\s*)?(?:(?<s>\d+(?:\.\d+)?)\s*秒(?:钟)?)?$/;
const DURATION_CLOCK = /^(?:(?<h>\d{1,3}):)?(?<m>\d{1,2}):(?<s>\d{2})$/;

/**
 * A duration as seconds: `1分4秒` → 64, `64秒` → 64, `1.07分钟` → 64.2, `2小时3分` → 7380,
 * `01:04` / `00:01:04` → 64. A lone `N分` is refused (null): 分 is also points (`4.8分`), and a
 * score read as minutes would be a wrong number. Units must run from larger to smaller.
 */
export function parseDuration(text: string): number | null {
  const normal = normaliseDigits(text).replace(/\s+/g, '').trim();
  if (!normal) return null;
  const clock = DURATION_CLOCK.exec(normal);
  if (clock?.groups) {
    const { h, m, s } = clock.groups;
    if (Number(s) >= 60 || (h !== undefined && Number(m) >= 60)) return null;
    return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  }
  const parts = DURATION_PARTS.exec(normal);
  if (!parts?.groups) return null;
  const { h, m, s } = parts.groups;
  if (h === undefined && m === undefined && s === undefined) return null;
  // `4.8分` alone: minutes or points? Not read. `3分钟` says minutes.
  if (h === undefined && s === undefined && !/分钟$/.test(normal)) return null;
  const seconds = [h ? scaleDecimal(h, 0)! * 3600 : 0, m ? scaleDecimal(m, 0)! * 60 : 0, s ? scaleDecimal(s, 0)! : 0];
  // Multiplication of a decimal by 60 or 3600 can leave float noise (1.07 × 60): round to 1/1000 s.
  return Math.round(seconds.reduce((sum, part) => sum + part, 0) * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Money units

/** Fen (分) → yuan, exactly: 2990 → 29.9, "79900" → 799. Null for anything not a whole, non-negative number of fen. */
export function fenToYuan(fen: number | string): number | null {
  const integer = typeof fen === 'number' ? fen : /^\s*\d+\s*$/.test(fen) ? Number(fen) : Number.NaN;
  if (!Number.isSafeInteger(integer) || integer < 0) return null;
  return integer / 100;
}

// ---------------------------------------------------------------------------------------------
// Units

/** Units a metric can have (same list as UNITS in ./schema, kept here so this file has no imports). */
export type FigureUnit = 'yuan' | 'count' | 'ratio' | 'multiple' | 'score' | 'index' | 'seconds';

export interface UnitValue {
  value: number;
  max?: number;
  bound: FigureBound;
}

export interface UnitOptions {
  /** The source states that bare numbers are ratios written as decimals (`0.1002` = 10.02%). */
  decimalRatio?: boolean;
}

const COUNT_SUFFIXES = new Set(['人', '件', '笔', '单', '个', '次', '位', '支', '份', '家']);

/**
 * Why a figure cannot be a value of `unit`, or null when it fits. Used for issues, so the
 * reasons are short English phrases.
 */
export function unitMismatch(figure: Figure, unit: FigureUnit, options: UnitOptions = {}): string | null {
  if (figure.from) return 'a "from" (起) value is not a figure';
  const ends = figure.max === undefined ? [figure.value] : [figure.value, figure.max];
  switch (unit) {
    case 'yuan':
      if (figure.percent) return 'a percentage where money was expected';
      if (figure.suffix && figure.suffix !== '元') return `a count ("${figure.suffix}") where money was expected`;
      return null;
    case 'count':
      if (figure.percent) return 'a percentage where a count was expected';
      if (figure.currency) return 'money where a count was expected';
      if (figure.suffix && !COUNT_SUFFIXES.has(figure.suffix)) return `"${figure.suffix}" where a count was expected`;
      if (ends.some((end) => !Number.isInteger(end))) return 'a count that is not a whole number';
      if (ends.some((end) => end < 0)) return 'a negative count';
      return null;
    case 'ratio':
      if (figure.currency || figure.suffix) return 'not a ratio';
      if (!figure.percent && !options.decimalRatio) return 'a ratio without "%" (a decimal ratio must be declared)';
      if (figure.multiplied) return 'a ratio with a multiplier';
      return null;
    case 'multiple':
    case 'score':
      if (figure.percent || figure.currency || figure.suffix) return `not a ${unit}`;
      if (figure.multiplied) return `a ${unit} with a multiplier`;
      if (figure.bound === 'atLeast') return `a lower bound where a ${unit} was expected`;
      return null;
    case 'index':
      // Indexes are relative values: a ¥ or % next to one means it is something else.
      if (figure.percent || figure.currency || figure.suffix) return 'not an index';
      return null;
    case 'seconds':
      if (figure.percent || figure.currency) return 'not a duration';
      if (figure.suffix && figure.suffix !== '秒') return 'not a duration in seconds';
      return null;
  }
}

/**
 * The value of a figure in a metric's unit, or null when it does not fit (a percent for a
 * money metric, a fractional count, a bare number for a ratio …). Percent figures are already
 * fractions, so a ratio takes `value` as is; a declared decimal ratio is taken as is too.
 */
export function valueForUnit(figure: Figure, unit: FigureUnit, options: UnitOptions = {}): UnitValue | null {
  if (unitMismatch(figure, unit, options) !== null) return null;
  const result: UnitValue = { value: figure.value, bound: figure.bound };
  if (figure.max !== undefined) result.max = figure.max;
  return result;
}
