/**
 * Lint of lib/i18n/issue-templates.ts: ids and patterns unique, patterns anchored, Chinese
 * present, and each template's examples rendered by that template (not shadowed by an earlier
 * one), fully, keeping page text and numbers. Field-name and noun tables in both languages.
 */
import { describe, expect, it } from 'vitest';
import { ISSUE_FIELD_NAMES, ISSUE_NOUNS, ISSUE_TEMPLATES, type IssueTemplate } from '../../../lib/i18n/issue-templates';
import { translateIssue } from '../../../lib/i18n/issue-text';
import { lostPieces } from './issue-helpers';

const CJK = /[\u3400-\u9fff]/;
const byId = ISSUE_TEMPLATES.map((template) => [template.id, template] as const);

/** Number of capture groups in a pattern. */
function groupCount(pattern: RegExp): number {
  return new RegExp(`${pattern.source}|`).exec('')!.length - 1;
}

describe('issue templates', () => {
  it('has unique ids and unique patterns', () => {
    const ids = ISSUE_TEMPLATES.map((template) => template.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const patterns = ISSUE_TEMPLATES.map((template) => `${template.pattern.source}/${template.pattern.flags}`);
    expect(patterns.filter((pattern, index) => patterns.indexOf(pattern) !== index)).toEqual([]);
  });

  it('ids are dotted lower camel case', () => {
    for (const { id } of ISSUE_TEMPLATES) expect(id).toMatch(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/);
  });

  it.each(byId)('%s: pattern matches a whole sentence and keeps no state', (_id, template: IssueTemplate) => {
    expect(template.pattern.source.startsWith('^')).toBe(true);
    expect(template.pattern.source.endsWith('$')).toBe(true);
    expect(template.pattern.flags).not.toMatch(/[gy]/);
  });

  it.each(byId)('%s: Chinese is given, and a string uses only groups the pattern has', (_id, template: IssueTemplate) => {
    if (typeof template.zh === 'string') {
      expect(template.zh).toMatch(CJK);
      const refs = [...template.zh.matchAll(/\$(\d)/g)].map((m) => Number(m[1]));
      for (const ref of refs) {
        expect(ref).toBeGreaterThan(0);
        expect(ref).toBeLessThanOrEqual(groupCount(template.pattern));
      }
    }
  });

  it.each(byId)('%s: each example is rendered by this template, fully, keeping page text and numbers', (id, template: IssueTemplate) => {
    expect(template.examples.length).toBeGreaterThan(0);
    for (const example of template.examples) {
      const zh = translateIssue(example, 'zh');
      expect(zh.templateIds[0], example).toBe(id);
      expect(zh.complete, example).toBe(true);
      expect(zh.text.trim(), example).not.toBe('');
      expect(zh.text, example).toMatch(CJK);
      expect(zh.text.startsWith('未能读取'), example).toBe(false);
      expect(lostPieces(example, zh.text), `${example} → ${zh.text}`).toEqual([]);
      const en = translateIssue(example, 'en');
      expect(en.complete).toBe(true);
      if (template.en === undefined) expect(en.text).toBe(example);
      else expect(en.text.trim()).not.toBe('');
    }
  });
});

describe('names beside the sentences', () => {
  it.each(Object.entries(ISSUE_FIELD_NAMES))('field %s is named in both languages', (_field, name) => {
    expect(name.zh).toMatch(CJK);
    expect(name.en.trim()).not.toBe('');
    expect(name.en).not.toMatch(CJK);
  });

  it.each(Object.entries(ISSUE_NOUNS))('noun “%s” is named in both languages', (noun, name) => {
    expect(name.zh).toMatch(CJK);
    expect(name.en).toBe(noun);
  });
});
