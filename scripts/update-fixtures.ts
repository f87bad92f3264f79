/**
 * `npm run fixtures:update [filter]`: regenerates every
 * `tests/fixtures/<platform>/<name>.expected.json` from its page with the adapter the
 * registry picks for the fixture's URL, and prints what changed, path by path.
 *
 * The output is a proposal: review every changed value against the page before keeping it
 * (a fixture that pins a wrong figure is worse than none).
 *
 * `filter` keeps only fixtures whose name (`taobao/listing-tmall-ice`) contains it.
 *
 * A page's `<name>.responses.json` (the JSON it fetched, see lib/cli/responses-file.ts) is read
 * by runFixture and given to the adapter; a sidecar the extension would not deliver fails here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expectedJsonText, listFixtures, runFixture } from '../lib/cli/fixtures';
import { DocumentLoadError } from '../lib/cli/load-document';
import { ResponsesFileError } from '../lib/cli/responses-file';

/** Flattens JSON into `path → scalar` pairs (`listing.price.min → 29.9`). */
function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(prefix, '[]');
    value.forEach((item, index) => flatten(item, `${prefix}[${index}]`, into));
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) into.set(prefix, '{}');
    for (const [key, item] of entries) flatten(item, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, JSON.stringify(value));
  }
  return into;
}

function describeChanges(before: unknown, after: unknown, limit = 40): string[] {
  const old = flatten(before);
  const now = flatten(after);
  const lines: string[] = [];
  for (const [path, value] of now) {
    if (!old.has(path)) lines.push(`    + ${path}: ${value}`);
    else if (old.get(path) !== value) lines.push(`    ~ ${path}: ${old.get(path)} → ${value}`);
  }
  for (const [path, value] of old) if (!now.has(path)) lines.push(`    - ${path}: ${value}`);
  return lines.length > limit ? [...lines.slice(0, limit), `    … ${lines.length - limit} more`] : lines;
}

async function updateFixtures(filter: string | undefined): Promise<number> {
  const fixtures = listFixtures().filter((fixture) => !filter || fixture.name.includes(filter));
  if (fixtures.length === 0) {
    console.error(filter ? `No fixture name contains "${filter}".` : 'No fixtures found under tests/fixtures.');
    return 1;
  }
  const counts = { created: 0, changed: 0, unchanged: 0, failed: 0 };
  for (const fixture of fixtures) {
    let run;
    try {
      run = await runFixture(fixture);
    } catch (error) {
      counts.failed++;
      const message = error instanceof DocumentLoadError || error instanceof ResponsesFileError ? error.message : String(error);
      console.log(`✗ ${fixture.name}: ${message}`);
      continue;
    }
    if (!run.adapter || !run.capture) {
      counts.failed++;
      console.log(`✗ ${fixture.name}: no adapter reads ${run.url.href}`);
      continue;
    }
    const text = expectedJsonText(run.capture);
    const note = `${run.responses.length > 0 ? ` (${run.responses.length} responses)` : ''}${run.detected ? '' : ' (detect=false)'}`;
    if (!existsSync(fixture.expectedPath)) {
      writeFileSync(fixture.expectedPath, text);
      counts.created++;
      console.log(`+ ${fixture.name} [${run.adapter.id}]${note}: created, review it`);
      continue;
    }
    const previous = readFileSync(fixture.expectedPath, 'utf8');
    if (previous === text) {
      counts.unchanged++;
      console.log(`= ${fixture.name}${note}`);
      continue;
    }
    let before: unknown;
    try {
      before = JSON.parse(previous);
    } catch {
      before = {};
    }
    writeFileSync(fixture.expectedPath, text);
    counts.changed++;
    console.log(`~ ${fixture.name} [${run.adapter.id}]${note}: changed`);
    const lines = describeChanges(before, run.capture);
    for (const line of lines.length > 0 ? lines : ['    (same values; key order or formatting only)']) console.log(line);
  }
  console.log(
    `\n${fixtures.length} fixtures: ${counts.created} created, ${counts.changed} changed, ` +
      `${counts.unchanged} unchanged, ${counts.failed} failed.`,
  );
  if (counts.created + counts.changed > 0) console.log('Review every new or changed value against its page before keeping it.');
  return counts.failed > 0 ? 1 : 0;
}

updateFixtures(process.argv[2]).then((code) => {
  process.exitCode = code;
});
