/**
 * What every page adapter provides. One module per page kind, listed in ./registry.ts.
 *
 * Detection is split in two so the content script stays cheap:
 * - `matchesUrl(url)` decides from the address alone (pure, tested with URL tables both ways);
 * - `detect(doc, url)` checks one or two DOM markers that say the page has rendered its figures.
 * `extract(doc, url)` is a pure function of the document and address; the envelope
 * (capturedAt, adapter id and version) is added by `captureFrom` in ./run.ts, so the same
 * document always extracts to the same JSON (fixtures depend on that).
 */
import type { Capture, PageKind, Platform } from '../capture/schema';
import type { DigitFontReader, PageFonts } from '../capture/fonts/page-fonts';

export type { PageFonts } from '../capture/fonts/page-fonts';

/**
 * A JSON response the page itself fetched from an endpoint an adapter declared. The page-world
 * bridge (lib/bridge) hands these to the content script; they are untrusted input like the DOM.
 * Fixtures supply them from `<page>.responses.json`.
 */
export interface PageResponse {
  /** The adapter's endpoint id that matched. */
  endpoint: string;
  url: string;
  body: unknown;
}

/** An XHR/fetch endpoint whose JSON an adapter reads (figures that never reach the DOM as text). */
export interface EndpointSpec {
  id: string;
  /** Matched against the request's path + query (host is the page's own unless `host` is set). */
  path: RegExp;
  host?: string;
  /** Unit conventions of this endpoint (fen, decimal ratios), documented beside the mapping. */
  note?: string;
}

/** Everything an adapter reads; the envelope fields are filled in by captureFrom. */
export type Extracted = Omit<Capture, 'platform' | 'pageKind' | 'url' | 'capturedAt' | 'adapter'>;

export interface PageAdapter {
  /** `<platform>/<page>`, also the fixture folder name part: `taobao/sycm-home`. */
  readonly id: string;
  /** Bump when extraction changes, so stored raw captures can be re-derived. */
  readonly version: number;
  readonly platform: Platform;
  readonly pageKind: PageKind;
  /** Match patterns (Chrome syntax) of the hosts this adapter reads. */
  readonly hosts: readonly string[];
  /** Sample URLs this adapter must accept; every other adapter must reject them. */
  readonly sampleUrls: readonly string[];
  /** Endpoints whose responses this adapter reads, if any. */
  readonly endpoints?: readonly EndpointSpec[];
  /**
   * For pages that draw digits with an obfuscating web font: decodes the fonts the page declares
   * (async, so callers read it before detect/extract and pass the settled PageFonts to both).
   */
  readonly fonts?: DigitFontReader;
  matchesUrl(url: URL): boolean;
  detect(doc: Document, url: URL, responses?: readonly PageResponse[], fonts?: PageFonts): boolean;
  extract(doc: Document, url: URL, responses?: readonly PageResponse[], fonts?: PageFonts): Extracted;
}
