/**
 * Title length in half-width units, against the platform limit.
 *
 * Counting rule: an ASCII character (U+0000–U+007F) counts 1; every other code point counts 2.
 * That is the rule the editors' `0/60` counters follow for CJK and full-width characters, and
 * it matches the GBK byte count most of them approximate.
 *
 * Decisions for characters outside that rule, documented because they change the numbers:
 * - A surrogate pair (𠀋, 😀) is one code point and counts 2, never 4: we walk code points,
 *   not UTF-16 units, and never cut a pair in half.
 * - Emoji sequences count every code point (👍🏻 = 2 code points = 4 units, a ZWJ family more).
 *   This can over-count what a page counter shows, never under-count, and emoji are flagged as
 *   rejected characters by the audit anyway.
 * - Latin-1 and other non-ASCII letters (é, ·, ×) count 2, as in GBK.
 *
 * When the editor shows its own counter, its limit wins; and if its "used" figure equals the
 * number of characters rather than units (a page that counts characters), we measure in
 * characters too, so a `0/30` counter is not misread as 30 half-width units.
 */
import { TITLE_LIMITS } from './packs/limits';
import type { Platform } from './types';

export type LimitSource = 'editor' | 'setting' | 'default';
export type LengthMeasure = 'halfwidth' | 'chars';

/** Width of one code point in half-width units. */
export function unitWidth(codePoint: number): 1 | 2 {
  return codePoint <= 0x7f ? 1 : 2;
}

/** Length of a text in half-width units. */
export function halfWidthLength(text: string): number {
  let units = 0;
  for (const char of text) units += unitWidth(char.codePointAt(0)!);
  return units;
}

/** Number of code points (a surrogate pair is one). */
export function charLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The page's own counter, read from text such as `12/60`, `12 / 60`, `１２／６０`. */
export interface EditorCounter {
  /** What the page says is used; absent when only the limit is known. */
  used?: number;
  limit: number;
}

const COUNTER = /^\s*(\d{1,4})\s*[/／]\s*(\d{1,4})\s*(?:字|字符)?\s*$/;

/** Reads a `used/limit` counter; null for anything else (a counter is never guessed). */
export function parseCounter(text: string): EditorCounter | null {
  const normal = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const match = COUNTER.exec(normal);
  if (!match) return null;
  const used = Number(match[1]);
  const limit = Number(match[2]);
  if (limit <= 0) return null;
  return { used, limit };
}

export interface LengthOptions {
  platform: Platform;
  /** The operator's setting for this platform, in half-width units. */
  limit?: number;
  /** The editor page's counter: its text (`0/60`) or the parsed figures. */
  counter?: string | EditorCounter;
}

export interface TitleLength {
  /** Length in `measure` units. */
  length: number;
  limit: number;
  limitSource: LimitSource;
  measure: LengthMeasure;
  /** limit − length; negative when the title is over the limit by that much. */
  roomLeft: number;
  overLimit: boolean;
  /** UTF-16 index of the first character that does not fit; null when the whole title fits. */
  cutAt: number | null;
}

function resolveCounter(counter: LengthOptions['counter']): EditorCounter | null {
  if (counter === undefined) return null;
  if (typeof counter === 'string') return parseCounter(counter);
  return Number.isFinite(counter.limit) && counter.limit > 0 ? counter : null;
}

function validSetting(limit: number | undefined): limit is number {
  return limit !== undefined && Number.isFinite(limit) && limit > 0;
}

/** Where a limit of `limit` units cuts the title: the UTF-16 index of the first code point that does not fit. */
export function cutIndex(title: string, limit: number, measure: LengthMeasure = 'halfwidth'): number | null {
  let used = 0;
  let index = 0;
  for (const char of title) {
    used += measure === 'chars' ? 1 : unitWidth(char.codePointAt(0)!);
    if (used > limit) return index;
    index += char.length;
  }
  return null;
}

export function measureTitle(title: string, options: LengthOptions): TitleLength {
  const counter = resolveCounter(options.counter);
  let limit: number = TITLE_LIMITS[options.platform].limit;
  let limitSource: LimitSource = 'default';
  if (validSetting(options.limit)) {
    limit = Math.floor(options.limit);
    limitSource = 'setting';
  }
  let measure: LengthMeasure = 'halfwidth';
  if (counter) {
    limit = counter.limit;
    limitSource = 'editor';
    const units = halfWidthLength(title);
    const chars = charLength(title);
    // Only a counter that matches the character count and not the unit count tells us the
    // page counts characters; a stale or odd counter leaves the usual rule in place.
    if (counter.used !== undefined && counter.used === chars && chars !== units) measure = 'chars';
  }
  const length = measure === 'chars' ? charLength(title) : halfWidthLength(title);
  return {
    length,
    limit,
    limitSource,
    measure,
    roomLeft: limit - length,
    overLimit: length > limit,
    cutAt: cutIndex(title, limit, measure),
  };
}

/** The default limit of a platform (before settings and editor counters). */
export function defaultLimit(platform: Platform): number {
  return TITLE_LIMITS[platform].limit;
}
