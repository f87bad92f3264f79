/**
 * Shared by the issue-text tests: the problems the fixtures' expected captures hold, and the
 * pieces of a problem that a translation must carry over unchanged.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures');

export interface FixtureProblem {
  /** `taobao/listing-tmall-ice.expected.json` */
  file: string;
  field: string;
  problem: string;
}

function expectedFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return expectedFiles(path);
      return name.endsWith('.expected.json') ? [path] : [];
    });
}

/** Every `issues[]` entry of every `tests/fixtures/**\/*.expected.json`, in file order. */
export function fixtureProblems(): FixtureProblem[] {
  return expectedFiles(FIXTURES).flatMap((path) => {
    const capture = JSON.parse(readFileSync(path, 'utf8')) as { issues?: Array<{ field: string; problem: string }> };
    return (capture.issues ?? []).map((issue) => ({ file: relative(FIXTURES, path), field: issue.field, problem: issue.problem }));
  });
}

/**
 * What a translation must keep as it is: quoted page text ('成交金额', "¥-"), numbers, runs of
 * Chinese (暂无数据, 统计时间) and data field names (rateVO.totalCount, live_room_id).
 * An apostrophe inside a word (the page's) is not a quote.
 */
export function carriedPieces(problem: string): string[] {
  // A quoted lower-case English word is the adapter's own wording (a "from" value), not page text.
  const quoted = [
    ...[...problem.matchAll(/(?<![A-Za-z])'([^']+)'(?![A-Za-z])/g)].map((m) => m[1]!),
    ...[...problem.matchAll(/"([^"]+)"/g)].map((m) => m[1]!),
  ].filter((text) => !/^[a-z][a-z ]*$/.test(text));
  const pieces = [
    ...quoted,
    ...(problem.match(/\d+(?:\.\d+)?/g) ?? []),
    ...(problem.match(/[\u3400-\u9fff]+/g) ?? []),
    ...(problem.match(/\b[a-z][a-z0-9]*(?:[A-Z_][A-Za-z0-9_]*)+(?:\.[A-Za-z0-9_]+)*/g) ?? []),
  ];
  return [...new Set(pieces)];
}

/** The pieces of `problem` that `rendered` lost. */
export function lostPieces(problem: string, rendered: string): string[] {
  return carriedPieces(problem).filter((piece) => !rendered.includes(piece));
}

export function readSource(path: string): string | undefined {
  try {
    return readFileSync(join(ROOT, path), 'utf8');
  } catch {
    return undefined;
  }
}
