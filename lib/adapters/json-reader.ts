/**
 * Small typed readers for untrusted JSON taken from a page (embedded scripts, XHR bodies).
 *
 * Content scripts may not import zod, so adapters walk page JSON with these: every reader
 * returns `undefined` for anything that is not exactly the expected type, and only own
 * properties are read (a page cannot reach Object.prototype through `constructor` or
 * `__proto__` keys).
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` (own properties only), or undefined. */
export function valueAt(value: unknown, ...path: string[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

export function recordAt(value: unknown, ...path: string[]): JsonRecord | undefined {
  const found = valueAt(value, ...path);
  return isRecord(found) ? found : undefined;
}

export function arrayAt(value: unknown, ...path: string[]): unknown[] | undefined {
  const found = valueAt(value, ...path);
  return Array.isArray(found) ? found : undefined;
}

/**
 * A non-empty trimmed string at `path`; finite numbers are given as their decimal text
 * because pages mix `"quantity": 13` and `"quantity": "13"`.
 */
export function textAt(value: unknown, ...path: string[]): string | undefined {
  const found = valueAt(value, ...path);
  if (typeof found === 'number') return Number.isFinite(found) ? String(found) : undefined;
  if (typeof found !== 'string') return undefined;
  const trimmed = found.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A finite number at `path`, from a JSON number or a plain decimal string (`"2990"`). */
export function numberAt(value: unknown, ...path: string[]): number | undefined {
  const found = valueAt(value, ...path);
  if (typeof found === 'number') return Number.isFinite(found) ? found : undefined;
  if (typeof found === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(found)) return Number(found);
  return undefined;
}

/** `true`/`false` from a JSON boolean or the strings `"true"`/`"false"` pages use. */
export function booleanAt(value: unknown, ...path: string[]): boolean | undefined {
  const found = valueAt(value, ...path);
  if (typeof found === 'boolean') return found;
  if (found === 'true') return true;
  if (found === 'false') return false;
  return undefined;
}
