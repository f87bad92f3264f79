/**
 * The Node segmenter (tests, command line, benchmark): jieba-wasm's Node build, which
 * compiles its WebAssembly synchronously when first required. Loaded on first use, then
 * shared. Never import this from extension code: use ./segment-web.ts in the side panel.
 */
import { createRequire } from 'node:module';
import { createSegmenter, type JiebaApi, type Segmenter } from './segment';

let segmenter: Segmenter | undefined;

/** Loads jieba and the dictionary on the first call (about 30–60 ms), then returns the same segmenter. */
export function nodeSegmenter(): Segmenter {
  if (!segmenter) {
    const require = createRequire(import.meta.url);
    const jieba = require('jieba-wasm') as JiebaApi;
    segmenter = createSegmenter(jieba);
  }
  return segmenter;
}

/** The same, behind the async loader interface the side panel uses. */
export async function loadNodeSegmenter(): Promise<Segmenter> {
  return nodeSegmenter();
}
