/**
 * The browser segmenter, for the side panel and other extension pages only (never a content
 * script: jieba is 4 MB of WebAssembly, and the page's CSP would not allow compiling it).
 * The extension's CSP allows 'wasm-unsafe-eval' for extension pages.
 *
 * Nothing loads until the first call; later calls share the same promise. A failed load is
 * forgotten so the next call can retry.
 */
import { createSegmenter, type Segmenter } from './segment';

export interface WebSegmenterOptions {
  /**
   * Where the .wasm file is. By default jieba-wasm resolves `jieba_rs_wasm_bg.wasm` next to its
   * own module (`new URL(…, import.meta.url)`), which the bundler emits as an asset.
   */
  wasm?: string | URL;
}

let pending: Promise<Segmenter> | undefined;

export function loadWebSegmenter(options: WebSegmenterOptions = {}): Promise<Segmenter> {
  pending ??= (async () => {
    const jieba = await import('jieba-wasm/web');
    await jieba.default(options.wasm ? { module_or_path: options.wasm } : undefined);
    return createSegmenter(jieba);
  })().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
