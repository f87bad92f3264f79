/**
 * Every page fixture (tests/fixtures/<platform>/<name>.html) against its expected capture.
 * Regenerate with `npm run fixtures:update` and review the diff; see lib/cli/fixtures.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../lib/capture/schema';
import { ADAPTERS, adapterForUrl } from '../../../lib/adapters/registry';
import {
  FIXTURE_ROOT,
  expectedJsonText,
  isNotRenderedFixture,
  listFixtures,
  runFixture,
  type FixtureFile,
} from '../../../lib/cli/fixtures';
import { fixtureUrlOf } from '../../../lib/cli/load-document';

const fixtures = listFixtures();

describe('page fixtures', () => {
  it('finds fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  describe.each(fixtures.map((fixture) => [fixture.name, fixture] as [string, FixtureFile]))('%s', (_name, fixture) => {
    const html = readFileSync(fixture.htmlPath, 'utf8');

    it('starts with a shoplens-fixture header naming a URL an adapter reads', () => {
      expect(html.split('\n')[0]).toMatch(/^<!-- shoplens-fixture url="[^"]+" -->$/);
      const url = fixtureUrlOf(html);
      expect(url).toBeDefined();
      expect(adapterForUrl(new URL(url as string))).toBeDefined();
    });

    it(isNotRenderedFixture(fixture) ? 'is not detected (not rendered)' : 'is detected', async () => {
      const run = await runFixture(fixture);
      expect(run.detected).toBe(!isNotRenderedFixture(fixture));
    });

    it('extracts exactly the expected capture, which passes the Capture schema', async () => {
      expect(existsSync(fixture.expectedPath), `missing ${fixture.expectedPath}: run npm run fixtures:update`).toBe(true);
      const run = await runFixture(fixture);
      expect(run.capture).toBeDefined();
      const expected = JSON.parse(readFileSync(fixture.expectedPath, 'utf8'));
      expect(run.capture).toEqual(expected);
      // The file is exactly what the update script writes (no hand edits drifting from it).
      expect(readFileSync(fixture.expectedPath, 'utf8')).toBe(expectedJsonText(run.capture!));
      const checked = captureSchema.safeParse(run.capture);
      expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
    });
  });

  it('has no expected file without its page', () => {
    const orphans: string[] = [];
    for (const platform of readdirSync(FIXTURE_ROOT)) {
      const dir = join(FIXTURE_ROOT, platform);
      for (const file of readdirSync(dir)) {
        if (file.endsWith('.expected.json') && !existsSync(join(dir, file.replace(/\.expected\.json$/, '.html')))) {
          orphans.push(`${platform}/${file}`);
        }
      }
    }
    expect(orphans).toEqual([]);
  });
});

describe('fixture coverage (meta)', () => {
  const adapterOfFixture = new Map<string, number>();
  for (const fixture of fixtures) {
    const url = fixtureUrlOf(readFileSync(fixture.htmlPath, 'utf8'));
    const adapter = url ? adapterForUrl(new URL(url)) : undefined;
    if (adapter) adapterOfFixture.set(adapter.id, (adapterOfFixture.get(adapter.id) ?? 0) + 1);
  }

  it.each(ADAPTERS.map((adapter) => [adapter.id]))('%s has at least 2 fixtures', (id) => {
    expect(adapterOfFixture.get(id) ?? 0).toBeGreaterThanOrEqual(2);
  });

  it.each(ADAPTERS.map((adapter) => [adapter.id, adapter.platform]))('%s fixtures live in tests/fixtures/%s', (id, platform) => {
    const misplaced = fixtures.filter((fixture) => {
      const url = fixtureUrlOf(readFileSync(fixture.htmlPath, 'utf8'));
      return url !== undefined && adapterForUrl(new URL(url))?.id === id && !fixture.name.startsWith(`${platform}/`);
    });
    expect(misplaced.map((fixture) => fixture.name)).toEqual([]);
  });
});
