/**
 * `npm run shoplens -- extract --url <URL> <file.html>`: reads a saved page with the adapter
 * for its address and prints the Capture JSON. For checking an adapter against a page saved
 * from the browser, and for writing fixtures.
 *
 * Figures that arrive over fetch: `--responses <file>` gives the JSON the page fetched
 * (`[{ endpoint, url, body }]`, see lib/cli/responses-file.ts); without it, the sidecar beside the
 * page (`page.html` → `page.responses.json`) is used when there is one.
 *
 * Exit codes: 0 read; 1 bad input (arguments, file, address); 2 no adapter reads that
 * address; 3 the adapter knows the address but the page does not look rendered
 * (`detect` false); 4 the capture failed the Capture schema (a bug in the adapter).
 */
import { captureSchema } from '../../capture/schema';
import { adapterForUrl } from '../../adapters/registry';
import { captureIfDetected } from '../../adapters/run';
import { readPageFontsSettled } from '../../capture/fonts/page-fonts';
import type { CliCommand } from '../command';
import { CliError } from '../command';
import { DocumentLoadError, loadHtmlFile } from '../load-document';
import { loadPageResponses, ResponsesFileError } from '../responses-file';

export const EXIT_NO_ADAPTER = 2;
export const EXIT_NOT_RECOGNISED = 3;
export const EXIT_INVALID_CAPTURE = 4;

interface ExtractArgs {
  file: string;
  url?: string;
  at: Date;
  responses?: string;
}

const VALUE_OPTIONS = ['--url', '--at', '--responses'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function parseArgs(args: string[], now: () => Date): ExtractArgs {
  const values: Partial<Record<ValueOption, string>> = {};
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
        throw new CliError(`Unknown option ${name}. Usage: ${extractCommand.usage}`);
      }
      let value: string | undefined;
      if (eq >= 0) {
        value = arg.slice(eq + 1);
      } else {
        value = args[i + 1];
        i++;
      }
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new CliError(`Option ${name} needs a value. Usage: ${extractCommand.usage}`);
      }
      values[name as ValueOption] = value;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) throw new CliError(`No page file given. Usage: ${extractCommand.usage}`);
  if (files.length > 1) throw new CliError(`One page file at a time (got ${files.length}: ${files.join(', ')}).`);
  let at = now();
  if (values['--at'] !== undefined) {
    // Only full ISO timestamps: a bare date would silently mean midnight UTC.
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
    at = new Date(values['--at']);
    if (!iso.test(values['--at']) || Number.isNaN(at.getTime())) {
      throw new CliError(`--at must be an ISO time such as 2026-11-22T08:00:00Z (got "${values['--at']}").`);
    }
  }
  return { file: files[0] as string, url: values['--url'], at, responses: values['--responses'] };
}

/** The command, with the clock as a parameter so tests can fix it. */
export function makeExtractCommand(now: () => Date = () => new Date()): CliCommand {
  return {
    name: 'extract',
    summary: 'Read a saved page (HTML file or fragment) and print its Capture JSON',
    usage:
      'npm run shoplens -- extract --url <address the page was saved from> [--at <ISO time>] [--responses <file.json>] <file.html>\n' +
      '  --url may be left out when the file starts with <!-- shoplens-fixture url="…" -->.\n' +
      '  --responses: the JSON the page fetched, [{ endpoint, url, body }]; default: <file>.responses.json beside the page, if any.\n' +
      '  Exit codes: 0 read, 1 bad input, 2 no adapter for the address, 3 page not recognised, 4 invalid capture.',
    async run(args, io) {
      const { file, url: urlText, at, responses: responsesFile } = parseArgs(args, now);
      let page;
      try {
        page = await loadHtmlFile(file, urlText);
      } catch (error) {
        if (error instanceof DocumentLoadError) throw new CliError(error.message);
        throw error;
      }
      const { doc, url } = page;
      const adapter = adapterForUrl(url);
      if (!adapter) {
        io.err(`No adapter reads ${url.href} (ShopLens does not know this kind of page).`);
        return EXIT_NO_ADAPTER;
      }
      let responses;
      try {
        ({ responses } = loadPageResponses(file, adapter, url, responsesFile));
      } catch (error) {
        if (error instanceof ResponsesFileError) throw new CliError(error.message);
        throw error;
      }
      // Digits drawn with an obfuscating font embedded in the page are decoded as the extension does.
      const fonts = await readPageFontsSettled(adapter.fonts, doc);
      const capture = captureIfDetected(adapter, doc, url, at, responses, fonts);
      if (!capture) {
        io.err(`${adapter.id} did not recognise the page in ${file}: not rendered, or a layout it does not know.`);
        return EXIT_NOT_RECOGNISED;
      }
      io.out(JSON.stringify(capture, null, 2));
      const checked = captureSchema.safeParse(capture);
      if (!checked.success) {
        const first = checked.error.issues[0];
        io.err(`${adapter.id} produced an invalid capture: ${first ? `${first.path.join('.')}: ${first.message}` : 'schema check failed'}.`);
        return EXIT_INVALID_CAPTURE;
      }
      return 0;
    },
  };
}

export const extractCommand: CliCommand = makeExtractCommand();
