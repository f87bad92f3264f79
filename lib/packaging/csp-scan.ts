/**
 * Static checks of the built extension against its Content Security Policy
 * (`script-src 'self' 'wasm-unsafe-eval'; object-src 'self';`): extension pages carry no inline
 * script, and the bundles never turn a string into code. The CSP would block both at run time;
 * these checks catch them at build time, with the file and the code around them.
 * Used by tests/e2e/csp.test.ts on the built packages.
 */

export interface CodeFinding {
  /** Which rule matched, e.g. `eval(`. */
  rule: string;
  /** Offset in the file. */
  index: number;
  /** The code around it, for the report. */
  snippet: string;
}

function snippetAt(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 60), index + length + 60).replace(/\s+/g, ' ');
}

/** Ways minified code can compile a string. Property names (`.eval(`, `_tickFormatFunction(`) are not calls of the globals. */
const STRING_TO_CODE_RULES: readonly { rule: string; pattern: RegExp }[] = [
  { rule: 'eval(', pattern: /(?<![\w$.])eval\s*\(/g },
  { rule: 'indirect eval', pattern: /[,(]\s*eval\s*\)\s*\(/g },
  { rule: 'new Function', pattern: /\bnew\s+Function\b/g },
  // A call of Function itself (`new Function(` is reported above); a quote or backtick before it
  // means it is text (e.g. wasm-bindgen's debug strings).
  { rule: 'Function(', pattern: /(?<![\w$.'"`])(?<!\bnew\s+)Function\s*\(/g },
  // The constructor taken into a variable, the way minifiers write `new Function`.
  { rule: 'Function constructor alias', pattern: /[=:]\s*Function\s*[,;)}]/g },
  { rule: 'setTimeout/setInterval with a string', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g },
];

/** Every place a bundle may compile a string into code. */
export function stringToCodeUses(code: string): CodeFinding[] {
  const found: CodeFinding[] = [];
  for (const { rule, pattern } of STRING_TO_CODE_RULES) {
    for (const match of code.matchAll(pattern)) {
      found.push({ rule, index: match.index, snippet: snippetAt(code, match.index, match[0].length) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A known use of the Function constructor inside a bundled library, with the reason it never runs. */
export interface VendoredEvalSite {
  library: string;
  why: string;
  /** Matches the whole site in minified output; a finding inside a match is this site. */
  pattern: RegExp;
}

/**
 * zod 4 compiles fast object parsers with `new Function` when it may. lib/csp/zod-jitless.ts sets
 * `jitless` before any schema is built, which skips both the probe and the compiler: the code is
 * in the bundle but never runs (tests/e2e/csp.test.ts also checks the pages report no violation).
 */
export const VENDORED_EVAL_SITES: readonly VendoredEvalSite[] = [
  {
    library: 'zod 4 (allowsEval probe)',
    why: 'skipped under jitless (lib/csp/zod-jitless.ts)',
    pattern: /const ([\w$]+)=Function;return new \1\(""\)/g,
  },
  {
    library: 'zod 4 (Doc.compile, JIT object parsers)',
    why: 'called only when the probe allowed eval; never under jitless',
    pattern: /compile\(\)\{const ([\w$]+)=Function,/g,
  },
];

/** The findings not explained by a vendored site. */
export function unexplainedStringToCodeUses(code: string, sites: readonly VendoredEvalSite[] = VENDORED_EVAL_SITES): CodeFinding[] {
  const explained: [number, number][] = [];
  for (const site of sites) {
    for (const match of code.matchAll(site.pattern)) explained.push([match.index, match.index + match[0].length]);
  }
  return stringToCodeUses(code).filter((finding) => !explained.some(([start, end]) => finding.index >= start && finding.index < end));
}

/** Vendored sites present in a bundle, by library. */
export function vendoredEvalSitesIn(code: string, sites: readonly VendoredEvalSite[] = VENDORED_EVAL_SITES): string[] {
  return sites.filter((site) => new RegExp(site.pattern.source).test(code)).map((site) => site.library);
}

/** Code in an HTML page that the CSP would refuse: inline scripts, handler attributes, javascript: URLs. */
export function inlineCodeInHtml(html: string): CodeFinding[] {
  const found: CodeFinding[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (!/\ssrc\s*=/i.test(` ${attributes}`)) found.push({ rule: 'inline <script> (no src)', index: match.index, snippet: snippetAt(html, match.index, match[0].length) });
    else if (body.trim() !== '') found.push({ rule: '<script src> with inline code', index: match.index, snippet: snippetAt(html, match.index, match[0].length) });
  }
  for (const match of html.matchAll(/<[a-z][^>]*?\son[a-z]+\s*=/gi)) {
    found.push({ rule: 'event handler attribute', index: match.index, snippet: snippetAt(html, match.index, match[0].length) });
  }
  for (const match of html.matchAll(/\b(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/gi)) {
    found.push({ rule: 'javascript: URL', index: match.index, snippet: snippetAt(html, match.index, match[0].length) });
  }
  return found.sort((a, b) => a.index - b.index);
}
