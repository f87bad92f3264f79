/**
 * The rendered Douyin dashboards (抖店 home, 罗盘 live, 千川 reports): scope to data sections,
 * change signs, periods, total rows. One rule per case; whole pages are pinned by the fixtures.
 */
import { describe, expect, it } from 'vitest';
import { fxgHomeAdapter } from '../../../../lib/adapters/douyin/fxg-home';
import { compassLiveAdapter } from '../../../../lib/adapters/douyin/compass-live';
import { qianchuanReportAdapter } from '../../../../lib/adapters/douyin/qianchuan-report';
import { dashboardScope, readDouyinPeriod } from '../../../../lib/adapters/douyin/sections';

const FXG = new URL('https://fxg.jinritemai.com/ffa/mshop/homepage/index');
const LIVE = new URL('https://compass.jinritemai.com/shop/live-overview');
const QC = new URL('https://qianchuan.jinritemai.com/uni-promover/all?aavid=1');

function page(bodyHtml: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${bodyHtml}</body></html>`, 'text/html');
}

function card(label: string, value: string, extra = ''): string {
  return `<div class="card"><div>${label}</div><div>${value}</div>${extra}</div>`;
}

const metricValues = (doc: Document, url: URL, adapter = fxgHomeAdapter) =>
  adapter.extract(doc, url).metrics.map((m) => [m.metric, m.value, m.change?.ratio]);

describe('change signs (documented in lib/adapters/douyin/dashboard.ts)', () => {
  it.each([
    ['an arrow icon up', '<span>较昨日</span><span>71.99%</span><i class="ecom-icon ecom-icon-arrow-up"></i>', 0.7199],
    ['an arrow icon down', '<span>较昨日</span><span>71.99%</span><i class="ecom-icon ecom-icon-arrow-down"></i>', -0.7199],
    ['an aria-label', '<span>较昨日</span><span>71.99%</span><span role="img" aria-label="caret-down"></span>', -0.7199],
    ['a written sign', '<span>较昨日</span><span>-71.99%</span>', -0.7199],
    ['a text arrow', '<span>较昨日</span><span>↑71.99%</span>', 0.7199],
  ])('reads the sign from %s', (_how, cmp, ratio) => {
    const doc = page(`<main><section><h3>经营数据</h3>${card('成交金额', '¥29.96', `<div>${cmp}</div>`)}</section></main>`);
    expect(metricValues(doc, FXG)).toEqual([['payAmount', 29.96, ratio]]);
  });

  it.each([
    ['a colour style', '<span style="color:#fe2c55">71.99%</span>'],
    ['a colour class on the figure itself', '<span class="trend-up rise">71.99%</span>'],
    ['nothing at all', '<span>71.99%</span>'],
  ])('keeps the value but not a change shown with %s', (_how, pct) => {
    const doc = page(`<main><section><h3>经营数据</h3>${card('成交金额', '¥29.96', `<div><span>较昨日</span>${pct}</div>`)}</section></main>`);
    const result = fxgHomeAdapter.extract(doc, FXG);
    expect(result.metrics).toEqual([{ metric: 'payAmount', label: '成交金额', value: 29.96, unit: 'yuan', bound: 'exact' }]);
    expect(result.issues).toContainEqual({ field: 'metrics.payAmount', problem: expect.stringContaining('without a sign') });
  });
});

describe('data sections', () => {
  it('reads only titled sections when the page has them', () => {
    const doc = page(
      `<main><div class="banner">${card('成交订单数', '999')}</div>` +
        `<section><h3>经营数据</h3>${card('成交订单数', '3', '<div>较昨日 25.00% 同行标杆值9</div>')}</section></main>`,
    );
    expect(dashboardScope(doc, ['经营数据']).how).toBe('titled');
    expect(metricValues(doc, FXG)).toEqual([['orders', 3, undefined]]);
  });

  it('without a known title reads the main area, leaving out promotions, header, side bar and dialogs', () => {
    const doc = page(
      `<header>${card('成交金额', '¥1.00')}</header><aside>${card('成交金额', '¥2.00')}</aside>` +
        `<main>${card('成交金额', '¥29.96')}<div class="promo">${card('成交金额', '¥50,000.00')}<a href="/apply">立即报名</a></div></main>` +
        `<div role="dialog">${card('成交金额', '¥3.00')}</div>`,
    );
    expect(dashboardScope(doc, ['经营数据']).how).toBe('main');
    expect(metricValues(doc, FXG)).toEqual([['payAmount', 29.96, undefined]]);
  });

  it.each([
    // The data section and the banner's 立即报名 both lost (a page cut short): the banner's words still say what it is.
    ['冲刺奖励', `<div class="banner"><div>双11 商家成长计划</div>${card('成交金额', '10万+')}<div>冲刺奖励</div></div>`],
    ['达成即可领取流量券', `<div class="banner">${card('支付金额', '2500+')}<div>达成即可领取流量券</div></div>`],
  ])('without a known title never reads a banner known by its reward words (%s), only the cards', (_word, banner) => {
    const doc = page(`<main>${card('成交订单数', '18')}${banner}</main>`);
    expect(dashboardScope(doc, ['经营数据']).how).toBe('main');
    expect(metricValues(doc, FXG)).toEqual([['orders', 18, undefined]]);
  });

  it('never reads the marketing words of SOURCES-2.md §B1 as metrics', () => {
    const doc = page(
      `<main><section><h3>经营数据</h3>${card('支付金额', '2500+')}<div><span>销量</span><span>高</span></div>` +
        `<div>预估挽回订单量 12</div><div>达人精准匹配，引爆商品销量</div></section></main>`,
    );
    const result = fxgHomeAdapter.extract(doc, FXG);
    expect(result.metrics).toEqual([]);
    expect(fxgHomeAdapter.detect(doc, FXG)).toBe(false);
  });
});

describe('periods', () => {
  it.each([
    ['a 统计时间 line', '<div>统计时间 2026-11-21</div>', { label: '2026-11-21', start: '2026-11-21', end: '2026-11-21' }],
    ['picker inputs', '<div><input value="2026-11-15"><span>至</span><input value="2026-11-21"></div>', { label: '2026-11-15~2026-11-21', start: '2026-11-15', end: '2026-11-21' }],
    ['picker text', '<span>2026-11-15 ~ 2026-11-21</span>', { label: '2026-11-15~2026-11-21', start: '2026-11-15', end: '2026-11-21' }],
    ['a selected tab alone', '<div role="tab" aria-selected="true">近7天</div>', { label: '近7天' }],
    [
      'picker dates named by the selected tab',
      '<div role="tab" aria-selected="true">近7天</div><div><input value="2026-11-15"><input value="2026-11-21"></div>',
      { label: '近7天', start: '2026-11-15', end: '2026-11-21' },
    ],
    [
      "an update time under 今日 (that day's figures)",
      '<div role="tab" aria-selected="true">今日</div><span>更新于 2026-11-21 10:32:05</span>',
      { label: '今日', start: '2026-11-21', end: '2026-11-21' },
    ],
    [
      'an update time under 近7天 (not the period: the tab alone)',
      '<div role="tab" aria-selected="true">近7天</div><span>数据更新时间 2026-11-21 10:32</span>',
      { label: '近7天' },
    ],
    ['a closed option list only', '<ul role="listbox"><li role="option">统计时间 2026-11-01</li></ul>', null],
    ['nothing', '<div>经营数据</div>', null],
  ])('from %s', (_how, html, period) => {
    expect(readDouyinPeriod(page(html))).toEqual(period);
  });
});

describe('罗盘 live pages', () => {
  it('requires the room id on a room page', () => {
    const doc = page(`<main><section><h3>直播间数据</h3>${card('直播间观看人数', '18,340')}</section></main>`);
    const noRoom = compassLiveAdapter.extract(doc, new URL('https://compass.jinritemai.com/shop/live-detail'));
    expect(noRoom.metrics).toEqual([]);
    expect(noRoom.issues).toEqual([{ field: 'url', problem: expect.stringContaining('live_room_id') }]);
    const room = compassLiveAdapter.extract(doc, new URL('https://compass.jinritemai.com/shop/live-detail?live_room_id=74309812566'));
    expect(room.metrics.map((m) => [m.metric, m.value])).toEqual([['viewers', 18340]]);
  });

  it.each([
    ['1分4秒', 64],
    ['64秒', 64],
    ['00:01:04', 64],
    ['1.5分钟', 90],
  ])('reads 人均观看时长 %s as %d seconds', (shown, seconds) => {
    const doc = page(`<main><section><h3>核心数据</h3>${card('人均观看时长', shown)}</section></main>`);
    expect(metricValues(doc, LIVE, compassLiveAdapter)).toEqual([['avgWatchSeconds', seconds, undefined]]);
  });

  it('reads GPM in yuan and 观看-成交率 as a fraction, and leaves the per-room list alone', () => {
    const doc = page(
      `<main><section><h3>核心数据</h3>${card('千次观看成交金额', '¥1,873.20')}${card('观看-成交率', '7.35%')}</section>` +
        '<table><thead><tr><th>直播间</th><th>GPM</th><th>观看人数</th></tr></thead><tbody>' +
        '<tr><td>A</td><td>¥1,954.10</td><td>1.83万</td></tr><tr><td>B</td><td>¥1,702.66</td><td>1.21万</td></tr></tbody></table></main>',
    );
    expect(metricValues(doc, LIVE, compassLiveAdapter)).toEqual([
      ['gpm', 1873.2, undefined],
      ['conversionRate', 0.0735, undefined],
    ]);
  });
});

describe('千川 reports', () => {
  const table = (rows: string) =>
    '<table><thead><tr><th>计划名称</th><th>消耗(元)</th><th>展示次数</th><th>支付ROI</th></tr></thead><tbody>' + rows + '</tbody></table>';

  it('reads the total row when there is no board, and no plan row', () => {
    const doc = page(`<main>${table('<tr><td>A</td><td>4,102.11</td><td>330,110</td><td>1.52</td></tr><tr><td>合计</td><td>5,792.00</td><td>427,650</td><td>0.24</td></tr><tr><td>B</td><td>1,689.89</td><td>97,540</td><td>0.10</td></tr>')}</main>`);
    expect(metricValues(doc, QC, qianchuanReportAdapter)).toEqual([
      ['adSpend', 5792, undefined],
      ['impressions', 427650, undefined],
      ['roi', 0.24, undefined],
    ]);
  });

  it('sums nothing: plan rows without a total row are no account figures', () => {
    const doc = page(`<main>${table('<tr><td>A</td><td>4,102.11</td><td>330,110</td><td>1.52</td></tr><tr><td>B</td><td>1,689.89</td><td>97,540</td><td>0.10</td></tr>')}</main>`);
    const result = qianchuanReportAdapter.extract(doc, QC);
    expect(result.metrics).toEqual([]);
    expect(qianchuanReportAdapter.detect(doc, QC)).toBe(false);
  });

  it('reads the board before any table, with 千川 valueStr formats', () => {
    const doc = page(
      `<main><div><div>数据总览</div>${card('消耗(元)', '5,792.00')}${card('点击率', '5.33%')}${card('支付ROI', '0.24')}</div>` +
        `${table('<tr><td>总计</td><td>1.00</td><td>1</td><td>9.99</td></tr><tr><td>A</td><td>1.00</td><td>1</td><td>9.99</td></tr>')}</main>`,
    );
    expect(metricValues(doc, QC, qianchuanReportAdapter)).toEqual([
      ['adSpend', 5792, undefined],
      ['ctr', 0.0533, undefined],
      ['roi', 0.24, undefined],
    ]);
  });
});
