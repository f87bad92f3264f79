/** Budget 2: gzip size of every content script in the built extension (≤ 40 KB each). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../lib/chromium';
import { row, type BenchRow } from './report';

export function measureContentScriptSizes(): BenchRow[] {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js: string[] }[];
  };
  const files = [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.js))];
  // Page-world scripts injected by content scripts run in the page too: measure them alike.
  const unlisted = readdirSync(EXTENSION_DIR).filter((file) => file.endsWith('.js') && !file.startsWith('background'));
  return [...files, ...unlisted].map((file) => {
    const kb = gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length / 1024;
    return row('content-script size', `${file} (gzip)`, 'KB', [kb], { budget: { max: 40 } });
  });
}
