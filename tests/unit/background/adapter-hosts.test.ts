/**
 * The background accepts a capture only from a page matching its adapter's `hosts` patterns.
 * So every registered adapter's patterns must be valid, and must accept the adapter's own
 * sample pages: otherwise its captures would be refused in the browser while every unit test
 * of the adapter passes.
 */
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../lib/adapters/registry';
import { adapterHostPatterns } from '../../../lib/adapters/hosts';
import { matchesAnyPattern, parseMatchPattern } from '../../../lib/adapters/match-pattern';

describe.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s', (_id, adapter) => {
  it('has valid host patterns', () => {
    expect(adapter.hosts.length).toBeGreaterThan(0);
    for (const pattern of adapter.hosts) expect(() => parseMatchPattern(pattern)).not.toThrow();
  });

  it.each(adapter.sampleUrls.map((url) => [url]))('its hosts accept its sample %s', (url) => {
    expect(matchesAnyPattern(adapter.hosts, url)).toBe(true);
    // And the content script is injected there (its matches are the union of all hosts).
    expect(matchesAnyPattern(adapterHostPatterns, url)).toBe(true);
  });
});

it('there is at least one adapter to check', () => {
  expect(ADAPTERS.length).toBeGreaterThan(0);
});
