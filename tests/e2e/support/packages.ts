/**
 * Where `npm run zip` (`wxt zip && wxt zip -b firefox`) leaves the store packages and the builds
 * they were made from. `npm run test:browser` runs it first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { EXTENSION_DIR } from '../../../scripts/lib/chromium';

const packageJson = JSON.parse(readFileSync(join(EXTENSION_DIR, '../../package.json'), 'utf8')) as { name: string; version: string };

export const OUTPUT_DIR = dirname(EXTENSION_DIR);
export const CHROME_DIR = EXTENSION_DIR;
export const FIREFOX_DIR = join(OUTPUT_DIR, 'firefox-mv3');
/** WXT's names: `{name}-{version}-{browser}.zip`; Edge takes the Chrome package. */
export const CHROME_ZIP = join(OUTPUT_DIR, `${packageJson.name}-${packageJson.version}-chrome.zip`);
export const FIREFOX_ZIP = join(OUTPUT_DIR, `${packageJson.name}-${packageJson.version}-firefox.zip`);
/** The sources addons.mozilla.org asks for when the code is bundled. */
export const SOURCES_ZIP = join(OUTPUT_DIR, `${packageJson.name}-${packageJson.version}-sources.zip`);

/** Fails with the command to run when a build or package is missing. */
export function built(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run zip\` first (\`npm run test:browser\` does).`);
  return path;
}

/** Every file under `dir`, as sorted forward-slash paths relative to it. */
export function filesIn(dir: string): string[] {
  return (readdirSync(built(dir), { recursive: true }) as string[])
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => relative(dir, join(dir, path)).split(sep).join('/'))
    .sort();
}

export interface BuiltManifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: unknown[];
  content_security_policy?: { extension_pages?: string } | string;
  web_accessible_resources?: unknown[];
  background?: { service_worker?: string; scripts?: string[] };
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string };
  action?: unknown;
  browser_action?: unknown;
  options_ui?: unknown;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required: string[]; optional?: string[] } };
    gecko_android?: { strict_min_version?: string };
  };
}

export function readManifest(dir: string): BuiltManifest {
  return JSON.parse(readFileSync(built(join(dir, 'manifest.json')), 'utf8')) as BuiltManifest;
}
