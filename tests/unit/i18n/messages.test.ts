/**
 * Lint of lib/i18n/messages.ts: every message in both languages, the same parameters in both,
 * and every key used somewhere in the source.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, templateParams, type MessageKey } from '../../../lib/i18n';

const ROOT = join(__dirname, '../../..');
const SOURCE_DIRS = ['components', 'lib', 'entrypoints'];
const MESSAGES_FILE = join(ROOT, 'lib/i18n/messages.ts');

/** Brand and language names read the same in both interfaces on purpose. */
const SAME_IN_BOTH: ReadonlySet<MessageKey> = new Set<MessageKey>(['app.title', 'lang.zh', 'lang.en']);

const entries = Object.entries(MESSAGES) as [MessageKey, { zh: string; en: string }][];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('messages', () => {
  it.each(entries)('%s has non-empty Chinese and English', (_key, message) => {
    expect(message.zh.trim()).not.toBe('');
    expect(message.en.trim()).not.toBe('');
  });

  it.each(entries)('%s uses the same {params} in both languages', (_key, message) => {
    expect(templateParams(message.zh).sort()).toEqual(templateParams(message.en).sort());
  });

  it.each(entries.filter(([key]) => !SAME_IN_BOTH.has(key)))('%s is translated (Chinese text differs from English and has Chinese)', (_key, message) => {
    expect(message.zh).not.toBe(message.en);
    expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keys are dotted lower camel case', () => {
    for (const [key] of entries) expect(key).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/);
  });

  it('every key is used in the source (written out in full, so a search finds it)', () => {
    const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir))).filter((file) => file !== MESSAGES_FILE);
    expect(files.map((file) => relative(ROOT, file))).toContain('lib/i18n/index.ts');
    const source = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    const unused = entries
      .map(([key]) => key)
      .filter((key) => !source.includes(`'${key}'`) && !source.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });
});
