/**
 * Turns a saved page (an HTML file or fragment) into a DOM Document + URL, the input every
 * adapter's `detect`/`extract` takes. Used by `npm run shoplens -- extract`, by
 * scripts/update-fixtures.ts and by the fixture tests, so all three read a page the same way.
 *
 * Node only (jsdom). Page scripts are never run: jsdom's default `runScripts` is off.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * First line of every fixture: `<!-- shoplens-fixture url="https://…" -->`. The URL is the
 * address the page was (or pretends to have been) saved from.
 */
const FIXTURE_HEADER = /^\uFEFF?\s*<!--\s*shoplens-fixture\s+url="([^"]*)"\s*-->/;

export function fixtureUrlOf(html: string): string | undefined {
  const match = FIXTURE_HEADER.exec(html);
  return match?.[1]?.replace(/&amp;/g, '&');
}

export type LoadProblem = 'missing-file' | 'unreadable-file' | 'bad-url' | 'no-url';

/** A page that cannot be loaded; `message` is one line meant for a person. */
export class DocumentLoadError extends Error {
  constructor(readonly problem: LoadProblem, message: string) {
    super(message);
  }
}

// jsdom ships no type declarations (and @types/jsdom is not a dependency): declare the
// little this module uses and load it through require, which leaves no ambient module
// declaration behind to clash with a future @types/jsdom.
interface JsdomInstance {
  window: { document: Document };
}
type JsdomConstructor = new (html: string, options: { url: string; contentType: string }) => JsdomInstance;
let jsdomConstructor: JsdomConstructor | undefined;

function JSDOM(): JsdomConstructor {
  jsdomConstructor ??= (createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomConstructor }).JSDOM;
  return jsdomConstructor;
}

/** Parses `html` (a whole page or a fragment without `<html>`) as if served from `url`. Scripts never run. */
export function documentFromHtml(html: string, url: URL): Document {
  const Dom = JSDOM();
  return new Dom(html, { url: url.href, contentType: 'text/html' }).window.document;
}

/** How long a rendered fixture's own scripts get to fetch and draw before it is read. */
const RENDER_SETTLE_MS = 300;

/**
 * Renders one of the project's own fixture pages the way the browser does: its inline scripts
 * run, and `fetch` answers from the page's responses sidecar (what the sample server serves).
 * For fixtures whose figures arrive over fetch, so their expected JSON is what the extension
 * reads in Chromium. Only for our fixtures: the `extract` command never runs a page's scripts.
 */
export async function renderFixturePage(html: string, url: URL, responses: readonly { url: string; body: unknown }[]): Promise<Document> {
  const Dom = JSDOM();
  const bodies = new Map(responses.map((r) => [new URL(r.url).pathname + new URL(r.url).search, r.body]));
  const dom = new Dom(html, {
    url: url.href,
    contentType: 'text/html',
    runScripts: 'dangerously',
    beforeParse(window: any) {
      window.fetch = async (input: string | { url: string }) => {
        const target = new URL(typeof input === 'string' ? input : input.url, url);
        const key = target.pathname + target.search;
        if (!bodies.has(key)) return { ok: false, status: 404, json: async () => Promise.reject(new Error('not found')), text: async () => '' };
        const text = JSON.stringify(bodies.get(key));
        return { ok: true, status: 200, json: async () => JSON.parse(text), text: async () => text, clone() { return this; } };
      };
    },
  } as never);
  const window = (dom as unknown as { window: Window }).window;
  await new Promise<void>((done) => (window.document.readyState === 'complete' ? done() : window.addEventListener('load', () => done())));
  await new Promise((done) => setTimeout(done, RENDER_SETTLE_MS));
  return window.document;
}

/** Parses a page address; only http(s) addresses are pages an adapter could read. */
export function parsePageUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DocumentLoadError('bad-url', `Not a valid URL: "${text}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DocumentLoadError('bad-url', `Not a web page address (http or https): "${text}".`);
  }
  return url;
}

export async function readHtmlFile(path: string): Promise<string> {
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new DocumentLoadError('missing-file', `File not found: ${path}`);
    }
    throw new DocumentLoadError('unreadable-file', `Cannot read ${path}: ${code ?? 'unknown error'}`);
  }
  if (!isFile) throw new DocumentLoadError('unreadable-file', `Cannot read ${path}: not a regular file.`);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DocumentLoadError('unreadable-file', `Cannot read ${path}: ${code ?? 'unknown error'}`);
  }
}

export interface LoadedPage {
  doc: Document;
  url: URL;
  html: string;
}

/**
 * Loads a saved page. The address is `urlText` when given, else the file's
 * `shoplens-fixture` header; without either the page cannot be matched to an adapter.
 */
export async function loadHtmlFile(path: string, urlText?: string): Promise<LoadedPage> {
  // Check the address before touching the file, so a typo in --url is reported first.
  const given = urlText === undefined ? undefined : parsePageUrl(urlText);
  const html = await readHtmlFile(path);
  const headerUrl = fixtureUrlOf(html);
  const url = given ?? (headerUrl === undefined ? undefined : parsePageUrl(headerUrl));
  if (!url) {
    throw new DocumentLoadError('no-url', `No page address for ${path}: pass --url <address the page was saved from>.`);
  }
  return { doc: documentFromHtml(html, url), url, html };
}
