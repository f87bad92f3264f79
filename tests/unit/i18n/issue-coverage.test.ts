/**
 * Every problem sentence the adapters write into the fixtures' expected captures has a Chinese
 * template (lib/i18n/issue-templates.ts), so the panel never shows an operator an English-only
 * reason. A new adapter sentence fails here with the exact string to add a template for.
 */
import { describe, expect, it } from 'vitest';
import { ISSUE_TEMPLATES, TEMPLATES_WITHOUT_FIXTURE } from '../../../lib/i18n/issue-templates';
import { translateIssue } from '../../../lib/i18n/issue-text';
import { fixtureProblems, lostPieces, readSource } from './issue-helpers';

const problems = fixtureProblems();
const distinct = [...new Set(problems.map((entry) => entry.problem))];

describe('issue templates cover the fixtures', () => {
  it('finds the fixtures’ problems (the walk reads the expected captures)', () => {
    expect(problems.length).toBeGreaterThan(50);
    expect(problems.some((entry) => entry.file.startsWith('taobao/'))).toBe(true);
  });

  it('every problem in a fixture has a template, including each phrase inside it', () => {
    const untranslated = problems
      .filter((entry) => !translateIssue(entry.problem, 'zh').complete)
      .map((entry) => `${entry.problem}    ← ${entry.file} ${entry.field}`);
    // Each line is a sentence to add a template for in lib/i18n/issue-templates.ts.
    expect(untranslated).toEqual([]);
  });

  it('the Chinese keeps the page text, numbers and field names of every fixture problem', () => {
    const lost = distinct
      .map((problem) => ({ problem, zh: translateIssue(problem, 'zh').text }))
      .filter(({ problem, zh }) => lostPieces(problem, zh).length > 0)
      .map(({ problem, zh }) => `${problem} → ${zh} (lost: ${lostPieces(problem, zh).join(' | ')})`);
    expect(lost).toEqual([]);
  });

  it('English shows the adapter’s own sentence', () => {
    for (const problem of distinct) expect(translateIssue(problem, 'en').text).toBe(problem);
  });

  it('templates without a fixture are listed with the adapter source that still writes them', () => {
    const ids = new Set(ISSUE_TEMPLATES.map((template) => template.id));
    const used = new Set(distinct.flatMap((problem) => translateIssue(problem, 'zh').templateIds));

    const unknownIds = Object.keys(TEMPLATES_WITHOUT_FIXTURE).filter((id) => !ids.has(id));
    expect(unknownIds).toEqual([]);
    const gone = Object.entries(TEMPLATES_WITHOUT_FIXTURE)
      .filter(([, { source, words }]) => !readSource(source)?.includes(words))
      .map(([id, { source, words }]) => `${id}: ${source} no longer writes “${words}”`);
    // A sentence no adapter writes any more: drop its template (or point the entry at the new source).
    expect(gone).toEqual([]);

    // Warn-level: a template neither a fixture nor the list accounts for, or a listed one a fixture now uses.
    const unaccounted = ISSUE_TEMPLATES.filter((t) => !used.has(t.id) && !(t.id in TEMPLATES_WITHOUT_FIXTURE)).map((t) => t.id);
    const nowCovered = Object.keys(TEMPLATES_WITHOUT_FIXTURE).filter((id) => used.has(id));
    if (unaccounted.length > 0) {
      console.warn(`issue templates matching no fixture problem and not in TEMPLATES_WITHOUT_FIXTURE: ${unaccounted.join(', ')}`);
    }
    if (nowCovered.length > 0) {
      console.warn(`TEMPLATES_WITHOUT_FIXTURE entries a fixture now exercises (can be removed): ${nowCovered.join(', ')}`);
    }
  });
});
