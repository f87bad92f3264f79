/**
 * Pins the built manifest: permissions, host permissions, content-script matches and CSP.
 * A new permission or host must be a deliberate change to this file, reviewed with the README's
 * privacy section.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/chromium';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[]; js: string[] }[];
  content_security_policy?: { extension_pages?: string };
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  externally_connectable?: unknown;
}

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;

/** Every marketplace host ShopLens reads. Adding one = a new adapter, its fixtures and a README row. */
const HOSTS = [
  '*://compass.jinritemai.com/*',
  '*://detail.tmall.com/*',
  '*://fxg.jinritemai.com/*',
  '*://haohuo.jinritemai.com/*',
  '*://item.jd.com/*',
  '*://item.taobao.com/*',
  '*://item.upload.taobao.com/*',
  '*://jdsz.jd.com/*',
  '*://jzt.jd.com/*',
  '*://mms.pinduoduo.com/*',
  '*://mobile.yangkeduo.com/*',
  '*://one.alimama.com/*',
  '*://qianchuan.jinritemai.com/*',
  '*://s.taobao.com/*',
  '*://search.jd.com/*',
  '*://subway.simba.taobao.com/*',
  '*://sycm.taobao.com/*',
  '*://sz.jd.com/*',
  '*://yingxiao.pinduoduo.com/*',
];

describe('built manifest', () => {
  it('is MV3 with exactly the permissions ShopLens uses', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'notifications', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('asks for the marketplace hosts adapters read, and nothing wider', () => {
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual(HOSTS);
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
    expect([...new Set(matches)].sort()).toEqual(HOSTS);
    const everything = JSON.stringify(manifest);
    for (const forbidden of ['<all_urls>', '*://*/*', 'cookies', 'webRequest', 'debugger', '"history"', '"tabs"', 'externally_connectable']) {
      expect(everything).not.toContain(forbidden);
    }
  });

  it('keeps the extension pages CSP strict (wasm only, no eval, no remote code)', () => {
    expect(manifest.content_security_policy?.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';");
  });

  it('exposes no resources to pages beyond the page-world script adapters inject', () => {
    const exposed = (manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources);
    expect(exposed.every((file) => /^[\w-]+\.js$/.test(file))).toBe(true);
  });
});
