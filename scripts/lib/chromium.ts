/**
 * Launching a real Chromium with the built extension, shared by the browser tests,
 * `npm run demo` and `npm run bench`.
 *
 * Marketplace host names are mapped to the local sample server with --host-resolver-rules,
 * so the content script runs under the production match patterns (patterns ignore the port).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

const INSTALL_HINT =
  'No Chromium found. Install it (Debian/Ubuntu: `apt-get update && apt-get install -y chromium`) ' +
  'or set CHROME_PATH to a Chromium/Chrome binary.';

/** CHROME_PATH, else `chromium` / `chromium-browser` / `google-chrome` on PATH. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new Error(INSTALL_HINT);
}

export interface LaunchOptions {
  /** Host names the sample server answers for. */
  hosts: readonly string[];
  headless?: boolean;
  /** Load the built extension (default true; the bench also launches without it for baselines). */
  withExtension?: boolean;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** The extension's id, from its service worker URL. */
  extensionId: string;
  serviceWorker: Worker | undefined;
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedBrowser> {
  const withExtension = options.withExtension ?? true;
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'shoplens-chromium-'));
  const rules = options.hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ');
  const args = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
    '--lang=zh-CN',
    `--host-resolver-rules=${rules}`,
  ];
  if (withExtension) args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    args,
    viewport: { width: 1280, height: 900 },
    // The sample site's certificate is a test-only self-signed one (./sample-site-tls).
    ignoreHTTPSErrors: true,
    locale: 'zh-CN',
  });
  let serviceWorker: Worker | undefined;
  let extensionId = '';
  if (withExtension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  }
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
