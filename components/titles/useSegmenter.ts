/**
 * jieba for the side panel, loaded only when a view needs tokens, once per panel.
 *
 * The default loader imports lib/titles/segment-web.ts dynamically, so neither the e-commerce
 * dictionary nor jieba-wasm's glue lands in the panel's first chunk; segment-web then fetches
 * the ~4 MB .wasm beside jieba's module (the extension CSP allows 'wasm-unsafe-eval' for its
 * own pages). A failed load is reported with its reason: the views then audit without tokens
 * and say so.
 */
import { useEffect, useRef, useState } from 'react';
import type { Segmenter, SegmenterLoader } from '../../lib/titles/segment';

export type SegmenterState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; segmenter: Segmenter; ms: number }
  | { status: 'failed'; reason: string };

export const loadPanelSegmenter: SegmenterLoader = () => import('../../lib/titles/segment-web').then((module) => module.loadWebSegmenter());

interface Started {
  promise: Promise<Segmenter>;
  startedAt: number;
}

const now = () => (globalThis.performance ? globalThis.performance.now() : Date.now());

/** Starts loading when `needed` first becomes true; every render after that sees the same load. */
export function useSegmenter(needed: boolean, load: SegmenterLoader = loadPanelSegmenter): SegmenterState {
  const [state, setState] = useState<SegmenterState>({ status: 'idle' });
  const started = useRef<Started | null>(null);

  useEffect(() => {
    if (!needed) return;
    if (!started.current) {
      started.current = { promise: load(), startedAt: now() };
      setState({ status: 'loading' });
    }
    const { promise, startedAt } = started.current;
    // Subscribe on every run (StrictMode mounts twice); only a live subscription sets state.
    let live = true;
    promise.then(
      (segmenter) => {
        if (live) setState((previous) => (previous.status === 'ready' ? previous : { status: 'ready', segmenter, ms: Math.round(now() - startedAt) }));
      },
      (error: unknown) => {
        if (live) setState({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [needed, load]);

  return state;
}
