import type { Capture } from '../capture/schema';
import type { PageAdapter } from './types';

/** Wraps an adapter's reading in the Capture envelope. */
export function captureFrom(adapter: PageAdapter, doc: Document, url: URL, capturedAt: Date): Capture {
  const extracted = adapter.extract(doc, url);
  return {
    platform: adapter.platform,
    pageKind: adapter.pageKind,
    url: url.href,
    capturedAt: capturedAt.toISOString(),
    adapter: { id: adapter.id, version: adapter.version },
    ...extracted,
  };
}
