import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../lib/capture/schema';
import { findMetrics, matchMetricLabel, readTableRows, tokenise } from '../../../lib/capture/finder';

function body(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html').body;
}

function find(html: string, platform: Platform = 'taobao') {
  return findMetrics(body(html), platform);
}

function reading(result: ReturnType<typeof find>, metric: string) {
  return result.metrics.find((m) => m.metric === metric);
}

function problems(result: ReturnType<typeof find>, metric: string): string[] {
  return result.issues.filter((issue) => issue.field === `metrics.${metric}`).map((issue) => issue.problem);
}

// An Ant-Design-like card: hashed class names, a help icon, a trend icon, peer lines.
const ANT_CARD = `
<div class="ant-col css-1x2y3"><div class="index-card_wrap__8Fz1">
  <div class="index-card_title__a1"><span>访客数</span>
    <span role="img" aria-label="question-circle" class="anticon anticon-question-circle"><svg viewBox="0 0 8 8"></svg></span>
    <div class="ant-tooltip ant-tooltip-hidden" style="display:none"><div role="tooltip">访客数是指统计周期内访问店铺的去重人数，1个人多次访问只计1次</div></div>
  </div>
  <div class="index-card_value__3kD"><span>3,294</span></div>
  <div class="index-card_cmp__9q"><span>较前一日</span><span class="num_n__x">12.30%</span><span role="img" aria-label="caret-up" class="anticon anticon-caret-up"><svg></svg></span></div>
  <div class="index-card_peer__1"><span>同行同层平均</span><span>2,100</span></div>
  <div class="index-card_peer__2"><span>同行同层优秀</span><span>9,800</span></div>
</div></div>`;

describe('findMetrics: cards', () => {
  it('reads value, change and peers of an Ant-Design-like card without class names', () => {
    const result = find(ANT_CARD);
    expect(result.metrics).toEqual([
      {
        metric: 'visitors',
        label: '访客数',
        value: 3294,
        unit: 'count',
        bound: 'exact',
        change: { basis: '较前一日', ratio: 0.123 },
        peers: [
          { label: '同行同层平均', value: 2100 },
          { label: '同行同层优秀', value: 9800 },
        ],
      },
    ]);
    expect(result.issues).toEqual([]);
  });

  it('joins a value split over spans', () => {
    const result = find('<div><div>支付金额</div><div><span>¥</span><span>12,345</span><span>.67</span></div></div>');
    expect(reading(result, 'payAmount')).toMatchObject({ value: 12345.67, unit: 'yuan' });
  });

  it('reads the real 抖店 card as 3, keeping the peer benchmark 9 apart', () => {
    const card =
      '<div><div>成交订单数</div><div>3</div><div>较昨日 <span>25.00%</span></div>' +
      '<div>同行标杆值<span>9</span></div><div><a href="/goods">卖得好的商品</a></div></div>';
    const result = find(card, 'douyin');
    const orders = reading(result, 'orders');
    expect(orders).toMatchObject({ value: 3, peers: [{ label: '同行标杆值', value: 9 }] });
    // 25.00% has no sign in the text (only a colour): the change is not stored, and an issue says so.
    expect(orders?.change).toBeUndefined();
    expect(problems(result, 'orders')).toEqual([expect.stringContaining('without a sign')]);
  });

  it('reads the real 抖店 card text when it is one run of inline text', () => {
    const result = find('<div><span>成交订单数</span> 3 较昨日 25.00% 同行标杆值9 卖得好的商品</div>', 'douyin');
    expect(reading(result, 'orders')).toMatchObject({ value: 3, peers: [{ label: '同行标杆值', value: 9 }] });
  });

  it('reads 33.15万 较上期 64.97% 同行标杆 19.22万 as 331500 with the peer apart', () => {
    const result = find(
      '<div><p>成交金额</p><p>33.15万</p><p>较上期 <b>64.97%</b></p><p>同行标杆 <b>19.22万</b></p></div>',
      'douyin',
    );
    expect(reading(result, 'payAmount')).toMatchObject({ value: 331500, unit: 'yuan', peers: [{ label: '同行标杆', value: 192200 }] });
  });

  it('ignores figures that follow other words (结算金额¥29.96) and reads the real 成交金额 card', () => {
    const result = find('<div><span>成交金额</span> ¥29.96 构成 较昨日 ↑71.99% 结算金额¥31.00 分析近7天成交</div>', 'douyin');
    expect(reading(result, 'payAmount')).toMatchObject({ value: 29.96, change: { basis: '较昨日', ratio: 0.7199 } });
  });

  it.each([
    ['较前一日 +12.30%', '较前一日', 0.123],
    ['较前一日 -5.20%', '较前一日', -0.052],
    ['较前一日 ↓ 5.20%', '较前一日', -0.052],
    ['较前一日 5.20% ↓', '较前一日', -0.052],
    ['环比 ▲3.00%', '环比', 0.03],
    ['较上周期<i class="trend_down__x1"></i>5.20%', '较上周期', -0.052],
    ['较前一日 <span aria-label="arrow-up" role="img"></span> 5.20%', '较前一日', 0.052],
    ['较前一日 持平', '较前一日', 0],
    ['较前一日 <span>-</span>', '较前一日', undefined],
  ] as const)('reads the change in %s', (html, basis, ratio) => {
    const result = find(`<div><div>访客数</div><div>1,000</div><div>${html}</div></div>`);
    const change = reading(result, 'visitors')?.change;
    if (ratio === undefined) expect(change).toBeUndefined();
    else expect(change).toEqual({ basis, ratio });
    expect(reading(result, 'visitors')?.value).toBe(1000);
  });

  it('refuses a change with arrows both ways', () => {
    const result = find('<div><div>访客数</div><div>1,000</div><div>较前一日 ↑ 5.20% ↓</div></div>');
    expect(reading(result, 'visitors')?.change).toBeUndefined();
    expect(problems(result, 'visitors')).toEqual([expect.stringContaining('both ways')]);
  });

  it('reads a value under a title row that also holds a trend link', () => {
    const result = find('<div><div><span>支付金额</span><a href="javascript:;">趋势</a></div><div>12,345</div></div>');
    expect(reading(result, 'payAmount')?.value).toBe(12345);
  });

  it('applies a unit written beside the label', () => {
    const result = find(
      '<div><div>支付金额(万元)</div><div>12.3</div></div><div><div>支付转化率（%）</div><div>2.35</div></div>',
    );
    expect(reading(result, 'payAmount')?.value).toBe(123000);
    expect(reading(result, 'conversionRate')?.value).toBe(0.0235);
  });

  it('reads 万 values and peers and ranges in the metric unit', () => {
    const result = find(
      '<div><div>支付金额</div><div>1.2万</div><div>同行均值 8,000</div></div>' +
        '<div><div>访客数</div><div>750万 ~ 1000万</div></div>' +
        '<div><div>交易指数</div><div>111,712</div></div>',
    );
    expect(reading(result, 'payAmount')).toMatchObject({ value: 12000, peers: [{ label: '同行均值', value: 8000 }] });
    expect(reading(result, 'visitors')).toMatchObject({ value: 7500000, max: 10000000 });
    expect(reading(result, 'tradeIndex')).toMatchObject({ value: 111712, unit: 'index' });
  });

  it('keeps a hidden tooltip inside the title out of the reading', () => {
    const result = find(
      '<div><div>访客数<span style="display:none">访客数是指…2500人</span></div><div>1,234</div></div>',
    );
    expect(reading(result, 'visitors')?.value).toBe(1234);
    expect(result.issues).toEqual([]);
  });
});

describe('findMetrics: traps', () => {
  it('does not read navigation and menus, and does not report them missing', () => {
    const result = find(
      '<nav><ul><li><a href="/flow">访客数</a></li><li><a href="/trade">支付金额</a></li></ul></nav>' +
        '<ul role="menu"><li role="menuitem">支付转化率</li></ul><div>2.5%</div>' +
        '<div><a href="https://sycm.taobao.com/bda/x">客单价</a></div><div>¥88</div>' +
        '<div><div>访客数</div><div>1,000</div></div>',
    );
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([['visitors', 1000]]);
    expect(result.issues).toEqual([]);
  });

  it('does not take the next block after a menu item for its value', () => {
    const result = find('<div><div>访客数</div><div>商品分析</div><div>交易分析</div></div><div>2,500</div>');
    expect(result.metrics).toEqual([]);
    expect(result.issues).toEqual([]);
  });

  it.each([
    '<p>访客数是指统计周期内访问店铺的去重人数，1个人多次访问只计1次。</p>',
    '<p><b>访客数</b>是指统计周期内访问店铺的去重人数，1个人多次访问只计1次。</p>',
    '<div><b>支付金额</b>：买家拍下后通过支付宝支付的金额，2500+ 商家在用</div>',
    '<div>支付金额：买家拍下后通过支付宝支付的金额</div>',
    '<div role="tooltip"><div>支付金额</div><div>2500</div></div>',
    '<p><span>支付金额</span> 超过 2500 的商家</p>',
    '<div>不错哦！支付买家数增加18个，客单价增加1,187.25元，拉升全店支付金额上涨153.86%</div>',
    '<div><span>访客数</span><span>12月</span></div>',
  ])('reads nothing from help text: %s', (html) => {
    const result = find(html);
    expect(result.metrics).toEqual([]);
    expect(result.issues).toEqual([]);
  });

  it("reports '-' as no data, never 0", () => {
    const result = find(
      '<div><div>客单价</div><div>-</div><div>较前一日 -</div></div><div><div>访客数</div><div>--</div></div>' +
        '<div><div>浏览量</div><div>暂无数据</div></div>',
    );
    expect(result.metrics).toEqual([]);
    expect(problems(result, 'aov')).toEqual(["'客单价' shown as '-' (no data)"]);
    expect(problems(result, 'visitors')).toEqual(["'访客数' shown as '--' (no data)"]);
    expect(problems(result, 'pageViews')).toEqual(["'浏览量' shown as '暂无数据' (no data)"]);
  });

  it.each([
    ['<div><div>支付金额</div><div>12.3%</div></div>', 'payAmount'],
    ['<div><div>支付买家数</div><div>¥77</div></div>', 'buyers'],
    ['<div><div>支付买家数</div><div>7.5</div></div>', 'buyers'],
    ['<div><div>支付转化率</div><div>0.0235</div></div>', 'conversionRate'],
    ['<div><div>交易指数</div><div>¥111,712</div></div>', 'tradeIndex'],
  ])('reports a value that does not fit its unit: %s', (html, metric) => {
    const result = find(html);
    expect(result.metrics).toEqual([]);
    expect(problems(result, metric)).toEqual([expect.stringContaining('does not fit its unit')]);
  });

  it('does not pick between two figures side by side', () => {
    const result = find('<div><div>访客数</div><div>1,234</div><div>1,100</div></div>');
    expect(result.metrics).toEqual([]);
    expect(problems(result, 'visitors')).toEqual([expect.stringContaining('two figures')]);
  });

  it('keeps none of a metric shown twice with different values', () => {
    const result = find(
      '<section><div><div>访客数</div><div>1,234</div></div></section>' +
        '<section><div><div>店铺访客数</div><div>1,300</div></div></section>',
    );
    expect(reading(result, 'visitors')).toBeUndefined();
    expect(problems(result, 'visitors')).toEqual([expect.stringContaining('different values')]);
  });

  it('reads a metric shown twice with the same value once', () => {
    const result = find(
      '<section><div><div>访客数</div><div>1,234</div></div></section>' +
        '<section><div><div>访客数</div><div>1,234</div><div>较前一日 +2.00%</div></div></section>',
    );
    expect(result.metrics).toEqual([
      { metric: 'visitors', label: '访客数', value: 1234, unit: 'count', bound: 'exact', change: { basis: '较前一日', ratio: 0.02 } },
    ]);
    expect(result.issues).toEqual([]);
  });

  it('does not take the next card figure when a value sits above its caption', () => {
    const result = find(
      '<div class="grid"><div><div>1,234</div><div>访客数</div></div><div><div>5,678</div><div>浏览量</div></div></div>',
    );
    expect(result.metrics).toEqual([]);
  });

  it('does not take a later figure for a label whose value is missing', () => {
    const result = find('<dl><dt>访客数</dt><dd>1,234</dd><dt>客单价</dt><dd></dd></dl><div>88.00</div>');
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([['visitors', 1234]]);
  });

  it('leaves out subtrees the caller ignores (a promotion that looks like a card)', () => {
    const html =
      '<div class="promo"><div>支付金额</div><div>2500+</div></div><div class="data"><div>访客数</div><div>1,000</div></div>';
    const all = findMetrics(body(html), 'taobao');
    expect(reading(all, 'payAmount')).toMatchObject({ value: 2500, bound: 'atLeast' });
    const scoped = findMetrics(body(html), 'taobao', { ignore: (el) => el.classList.contains('promo') });
    expect(scoped.metrics.map((m) => m.metric)).toEqual(['visitors']);
  });

  it('reads only inside the roots it is given, each label once', () => {
    const page = body('<div id="a"><div>访客数</div><div>1,000</div></div><div id="b"><div>支付金额</div><div>2500+</div></div>');
    const a = page.querySelector('#a')!;
    const result = findMetrics([a, a, page.querySelector('#a > div')!], 'taobao');
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([['visitors', 1000]]);
  });
});

describe('findMetrics: label/value lists', () => {
  it('reads dl/dt/dd', () => {
    const result = find('<dl><dt>访客数</dt><dd>1,234</dd><dt>支付转化率</dt><dd>2.35%</dd><dt>客单价</dt><dd>--</dd></dl>');
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([
      ['visitors', 1234],
      ['conversionRate', 0.0235],
    ]);
    expect(problems(result, 'aov')).toEqual(["'客单价' shown as '--' (no data)"]);
  });

  it('reads label：value rows in one text, split over elements and with split spans', () => {
    const result = find(
      '<ul><li>访客数：1,234</li><li><span>浏览量：</span><span>5,678</span></li>' +
        '<li>支付金额：<b>¥</b><b>9,876</b><b>.50</b></li><li>客单价: -</li><li>UV价值：2.33 较前一日 -1.00%</li></ul>',
    );
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([
      ['visitors', 1234],
      ['pageViews', 5678],
      ['payAmount', 9876.5],
      ['uvValue', 2.33],
    ]);
    expect(reading(result, 'uvValue')?.change).toEqual({ basis: '较前一日', ratio: -0.01 });
    expect(problems(result, 'aov')).toEqual(["'客单价' shown as '-' (no data)"]);
  });

  it('reads a two-column table of label and value rows', () => {
    const result = find('<table><tr><td>访客数</td><td>1,234</td></tr><tr><td>浏览量</td><td>5,678</td></tr></table>');
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([
      ['visitors', 1234],
      ['pageViews', 5678],
    ]);
  });
});

describe('findMetrics: tables', () => {
  it('reads a header row above one row of values', () => {
    const result = find(
      '<table><thead><tr><th>访客数</th><th>支付金额</th><th>支付转化率</th></tr></thead>' +
        '<tbody><tr><td>1,234</td><td>56,789.00</td><td>2.35%</td></tr></tbody></table>',
    );
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([
      ['visitors', 1234],
      ['payAmount', 56789],
      ['conversionRate', 0.0235],
    ]);
  });

  it('reads header and body rendered as two tables (fixed header), skipping the hidden measure row', () => {
    const result = find(
      '<div class="tbl_c__1"><div class="tbl_h__2"><table><thead><tr><th><div><span>访客数</span></div></th><th>浏览量</th><th>客单价</th></tr></thead></table></div>' +
        '<div class="tbl_b__3"><table><tbody><tr aria-hidden="true"><td></td><td></td><td></td></tr>' +
        '<tr><td>1,234</td><td><span>5,</span><span>678</span></td><td>-</td></tr></tbody></table></div></div>',
    );
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([
      ['visitors', 1234],
      ['pageViews', 5678],
    ]);
    expect(problems(result, 'aov')).toEqual(["'客单价' shown as '-' (no data)"]);
  });

  it('reads a header row of th without thead, with non-metric columns and colspan', () => {
    const result = find(
      '<table><tr><th colspan="2">日期</th><th>访客数</th></tr><tr><td>2026-11-21</td><td>周六</td><td>1,234</td></tr></table>',
    );
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([['visitors', 1234]]);
  });

  it('does not read values from a nearby table whose columns do not line up', () => {
    const result = find(
      '<div><div><table><thead><tr><th>访客数</th><th>浏览量</th><th>客单价</th></tr></thead></table></div>' +
        '<div><table><tbody><tr><td>2026-11-21</td><td>88.00</td></tr></tbody></table></div></div>',
    );
    expect(result).toEqual({ metrics: [], issues: [] });
  });

  it('accepts the empty scrollbar cell at the end of a fixed header', () => {
    const result = find(
      '<div><div><table><thead><tr><th>访客数</th><th>浏览量</th><th class="scrollbar"></th></tr></thead></table></div>' +
        '<div><table><tbody><tr><td>1,234</td><td>5,678</td></tr></tbody></table></div></div>',
    );
    expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([
      ['visitors', 1234],
      ['pageViews', 5678],
    ]);
  });

  it('leaves a per-item table with many rows to readTableRows', () => {
    const html =
      '<table><thead><tr><th>排名</th><th>产品名称</th><th>交易指数</th><th>支付件数</th></tr></thead><tbody>' +
      '<tr><td>1</td><td>肾宝片</td><td>111,712</td><td>1,000</td></tr>' +
      '<tr><td>2</td><td>复方阿胶浆</td><td>57,195</td><td>-</td></tr></tbody></table>';
    expect(find(html)).toEqual({ metrics: [], issues: [] });
    const tables = readTableRows(body(html), 'taobao');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.headers).toEqual(['排名', '产品名称', '交易指数', '支付件数']);
    expect(tables[0]!.rows.map((row) => [row.cells, row.metrics.map((m) => [m.metric, m.unit, m.value])])).toEqual([
      [{ 排名: '1', 产品名称: '肾宝片' }, [['tradeIndex', 'index', 111712], ['units', 'count', 1000]]],
      [{ 排名: '2', 产品名称: '复方阿胶浆' }, [['tradeIndex', 'index', 57195]]],
    ]);
    expect(tables[0]!.rows[1]!.issues).toEqual([{ field: 'metrics.units', problem: "'支付件数' shown as '-' (no data)" }]);
  });

  it('does not read a table whose header lost a cell, even when the gutter makes the counts agree', () => {
    const header = (cells: string[]) => `<div><table><thead><tr>${cells.map((c) => `<th>${c}</th>`).join('')}<th class="gutter"></th></tr></thead></table></div>`;
    const bodyRows = '<div><table><tbody><tr><td>A</td><td>10</td><td>20</td></tr><tr><td>B</td><td>30</td><td>40</td></tr></tbody></table></div>';
    const whole = readTableRows(body(`<div>${header(['产品名称', '访客数', '浏览量'])}${bodyRows}</div>`), 'taobao');
    expect(whole[0]!.rows.map((row) => row.metrics.map((m) => [m.metric, m.value]))).toEqual([
      [['visitors', 10], ['pageViews', 20]],
      [['visitors', 30], ['pageViews', 40]],
    ]);
    const short = readTableRows(body(`<div>${header(['产品名称', '浏览量'])}${bodyRows}</div>`), 'taobao');
    expect(short[0]!.rows).toEqual([]);
    expect(short[0]!.issues?.[0]?.problem).toMatch(/do not line up/);
    // A bare empty last header cell is a gutter too: the same loss is not read either.
    const bare = readTableRows(body('<div><table><thead><tr><th>产品名称</th><th>浏览量</th><th></th></tr></thead></table></div>' + bodyRows), 'taobao');
    expect(bare[0]!.rows).toEqual([]);
  });

  it('reports a row with more or fewer cells than the header unreadable, and reads the others', () => {
    const html =
      '<table><thead><tr><th>排名</th><th>访客数</th><th>浏览量</th></tr></thead><tbody>' +
      '<tr><td>1</td><td>10</td><td>20</td></tr><tr><td>2</td><td>30</td></tr><tr><td>3</td><td colspan="2">-</td></tr></tbody></table>';
    const rows = readTableRows(body(html), 'taobao')[0]!.rows;
    expect(rows.map((row) => [row.cells, row.metrics.map((m) => [m.metric, m.value]), row.issues.map((i) => i.field)])).toEqual([
      [{ 排名: '1' }, [['visitors', 10], ['pageViews', 20]], []],
      [{}, [], ['row']],
      [{ 排名: '3' }, [], ['metrics.visitors', 'metrics.pageViews']],
    ]);
  });

  it('skips one-cell rows (暂无数据, 加载中) instead of voiding the table', () => {
    const html =
      '<table><thead><tr><th>排名</th><th>产品名称</th><th>交易指数</th><th>支付件数</th></tr></thead><tbody>' +
      '<tr><td>1</td><td>肾宝片</td><td>111,712</td><td>1,000</td></tr>' +
      '<tr><td colspan="4">加载中…</td></tr></tbody></table>';
    expect(readTableRows(body(html), 'taobao')[0]!.rows.map((row) => row.cells)).toEqual([{ 排名: '1', 产品名称: '肾宝片' }]);
    const empty = '<table><thead><tr><th>访客数</th><th>浏览量</th></tr></thead><tbody><tr><td colspan="2">暂无数据</td></tr></tbody></table>';
    expect(readTableRows(body(empty), 'taobao')[0]!.rows).toEqual([]);
    expect(find(empty)).toEqual({ metrics: [], issues: [] });
  });

  it('reads columns a caller names as labels for one page only (extraLabels)', () => {
    const html =
      '<table><thead><tr><th>商品信息</th><th>价格</th><th>库存</th></tr></thead><tbody>' +
      '<tr><td>保温杯</td><td>¥19.90 - ¥29.90</td><td>1,204</td></tr>' +
      '<tr><td>水杯</td><td>¥9.90</td><td>-</td></tr></tbody></table>';
    expect(readTableRows(body(html), 'douyin')).toEqual([]);
    const [table] = readTableRows(body(html), 'douyin', { extraLabels: { 价格: 'price', 库存: 'stock' } });
    expect(table!.rows.map((row) => row.metrics.map((m) => [m.metric, m.unit, m.value, m.max]))).toEqual([
      [['price', 'yuan', 19.9, 29.9], ['stock', 'count', 1204, undefined]],
      [['price', 'yuan', 9.9, undefined]],
    ]);
    expect(matchMetricLabel('价格', 'douyin')).toBeNull();
  });
});

describe('matchMetricLabel', () => {
  it.each([
    ['访客数', 'visitors', undefined],
    ['访客数：', 'visitors', undefined],
    ['访客数 ?', 'visitors', undefined],
    ['uv价值', 'uvValue', undefined],
    ['支付金额(元)', 'payAmount', '元'],
    ['支付金额（万元）', 'payAmount', '万'],
    ['退款率(金额)', 'refundRate', undefined],
  ])('%s → %s', (text, metric, hint) => {
    const match = matchMetricLabel(text, 'taobao');
    expect(match?.def.id).toBe(metric);
    expect(match?.hint).toBe(hint);
  });
  it.each(['访客数是指', '销量', '商品分析', '', '成交订单'])('%j is not a label', (text) => {
    expect(matchMetricLabel(text, 'taobao')).toBeNull();
  });
});

describe('tokenise', () => {
  it('splits the real 抖店 card text', () => {
    expect(tokenise('3 较昨日 25.00% 同行标杆值9 卖得好的商品').map((t) => t.type)).toEqual([
      'figure',
      'basis',
      'figure',
      'peer',
      'figure',
      'text',
    ]);
  });
  it('keeps numbers glued to words as words', () => {
    expect(tokenise('分析近7天成交 1个人多次 2026-11-21').map((t) => t.type)).toEqual(['text', 'text', 'text', 'text']);
  });
  it('reads durations as figures in seconds, and 4.8分 (points or minutes?) as a word', () => {
    const tokens = tokenise('1分4秒 较上期 5.20% 00:01:04 4.8分');
    expect(tokens.map((t) => t.type)).toEqual(['figure', 'basis', 'figure', 'figure', 'text']);
    expect(tokens[0]).toMatchObject({ figure: { value: 64, suffix: '秒' } });
    expect(tokens[3]).toMatchObject({ figure: { value: 64, suffix: '秒' } });
  });
});

describe('findMetrics: durations', () => {
  it.each([
    ['1分4秒', 64],
    ['64秒', 64],
    ['00:02:05', 125],
  ])('reads 人均观看时长 %s as %d seconds', (shown, seconds) => {
    const result = find(`<div><div>人均观看时长</div><div>${shown}</div></div>`, 'douyin');
    expect(reading(result, 'avgWatchSeconds')).toMatchObject({ value: seconds, unit: 'seconds', bound: 'exact' });
  });

  it('does not take a duration for a count', () => {
    const result = find('<div><div>观看人数</div><div>1分4秒</div></div>', 'douyin');
    expect(reading(result, 'viewers')).toBeUndefined();
    expect(problems(result, 'viewers')).toEqual([expect.stringContaining('does not fit its unit')]);
  });
});

describe('findMetrics: digits drawn with an obfuscated font (private-use characters)', () => {
  // PDD 数据中心 draws digits with a per-response web font: the text holds U+E000–U+F8FF.
  const PUA = '\uE3A1\uE0F2';
  it.each([
    ['all digits private-use', `${PUA}`],
    ['private-use with a plain decimal point and %', `\uE3A1.\uE0F2%`],
    ['a ¥ before private-use digits', `¥${PUA}.\uE7C4`],
    ['plain digits mixed with private-use ones', `1\uE0F25`],
  ])('reports %s as unreadable, never a number', (_case, shown) => {
    const result = find(`<div><div>成交金额</div><div>${shown}</div></div>`, 'pinduoduo');
    expect(reading(result, 'payAmount')).toBeUndefined();
    expect(problems(result, 'payAmount')).toEqual([expect.stringContaining('obfuscated font')]);
  });

  it('still reads plain figures beside obfuscated ones, and leaves an obfuscated change out', () => {
    const result = find(
      `<div><div>成交金额</div><div>1,234.50</div><div><span>较前一日</span><span>\uE001\uE002%</span></div></div>
       <div><div>成交订单数</div><div>${PUA}</div></div>`,
      'pinduoduo',
    );
    expect(reading(result, 'payAmount')).toEqual({ metric: 'payAmount', label: '成交金额', value: 1234.5, unit: 'yuan', bound: 'exact' });
    expect(problems(result, 'payAmount')).toEqual([expect.stringContaining('change not read')]);
    expect(reading(result, 'orders')).toBeUndefined();
    expect(problems(result, 'orders')).toEqual([expect.stringContaining('obfuscated font')]);
  });

  it('reports an obfuscated table cell unreadable', () => {
    const table = `<table><thead><tr><th>商品访客数</th><th>成交金额</th></tr></thead>
      <tbody><tr><td>${PUA}</td><td>88.00</td></tr><tr><td>12</td><td>\uE001.\uE002</td></tr></tbody></table>`;
    const [reading0] = readTableRows(body(table), 'pinduoduo');
    expect(reading0!.rows.map((row) => row.metrics.map((m) => [m.metric, m.value]))).toEqual([[['payAmount', 88]], [['itemVisitors', 12]]]);
    expect(reading0!.rows.map((row) => row.issues.map((issue) => issue.field))).toEqual([['metrics.itemVisitors'], ['metrics.payAmount']]);
  });

  it('tokenises private-use runs as obfuscated, not as words', () => {
    expect(tokenise(`成交金额 ${PUA} 较前一日 5%`).map((t) => t.type)).toEqual(['text', 'obfuscated', 'basis', 'figure']);
  });
});
