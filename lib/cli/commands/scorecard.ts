/**
 * `npm run shoplens -- scorecard --url <URL> <file.html>`: reads a saved listing page with the
 * adapter for its address (the same machinery as `extract`) and prints its scorecard as JSON:
 * `{ url, adapter, platform, itemId, title, score, earned, checkedWeight, checks: [...], peers }`.
 *
 * `--peers <file.json>`: captures of other pages (search results, listings), as `extract` prints
 * them, in one JSON array; they are the competitor corpus the sales, reviews and service-score
 * checks compare with. Without it those checks are "not checked (no data)". A capture in the file
 * that fails the Capture schema is reported and skipped; the others are used.
 *
 * Exit codes: 0 scored; 1 bad input; 2 no adapter reads the address; 3 the page is not
 * recognised; 4 the capture failed the Capture schema; 5 the page is not a listing page.
 */
import { captureIfDetected } from '../../adapters/run';
import { adapterForUrl } from '../../adapters/registry';
import { captureSchema, type Capture } from '../../capture/schema';
import { scoreListing } from '../../scorecard/scorecard';
import { corpusFromCaptures, peerFigures } from '../../titles/corpus';
import type { CliCommand, CliIo } from '../command';
import { CliError } from '../command';
import { DocumentLoadError, loadHtmlFile } from '../load-document';
import { loadPageResponses, ResponsesFileError } from '../responses-file';
import { EXIT_INVALID_CAPTURE, EXIT_NO_ADAPTER, EXIT_NOT_RECOGNISED } from './extract';
import { listOption, optionalLimit, parseCommandArgs, readTextFile } from './title-options';

export const EXIT_NOT_LISTING = 5;

const USAGE =
  'npm run shoplens -- scorecard --url <address the page was saved from> [--peers <captures.json>] [--responses <file.json>]\n' +
  '         [--limit N] [--brands 品牌A,品牌B] [--own-brands 我的品牌] [--words 禁用词] <file.html>\n' +
  '  --url may be left out when the file starts with <!-- shoplens-fixture url="…" -->.\n' +
  '  --peers: a JSON array of captures (as `extract` prints them) of search results and other listings.\n' +
  '  Exit codes: 0 scored, 1 bad input, 2 no adapter, 3 page not recognised, 4 invalid capture, 5 not a listing page.';

const OPTIONS = {
  url: { type: 'string' },
  peers: { type: 'string' },
  responses: { type: 'string' },
  limit: { type: 'string' },
  brands: { type: 'string' },
  'own-brands': { type: 'string' },
  words: { type: 'string' },
} as const;

/** The captures in a peers file; a broken entry is reported and skipped, the rest are used. */
export function parsePeerCaptures(text: string, path: string, io: CliIo): Capture[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new CliError(`同行文件不是 JSON / The peers file ${path} is not JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(raw) ? raw : [raw];
  const captures: Capture[] = [];
  list.forEach((entry, index) => {
    const parsed = captureSchema.safeParse(entry);
    if (parsed.success) {
      captures.push(parsed.data);
      return;
    }
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.')}: ${first.message}` : 'schema check failed';
    io.err(`同行文件第 ${index + 1} 项不是有效的读取结果，已跳过 / peers entry ${index + 1} is not a valid capture (${where}); skipped.`);
  });
  return captures;
}

export const scorecardCommand: CliCommand = {
  name: 'scorecard',
  summary: 'Score a saved listing page 0–100 with every check shown, as JSON',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
    if (positionals.length === 0) throw new CliError(`缺少页面文件 / No page file given.\nUsage: ${USAGE}`);
    if (positionals.length > 1) throw new CliError(`一次只能评一个页面 / One page file at a time (got ${positionals.length}).`);
    const file = positionals[0]!;
    const limit = optionalLimit(values.limit);

    let page;
    try {
      page = await loadHtmlFile(file, values.url);
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
    if (adapter.pageKind !== 'listing') {
      io.err(`${url.href} is a ${adapter.pageKind} page (${adapter.id}), not a listing page: nothing to score.`);
      return EXIT_NOT_LISTING;
    }
    let responses;
    try {
      ({ responses } = loadPageResponses(file, adapter, url, values.responses));
    } catch (error) {
      if (error instanceof ResponsesFileError) throw new CliError(error.message);
      throw error;
    }
    const capture = captureIfDetected(adapter, doc, url, new Date(), responses);
    if (!capture) {
      io.err(`${adapter.id} did not recognise the page in ${file}: not rendered, or a layout it does not know.`);
      return EXIT_NOT_RECOGNISED;
    }
    const checked = captureSchema.safeParse(capture);
    if (!checked.success) {
      const first = checked.error.issues[0];
      io.err(`${adapter.id} produced an invalid capture: ${first ? `${first.path.join('.')}: ${first.message}` : 'schema check failed'}.`);
      return EXIT_INVALID_CAPTURE;
    }
    const listing = checked.data.listing;
    if (!listing) {
      const reasons = checked.data.issues.map((issue) => `${issue.field}: ${issue.problem}`).join('; ');
      io.err(`${adapter.id} read no listing from ${file}${reasons ? ` (${reasons})` : ''}.`);
      return EXIT_NOT_RECOGNISED;
    }

    const peerCaptures = values.peers ? parsePeerCaptures(await readTextFile(values.peers, { zh: '同行', en: 'peers' }), values.peers, io) : [];
    const peers = peerCaptures.length
      ? peerFigures(corpusFromCaptures(peerCaptures), { platform: checked.data.platform, itemId: listing.itemId, title: listing.title, category: listing.category })
      : undefined;

    const scorecard = scoreListing({
      platform: checked.data.platform,
      listing,
      peers,
      title: {
        ...(limit !== undefined ? { limit } : {}),
        brands: listOption(values.brands),
        ownBrands: listOption(values['own-brands']),
        userWords: listOption(values.words),
      },
    });
    const output = {
      url: url.href,
      adapter: checked.data.adapter,
      ...scorecard,
      peers: peers ? { basis: peers.basis, listings: peers.listings } : null,
    };
    io.out(JSON.stringify(output, null, 2));
    return 0;
  },
};
