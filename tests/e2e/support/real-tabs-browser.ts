/**
 * A Chromium with the built extension whose background tabs are really in the background, for
 * tests of what the extension does in tabs it opens itself (the background refresh).
 *
 * Why not scripts/lib/chromium.ts launchWithExtension: Playwright turns on focus emulation for
 * every page it attaches to, which keeps every tab visible (`document.hidden` false, even a tab
 * opened with `tabs.create({ active: false })`). The refresh's risk probe looks only while its
 * page is hidden, as an inactive tab is in a real browser. So this launcher starts Chromium
 * itself and attaches with `connectOverCDP({ noDefaults: true })`, which leaves visibility
 * alone: the active tab is visible, the others hidden.
 *
 * Pages load under their real addresses (`https://detail.tmall.com/item.htm?…`, no port): the
 * marketplace hosts map to the sample server's port. The refresh opens public listing
 * addresses only, and an address with a port is not one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Worker } from 'playwright-core';
import { EXTENSION_DIR, findChromium } from '../../../scripts/lib/chromium';

export interface RealTabsBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker now (a stopped worker is started again on its next event). */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

function devtoolsEndpoint(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output.slice(-2000)}`)), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}):\n${output.slice(-2000)}`));
    });
  });
}

export interface RealTabsOptions {
  /** Host names the sample server answers for, on `port`. */
  hosts: readonly string[];
  port: number;
  /** Host names answered on another local port instead (a server that never answers, say). */
  otherPorts?: Readonly<Record<string, number>>;
}

export async function launchWithRealTabs(options: RealTabsOptions): Promise<RealTabsBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npx wxt build\` first.`);
  const userDataDir = await mkdtemp(join(tmpdir(), 'shoplens-chromium-'));
  const ports: [string, number][] = [...options.hosts.map((host): [string, number] => [host, options.port]), ...Object.entries(options.otherPorts ?? {})];
  const rules = ports.map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
  const child = spawn(
    findChromium(),
    [
      '--headless',
      '--no-sandbox',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--disable-quic',
      '--lang=zh-CN',
      '--window-size=1280,900',
      // The sample site's certificate is a test-only self-signed one (scripts/lib/sample-site-tls).
      '--ignore-certificate-errors',
      `--host-resolver-rules=${rules}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let browser: Browser | undefined;
  try {
    browser = await chromium.connectOverCDP(await devtoolsEndpoint(child, 30_000), { noDefaults: true });
    const context = browser.contexts()[0]!;
    const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL((await worker()).url()).host;
    const connected = browser;
    return {
      context,
      extensionId,
      worker,
      async close() {
        const exited = new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
        // Closing the connection only detaches: ask the browser itself to quit, and make sure it does.
        await connected
          .newBrowserCDPSession()
          .then((session) => session.send('Browser.close'))
          .catch(() => undefined);
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
        // Its helper processes may still be writing the profile for a moment.
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    child.kill();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
