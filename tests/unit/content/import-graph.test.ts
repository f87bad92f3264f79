/**
 * The content script runs in every matching marketplace tab: it must stay small and must not
 * open the database. Walks its runtime import graph (type-only imports are erased at build and
 * do not count) and fails when a heavy or forbidden package is reachable.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const ALIASES = ['@@/', '~~/', '@/', '~/'];

/** Packages a content script must never load. */
const FORBIDDEN_IN_CONTENT = ['zod', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', 'chart.js', 'chartjs-adapter-date-fns', 'jieba-wasm'];

/** Module specifiers a module's source loads at runtime. */
function runtimeImportsOf(code: string, fileName = 'module.ts'): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly =
        node.isTypeOnly ||
        (node.exportClause !== undefined &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.length > 0 &&
          node.exportClause.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const alias = ALIASES.find((prefix) => specifier.startsWith(prefix));
  const base = alias ? join(ROOT, specifier.slice(alias.length)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : undefined;
  if (!base) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${relative(ROOT, from)}: cannot resolve "${specifier}"`);
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every package and project file reachable at runtime from `entry`, with one import chain that reaches it. */
function reachable(entry: string): { packages: Map<string, string[]>; files: Map<string, string[]> } {
  const packages = new Map<string, string[]>();
  const files = new Map<string, string[]>();
  const walk = (file: string, chain: string[]): void => {
    if (files.has(relative(ROOT, file))) return;
    const here = [...chain, relative(ROOT, file)];
    files.set(relative(ROOT, file), here);
    for (const specifier of runtimeImportsOf(readFileSync(file, 'utf8'), file)) {
      const local = resolveLocal(file, specifier);
      if (local) walk(local, here);
      else if (!packages.has(packageOf(specifier))) packages.set(packageOf(specifier), [...here, specifier]);
    }
  };
  walk(entry, []);
  return { packages, files };
}

function reachablePackages(entry: string): Map<string, string[]> {
  return reachable(entry).packages;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const CONTENT_ENTRIES = readdirSync(join(ROOT, 'entrypoints'))
  .filter((name) => name.endsWith('.content.ts'))
  .map((name) => `entrypoints/${name}`);
const PLATFORMS = ['taobao', 'pinduoduo', 'douyin', 'jd'];

describe('content script import graph', () => {
  const entries = [...CONTENT_ENTRIES, 'lib/content/capture-loop.ts'];

  const CAPTURE_SCRIPTS = PLATFORMS.flatMap((platform) => ['public', 'seller'].map((half) => ({ platform, half, entry: `entrypoints/${platform}-${half}.content.ts` })));

  it('finds a public and a seller capture entrypoint per platform', () => {
    expect(CONTENT_ENTRIES).toEqual(expect.arrayContaining(CAPTURE_SCRIPTS.map((s) => s.entry)));
  });

  it.each(CAPTURE_SCRIPTS)('$entry loads only its own half of its platform\'s adapters, never the registry', ({ platform, half, entry }) => {
    const { files } = reachable(join(ROOT, entry));
    const other = half === 'public' ? 'seller' : 'public';
    const foreign = [...files.keys()].filter(
      (file) =>
        file === 'lib/adapters/registry.ts' ||
        file === `lib/adapters/${platform}/index.ts` ||
        file === `lib/adapters/${platform}/${other}-pages.ts` ||
        PLATFORMS.some((p) => p !== platform && file.startsWith(`lib/adapters/${p}/`)),
    );
    expect(foreign.map((file) => files.get(file)!.join(' → '))).toEqual([]);
    expect(files.has(`lib/adapters/${platform}/${half}-pages.ts`)).toBe(true);
  });

  it.each(entries)('%s reaches no forbidden package at runtime', (entry) => {
    const packages = reachablePackages(join(ROOT, entry));
    const offending = FORBIDDEN_IN_CONTENT.filter((name) => packages.has(name)).map((name) => packages.get(name)!.join(' → '));
    expect(offending).toEqual([]);
  });

  // The operator's language reaches the content scripts through the tiny lib/i18n/stored-lang.ts,
  // never the UI's message table.
  it.each(entries)('%s does not load the UI message table (lib/i18n/index.ts, messages.ts)', (entry) => {
    const { files } = reachable(join(ROOT, entry));
    const offending = ['lib/i18n/index.ts', 'lib/i18n/messages.ts'].filter((file) => files.has(file)).map((file) => files.get(file)!.join(' → '));
    expect(offending).toEqual([]);
  });

  it('reaches the language reader from the overlay and the title assistant (so the check above is not vacuous)', () => {
    for (const entry of ['entrypoints/taobao-seller.content.ts', 'entrypoints/title-assist.content.ts']) {
      expect(reachable(join(ROOT, entry)).files.has('lib/i18n/stored-lang.ts')).toBe(true);
    }
  });

  it('reaches the adapter registry (so the walk itself is not vacuous)', () => {
    const packages = reachablePackages(join(ROOT, 'entrypoints/taobao-public.content.ts'));
    expect([...packages.keys()]).toContain('wxt');
  });

  it.each(filesUnder(join(ROOT, 'lib/adapters')).map((file) => relative(ROOT, file)))('%s does not load zod at runtime', (file) => {
    const packages = reachablePackages(join(ROOT, file));
    expect(packages.get('zod')?.join(' → ')).toBeUndefined();
  });
});

describe('runtimeImports (the walker itself)', () => {
  it.each([
    ["import { z } from 'zod';", ['zod']],
    ["import type { Capture } from 'zod';", []],
    ["import { type A, type B } from 'zod';", []],
    ["import { type A, b } from 'zod';", ['zod']],
    ["import 'zod';", ['zod']],
    ["export { x } from 'zod';", ['zod']],
    ["export type { X } from 'zod';", []],
    ["export * from 'zod';", ['zod']],
    ["const m = await import('zod');", ['zod']],
    ["// import { z } from 'zod';\nconst s = \"import { z } from 'zod'\";", []],
  ])('%s → %j', (code, expected) => {
    expect(runtimeImportsOf(code)).toEqual(expected);
  });
});
