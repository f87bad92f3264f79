/** Lint of the default rules (data): valid by the message schema, unique ids, a threshold on every change rule. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, defaultRules } from '../../../lib/watch/defaults';
import { watchRuleSchema } from '../../../lib/watch/messages';

describe('default rules', () => {
  it.each(Object.entries(DEFAULT_RULES))('%s: valid, unique ids, thresholds set', (_kind, rules) => {
    for (const rule of rules) expect(watchRuleSchema.safeParse(rule).success, rule.id).toBe(true);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) if (rule.type === 'change') expect(rule.percent !== undefined || rule.amount !== undefined, rule.id).toBe(true);
  });

  it('an item watches its price both ways, its title and its stock', () => {
    const rules = defaultRules('item');
    expect(rules.find((r) => r.id === 'price')).toMatchObject({ type: 'change', direction: 'both' });
    expect(rules.map((r) => r.type)).toEqual(expect.arrayContaining(['title', 'stock']));
  });

  it('hands out copies', () => {
    const rules = defaultRules('keyword');
    rules[0]!.enabled = false;
    expect(DEFAULT_RULES.keyword[0]!.enabled).toBe(true);
  });
});
