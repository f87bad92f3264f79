import type { Capture } from '../capture/schema';
import type { PageAdapter, PageResponse } from './types';

/** Wraps an adapter's reading in the Capture envelope. */
export function captureFrom(
  adapter: PageAdapter,
  doc: Document,
  url: URL,
  capturedAt: Date,
  responses: readonly PageResponse[] = [],
): Capture {
  const extracted = adapter.extract(doc, url, responses);
  return {
    platform: adapter.platform,
    pageKind: adapter.pageKind,
    url: url.href,
    capturedAt: capturedAt.toISOString(),
    adapter: { id: adapter.id, version: adapter.version },
    ...extracted,
  };
}
