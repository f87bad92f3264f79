/** Bundles a bench probe (TypeScript under scripts/bench/in-page/) into one IIFE string. */
import { build } from 'esbuild';
import { resolve } from 'node:path';

export async function bundleProbe(name: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, 'in-page', `${name}.ts`)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
    logLevel: 'silent',
    plugins: [
      {
        // Vite's `?url` asset imports (the panel's jieba .wasm): probes pass such addresses in.
        name: 'vite-url-imports',
        setup(build) {
          build.onResolve({ filter: /\?url$/ }, (args) => ({ path: args.path, namespace: 'vite-url' }));
          build.onLoad({ filter: /.*/, namespace: 'vite-url' }, () => ({ contents: 'export default ""', loader: 'js' }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}
