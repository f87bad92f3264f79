/**
 * Budget 1: capture cost on the page.
 * - in-page cost of detect + extract + serialise on a large dashboard (≥ 5,000 elements) and a
 *   listing page, against one TreeWalker pass over the same document's text (≤ 2× baseline,
 *   ≤ 5 ms median);
 * - long tasks (> 50 ms) the extension adds while it captures the large dashboard, against the
 *   same page loaded without it (budget 0).
 */
import { readFileSync } from 'node:fs';
import type { Capture } from '../../lib/capture/schema';
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension } from '../lib/chromium';
import { listSamplePages, startSampleSite, type SamplePage } from '../lib/sample-site';
import { bundleProbe } from './bundle';
import { row, type BenchRow } from './report';

const ITERATIONS = 41;

/** The sample page's address with the bench's marker, which the sample site answers with the grown page. */
function benchUrlOf(address: string): string {
  const url = new URL(address);
  url.searchParams.set('shoplens_bench', 'large');
  return url.href;
}

function expectedOf(page: SamplePage): Capture | undefined {
  try {
    return JSON.parse(readFileSync(page.file.replace(/\.html$/, '.expected.json'), 'utf8')) as Capture;
  } catch {
    return undefined;
  }
}

/** `extra` added at the end of the page's body. */
function appendToBody(html: string, extra: string): string {
  return html.includes('</body>') ? html.replace('</body>', `${extra}</body>`) : html + extra;
}

/**
 * The dashboard sample grown to a realistic backend size: a long navigation menu and an item
 * ranking table whose headers repeat metric names (the figures read must not change).
 */
export function largeDashboard(html: string, rows = 420): string {
  const nav = Array.from({ length: 120 }, (_, i) => `<li class="menu-item-${i.toString(36)}"><a href="#m${i}"><span>访客数分析 ${i}</span></a></li>`).join('');
  const head = ['排名', '商品', '访客数', '浏览量', '支付金额', '支付买家数', '支付件数', '支付转化率', '加购人数', '收藏人数', 'UV价值', '操作'];
  const body = Array.from(
    { length: rows },
    (_, i) =>
      `<tr class="r${i}"><td>${i + 1}</td><td><a href="#i${i}"><span class="t">商品标题 ${i} 夏季新款连衣裙</span></a></td>` +
      head.slice(2, 11).map((_, j) => `<td><span>${((i * 37 + j * 11) % 9000).toLocaleString('en-US')}</span></td>`).join('') +
      `<td><a>详情</a></td></tr>`,
  ).join('');
  const extra =
    `<aside class="sl-bench-nav"><ul>${nav}</ul></aside>` +
    `<section class="sl-bench-rank"><h3>商品排行（示例）</h3><table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table></section>`;
  return appendToBody(html, extra);
}

/**
 * The listing sample grown to a real listing page's size: reviews, the long detail description
 * (nested blocks around images and paragraphs) and the footer make up most of such a page. None
 * of it holds a price, so the figures read must not change.
 */
export function largeListing(html: string, reviews = 120, paragraphs = 300): string {
  const reviewList = Array.from(
    { length: reviews },
    (_, i) =>
      `<li class="rv-${i.toString(36)}"><div class="rv-head"><span class="nick">买家${i}***</span><span class="tag">已购 颜色:${i % 2 ? '白色' : '黑色'}</span></div>` +
      `<p class="rv-text">质量很好，包装严实，物流很快，第${i}次回购了，推荐给大家。</p>` +
      `<div class="rv-pics">${Array.from({ length: 3 }, (_, j) => `<div class="pic"><img alt="评价图${j}" src="data:,"></div>`).join('')}</div></li>`,
  ).join('');
  const detail = Array.from(
    { length: paragraphs },
    (_, i) => `<div class="dt-block"><div class="dt-img"><img alt="详情图${i}" src="data:,"></div><p><span>卖点${i}：</span><span>细节做工，面料柔软亲肤，多次洗涤不变形。</span></p></div>`,
  ).join('');
  const footer = Array.from({ length: 80 }, (_, i) => `<li><a href="#f${i}">帮助中心 ${i}</a></li>`).join('');
  const extra =
    `<section class="sl-bench-reviews"><h3>用户评价</h3><ul>${reviewList}</ul></section>` +
    `<section class="sl-bench-detail"><h3>商品详情</h3>${detail}</section>` +
    `<footer class="sl-bench-footer"><ul>${footer}</ul></footer>`;
  return appendToBody(html, extra);
}

export async function measureCaptureCost(): Promise<BenchRow[]> {
  const pages = listSamplePages();
  const dashboard = pages.find((p) => expectedOf(p)?.pageKind === 'dashboard' && (expectedOf(p)?.metrics.length ?? 0) > 0);
  const listing = pages.find((p) => expectedOf(p)?.listing?.price);
  if (!dashboard || !listing) throw new Error('bench needs a dashboard and a listing sample page');

  const dashboardUrl = new URL(dashboard.realUrl);
  const listingUrl = new URL(listing.realUrl);
  const grown = (page: SamplePage, grow: (html: string) => string) => (url: URL) =>
    url.searchParams.has('shoplens_bench') ? { type: 'text/html; charset=utf-8', body: grow(readFileSync(page.file, 'utf8')) } : undefined;
  const site = await startSampleSite(pages, {
    [`${dashboardUrl.hostname}${dashboardUrl.pathname}`]: grown(dashboard, largeDashboard),
    [`${listingUrl.hostname}${listingUrl.pathname}`]: grown(listing, largeListing),
  });
  const probe = await bundleProbe('capture-probe');
  const rows: BenchRow[] = [];

  // In-page cost, measured without the extension so its own capture does not interleave.
  const plain = await launchWithExtension({ hosts: site.hosts, withExtension: false });
  try {
    const largeUrl = `https://${dashboardUrl.host}:${site.port}${dashboardUrl.pathname}?shoplens_bench=large`;
    const targets = [
      { name: 'large dashboard', url: largeUrl, expected: expectedOf(dashboard)! },
      { name: 'listing', url: benchUrlOf(site.urlOf(listing)), expected: expectedOf(listing)! },
    ];
    for (const target of targets) {
      const tab = await plain.context.newPage();
      await tab.goto(target.url);
      await tab.addScriptTag({ content: probe });
      const result = await tab.evaluate(
        (n) => (globalThis as any).__shoplensCaptureProbe.measure(n) as { capture: number[]; baseline: number[]; elements: number; last: string },
        ITERATIONS,
      );
      const read = JSON.parse(result.last) as Capture;
      const same = JSON.stringify(read.metrics) === JSON.stringify(target.expected.metrics) && JSON.stringify(read.listing) === JSON.stringify(target.expected.listing);
      rows.push(
        row('capture cost', `${target.name} (${result.elements} elements)`, 'ms', result.capture.slice(1), {
          baseline: result.baseline.slice(1),
          budget: { max: 5, maxRatio: 2 },
          note: same ? undefined : 'figures differ from the sample page’s expected JSON',
        }),
      );
      if (!same) rows.at(-1)!.pass = false;
      await tab.close();
    }
  } finally {
    await plain.close();
  }

  // Long tasks while the real extension captures the large dashboard, against the same page in
  // a browser without it: parsing and laying out 11,000 elements is itself a long task or two,
  // so what counts is what the extension adds.
  const longTaskUrl = (run: number) => `https://${dashboardUrl.host}:${site.port}${dashboardUrl.pathname}?shoplens_bench=large&run=${run}`;
  const without = await launchWithExtension({ hosts: site.hosts, withExtension: false });
  const withExtension = await launchWithExtension({ hosts: site.hosts });
  try {
    const added: number[] = [];
    const shown: string[] = [];
    for (let run = 0; run < 5; run++) {
      const plainCount = await countLongTasks(without.context, longTaskUrl(run));
      const extensionCount = await countLongTasks(withExtension.context, longTaskUrl(run));
      added.push(extensionCount - plainCount);
      shown.push(`${extensionCount}/${plainCount}`);
    }
    rows.push(
      row('capture cost', 'long tasks > 50 ms added on large dashboard', 'count', added, {
        budget: { max: 0 },
        note: `with/without the extension per run: ${shown.join(', ')}`,
      }),
    );
  } finally {
    await withExtension.close();
    await without.close();
    await site.close();
  }
  return rows;
}

/** Long tasks (> 50 ms) while `url` loads and settles for 3 s. */
async function countLongTasks(context: BrowserContext, url: string): Promise<number> {
  const tab = await context.newPage();
  try {
    await tab.addInitScript(() => {
      const seen: number[] = [];
      (globalThis as unknown as { __longTasks: number[] }).__longTasks = seen;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => seen.push(entry.duration))).observe({ type: 'longtask', buffered: true });
    });
    await tab.goto(url);
    await tab.waitForTimeout(3000);
    return await tab.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks.filter((d) => d > 50).length);
  } finally {
    await tab.close();
  }
}
