/**
 * A listing whose price drops while the test runs: the sample site serves the bundled Tmall
 * listing until `cut()`, then the same page with every 89 (yuan, and 8900 fen) turned into 79.
 * For the tests that need a listing's price history or a price alert.
 */
import { readFileSync } from 'node:fs';
import type { SamplePage } from '../../../scripts/lib/sample-site';

export const PRICE_CUT_SAMPLE = 'taobao/listing-tmall-ice';

export interface PriceCut {
  page: SamplePage;
  original: string;
  cheaper: string;
  /**
   * Extra route for startSampleSite: serves the page as it is now (before or after the cut).
   * Only at the listing's own address: other listings share its path (item.htm?id=…).
   */
  routes: Record<string, (url: URL) => { type: string; body: string } | undefined>;
  /** From now on the page shows the lower price. */
  cut(): void;
}

export function priceCut(pages: readonly SamplePage[]): PriceCut {
  const page = pages.find((p) => p.name === PRICE_CUT_SAMPLE);
  if (!page) throw new Error(`No sample page ${PRICE_CUT_SAMPLE}`);
  const original = readFileSync(page.file, 'utf8');
  const cheaper = original
    .replaceAll('"priceText":"89"', '"priceText":"79"')
    .replaceAll('"priceMoney":"8900"', '"priceMoney":"7900"')
    .replaceAll('>89</span>', '>79</span>');
  let isCut = false;
  const url = new URL(page.realUrl);
  return {
    page,
    original,
    cheaper,
    routes: {
      [`${url.hostname}${url.pathname}`]: (requested) =>
        `${requested.hostname}${requested.pathname}${requested.search}` === page.key
          ? { type: 'text/html; charset=utf-8', body: isCut ? cheaper : original }
          : undefined,
    },
    cut() {
      isCut = true;
    },
  };
}
