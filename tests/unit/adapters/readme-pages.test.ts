/**
 * Every registered adapter page has a row in the README's "Supported pages" table: same page
 * kind, and an address naming the host of its sample addresses. A new adapter without a row (or
 * a row left behind by a removed one) fails here, so the front door stays true.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../lib/adapters/registry';

interface Row {
  platform: string;
  page: string;
  address: string;
  kind: string;
}

function supportedPagesRows(): Row[] {
  const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
  const section = readme.split(/^## Supported pages$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line) && !/^\|\s*platform\s*\|/.test(line))
    .map((line) => {
      const [platform = '', page = '', address = '', kind = ''] = line.split('|').slice(1).map((cell) => cell.trim());
      return { platform, page, address, kind };
    });
}

const rows = supportedPagesRows();
const KINDS = ['dashboard', 'item-report', 'listing', 'search', 'editor'];

describe("the README's supported-pages table", () => {
  it('has rows, each with a known page kind and an address', () => {
    expect(rows.length).toBeGreaterThanOrEqual(ADAPTERS.length / 2);
    for (const row of rows) {
      expect(KINDS, `${row.platform} ${row.page}`).toContain(row.kind);
      expect(row.address, `${row.platform} ${row.page}`).toMatch(/`[^`]+\.[a-z]+/);
    }
  });

  it.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('has a row for %s', (_id, adapter) => {
    const hosts = new Set(adapter.sampleUrls.map((url) => new URL(url).hostname));
    const row = rows.find((candidate) => candidate.kind === adapter.pageKind && [...hosts].some((host) => candidate.address.includes(host)));
    expect(row, `no README row of kind ${adapter.pageKind} naming ${[...hosts].join(' or ')}`).toBeDefined();
  });

  it('has no row that no adapter reads', () => {
    for (const row of rows) {
      const readBy = ADAPTERS.some(
        (adapter) => adapter.pageKind === row.kind && adapter.sampleUrls.some((url) => row.address.includes(new URL(url).hostname)),
      );
      expect(readBy, `${row.platform} ${row.page} (${row.kind})`).toBe(true);
    }
  });
});
