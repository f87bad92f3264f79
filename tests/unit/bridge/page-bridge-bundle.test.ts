// @vitest-environment node
/**
 * The page-world script runs inside every marketplace page whose adapter reads fetched JSON: it
 * must stay tiny and self-contained. Bundles what entrypoints/page-bridge.ts runs (esbuild, as
 * the build minifies it) and checks it loads nothing outside lib/bridge and stays small. The same
 * check for the content script's bridge checkpoint: it must not pull zod in (see
 * lib/bridge/protocol.ts for the measurement behind that decision).
 */
import { build } from 'esbuild';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

async function bundle(entry: string) {
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return {
    inputs: Object.keys(result.metafile.inputs).map((file) => relative(ROOT, resolve(ROOT, file))).sort(),
    gzip: gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length,
  };
}

describe('page-world bundle', () => {
  it('loads only lib/bridge modules and stays under 4 KB gzip', async () => {
    const { inputs, gzip } = await bundle('lib/bridge/page-world.ts');
    expect(inputs).toEqual(['lib/bridge/endpoints.ts', 'lib/bridge/page-world.ts', 'lib/bridge/protocol.ts']);
    expect(gzip).toBeLessThan(4 * 1024);
  });

  it('the content-side checkpoint stays free of packages and under 2 KB gzip', async () => {
    const { inputs, gzip } = await bundle('lib/bridge/receive.ts');
    expect(inputs.filter((file) => file.includes('node_modules'))).toEqual([]);
    expect(gzip).toBeLessThan(2 * 1024);
  });
});
