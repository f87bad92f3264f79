/** The title assistant's own adapter list and hosts (lib/content/title-assist-adapters.ts). */
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../lib/adapters/registry';
import { adapterHostPatterns } from '../../../lib/adapters/hosts';
import { EDITOR_ADAPTERS, EDITOR_HOST_PATTERNS } from '../../../lib/content/title-assist-adapters';

describe('the title assistant’s editors', () => {
  it('are exactly the registry’s editor adapters', () => {
    const editors = ADAPTERS.filter((adapter) => adapter.pageKind === 'editor').map((adapter) => adapter.id).sort();
    expect(EDITOR_ADAPTERS.map((adapter) => adapter.id).sort()).toEqual(editors);
    expect(editors.length).toBeGreaterThan(0);
  });

  it('run on their hosts only, each a host ShopLens has permission for', () => {
    expect(EDITOR_HOST_PATTERNS).toEqual([...new Set(EDITOR_ADAPTERS.flatMap((adapter) => adapter.hosts))].sort());
    expect(EDITOR_HOST_PATTERNS.every((pattern) => adapterHostPatterns.includes(pattern))).toBe(true);
    expect(EDITOR_HOST_PATTERNS).toContain('*://item.upload.taobao.com/*');
    expect(EDITOR_HOST_PATTERNS).not.toContain('*://item.taobao.com/*');
  });
});
