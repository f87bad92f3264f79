/**
 * issueText / translateIssue / issueFieldName (lib/i18n/issue-text.ts): adapter sentences in
 * Chinese and English, unknown sentences kept visible, fields by their names.
 */
import { describe, expect, it } from 'vitest';
import type { IssueTemplate } from '../../../lib/i18n/issue-templates';
import { issueFieldName, issueText, translateIssue } from '../../../lib/i18n/issue-text';

describe('issueText', () => {
  it.each([
    // Figures beside their labels (lib/capture/finder.ts)
    ["'客单价' shown as '-' (no data)", '“客单价”显示为“-”：没有数据（不是 0）'],
    ["'退款率' shown as '' (no data)", '“退款率”没有显示数值：没有数据（不是 0）'],
    ["'成交金额' unreadable: digits drawn with an obfuscated font (private-use characters)", '“成交金额”无法读取：数字用混淆字体绘制（私有区字符）'],
    [
      "'成交转化率' 较前一日 0.40% is shown without a sign (only a colour): change not read",
      '“成交转化率”的“较前一日” 0.40% 没有正负号（只用颜色表示涨跌）：变化未读取',
    ],
    ["'收藏人数' value '12.5' does not fit its unit (count): a count that is not a whole number", '“收藏人数”的数值“12.5”与单位（数量）不符：数量不是整数'],
    ["'投产比' value '3.8万' does not fit its unit (multiple): a multiple with a multiplier", '“投产比”的数值“3.8万”与单位（倍数）不符：倍数带有万、亿等倍数单位'],
    ["shown with different values ('店铺访客数' 8960, '商品访客数' 7714): none kept", "页面上显示了不同的数值（'店铺访客数' 8960, '商品访客数' 7714）：都不采用"],
    // A row suffix around a finder sentence (lib/adapters/jd/sz-item-report.ts)
    ["'加购转化率' shown as '--' (no data) (rows 1, 2, 5)", '“加购转化率”显示为“--”：没有数据（不是 0）（第 1、2、5 行）'],
    // Listings: per-source reasons
    [
      'not found (embedded data: no rateVO.totalCount; page text: no review count on the page)',
      '未找到（内嵌数据：数据中没有 rateVO.totalCount；页面文字：页面上没有评价数）',
    ],
    ['not found (page text: sales count shown as "已售--")', '未找到（页面文字：销量显示为“已售--”，没有数据）'],
    ['not found (embedded data: no readable service score (宝贝描述 score missing; 物流服务 score "-"))', '未找到（内嵌数据：没有能读取的服务评分（宝贝描述没有评分；物流服务的评分为“-”））'],
    ['the price data states no price (p "-1.00")', '价格数据中没有价格（p “-1.00”）'],
    ['embedded prices (拼单价 990, 单买价 1590) do not match the shown ¥9.9: units uncertain, page prices used', '内嵌价格（拼单价 990, 单买价 1590）与页面显示的 ¥9.9 不符：单位不确定，改用页面上的价格'],
    ['several different group prices (9.9, 12.9)', '有多个不同的拼单价（9.9, 12.9）'],
    // Whole pages
    ['the page states no period (统计时间 or a date picker)', '页面没有标明统计周期（统计时间或日期选择器）'],
    ["section '核心指标' is for 2026-11-15~2026-11-21, not no stated period: not read", '“核心指标”板块的数据属于 2026-11-15~2026-11-21，而不是 未标明的周期：未读取'],
    [
      "2 figures drawn with the page's anti-scraping font (spider @font-face) as private-use characters: not read (decoding needs the font file, which ShopLens does not download)",
      '2 个数字用页面的反爬字体（spider @font-face）绘制成私有区字符：未读取（解码需要字体文件，店镜不会下载它）',
    ],
    ['compass/homepage-core-index: refused by risk control (st 11001, 当前网络不稳定)', '接口 compass/homepage-core-index：被平台风控拒绝（st 11001，当前网络不稳定）'],
    ['pay_amt in compass/homepage-core-index: unit code 4 (ratio) where yuan was expected: not read', '接口 compass/homepage-core-index 中的字段 pay_amt：单位代码 4（ratio），而这里应为元：未读取'],
    ['several different unlabelled prices (ranks 3, 7): price not read', '有多个不同的未标注价格（第 3、7 名）：价格未读取'],
    ['results at ranks 1, 2 show no title: left out', '第 1、2 名的结果没有标题：未采用'],
    ['the table shows no item rows (only its 合计 row)', '表格中没有商品行（只有合计行）'],
  ])('%s', (problem, zh) => {
    expect(issueText(problem, 'zh')).toBe(zh);
    expect(translateIssue(problem, 'zh').complete).toBe(true);
    // English: the adapter's sentence, as written.
    expect(issueText(problem, 'en')).toBe(problem);
  });

  it('keeps a sentence no template knows visible, behind a short Chinese lead', () => {
    const problem = 'the widget exploded (code 7)';
    expect(translateIssue(problem, 'zh')).toEqual({ text: `未能读取：${problem}`, templateIds: [], complete: false });
    expect(translateIssue(problem, 'en')).toEqual({ text: problem, templateIds: [], complete: false });
    // Chinese written by hand (older captures, tests) is shown the same way, never dropped.
    expect(issueText('只找到分期价（每期 ¥12.00），不是商品价格', 'zh')).toBe('未能读取：只找到分期价（每期 ¥12.00），不是商品价格');
  });

  it('renders the known sentence around an unknown inner phrase, and says it is not complete', () => {
    const result = translateIssue('not found (embedded data: the widget exploded; page text: no stock shown on the page)', 'zh');
    expect(result.text).toBe('未找到（内嵌数据：the widget exploded；页面文字：页面上没有显示库存）');
    expect(result.complete).toBe(false);
    expect(result.templateIds).toEqual(['listing.notFound', 'listing.fromSource', 'listing.fromSource', 'stock.noneOnPage']);
  });

  it('marks an unknown noun as not complete but keeps it', () => {
    const result = translateIssue('widget count shown as "-"', 'zh');
    expect(result.text).toBe('widget count显示为“-”，没有数据');
    expect(result.complete).toBe(false);
    // Page labels and data field names are carried as they are and count as known.
    expect(translateIssue('物流服务 shown as "-"', 'zh').complete).toBe(true);
    expect(translateIssue('unreadable vagueSellCount "好多"', 'zh').complete).toBe(true);
  });

  it('does not try to match text longer than any stored problem', () => {
    const long = `'访客数' shown as '${'-'.repeat(500)}' (no data)`;
    expect(translateIssue(long, 'zh')).toMatchObject({ text: `未能读取：${long}`, complete: false });
  });

  it('returns page markup as plain text, unchanged', () => {
    expect(issueText("'<b>访客数</b>' shown as '<img src=x>' (no data)", 'zh')).toBe('“<b>访客数</b>”显示为“<img src=x>”：没有数据（不是 0）');
  });

  it('uses a template’s own English when it has one, and fills $n groups in strings', () => {
    const templates: IssueTemplate[] = [
      { id: 'test.outer', pattern: /^outer (\d+): (.+)$/, zh: (m, ctx) => `外层 ${m[1]}：${ctx.phrase(m[2]!)}`, en: (m, ctx) => `Outer ${m[1]}: ${ctx.phrase(m[2]!)}`, examples: [] },
      { id: 'test.inner', pattern: /^inner "(.*)"$/, zh: '内层“$1”', en: 'Inner “$1”', examples: [] },
    ];
    expect(translateIssue('outer 3: inner "x"', 'zh', templates)).toEqual({ text: '外层 3：内层“x”', templateIds: ['test.outer', 'test.inner'], complete: true });
    expect(translateIssue('outer 3: inner "x"', 'en', templates).text).toBe('Outer 3: Inner “x”');
  });

  it('takes the first template that matches the whole sentence, not a part of it', () => {
    const templates: IssueTemplate[] = [
      { id: 'test.partial', pattern: /^no price$/, zh: '没有价格', examples: [] },
      { id: 'test.first', pattern: /^no (\w+) here$/, zh: '这里没有 $1', examples: [] },
      { id: 'test.second', pattern: /^no price here$/, zh: '第二个', examples: [] },
    ];
    expect(translateIssue('no price here', 'zh', templates).text).toBe('这里没有 price');
  });
});

describe('issueFieldName', () => {
  it.each([
    ['metrics.payAmount', '支付金额', 'Sales amount'],
    ['listing.price', '价格', 'Price'],
    ['listing.attributesFilled', '商品参数', 'Attributes'],
    ['period', '统计周期', 'Period'],
    ['responses', '页面请求的数据', 'Data the page fetched'],
    ['items[2].metrics.buyers', '商品明细 · 支付买家数', 'Item rows · Buyers'],
    ['items.metrics.aov', '商品明细 · 客单价', 'Item rows · Average order value'],
    ['items[3].itemId', '商品明细 · 商品 ID', 'Item rows · item ID'],
    ['results[5].price', '搜索结果 · 价格', 'Search results · price'],
    ['results[1]', '搜索结果', 'Search results'],
    ['editor.prices', '编辑页 · 价格', 'Editor · prices'],
  ])('%s → %s / %s', (field, zh, en) => {
    expect(issueFieldName(field, 'zh')).toBe(zh);
    expect(issueFieldName(field, 'en')).toBe(en);
  });

  it.each(['metrics.noSuchMetric', 'widgets.metrics.visitors', 'listing.noSuchField', 'something'])('%s has no name', (field) => {
    expect(issueFieldName(field, 'zh')).toBeUndefined();
    expect(issueFieldName(field, 'en')).toBeUndefined();
  });
});
