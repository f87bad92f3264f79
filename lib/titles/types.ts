/**
 * Types shared by the title audit, segmentation and suggestions.
 *
 * lib/titles is pure logic: no browser APIs, no zod, no React, no jieba outside
 * ./segment-node.ts and ./segment-web.ts. The audit (./audit.ts) can therefore run in the
 * listing-editor content script for live warnings; segmentation runs in the side panel and
 * the command line only.
 */
import type { Platform } from '../capture/schema';

export type { Platform };

/** Every user-facing text of the title engine exists in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * - error: forbidden (law or platform rule) or rejected (over length): fix before publishing.
 * - warning: needs proof or is platform-sensitive: keep only when you can back it.
 * - info: style and wasted room: no penalty, but the title could do more.
 */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * What a token does in a title.
 * - brand: a brand name (from the caller's brand lists or the well-known brands pack).
 * - product: the product noun buyers search for (核心词): 连衣裙, 保温杯.
 * - attribute: material, style, size, season, audience, colour, function, specs (500ml).
 * - marketing: promotion and hype words (新款, 包邮, 爆款) and risky claims.
 * - longtail: other content words: qualifiers and phrases not in any pack.
 * - other: function words (的, 和) and single characters that carry no search meaning.
 */
export const TOKEN_ROLES = ['brand', 'product', 'attribute', 'marketing', 'longtail', 'other'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** A piece of a title from a segmenter; offsets are UTF-16 indexes into the title. */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

export interface TitleToken extends Piece {
  role: TokenRole;
}
