/**
 * The store packages `npm run zip` makes: Chrome/Edge and Firefox, each holding exactly its build;
 * the Firefox manifest differs from Chrome's only where Firefox needs it; and Mozilla's
 * addons-linter (run offline, as addons.mozilla.org runs it on upload) finds no error in the
 * Firefox package. Its warnings are listed; each must be a known one from a bundled library.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import linter, { type LinterMessage, type LinterResult } from 'addons-linter';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_ADDON_ID, FIREFOX_ANDROID_MIN_VERSION, FIREFOX_MIN_VERSION } from '../../lib/packaging/firefox-manifest';
import { built, CHROME_DIR, CHROME_ZIP, filesIn, FIREFOX_DIR, FIREFOX_ZIP, readManifest, SOURCES_ZIP } from './support/packages';
import { zipFileNames } from './support/zip-entries';

describe('store packages', () => {
  it.each([
    ['Chrome/Edge', CHROME_ZIP, CHROME_DIR],
    ['Firefox', FIREFOX_ZIP, FIREFOX_DIR],
  ])('the %s package holds exactly its build', (_browser, zip, dir) => {
    const entries = zipFileNames(built(zip));
    expect([...entries].sort()).toEqual(filesIn(dir));
    expect(entries).toContain('manifest.json');
  });

  it('comes with the sources Firefox reviewers rebuild from, and nothing local', () => {
    const sources = zipFileNames(built(SOURCES_ZIP));
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'entrypoints/background.ts', 'README.md']));
    const local = sources.filter((file) => /^(node_modules|\.output|\.wxt|\.git|tests|demo-output|test-results)\//.test(file));
    expect(local).toEqual([]);
  });
});

describe('Firefox manifest', () => {
  const chrome = readManifest(CHROME_DIR);
  const firefox = readManifest(FIREFOX_DIR);

  it('is Manifest V3, as the Chrome one', () => {
    expect(firefox.manifest_version).toBe(3);
    expect(chrome.manifest_version).toBe(3);
  });

  it('asks for the same permissions and hosts, less Chrome’s sidePanel', () => {
    expect(chrome.permissions).toContain('sidePanel');
    expect(firefox.permissions).toEqual(chrome.permissions!.filter((permission) => permission !== 'sidePanel'));
    expect(firefox.host_permissions).toEqual(chrome.host_permissions);
    expect(firefox.content_scripts).toEqual(chrome.content_scripts);
    expect(firefox.web_accessible_resources).toEqual(chrome.web_accessible_resources);
  });

  it('keeps the same strict extension pages CSP', () => {
    expect(firefox.content_security_policy).toEqual(chrome.content_security_policy);
    expect(firefox.content_security_policy).toEqual({ extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" });
  });

  it('shows the panel as a sidebar and runs the background as a script, the Firefox ways', () => {
    expect(firefox.sidebar_action?.default_panel).toBe(chrome.side_panel?.default_path);
    expect(firefox.side_panel).toBeUndefined();
    expect(firefox.background).toEqual({ scripts: [chrome.background?.service_worker] });
    expect(firefox.action).toEqual(chrome.action);
    expect(firefox.options_ui).toEqual(chrome.options_ui);
  });

  it('has its add-on id, declares no data collection, and names the versions that understand that', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: FIREFOX_ADDON_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    });
    expect(chrome.browser_specific_settings).toBeUndefined();
  });
});

/**
 * Warnings addons-linter raises on code we bundle but do not write. Each is identified by the code
 * at the reported place, so a new warning (ours, or a library's new one) fails the test.
 */
const KNOWN_WARNINGS: readonly { code: string; library: string; why: string; around: RegExp }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    library: 'react-dom',
    why: 'React sets innerHTML only for dangerouslySetInnerHTML, which ShopLens never uses (page text renders as text)',
    around: /__html[\s\S]*\.innerHTML\s*=/,
  },
];

function sourceAround(message: LinterMessage): string {
  if (!message.file || message.line === undefined) return '';
  const line = readFileSync(join(FIREFOX_DIR, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const column = (message.column ?? 1) - 1;
  return line.slice(Math.max(0, column - 200), column + 200);
}

function knownWarning(message: LinterMessage): string | undefined {
  const source = sourceAround(message);
  return KNOWN_WARNINGS.find((known) => known.code === message.code && known.around.test(source))?.library;
}

describe('addons-linter on the Firefox package', () => {
  let result: LinterResult;

  beforeAll(async () => {
    result = await linter
      .createInstance({
        config: {
          _: [built(FIREFOX_ZIP)],
          logLevel: 'fatal',
          stack: false,
          pretty: false,
          warningsAsErrors: false,
          metadata: false,
          output: 'none',
          boring: true,
          selfHosted: false,
        },
        runAsBinary: false,
      })
      .run();
    const { errors, warnings, notices } = result.summary;
    console.info(`addons-linter: ${errors} errors, ${warnings} warnings, ${notices} notices`);
    for (const message of [...result.errors, ...result.warnings, ...result.notices]) {
      console.info(`  ${message._type} ${message.code} ${message.file ?? ''}${message.line ? `:${message.line}:${message.column}` : ''} ${knownWarning(message) ?? ''}`);
    }
  });

  it('finds no error', () => {
    expect(result.errors.map((message) => `${message.code} ${message.file ?? ''}: ${message.message}`)).toEqual([]);
  });

  it('warns only about known code in bundled libraries', () => {
    const unknown = result.warnings.filter((message) => knownWarning(message) === undefined);
    expect(unknown.map((message) => `${message.code} ${message.file ?? ''}:${message.line ?? ''}: ${message.message}`)).toEqual([]);
  });

  it('has no notice either', () => {
    expect(result.notices.map((message) => `${message.code}: ${message.message}`)).toEqual([]);
  });
});
