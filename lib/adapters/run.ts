import type { Capture } from '../capture/schema';
import type { PageAdapter, PageFonts, PageResponse } from './types';
import { withTextScan } from '../capture/text-scan';

/** Wraps an adapter's reading in the Capture envelope. */
export function captureFrom(
  adapter: PageAdapter,
  doc: Document,
  url: URL,
  capturedAt: Date,
  responses: readonly PageResponse[] = [],
  /** The page's decoded digit fonts, for an adapter with `fonts` (read them first: PageAdapter.fonts). */
  fonts?: PageFonts,
): Capture {
  // One text scan serves every search of the page during this synchronous read.
  const extracted = withTextScan(doc, () => adapter.extract(doc, url, responses, fonts));
  return {
    platform: adapter.platform,
    pageKind: adapter.pageKind,
    url: url.href,
    capturedAt: capturedAt.toISOString(),
    adapter: { id: adapter.id, version: adapter.version },
    ...extracted,
  };
}

/**
 * The page's Capture when the adapter recognises it, else undefined: detect and extract in one
 * text scan (detect often reads what extract reads again), as the content script, the bench and
 * the CLI all read a page.
 */
export function captureIfDetected(
  adapter: PageAdapter,
  doc: Document,
  url: URL,
  capturedAt: Date,
  responses: readonly PageResponse[] = [],
  fonts?: PageFonts,
): Capture | undefined {
  return withTextScan(doc, () => (adapter.detect(doc, url, responses, fonts) ? captureFrom(adapter, doc, url, capturedAt, responses, fonts) : undefined));
}
