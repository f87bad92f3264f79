/**
 * `npm run shoplens -- diagnose <captures.json>`: reads a JSON array of Captures (as printed by
 * `extract`; one shop, any number of days) and prints `{ "findings": [...] }`, the diagnosis the
 * side panel shows.
 *
 * What is diagnosed: the latest capture of each page in the file (by address, as the panel
 * finds "this page"), with every capture in the file as its history: the observations are built
 * exactly as the background stores them (lib/db/store.ts `observationsOf`). Findings of all pages
 * come together, most severe first.
 *
 * One shop: the captures' shops (the backend's shop, a listing's seller) must not disagree (two
 * shop ids, or two names where ids are missing, or two platforms). The operator's own figures are
 * all kept under one shop key, so a page that shows only the shop's name and one that shows its
 * id still share their history.
 *
 * Exit codes: 0 diagnosed (also when there is nothing to report); 1 bad arguments or unreadable
 * file; 2 bad input: not JSON, not an array of valid Captures (the record's index and why), no
 * captures, or captures of more than one shop.
 */
import { readFile } from 'node:fs/promises';
import { captureSchema, type Capture, type Platform } from '../../capture/schema';
import { analyse, sortFindings } from '../../diagnostics';
import type { Finding } from '../../diagnostics/types';
import type { ObservationRow } from '../../db/schema';
import { entityOf, observationsOf, pageKeyOf } from '../../db/store';
import type { CliCommand } from '../command';
import { CliError } from '../command';

export const EXIT_BAD_INPUT = 2;

/** Backend pages show the operator's own shop; their figures are stored under it. */
const OWN_PAGE_KINDS: ReadonlySet<Capture['pageKind']> = new Set(['dashboard', 'item-report']);

interface ShopIdentity {
  platform: Platform;
  id?: string;
  name?: string;
  /** Index of the first record naming this shop. */
  record: number;
}

/** The shop a capture is of: the backend's own shop, or a listing's seller; none for a search page. */
function shopOf(capture: Capture): Omit<ShopIdentity, 'record'> | undefined {
  const shop = capture.pageKind === 'listing' ? capture.listing?.shop : capture.pageKind === 'search' ? undefined : capture.shop;
  if (capture.pageKind === 'listing' || capture.pageKind === 'search') {
    if (!shop?.id && !shop?.name) return undefined;
  }
  return { platform: capture.platform, ...(shop?.id ? { id: shop.id } : {}), ...(shop?.name ? { name: shop.name } : {}) };
}

/** Two descriptions of shops that cannot be the same shop. */
function differentShops(a: Omit<ShopIdentity, 'record'>, b: Omit<ShopIdentity, 'record'>): boolean {
  if (a.platform !== b.platform) return true;
  if (a.id && b.id) return a.id !== b.id;
  if (a.name && b.name) return a.name !== b.name;
  return false;
}

function describeShop(shop: ShopIdentity): string {
  const names = [shop.name, shop.id ? `id ${shop.id}` : undefined].filter(Boolean).join(', ');
  return `${shop.platform} ${names || '(unnamed shop)'} (record ${shop.record})`;
}

class BadInput extends CliError {
  constructor(message: string) {
    super(message, EXIT_BAD_INPUT);
  }
}

function issueText(issue: { path: readonly PropertyKey[]; message: string }): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The captures in a parsed file, each checked against the Capture schema. */
export function parseCaptures(data: unknown): Capture[] {
  if (!Array.isArray(data)) {
    const single = captureSchema.safeParse(data);
    const hint = single.success ? ' This looks like one capture: wrap it in [ ].' : '';
    throw new BadInput(`Expected a JSON array of captures (as printed by \`extract\`), got ${data === null ? 'null' : typeof data}.${hint}`);
  }
  if (data.length === 0) throw new BadInput('The array holds no captures: nothing to diagnose.');
  return data.map((record, index) => {
    const parsed = captureSchema.safeParse(record);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 3).map(issueText).join('; ');
      const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
      throw new BadInput(`Record ${index} is not a valid capture: ${problems}${more}.`);
    }
    return parsed.data;
  });
}

/** The one shop the captures are of; throws when they name two. */
export function singleShop(captures: readonly Capture[]): ShopIdentity | undefined {
  const shops: ShopIdentity[] = [];
  captures.forEach((capture, record) => {
    const shop = shopOf(capture);
    if (!shop) return;
    const conflict = shops.find((known) => differentShops(known, shop));
    if (conflict) {
      throw new BadInput(
        `The captures are of more than one shop: ${describeShop(conflict)} and ${describeShop({ ...shop, record })}. Diagnose one shop at a time.`,
      );
    }
    if (!shops.some((known) => known.id === shop.id && known.name === shop.name)) shops.push({ ...shop, record });
  });
  // The most specific description: an id beats a name.
  return shops.find((s) => s.id) ?? shops.find((s) => s.name) ?? shops[0];
}

/** Where a capture's top-level figures are kept: the operator's shop under one key, else what the store derives. */
function entityKeyOf(capture: Capture, ownShopKey: string | undefined): string | undefined {
  if (OWN_PAGE_KINDS.has(capture.pageKind) && ownShopKey) return ownShopKey;
  return entityOf(capture)?.key;
}

/** Findings for the latest capture of each page, with every capture as history. */
export function diagnoseCaptures(captures: readonly Capture[]): Finding[] {
  const shop = singleShop(captures);
  const ownRef = shop?.id || shop?.name || 'own';
  const ownShopKey = shop ? `${shop.platform}:shop:${ownRef}` : undefined;

  const history: ObservationRow[] = [];
  const latestByPage = new Map<string, Capture>();
  for (const capture of captures) {
    const entityKey = entityKeyOf(capture, ownShopKey);
    if (entityKey) history.push(...observationsOf(capture, `${entityKey}@${capture.capturedAt}`, entityKey));
    const page = pageKeyOf(capture.url);
    const seen = latestByPage.get(page);
    if (!seen || Date.parse(capture.capturedAt) >= Date.parse(seen.capturedAt)) latestByPage.set(page, capture);
  }

  const findings: Finding[] = [];
  for (const capture of latestByPage.values()) {
    const entityKey = entityKeyOf(capture, ownShopKey);
    findings.push(...analyse({ capture, history, ...(entityKey ? { entityKey } : {}) }).findings);
  }
  return sortFindings(findings);
}

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  summary: 'Diagnose captures of one shop (a JSON array as printed by extract) and print the findings',
  usage:
    'npm run shoplens -- diagnose <captures.json>\n' +
    '  The file holds a JSON array of captures of one shop, any number of days; the latest capture\n' +
    '  of each page is diagnosed, the others are its history. Prints { "findings": [...] }.\n' +
    '  Exit codes: 0 diagnosed, 1 bad arguments or unreadable file, 2 bad input (not JSON, not\n' +
    '  captures, captures of several shops).',
  async run(args, io) {
    const options = args.filter((arg) => arg.startsWith('--'));
    if (options.length > 0) throw new CliError(`Unknown option ${options[0]}. Usage: ${diagnoseCommand.usage}`);
    if (args.length === 0) throw new CliError(`No captures file given. Usage: ${diagnoseCommand.usage}`);
    if (args.length > 1) throw new CliError(`One captures file at a time (got ${args.length}: ${args.join(', ')}).`);
    const file = args[0]!;

    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new CliError(code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new BadInput(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }

    const findings = diagnoseCaptures(parseCaptures(data));
    io.out(JSON.stringify({ findings }, null, 2));
    return 0;
  },
};
