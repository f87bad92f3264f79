/**
 * Bundled into an IIFE and added to a sample page by the bench: times what the content script
 * does once the figures are present (detect + extract + serialise for sendMessage) against the
 * baseline of one TreeWalker pass over every text node of the same document.
 */
import { adapterForUrl } from '../../../lib/adapters/registry';
import { captureIfDetected } from '../../../lib/adapters/run';

function walkAllText(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let length = 0;
  while (walker.nextNode()) length += walker.currentNode.nodeValue?.length ?? 0;
  return length;
}

/**
 * Each sample is the mean of REPEATS back-to-back runs: the browser's clock is coarsened to
 * 0.1 ms, too coarse for a sub-millisecond baseline taken once.
 */
const REPEATS = 10;

function timed(run: () => void): number {
  const start = performance.now();
  for (let r = 0; r < REPEATS; r++) run();
  return (performance.now() - start) / REPEATS;
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
    baseline.push(timed(() => (sink += walkAllText())));
    // As the content script does (lib/content/capture-loop.ts): detection and extraction share
    // one text scan, built afresh for every capture.
    capture.push(timed(() => (last = JSON.stringify(captureIfDetected(adapter, document, url, new Date(0)) ?? null))));
  }
  return { capture, baseline, elements: document.getElementsByTagName('*').length, sink, last };
}

(globalThis as unknown as { __shoplensCaptureProbe: unknown }).__shoplensCaptureProbe = { measure };
