/**
 * Token roles, read from the data packs only: the brand lists, the risk pack (risky words are
 * marketing), the e-commerce dictionary groups, the spec pattern and the acronym list. The
 * order below is the whole logic; a word's role is changed by editing a pack, not code.
 */
import { ECOMMERCE_DICT, MODEL_PATTERN, SPEC_PATTERN } from './dict/ecommerce';
import { WELL_KNOWN_BRANDS } from './packs/brands';
import { ACRONYMS } from './packs/latin';
import { matchForm } from './match';
import type { Piece, TitleToken, TokenRole } from './types';
import { hasRiskPhrase } from './words';

export interface RoleOptions {
  /** Other brands named by the operator (competitors). */
  brands?: readonly string[];
  /** The operator's own brands. */
  ownBrands?: readonly string[];
}

/** Dictionary word (match form) → role of its group. */
const DICT_ROLES: ReadonlyMap<string, TokenRole> = new Map(
  Object.values(ECOMMERCE_DICT).flatMap((group) => group.words.map((word) => [matchForm(word), group.role] as const)),
);

const PACK_BRANDS: ReadonlySet<string> = new Set(WELL_KNOWN_BRANDS.map(matchForm));
const ACRONYM_SET: ReadonlySet<string> = new Set(ACRONYMS.map(matchForm));

const SPEC_WHOLE = new RegExp(`^(?:${SPEC_PATTERN.source})$`, 'i');
const NUMBER = /^\d+(?:\.\d+)?$/;
/** Whitespace, punctuation and symbols: pieces that are not tokens at all. */
const SEPARATOR = /^[^\p{L}\p{N}]+$/u;

export function isSeparator(text: string): boolean {
  return SEPARATOR.test(text);
}

/** Role from the packs alone (no caller brands); memoised, as titles repeat their words. */
const packRoleCache = new Map<string, TokenRole>();
const PACK_ROLE_CACHE_LIMIT = 20_000;

function packRole(text: string, key: string): TokenRole {
  const cached = packRoleCache.get(key);
  if (cached) return cached;
  let role: TokenRole;
  if (PACK_BRANDS.has(key)) role = 'brand';
  else if (hasRiskPhrase(text)) role = 'marketing';
  else role = DICT_ROLES.get(key) ?? shapeRole(text, key);
  if (packRoleCache.size >= PACK_ROLE_CACHE_LIMIT) packRoleCache.clear();
  packRoleCache.set(key, role);
  return role;
}

/** Role from the token's shape when no pack lists it. */
function shapeRole(text: string, key: string): TokenRole {
  if (SPEC_WHOLE.test(key) || NUMBER.test(key) || MODEL_PATTERN.test(key)) return 'attribute';
  if (ACRONYM_SET.has(key)) return 'attribute';
  if ([...text].length === 1) return 'other';
  return 'longtail';
}

/** Role of one token's text. */
export function roleOf(text: string, options: RoleOptions = {}): TokenRole {
  const key = matchForm(text);
  if (options.brands?.some((brand) => matchForm(brand.trim()) === key)) return 'brand';
  if (options.ownBrands?.some((brand) => matchForm(brand.trim()) === key)) return 'brand';
  return packRole(text, key);
}

/** Roles for a segmenter's pieces; separators (spaces, punctuation, emoji) are dropped. */
export function tagTokens(pieces: readonly Piece[], options: RoleOptions = {}): TitleToken[] {
  return pieces
    .filter((piece) => !isSeparator(piece.text))
    .map((piece) => ({ ...piece, role: roleOf(piece.text, options) }));
}
