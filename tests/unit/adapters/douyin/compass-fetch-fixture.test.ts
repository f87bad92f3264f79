/**
 * The fetch fixture as a browser would run it: tests/fixtures/douyin/compass-home-fetch.html renders
 * its cards from the JSON it fetches after load (its own inline script). Run here in jsdom with
 * scripts on and `fetch` answering from the sidecar, the rendered cards and the fetched data must
 * agree (values within display rounding, so the capture keeps the exact fetched values with the
 * cards' 较上期 and 同行顶尖), exactly what the extension sees in the browser test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT } from '../../../../lib/cli/fixtures';
import { compassHomeAdapter } from '../../../../lib/adapters/douyin/compass-home';
import type { PageResponse } from '../../../../lib/adapters/types';

interface JsdomWindow {
  document: Document;
  fetch: unknown;
}
type Jsdom = new (html: string, options: Record<string, unknown>) => { window: JsdomWindow };

describe('compass-home-fetch fixture rendered by its own script', () => {
  it('renders cards that agree with the responses it fetched', async () => {
    const html = readFileSync(join(FIXTURE_ROOT, 'douyin/compass-home-fetch.html'), 'utf8');
    const responses = JSON.parse(readFileSync(join(FIXTURE_ROOT, 'douyin/compass-home-fetch.responses.json'), 'utf8')) as PageResponse[];
    const url = new URL('https://compass.jinritemai.com/shop');
    const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: Jsdom };
    const dom = new JSDOM(html, {
      url: url.href,
      runScripts: 'dangerously',
      beforeParse(window: JsdomWindow) {
        window.fetch = async (input: string) => {
          const address = new URL(input, url).href;
          const found = responses.find((response) => response.url === address);
          return { json: async () => (found ? JSON.parse(JSON.stringify(found.body)) : {}) };
        };
      },
    });
    const { window } = dom;
    // jsdom fires load itself once the page is parsed; then the fetches resolve.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const doc = window.document;
    expect(doc.querySelector('[data-field="income_amt"] .index-card_value__6mN')?.textContent).toBe('¥5.32万');

    // The page alone (no bridge): rounded card values.
    const shown = compassHomeAdapter.extract(doc, url);
    expect(shown.metrics.find((m) => m.metric === 'payAmount')?.value).toBe(53200);
    // With the bridge's responses: the exact values, the cards' change and peers, no conflict.
    const both = compassHomeAdapter.extract(doc, url, responses);
    expect(both.issues).toEqual([]);
    const payAmount = both.metrics.find((m) => m.metric === 'payAmount');
    expect(payAmount).toEqual({
      metric: 'payAmount',
      label: '成交金额',
      value: 53214.8,
      unit: 'yuan',
      bound: 'exact',
      change: { basis: '较上期', ratio: 0.0692 },
      peers: [{ label: '同行顶尖', value: 78200 }],
    });
    expect(both.metrics.map((m) => m.metric)).toEqual(['payAmount', 'userPayAmount', 'orders', 'buyers', 'impressionUsers', 'clickUsers', 'adSpend']);
  });
});
