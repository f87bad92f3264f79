/**
 * Bundled into an IIFE and added to a sample page by the bench: times what the content script
 * does once the figures are present (detect + extract + serialise for sendMessage) against the
 * baseline of one TreeWalker pass over every text node of the same document.
 */
import { adapterForUrl } from '../../../lib/adapters/registry';
import { captureFrom } from '../../../lib/adapters/run';

function walkAllText(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let length = 0;
  while (walker.nextNode()) length += walker.currentNode.nodeValue?.length ?? 0;
  return length;
}

function measure(iterations: number) {
  const url = new URL(location.href);
  const adapter = adapterForUrl(url);
  if (!adapter) throw new Error(`no adapter for ${url.href}`);
  const capture: number[] = [];
  const baseline: number[] = [];
  let sink = 0;
  let last = '';
  for (let i = 0; i < iterations; i++) {
    let start = performance.now();
    sink += walkAllText();
    baseline.push(performance.now() - start);
    start = performance.now();
    if (adapter.detect(document, url)) last = JSON.stringify(captureFrom(adapter, document, url, new Date(0)));
    capture.push(performance.now() - start);
  }
  return { capture, baseline, elements: document.getElementsByTagName('*').length, sink, last };
}

(globalThis as unknown as { __shoplensCaptureProbe: unknown }).__shoplensCaptureProbe = { measure };
