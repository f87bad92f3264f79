/**
 * The Content Security Policy holds for what is built: extension pages have no inline script,
 * and no bundle compiles strings into code, in both packages. The policy itself is pinned in
 * tests/e2e/manifest.test.ts (Chrome) and tests/e2e/package.test.ts (Firefox, same policy).
 *
 * Then in Chromium: the side panel and options pages start without a single CSP violation
 * (zod's eval probe used to cause one on every start, until lib/csp/zod-jitless.ts), and the
 * background runs zod jitless too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineCodeInHtml, unexplainedStringToCodeUses, vendoredEvalSitesIn } from '../../lib/packaging/csp-scan';
import { launchWithExtension, type LaunchedBrowser } from '../../scripts/lib/chromium';
import { CHROME_DIR, filesIn, FIREFOX_DIR } from './support/packages';

/** How the built code says `z.config({ jitless: true })`, minified or not. */
const ZOD_JITLESS = /jitless\s*:\s*(?:!0|true)\b/;

describe.each([
  ['chrome-mv3', CHROME_DIR],
  ['firefox-mv3', FIREFOX_DIR],
])('%s build', (_name, dir) => {
  const files = filesIn(dir);
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');

  it('has extension pages whose scripts all come from files', () => {
    const pages = files.filter((file) => file.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['options.html', 'sidepanel.html']));
    for (const page of pages) {
      const html = read(page);
      expect(inlineCodeInHtml(html), page).toEqual([]);
      expect(html, `${page} loads its code`).toMatch(/<script type="module"[^>]* src="\/chunks\/[\w-]+\.js"/);
    }
  });

  it('has no bundle that turns a string into code, beyond the vendored sites that never run', () => {
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts).toContain('background.js');
    const unexplained = scripts.flatMap((file) => unexplainedStringToCodeUses(read(file)).map((finding) => `${file}: ${finding.rule}: ${finding.snippet}`));
    expect(unexplained).toEqual([]);
  });

  it('sets zod jitless in every bundle that carries zod’s eval code', () => {
    const withZodEval = files.filter((file) => file.endsWith('.js') && vendoredEvalSitesIn(read(file)).length > 0);
    // The background and the panels' shared chunk validate with zod: if none carried it, the check below would prove nothing.
    expect(withZodEval).toContain('background.js');
    for (const file of withZodEval) expect(read(file), file).toMatch(ZOD_JITLESS);
  });
});

interface ViolationWindow {
  __cspViolations?: string[];
}

describe('in Chromium', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension({ hosts: [] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(['sidepanel.html', 'options.html'])('%s starts without a CSP violation, and one would be seen', async (file) => {
    const page = await browser.context.newPage();
    // Before the page's own scripts: every violation from the first module on is recorded.
    await page.addInitScript(() => {
      const record: string[] = [];
      (globalThis as ViolationWindow).__cspViolations = record;
      document.addEventListener('securitypolicyviolation', (event) => {
        record.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (globalThis as ViolationWindow).__cspViolations)).toEqual([]);

    // The control: the page's policy refuses a string as code, and the listener sees it. (A string
    // timer runs later as the page's own code; code evaluated through DevTools is exempt from the CSP.)
    await page.evaluate(() => {
      setTimeout('globalThis.__evaluated = true', 0);
    });
    // (Chromium reports each refusal twice.)
    await expect.poll(() => page.evaluate(() => (globalThis as ViolationWindow).__cspViolations?.length ?? 0)).toBeGreaterThan(0);
    const seen = await page.evaluate(() => (globalThis as ViolationWindow).__cspViolations ?? []);
    expect(seen.every((violation) => violation.startsWith('script-src eval'))).toBe(true);
    expect(await page.evaluate(() => (globalThis as { __evaluated?: boolean }).__evaluated)).toBeUndefined();
    await page.close();
  });

  it('runs zod jitless in the background', async () => {
    const worker = browser.serviceWorker!;
    const jitless = await worker.evaluate(() => (globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless);
    expect(jitless).toBe(true);
  });
});
