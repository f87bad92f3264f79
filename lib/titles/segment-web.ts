/**
 * The browser segmenter, for the side panel and other extension pages only (never a content
 * script: jieba is 4 MB of WebAssembly, and the page's CSP would not allow compiling it).
 * The extension's CSP allows 'wasm-unsafe-eval' for extension pages.
 *
 * Nothing loads until the first call; later calls share the same promise. A failed load is
 * forgotten so the next call can retry.
 */
import { createSegmenter, type Segmenter } from './segment';
// jieba-wasm finds its .wasm with `new URL('jieba_rs_wasm_bg.wasm', import.meta.url)`, a bare
// name the bundler does not follow: in the built extension that became `self.location.href`,
// a fetch of /jieba_rs_wasm_bg.wasm that the package never emitted (the panel failed to load
// it). Importing the file with `?url` makes Vite emit it as an asset and gives its address.
// (The package's `exports` do not list the .wasm, hence the path into node_modules.)
import bundledWasmUrl from '../../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm?url';

export interface WebSegmenterOptions {
  /** Where the .wasm file is; by default the asset the bundler emitted for it (see above). */
  wasm?: string | URL;
}

let pending: Promise<Segmenter> | undefined;

export function loadWebSegmenter(options: WebSegmenterOptions = {}): Promise<Segmenter> {
  pending ??= (async () => {
    const jieba = await import('jieba-wasm/web');
    await jieba.default({ module_or_path: options.wasm ?? bundledWasmUrl });
    return createSegmenter(jieba);
  })().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
