/**
 * Page health: for the page in view, which adapter read it, which fields it read, which it
 * expected but could not read (the capture's `issues`), and since when each of those has been
 * missing across the stored captures of the same page. An operator (or whoever maintains the
 * adapter) sees at a glance whether a figure is missing today only or since the marketplace
 * changed its page.
 *
 * Field names follow the adapters' `issues[].field` convention (`metrics.<id>`, `listing.price`,
 * `period` …), so "found" and "missing" speak of the same things.
 *
 * Pure: takes captures newest first (lib/db/queries.ts `capturesOfPage`), no storage here.
 */
import type { Capture } from '../capture/schema';

export interface MissingField {
  field: string;
  /** Why, as the newest capture says. */
  problem: string;
  /** capturedAt of the oldest capture in the unbroken run (newest backwards) that reports it missing. */
  since: string;
  /** How many captures in a row, counting back from the newest, report it missing. */
  captures: number;
  /** The run reaches the oldest capture looked at: missing since at least `since`, maybe longer. */
  atLeast: boolean;
  /** The newest earlier capture that did read it, when one is among those looked at. */
  lastReadAt?: string;
}

export interface PageHealthReport {
  adapter: { id: string; version: number };
  capturedAt: string;
  /** Fields the newest capture read, in page order. */
  found: string[];
  /** Fields the newest capture reports it could not read, each once, in its order. */
  missing: MissingField[];
  /** How many captures were looked at. */
  looked: number;
}

const LISTING_FIELDS = ['price', 'otherPrices', 'sales', 'reviews', 'shop', 'scores', 'stock', 'promotions', 'category'] as const;
const EDITOR_FIELDS = ['counter', 'category', 'prices'] as const;

/** The fields a capture read, named as adapters name them in `issues`. */
export function fieldsFound(capture: Capture): string[] {
  const found: string[] = [];
  if (capture.period) found.push('period');
  if (capture.shop?.name || capture.shop?.id) found.push('shop');
  for (const reading of capture.metrics) found.push(`metrics.${reading.metric}`);
  const listing = capture.listing;
  if (listing) {
    found.push('listing.itemId', 'listing.title');
    for (const key of LISTING_FIELDS) {
      const value = listing[key];
      if (value !== undefined && !(Array.isArray(value) && value.length === 0)) found.push(`listing.${key}`);
    }
  }
  if (capture.results && capture.results.length > 0) found.push('results');
  if (capture.items && capture.items.length > 0) found.push('items');
  const editor = capture.editor;
  if (editor) {
    found.push('editor.title');
    for (const key of EDITOR_FIELDS) if (editor[key] !== undefined) found.push(`editor.${key}`);
  }
  return [...new Set(found)];
}

function reportsMissing(capture: Capture, field: string): boolean {
  return capture.issues.some((issue) => issue.field === field);
}

/** The health of a page from its captures, newest first; undefined without any. */
export function pageHealth(newestFirst: readonly Capture[]): PageHealthReport | undefined {
  const latest = newestFirst[0];
  if (!latest) return undefined;
  const missing: MissingField[] = [];
  const seen = new Set<string>();
  for (const issue of latest.issues) {
    if (seen.has(issue.field)) continue;
    seen.add(issue.field);
    let run = 0;
    while (run < newestFirst.length && reportsMissing(newestFirst[run]!, issue.field)) run++;
    const entry: MissingField = {
      field: issue.field,
      problem: issue.problem,
      since: newestFirst[run - 1]!.capturedAt,
      captures: run,
      atLeast: run === newestFirst.length,
    };
    const lastRead = newestFirst.slice(run).find((capture) => fieldsFound(capture).includes(issue.field));
    if (lastRead) entry.lastReadAt = lastRead.capturedAt;
    missing.push(entry);
  }
  return {
    adapter: { id: latest.adapter.id, version: latest.adapter.version },
    capturedAt: latest.capturedAt,
    found: fieldsFound(latest),
    missing,
    looked: newestFirst.length,
  };
}
