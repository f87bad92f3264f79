/**
 * What the adapters' `issues[].problem` sentences say, in Chinese: site knowledge kept as data.
 *
 * Adapters write their problems in English free text (lib/adapters/**, lib/capture/finder.ts)
 * and stored captures keep those sentences, so the panel translates at display time: each
 * template recognises one kind of sentence by a pattern and says it again in Chinese, carrying
 * page text (quoted labels, values, 暂无数据 …), numbers and data field names over unchanged.
 * English is the adapter's own sentence unless a template gives `en`.
 *
 * Rendered by ./issue-text.ts; linted by tests/unit/i18n/issue-templates.test.ts (ids and
 * patterns unique, each example rendered by its own template, page text and numbers carried
 * over) and tests/unit/i18n/issue-coverage.test.ts (every problem in the fixtures' expected
 * captures has a template). When an adapter gains a new sentence, that test names it: add a
 * template here, near the ones for the same adapter part.
 *
 * Templates are tried in order and the first whose pattern matches the whole sentence wins,
 * so the general ones (a row suffix, `X shown as "…"`) come after the specific ones.
 */
import type { Lang } from './index';

export interface IssueRenderContext {
  readonly lang: Lang;
  /** A part of the sentence that is itself an adapter phrase (the reason inside `not found (…)`). */
  phrase(text: string): string;
  /** What a phrase is about: `price`, `sales count`, a page label (物流服务) or a data field (rateVO.totalCount). */
  noun(text: string): string;
  /** A capture unit id (count, yuan …) by its name. */
  unit(unit: string): string;
  /** A price kind id (group, promotion …) by its name. */
  priceKind(kind: string): string;
  /** `1, 2, 3 …` → `1、2、3 …`: the numbers unchanged. */
  list(text: string): string;
  /** Marks the rendering as not fully translated (English words left in it). */
  incomplete(): void;
}

export type IssueRender = string | ((match: RegExpExecArray, ctx: IssueRenderContext) => string);

export interface IssueTemplate {
  /** Stable name, for lint messages and the list of templates without a fixture. */
  id: string;
  /** Matches the whole sentence (anchored with ^ and $). */
  pattern: RegExp;
  /** Chinese: a string with `$1`… for the groups, or a function of the match. */
  zh: IssueRender;
  /** English when the adapter's own sentence will not do; absent = the sentence as written. */
  en?: IssueRender;
  /** Sentences the adapters write that this template renders (at least one; the lint renders each). */
  examples: readonly string[];
}

/** Shown before a problem no template knows, so an unknown sentence is never hidden. */
export const UNKNOWN_ISSUE_LEAD: Record<Lang, string> = { zh: '未能读取：', en: '' };

/** The words an adapter uses for what a phrase is about, when not a page label or data field name. */
export const ISSUE_NOUNS: Record<string, { zh: string; en: string }> = {
  price: { zh: '价格', en: 'price' },
  'price text': { zh: '价格文字', en: 'price text' },
  'second price': { zh: '第二个价格', en: 'second price' },
  'sales count': { zh: '销量', en: 'sales count' },
  'review count': { zh: '评价数', en: 'review count' },
  sales: { zh: '销量', en: 'sales' },
};

/**
 * Field names of `issues[].field` (indices such as `items[2]` removed), in both languages.
 * Metric fields (`metrics.<id>`, `items.metrics.<id>`) take the metric's own name from
 * lib/metrics/definitions.ts instead.
 */
export const ISSUE_FIELD_NAMES: Record<string, { zh: string; en: string }> = {
  period: { zh: '统计周期', en: 'Period' },
  shop: { zh: '店铺', en: 'Shop' },
  metrics: { zh: '指标', en: 'Figures' },
  url: { zh: '页面地址', en: 'Page address' },
  embedded: { zh: '页面内嵌数据', en: 'Embedded page data' },
  responses: { zh: '页面请求的数据', en: 'Data the page fetched' },
  listing: { zh: '商品详情', en: 'Listing' },
  'listing.itemId': { zh: '商品 ID', en: 'Item ID' },
  'listing.title': { zh: '商品标题', en: 'Title' },
  'listing.price': { zh: '价格', en: 'Price' },
  'listing.otherPrices': { zh: '其他价格', en: 'Other prices' },
  'listing.sales': { zh: '销量', en: 'Sales' },
  'listing.reviews': { zh: '评价数', en: 'Reviews' },
  'listing.shop': { zh: '店铺', en: 'Shop' },
  'listing.scores': { zh: '店铺评分', en: 'Shop scores' },
  'listing.stock': { zh: '库存', en: 'Stock' },
  'listing.promotions': { zh: '优惠活动', en: 'Promotions' },
  'listing.category': { zh: '类目', en: 'Category' },
  'listing.images': { zh: '主图', en: 'Main images' },
  'listing.skuCount': { zh: '规格数', en: 'Number of SKUs' },
  'listing.skuPriceMedian': { zh: '规格价格中位数', en: 'Median SKU price' },
  'listing.attributesFilled': { zh: '商品参数', en: 'Attributes' },
  'listing.shipping': { zh: '发货承诺', en: 'Shipping promise' },
  'listing.returns': { zh: '退货条款', en: 'Return terms' },
  results: { zh: '搜索结果', en: 'Search results' },
  'results.itemId': { zh: '搜索结果 · 商品 ID', en: 'Search results · item ID' },
  'results.title': { zh: '搜索结果 · 标题', en: 'Search results · title' },
  'results.price': { zh: '搜索结果 · 价格', en: 'Search results · price' },
  'results.sales': { zh: '搜索结果 · 销量', en: 'Search results · sales' },
  'results.reviews': { zh: '搜索结果 · 评价数', en: 'Search results · reviews' },
  'results.shop': { zh: '搜索结果 · 店铺', en: 'Search results · shop' },
  items: { zh: '商品明细', en: 'Item rows' },
  'items.itemId': { zh: '商品明细 · 商品 ID', en: 'Item rows · item ID' },
  'items.title': { zh: '商品明细 · 商品标题', en: 'Item rows · title' },
  'items.rank': { zh: '商品明细 · 排名', en: 'Item rows · rank' },
  editor: { zh: '商品编辑页', en: 'Listing editor' },
  'editor.title': { zh: '编辑页 · 标题', en: 'Editor · title' },
  'editor.counter': { zh: '编辑页 · 字数计数', en: 'Editor · character counter' },
  'editor.category': { zh: '编辑页 · 类目', en: 'Editor · category' },
  'editor.prices': { zh: '编辑页 · 价格', en: 'Editor · prices' },
};

const q = (text: string | undefined) => `“${text ?? ''}”`;

/**
 * Why digits drawn with an obfuscating font were not decoded (FONT_PROBLEM_REASONS and the two
 * glyph reasons in lib/adapters/pinduoduo/obfuscated-font.ts; a test keeps the lists in step).
 */
export const FONT_REASONS_ZH: Record<string, string> = {
  'decoding needs the font file, which ShopLens does not download': '解码需要字体文件，店镜不会下载它',
  'the font is one installed on the computer (local()), which ShopLens does not read': '字体是电脑上安装的字体（local()），店镜不读取',
  'the browser could not load the font': '浏览器未能加载该字体',
  'the font is WOFF2, which ShopLens does not decode': '字体是 WOFF2 格式，店镜不解码',
  'the font has CFF outlines, which ShopLens does not decode': '字体使用 CFF 轮廓，店镜不解码',
  'the font is a font collection, which ShopLens does not decode': '字体是字体集合文件，店镜不解码',
  'the font file is damaged or not a font': '字体文件已损坏或不是字体',
  'the font file is too large to decode': '字体文件太大，不解码',
  'the font has more glyphs or contours than a digit font': '字体的字形或轮廓比数字字体多，不解码',
  'the font substitutes or moves glyphs (GSUB, GPOS, kern), which ShopLens does not follow': '字体会替换或移动字形（GSUB、GPOS、kern），店镜不按这些规则解码',
  "the font's character map is of a kind ShopLens does not read": '字体的字符映射表（cmap）格式店镜不读取',
  'some of its glyphs match no digit shape ShopLens knows': '字体中有字形与店镜已知的数字形状都不匹配',
  'they are not drawn with a font ShopLens decoded': '这些字符不是用店镜解码过的字体绘制的',
};

/** `(date picker or 统计时间)` and the like: where a page states its period. */
const PERIOD_PLACES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:a|the) date picker\b/g, '日期选择器'],
  [/\bdate picker\b/g, '日期选择器'],
  [/\ba period tab\b/g, '周期切换标签'],
  [/ or /g, '或'],
];

function periodPlaces(text: string, ctx: IssueRenderContext): string {
  let out = text;
  for (const [word, zh] of PERIOD_PLACES) out = out.replace(word, zh);
  if (/[A-Za-z]{3,}/.test(out)) ctx.incomplete();
  return out;
}

/** describePeriod() in the adapters: `2026年11月21日 (2026-11-21)`, or `no stated period`. */
const period = (text: string | undefined) => (text === 'no stated period' ? '未标明的周期' : (text ?? ''));

/** `rows 1, 2` / `rank 3` → the numbers. */
const positions = (text: string | undefined, ctx: IssueRenderContext) => ctx.list((text ?? '').replace(/^(?:rows?|ranks?) /, ''));

const UNIT_WORDS: Record<string, string> = {
  ratio: '比率',
  multiple: '倍数',
  score: '评分',
  index: '指数',
  duration: '时长',
};

const ADDRESS_KINDS: Record<string, string> = {
  'Taobao/Tmall item': '淘宝/天猫商品页',
  'PDD goods': '拼多多商品页',
  'PDD search': '拼多多搜索页',
  'haohuo product': '抖音商城商品页',
  'JD item': '京东商品页',
  'JD search': '京东搜索页',
  'Taobao search': '淘宝搜索页',
};

export const ISSUE_TEMPLATES: readonly IssueTemplate[] = [
  // ------------------------------------------------------------------------------------------
  // Figures beside their labels (lib/capture/finder.ts): `'<label as on the page>' …`
  {
    id: 'metric.noData',
    pattern: /^'([^']*)' shown as '([^']*)' \(no data\)$/,
    zh: (m) => (m[2] === '' ? `${q(m[1])}没有显示数值：没有数据（不是 0）` : `${q(m[1])}显示为${q(m[2])}：没有数据（不是 0）`),
    examples: ["'客单价' shown as '-' (no data)", "'访客数' shown as '--' (no data)", "'退款率' shown as '' (no data)"],
  },
  {
    id: 'metric.obfuscatedFont',
    pattern: /^'([^']*)' unreadable: digits drawn with an obfuscated font \(private-use characters\)$/,
    zh: '“$1”无法读取：数字用混淆字体绘制（私有区字符）',
    examples: ["'成交金额' unreadable: digits drawn with an obfuscated font (private-use characters)"],
  },
  {
    id: 'metric.onlyComparison',
    pattern: /^'([^']*)' has comparison figures but no value of its own$/,
    zh: '“$1”只有对比数字，没有它自己的数值',
    examples: ["'访客数' has comparison figures but no value of its own"],
  },
  {
    id: 'metric.twoFigures',
    pattern: /^'([^']*)' shows two figures side by side \('(.*)', '(.*)'\): not read$/,
    zh: '“$1”并排显示了两个数字（“$2”、“$3”）：未读取',
    examples: ["'支付金额' shows two figures side by side ('12,345.60', '11,020.00'): not read"],
  },
  {
    id: 'metric.unitMismatch',
    pattern: /^'([^']*)' value '(.*)' does not fit its unit \((\w+)\): (.+)$/,
    zh: (m, ctx) => `${q(m[1])}的数值${q(m[2])}与单位（${ctx.unit(m[3]!)}）不符：${ctx.phrase(m[4]!)}`,
    examples: ["'收藏人数' value '12.5' does not fit its unit (count): a count that is not a whole number"],
  },
  {
    id: 'metric.valueUnreadable',
    pattern: /^'([^']*)' value '(.*)' is unreadable$/,
    zh: '“$1”的数值“$2”无法识别（有字符缺失或显示异常）',
    examples: ["'总花费' value '1,250.口' is unreadable"],
  },
  {
    id: 'metric.changeObfuscated',
    pattern: /^'([^']*)' ([^\s']+): digits drawn with an obfuscated font, change not read$/,
    zh: '“$1”的“$2”：数字用混淆字体绘制，变化未读取',
    examples: ["'退款金额' 较前一日: digits drawn with an obfuscated font, change not read"],
  },
  {
    id: 'metric.peerObfuscated',
    pattern: /^'([^']*)' ([^\s']+): digits drawn with an obfuscated font, peer value not read$/,
    zh: '“$1”的“$2”：数字用混淆字体绘制，同行数值未读取',
    examples: ["'支付转化率' 同行均值: digits drawn with an obfuscated font, peer value not read"],
  },
  {
    id: 'metric.changeBothArrows',
    pattern: /^'([^']*)' ([^\s']+) (\S+) has arrows both ways: change not read$/,
    zh: '“$1”的“$2” $3 同时带有上升和下降箭头：变化未读取',
    examples: ["'成交转化率' 较昨日 0.40% has arrows both ways: change not read"],
  },
  {
    id: 'metric.changeUnreadable',
    pattern: /^'([^']*)' ([^\s']+) '(.*)' is not a readable percentage change$/,
    zh: '“$1”的“$2”“$3”不是能读取的百分比变化',
    examples: ["'访客数' 较上周 '持平' is not a readable percentage change"],
  },
  {
    id: 'metric.changeNoSign',
    pattern: /^'([^']*)' ([^\s']+) (\S+) is shown without a sign \(only a colour\): change not read$/,
    zh: '“$1”的“$2” $3 没有正负号（只用颜色表示涨跌）：变化未读取',
    examples: ["'成交金额' 较昨日 38.20% is shown without a sign (only a colour): change not read"],
  },
  {
    id: 'metric.peerUnitMismatch',
    pattern: /^'([^']*)' ([^\s']+) '(.*)' does not fit its unit \((\w+)\): peer value not read$/,
    zh: (m, ctx) => `${q(m[1])}的${q(m[2])}${q(m[3])}与单位（${ctx.unit(m[4]!)}）不符：同行数值未读取`,
    examples: ["'支付转化率' 同行均值 '¥3.20' does not fit its unit (ratio): peer value not read"],
  },
  {
    id: 'metric.noValueCell',
    pattern: /^'([^']*)' has no value cell under it$/,
    zh: '“$1”下方没有数值单元格',
    examples: ["'访客数' has no value cell under it"],
  },
  {
    id: 'metric.differentValues',
    pattern: /^shown with different values \((.+)\): none kept$/,
    // `'成交花费' unreadable`: that showing's value could not be read (lib/capture/finder.ts).
    zh: (m) => `页面上显示了不同的数值（${m[1]!.replace(/' unreadable(?=, |$)/g, "' 无法识别")}）：都不采用`,
    examples: ["shown with different values ('店铺访客数' 8960, '商品访客数' 7714): none kept", "shown with different values ('总花费' 1250.4, '成交花费' unreadable): none kept"],
  },

  // Why a value does not fit its unit (lib/capture/numbers.ts unitMismatch), inside metric.unitMismatch.
  {
    id: 'unit.fromValue',
    pattern: /^a "from" \(起\) value is not a figure$/,
    zh: '带“起”的数值不是确切的数字',
    examples: ['a "from" (起) value is not a figure'],
  },
  {
    id: 'unit.percentForMoney',
    pattern: /^a percentage where money was expected$/,
    zh: '应为金额，却是百分比',
    examples: ['a percentage where money was expected'],
  },
  {
    id: 'unit.countForMoney',
    pattern: /^a count \("(.*)"\) where money was expected$/,
    zh: '应为金额，却是带“$1”的数量',
    examples: ['a count ("人") where money was expected'],
  },
  {
    id: 'unit.percentForCount',
    pattern: /^a percentage where a count was expected$/,
    zh: '应为数量，却是百分比',
    examples: ['a percentage where a count was expected'],
  },
  {
    id: 'unit.moneyForCount',
    pattern: /^money where a count was expected$/,
    zh: '应为数量，却是金额',
    examples: ['money where a count was expected'],
  },
  {
    id: 'unit.suffixForCount',
    pattern: /^"(.*)" where a count was expected$/,
    zh: '应为数量，却带有“$1”',
    examples: ['"元" where a count was expected'],
  },
  {
    id: 'unit.fractionalCount',
    pattern: /^a count that is not a whole number$/,
    zh: '数量不是整数',
    examples: ['a count that is not a whole number'],
  },
  {
    id: 'unit.negativeCount',
    pattern: /^a negative count$/,
    zh: '数量是负数',
    examples: ['a negative count'],
  },
  {
    id: 'unit.notA',
    pattern: /^not an? (ratio|multiple|score|index|duration)$/,
    zh: (m) => `不是${UNIT_WORDS[m[1]!]}`,
    examples: ['not a ratio', 'not a multiple', 'not a score', 'not an index', 'not a duration'],
  },
  {
    id: 'unit.ratioWithoutPercent',
    pattern: /^a ratio without "%" \(a decimal ratio must be declared\)$/,
    zh: '比率没有“%”（小数形式的比率须事先声明）',
    examples: ['a ratio without "%" (a decimal ratio must be declared)'],
  },
  {
    id: 'unit.withMultiplier',
    pattern: /^an? (ratio|multiple|score) with a multiplier$/,
    zh: (m) => `${UNIT_WORDS[m[1]!]}带有万、亿等倍数单位`,
    examples: ['a ratio with a multiplier', 'a score with a multiplier'],
  },
  {
    id: 'unit.lowerBound',
    pattern: /^a lower bound where an? (multiple|score) was expected$/,
    zh: (m) => `应为确切的${UNIT_WORDS[m[1]!]}，却是下限值（如“10万+”）`,
    examples: ['a lower bound where a multiple was expected'],
  },
  {
    id: 'unit.durationNotSeconds',
    pattern: /^not a duration in seconds$/,
    zh: '不是以秒计的时长',
    examples: ['not a duration in seconds'],
  },
  {
    id: 'unit.unreadable',
    pattern: /^unreadable$/,
    zh: '无法识别',
    examples: ['unreadable'],
  },

  // ------------------------------------------------------------------------------------------
  // Periods
  {
    id: 'period.sectionOtherPeriod',
    pattern: /^section '(.*)' is for (.+?), not (.+): not read$/,
    zh: (m) => `“${m[1]}”板块的数据属于 ${period(m[2])}，而不是 ${period(m[3])}：未读取`,
    examples: ["section '核心指标' is for 2026-11-15~2026-11-21, not 2026年11月21日 (2026-11-21): not read"],
  },
  {
    id: 'period.notStated',
    pattern: /^the page states no period \((.+)\)$/,
    zh: (m, ctx) => `页面没有标明统计周期（${periodPlaces(m[1]!, ctx)}）`,
    examples: [
      'the page states no period (统计时间)',
      'the page states no period (date picker or 统计时间)',
      'the page states no period (统计时间 or a date picker)',
      'the page states no period (数据更新时间 or a period tab)',
      'the page states no period (date picker)',
      'the page states no period (统计时间 or the date picker)',
    ],
  },
  {
    id: 'period.neitherPageNorFetched',
    pattern: /^neither the page nor the fetched data states a period$/,
    zh: '页面和页面获取的数据都没有标明统计周期',
    examples: ['neither the page nor the fetched data states a period'],
  },
  {
    id: 'period.neitherAddressNorPage',
    pattern: /^neither the address \((.+)\) nor the page states the period$/,
    zh: '网址（$1）和页面都没有标明统计周期',
    examples: [
      'neither the address (beginDate/endDate) nor the page states the period',
      'neither the address (startTime/endTime) nor the page states the period',
    ],
  },
  {
    id: 'period.fetchedDiffer',
    pattern: /^the fetched responses are for different periods: not used$/,
    zh: '页面获取的几份数据属于不同的统计周期：未使用',
    examples: ['the fetched responses are for different periods: not used'],
  },
  {
    id: 'period.fetchedNotShown',
    pattern: /^fetched data is for (.+), the page shows (.+): not used$/,
    zh: '页面获取的数据属于 $1，页面显示的是 $2：未使用',
    examples: ['fetched data is for 2026-11-20, the page shows 2026-11-15~2026-11-21: not used'],
  },

  // ------------------------------------------------------------------------------------------
  // Dashboards and reports: the page as a whole
  {
    id: 'metrics.sectionsUnreadable',
    pattern: /^data sections found, but no figure in them could be read$/,
    zh: '找到了数据板块，但其中没有能读取的数字',
    examples: ['data sections found, but no figure in them could be read'],
  },
  {
    id: 'metrics.summaryUnreadable',
    pattern: /^a summary block was found, but no figure in it could be read$/,
    zh: '找到了数据汇总区，但其中没有能读取的数字',
    examples: ['a summary block was found, but no figure in it could be read'],
  },
  {
    id: 'metrics.noDataSection',
    pattern: /^no data section \((.+)\) with figures found on the page$/,
    zh: '页面上没有找到带数字的数据板块（$1）',
    examples: ['no data section (核心指标, 交易概况, 统计时间 …) with figures found on the page'],
  },
  {
    id: 'metrics.noSummaryBlock',
    pattern: /^no summary block \((.+)\) with figures found on the page$/,
    zh: '页面上没有找到带数字的数据汇总区（$1）',
    examples: ['no summary block (数据概览, 数据汇总 …) with figures found on the page'],
  },
  {
    id: 'metrics.fxgHomeNone',
    pattern: /^no figure found in the data sections \((.+)\) of the 抖店 home page$/,
    zh: '抖店首页的数据板块（$1）中没有找到数字',
    examples: ['no figure found in the data sections (经营数据 …) of the 抖店 home page'],
  },
  {
    id: 'metrics.compassHomeNone',
    pattern: /^no figure found: neither fetched core data nor rendered (\S+) cards$/,
    zh: '没有找到数字：既没有获取到核心数据，页面上也没有显示$1卡片',
    examples: ['no figure found: neither fetched core data nor rendered 经营概况 cards'],
  },
  {
    id: 'metrics.noLiveRoomFigure',
    pattern: /^no live-room figure found on the page$/,
    zh: '页面上没有找到直播间数据',
    examples: ['no live-room figure found on the page'],
  },
  {
    id: 'metrics.noReportNorSection',
    pattern: /^no report JSON and no data section \((.+)\) with figures on the page$/,
    zh: '没有报表数据（JSON），页面上也没有带数字的数据板块（$1）',
    examples: ['no report JSON and no data section (数据概况) with figures on the page'],
  },
  {
    id: 'metrics.noBoardNorTotal',
    pattern: /^no summary board and no total row \((.+)\) with figures found$/,
    zh: '没有找到数据看板，也没有找到带数字的合计行（$1）',
    examples: ['no summary board and no total row (合计) with figures found'],
  },
  {
    id: 'metrics.noSummaryNorTotal',
    pattern: /^no summary block \((.+)\) and no total row \((\S+)\) with figures found$/,
    zh: '没有找到带数字的数据汇总区（$1），也没有带数字的合计行（$2）',
    examples: ['no summary block (数据汇总 …) and no total row (合计) with figures found'],
  },
  {
    id: 'metrics.reportNarrowed',
    pattern: /^the report is narrowed to part of the account \((.+)\): its totals are not read$/,
    zh: '报表只筛选了账户的一部分（$1）：不读取它的合计',
    examples: ['the report is narrowed to part of the account (campaignId=123456, adgroupId=789): its totals are not read'],
  },
  {
    id: 'metrics.severalTotalRows',
    pattern: /^(\d+) total rows \((.+)\) in the page's tables: none read$/,
    zh: '页面的表格中有 $1 个合计行（$2）：都不读取',
    examples: ["2 total rows (合计) in the page's tables: none read"],
  },
  {
    id: 'metrics.antiScrapingFont',
    pattern: /^(\d+) figures? drawn with (the page's anti-scraping font|an obfuscating web font)(?: \((.+)\))? as private-use characters: not read \((.+)\)$/,
    zh: (m, ctx) =>
      `${m[1]} 个数字用${m[2] === 'an obfuscating web font' ? '混淆网页字体' : '页面的反爬字体'}${m[3] ? `（${m[3]}）` : ''}绘制成私有区字符：未读取（${m[4]!
        .split('; ')
        .map((reason) => {
          const zh = FONT_REASONS_ZH[reason];
          if (zh === undefined) ctx.incomplete();
          return zh ?? reason;
        })
        .join('；')}）`,
    examples: [
      "2 figures drawn with the page's anti-scraping font (spider @font-face) as private-use characters: not read (decoding needs the font file, which ShopLens does not download)",
      '1 figure drawn with an obfuscating web font as private-use characters: not read (decoding needs the font file, which ShopLens does not download)',
      "1 figure drawn with the page's anti-scraping font (spider @font-face) as private-use characters: not read (some of its glyphs match no digit shape ShopLens knows)",
      '3 figures drawn with an obfuscating web font as private-use characters: not read (the font is WOFF2, which ShopLens does not decode; decoding needs the font file, which ShopLens does not download)',
    ],
  },

  // 多多推广 reports (lib/adapters/pinduoduo/yingxiao-report.ts)
  {
    id: 'report.severalTotals',
    pattern: /^the page fetched (\d+) different report totals \(other periods\?\): the shown figures are read instead$/,
    zh: '页面获取了 $1 份不同的报表合计（可能是其他周期的）：改为读取页面上显示的数字',
    examples: ['the page fetched 2 different report totals (other periods?): the shown figures are read instead'],
  },
  {
    id: 'report.jsonVsPage',
    pattern: /^report JSON gives (\S+), the page shows (\S+) \('(.*)'\): not read$/,
    zh: '报表数据为 $1，页面显示 $2（“$3”）：未读取',
    examples: ["report JSON gives 1250.4, the page shows 1180 ('花费'): not read"],
  },
  {
    id: 'report.json',
    pattern: /^report JSON: (.+)$/,
    zh: (m, ctx) => `报表数据：${ctx.phrase(m[1]!)}`,
    examples: ['report JSON: spend is not a number'],
  },
  {
    id: 'report.notANumber',
    pattern: /^(\w+) is not a number$/,
    zh: '字段 $1 不是数字',
    examples: ['spend is not a number'],
  },
  {
    id: 'report.notWholeLi',
    pattern: /^(\w+) (\S+) is not a whole number of 厘: unit uncertain$/,
    zh: '字段 $1 的值 $2 不是整数厘：单位不确定',
    examples: ['spend 12.5 is not a whole number of 厘: unit uncertain'],
  },
  {
    id: 'report.notWholeRoi',
    pattern: /^(\w+) (\S+) is not a whole ROI×10⁴: unit uncertain$/,
    zh: '字段 $1 的值 $2 不是 ROI×10⁴ 的整数：单位不确定',
    examples: ['orderSpendRoiUnified 3.5 is not a whole ROI×10⁴: unit uncertain'],
  },
  {
    id: 'report.notWholeCount',
    pattern: /^(\w+) (\S+) is not a whole count$/,
    zh: '字段 $1 的值 $2 不是整数',
    examples: ['impression 10.5 is not a whole count'],
  },
  {
    id: 'report.roiUncheckable',
    pattern: /^(\w+) cannot be checked against 交易额 \/ 成交花费: not read$/,
    zh: '字段 $1 无法与交易额 / 成交花费核对：未读取',
    examples: ['orderSpendRoiUnified cannot be checked against 交易额 / 成交花费: not read'],
  },
  {
    id: 'report.roiDisagrees',
    pattern: /^(\w+)\/10⁴ = (\S+) but 交易额\/成交花费 = (\S+): not read$/,
    zh: '字段 $1/10⁴ = $2，但交易额/成交花费 = $3：未读取',
    examples: ['orderSpendRoiUnified/10⁴ = 3.84 but 交易额/成交花费 = 2.10: not read'],
  },

  // 罗盘 fetched data (lib/adapters/douyin/compass-api.ts, compass-home.ts)
  {
    id: 'compass.fieldProblem',
    pattern: /^(\w+) in ([\w.-]+\/[\w./-]+): (.+)$/,
    zh: (m, ctx) => `接口 ${m[2]} 中的字段 ${m[1]}：${ctx.phrase(m[3]!)}`,
    examples: ['pay_amt in compass/homepage-core-index: no value'],
  },
  {
    id: 'compass.noValue',
    pattern: /^no value$/,
    zh: '没有数值',
    examples: ['no value'],
  },
  {
    id: 'compass.unknownUnitCode',
    pattern: /^unknown unit code (\S+): not read$/,
    zh: '未知的单位代码 $1：未读取',
    examples: ['unknown unit code 9: not read'],
  },
  {
    id: 'compass.wrongUnitCode',
    pattern: /^unit code (\S+) \((\w+)\) where (\w+) was expected: not read$/,
    zh: (m, ctx) => `单位代码 ${m[1]}（${m[2]}），而这里应为${ctx.unit(m[3]!)}：未读取`,
    examples: ['unit code 4 (ratio) where yuan was expected: not read'],
  },
  {
    id: 'compass.notWholeFen',
    pattern: /^(\S+) is not a whole number of fen: not read$/,
    zh: '$1 不是整数分：未读取',
    examples: ['12.5 is not a whole number of fen: not read'],
  },
  {
    id: 'compass.notCount',
    pattern: /^(\S+) is not a count: not read$/,
    zh: '$1 不是数量：未读取',
    examples: ['-3 is not a count: not read'],
  },
  {
    id: 'compass.responsesDiffer',
    pattern: /^(\w+) differs between responses \((.+)\): none kept$/,
    zh: '字段 $1 在几份接口数据中的值不同（$2）：都不采用',
    examples: ['pay_amt differs between responses (65449.76, 60342.64): none kept'],
  },
  {
    id: 'compass.pageVsFetched',
    pattern: /^the page shows (.+) but the fetched data says (.+): neither kept$/,
    zh: '页面显示 $1，但页面获取的数据为 $2：都不采用',
    examples: ['the page shows 65449.76 but the fetched data says 60342.64: neither kept'],
  },
  {
    id: 'responses.endpointFailure',
    pattern: /^([\w.-]+\/[\w./-]+): (.+)$/,
    zh: (m, ctx) => `接口 ${m[1]}：${ctx.phrase(m[2]!)}`,
    examples: ['compass/homepage-core-index: refused by risk control (st 11001, 当前网络不稳定)'],
  },
  {
    id: 'responses.notJson',
    pattern: /^not a JSON object$/,
    zh: '不是 JSON 对象',
    examples: ['not a JSON object'],
  },
  {
    id: 'responses.riskControl',
    pattern: /^refused by risk control \(st (\d+), (.+)\)$/,
    zh: '被平台风控拒绝（st $1，$2）',
    examples: ['refused by risk control (st 11001, 当前网络不稳定)'],
  },
  {
    id: 'responses.notLoggedIn',
    pattern: /^not logged in \(st (\d+)\)$/,
    zh: '未登录（st $1）',
    examples: ['not logged in (st 8)'],
  },
  {
    id: 'responses.failed',
    pattern: /^failed \(st ([^:)]+)(?:: (.*))?\)$/,
    zh: (m) => `请求失败（st ${m[1]}${m[2] === undefined ? '' : `：${m[2]}`}）`,
    examples: ['failed (st 500: 系统繁忙)', 'failed (st missing)'],
  },
  {
    id: 'responses.emptyAnswer',
    pattern: /^st 0 but no data rows \(empty answer, not zero sales\)$/,
    zh: 'st 0 但没有数据行（是空回答，不是零销售）',
    examples: ['st 0 but no data rows (empty answer, not zero sales)'],
  },

  // ------------------------------------------------------------------------------------------
  // Item reports (商品明细 tables)
  {
    id: 'items.tooManyRows',
    pattern: /^more than (\d+) (?:product|goods|item) rows: the rest (?:not read|are left out)$/,
    zh: '商品超过 $1 行：其余的未读取',
    examples: [
      'more than 200 product rows: the rest not read',
      'more than 200 goods rows: the rest are left out',
      'more than 200 item rows: the rest are left out',
      'more than 200 product rows: the rest are left out',
    ],
  },
  {
    id: 'items.rowWithoutTitle',
    pattern: /^row without a product title or id$/,
    zh: '这一行没有商品标题或 ID',
    examples: ['row without a product title or id'],
  },
  {
    id: 'items.noProductTable',
    pattern: /^no product table \((\S+) \/ (\S+) column with figures\) on the page$/,
    zh: '页面上没有商品表格（带数字的“$1 / $2”列）',
    examples: ['no product table (商品 / 商品信息 column with figures) on the page'],
  },
  {
    id: 'items.productTableEmpty',
    pattern: /^the product table has no rows \((\S+) or still loading\)$/,
    zh: '商品表格没有行（$1，或仍在加载）',
    examples: ['the product table has no rows (暂无数据 or still loading)'],
  },
  {
    id: 'items.noGoodsTable',
    pattern: /^no (?:goods|item|product) table \((\S+) column under metric headers\) on the page$/,
    zh: '页面上没有商品表格（指标表头下的“$1”列）',
    examples: [
      'no goods table (商品 column under metric headers) on the page',
      'no item table (商品 column under metric headers) on the page',
      'no product table (产品名称 column under metric headers) on the page',
    ],
  },
  {
    id: 'items.severalGoodsTables',
    pattern: /^(\d+) (?:goods|item|product) tables on the page: only the first is read$/,
    zh: '页面上有 $1 个商品表格：只读取第一个',
    examples: ['2 goods tables on the page: only the first is read', '2 item tables on the page: only the first is read', '3 product tables on the page: only the first is read'],
  },
  {
    id: 'items.noGoodsId',
    pattern: /^no goods ID in the goods column$/,
    zh: '商品列中没有商品 ID',
    examples: ['no goods ID in the goods column'],
  },
  {
    id: 'items.goodsTableEmpty',
    pattern: /^the (?:goods|product) table shows no (?:goods|products) \((\S+)\)$/,
    zh: '商品表格中没有商品（$1）',
    examples: ['the goods table shows no goods (暂无数据)', 'the product table shows no products (暂无数据)'],
  },
  {
    id: 'items.goodsTableUnreadable',
    pattern: /^the goods table has no readable rows$/,
    zh: '商品表格中没有能读取的行',
    examples: ['the goods table has no readable rows'],
  },
  {
    id: 'items.productTableNoRows',
    pattern: /^the product table has no product rows$/,
    zh: '商品表格中没有商品行',
    examples: ['the product table has no product rows'],
  },
  {
    id: 'items.noItemIdInCell',
    pattern: /^no item id in the item cell \(no item link, no ID line\)$/,
    zh: '商品单元格中没有商品 ID（没有商品链接，也没有 ID 行）',
    examples: ['no item id in the item cell (no item link, no ID line)'],
  },
  {
    id: 'items.severalIdsInCell',
    pattern: /^the item cell names (\d+) different item ids: none kept$/,
    zh: '商品单元格中有 $1 个不同的商品 ID：都不采用',
    examples: ['the item cell names 2 different item ids: none kept'],
  },
  {
    id: 'items.otherItemShown',
    pattern: /^the page shows item (\S+), the address names (\S+) \(not updated yet\?\): not read$/,
    zh: '页面显示的是商品 $1，网址中是 $2（页面可能还没更新）：未读取',
    examples: ['the page shows item 617129397971, the address names 617129397972 (not updated yet?): not read'],
  },
  {
    id: 'items.noSectionOnPage',
    pattern: /^no (\S+) section with figures on the (\S+) page$/,
    zh: '$2页面上没有带数字的“$1”板块',
    examples: ['no 核心指标 section with figures on the 商品360 page'],
  },
  {
    id: 'items.sectionUnreadable',
    pattern: /^the (\S+) section shows no readable figure$/,
    zh: '“$1”板块中没有能读取的数字',
    examples: ['the 核心指标 section shows no readable figure'],
  },
  {
    id: 'items.noMetricTable',
    pattern: /^no table with metric columns \((.+)\) found on the page$/,
    zh: '页面上没有找到带指标列的表格（$1）',
    examples: ['no table with metric columns (成交金额, 访客数 …) found on the page'],
  },
  {
    id: 'items.tableEmpty',
    pattern: /^the (?:item )?table shows no items \((\S+)\)$/,
    zh: '表格中没有商品（$1）',
    examples: ['the table shows no items (暂无数据)', 'the item table shows no items (暂无数据)'],
  },
  {
    id: 'items.tableNoRows',
    pattern: /^the (?:item )?table (?:shows|has) no item rows(?: \(only its (\S+) row\))?$/,
    zh: (m) => (m[1] ? `表格中没有商品行（只有${m[1]}行）` : '表格中没有商品行'),
    examples: ['the table shows no item rows', 'the table shows no item rows (only its 合计 row)', 'the item table has no item rows (only its 合计 row)'],
  },

  // ------------------------------------------------------------------------------------------
  // Addresses and whose data it is
  {
    id: 'url.notThePage',
    pattern: /^not an? (Taobao\/Tmall item|Taobao search|PDD goods|PDD search|haohuo product|JD item|JD search) address \((.+)\)$/,
    zh: (m) => `不是${ADDRESS_KINDS[m[1]!]}的地址（${m[2]}）`,
    examples: [
      'not a Taobao/Tmall item address (item.htm?id=N)',
      'not a PDD goods address (goods.html?goods_id=N)',
      'not a PDD search address (search_result.html?search_key=…)',
      'not a haohuo product address (?id=N)',
      'not a JD item address (item.jd.com/<SKU>.html)',
      'not a JD search address (search.jd.com/Search?keyword=…)',
      'not a Taobao search address (s.taobao.com/search?q=…)',
    ],
  },
  {
    id: 'url.notSycmItemPage',
    pattern: /^not a 生意参谋 item page \((.+) with itemId\)$/,
    zh: '不是生意参谋的商品页（$1，需带 itemId）',
    examples: ['not a 生意参谋 item page (商品排行, 宏观监控, 商品360 with itemId)'],
  },
  {
    id: 'url.liveRoomUnknown',
    pattern: /^a live-room page without a live_room_id: which room the figures are for is unknown$/,
    zh: '直播间页面的地址中没有 live_room_id：不知道数据属于哪个直播间',
    examples: ['a live-room page without a live_room_id: which room the figures are for is unknown'],
  },
  {
    id: 'embedded.otherItem',
    pattern: /^embedded data is for (?:item|goods) "(.*)", not (\S+): not used$/,
    zh: '内嵌数据属于商品“$1”，不是 $2：未使用',
    examples: ['embedded data is for item "712345678900", not 712345678901: not used', 'embedded data is for goods "123", not 456: not used'],
  },
  {
    id: 'embedded.none',
    pattern: /^no embedded item data$/,
    zh: '页面没有内嵌的商品数据',
    examples: ['no embedded item data'],
  },
  {
    id: 'listing.otherSku',
    pattern: /^the page states SKU (.+), not (\S+) of its address: not read$/,
    zh: '页面标明的 SKU 是 $1，不是网址中的 $2：未读取',
    examples: ['the page states SKU 100012345678, not 100087654321 of its address: not read'],
  },
  {
    id: 'listing.notLoaded',
    pattern: /^the page has not loaded its price or counts yet \(nothing fetched, price element empty\): not read$/,
    zh: '页面还没有加载出价格和数量（没有获取到数据，价格元素为空）：未读取',
    examples: ['the page has not loaded its price or counts yet (nothing fetched, price element empty): not read'],
  },

  // ------------------------------------------------------------------------------------------
  // Listings: why a field was not found, per source (`not found (embedded data: …; page text: …)`)
  {
    id: 'listing.notFound',
    pattern: /^not found \((.+)\)$/,
    zh: (m, ctx) =>
      `未找到（${m[1]!
        .split(/; (?=(?:embedded data|page text): )/)
        .map((part) => ctx.phrase(part))
        .join('；')}）`,
    examples: [
      'not found (embedded data: no item.images; page text: main images are read from the embedded data only)',
      'not found (no mall in embedded data)',
    ],
  },
  {
    id: 'listing.fromSource',
    pattern: /^(embedded data|page text): (.+)$/,
    zh: (m, ctx) => `${m[1] === 'embedded data' ? '内嵌数据' : '页面文字'}：${ctx.phrase(m[2]!)}`,
    examples: ['page text: no review count on the page'],
  },
  {
    id: 'listing.titleTooLong',
    pattern: /^title longer than (\d+) characters, cut$/,
    zh: '标题超过 $1 个字符，已截断',
    examples: ['title longer than 300 characters, cut'],
  },
  {
    id: 'listing.noProductTitle',
    pattern: /^no (?:product|item) title on the page$/,
    zh: '页面上没有商品标题',
    examples: ['no product title on the page'],
  },
  {
    id: 'listing.noItemTitleH1',
    pattern: /^no item title \(h1\) on the page$/,
    zh: '页面上没有商品标题（h1）',
    examples: ['no item title (h1) on the page'],
  },
  {
    id: 'listing.noItemTitleJd',
    pattern: /^no item title \(document title or (\S+)\) on the page$/,
    zh: '页面上没有商品标题（文档标题或 $1）',
    examples: ['no item title (document title or sku-name) on the page'],
  },
  {
    id: 'listing.noGoodsName',
    pattern: /^no (\w+) in embedded data, no title on the page$/,
    zh: '内嵌数据中没有 $1，页面上也没有标题',
    examples: ['no goodsName in embedded data, no title on the page'],
  },
  {
    id: 'listing.noMall',
    pattern: /^no mall in embedded data$/,
    zh: '内嵌数据中没有店铺信息（mall）',
    examples: ['no mall in embedded data'],
  },
  {
    id: 'listing.noReviewPhrase',
    pattern: /^no (商品评价\(N\)) on the page$/,
    zh: '页面上没有“$1”',
    examples: ['no 商品评价(N) on the page'],
  },
  {
    id: 'listing.noDataField',
    // A data field the embedded data lacks: dotted (item.images) or camelCase (priceText).
    pattern: /^no ([A-Za-z_]\w*(?:\.\w+)+|[a-z]+[A-Z]\w*)$/,
    zh: '数据中没有 $1',
    examples: ['no item.images', 'no rateVO.totalCount', 'no priceText', 'no vagueSellCount', 'no skuCore.sku2info'],
  },
  {
    id: 'listing.onlyFromEmbedded',
    pattern: /^(main images|SKUs) are read from the embedded data only$/,
    zh: (m) => `${m[1] === 'SKUs' ? '规格' : '主图'}只从页面内嵌数据读取`,
    examples: ['main images are read from the embedded data only', 'SKUs are read from the embedded data only'],
  },

  // Prices
  {
    id: 'price.hidden',
    pattern: /^the page hides the price \((\w+)\)$/,
    zh: '页面隐藏了价格（$1）',
    examples: ['the page hides the price (hiddenPrice)'],
  },
  {
    id: 'price.noBlock',
    pattern: /^no price block \((\S+)\)$/,
    zh: '数据中没有价格块（$1）',
    examples: ['no price block (priceVO.price)'],
  },
  {
    id: 'price.textVsMoney',
    pattern: /^priceText "(.*)" disagrees with priceMoney (\S+) fen$/,
    zh: 'priceText“$1”与 priceMoney $2 分不一致',
    examples: ['priceText "39.90" disagrees with priceMoney 3900 fen'],
  },
  {
    id: 'price.unknownLabelKept',
    pattern: /^price label "(.*)" is not a known kind: kept as shown$/,
    zh: '价格标签“$1”不是已知的价格类型：作为页面价保留',
    examples: ['price label "狂欢价" is not a known kind: kept as shown'],
  },
  {
    id: 'price.unknownLabelLeftOut',
    pattern: /^price labelled "(.*)" is not a known kind(?:: left out)?$/,
    zh: '标注为“$1”的价格不是已知的价格类型：未采用',
    examples: ['price labelled "狂欢价" is not a known kind: left out', 'price labelled "狂欢价" is not a known kind'],
  },
  {
    id: 'price.secondLeftOut',
    pattern: /^second price left out: (.+)$/,
    zh: (m, ctx) => `第二个价格未采用：${ctx.phrase(m[1]!)}`,
    examples: ['second price left out: no priceText'],
  },
  {
    id: 'price.secondWithoutLabel',
    pattern: /^a second price without a label was left out$/,
    zh: '没有标签的第二个价格未采用',
    examples: ['a second price without a label was left out'],
  },
  {
    id: 'price.secondUnknownLabel',
    pattern: /^second price labelled "(.*)" \(not a known kind\) was left out$/,
    zh: '标注为“$1”的第二个价格（不是已知的价格类型）未采用',
    examples: ['second price labelled "狂欢价" (not a known kind) was left out'],
  },
  {
    id: 'price.fromWithoutSkus',
    pattern: /^(.+?) is a 起 \(from\) price and no SKU prices were found: upper end unknown$/,
    zh: (m, ctx) => `${ctx.noun(m[1]!)}是“起”价，且没有找到各规格的价格：最高价未知`,
    examples: ['price is a 起 (from) price and no SKU prices were found: upper end unknown'],
  },
  {
    id: 'price.fromNotLowestSku',
    pattern: /^(.+?): SKU prices start at (\S+), not at the shown (\S+)起; upper end left out$/,
    zh: (m, ctx) => `${ctx.noun(m[1]!)}：各规格价格从 ${m[2]} 起，而不是页面显示的 ${m[3]}起；最高价未采用`,
    examples: ['price: SKU prices start at 59, not at the shown 49起; upper end left out'],
  },
  {
    id: 'price.someSkusUnreadableRange',
    pattern: /^(.+?): (\d+) SKU price\(s\) unreadable, range from the others$/,
    zh: (m, ctx) => `${ctx.noun(m[1]!)}：${m[2]} 个规格价格无法识别，价格区间取自其余规格`,
    examples: ['券后: 2 SKU price(s) unreadable, range from the others'],
  },
  {
    id: 'price.someSkusUnreadableMedian',
    pattern: /^(\d+) SKU price\(s\) unreadable: common SKU price from the others$/,
    zh: '$1 个规格价格无法识别：常见规格价取自其余规格',
    examples: ['2 SKU price(s) unreadable: common SKU price from the others'],
  },
  {
    id: 'price.fromOnlyLowest',
    pattern: /^price is a 起 \(from\) price: only the lowest is shown$/,
    zh: '价格是“起”价：页面只显示了最低价',
    examples: ['price is a 起 (from) price: only the lowest is shown'],
  },
  {
    id: 'price.severalOfKind',
    pattern: /^several different (\w+) prices(?: \((.+)\))?$/,
    zh: (m, ctx) => {
      const kind = m[1] === 'unlabelled' ? '未标注价格' : m[1] === 'labelled' ? '带标注价格' : ctx.priceKind(m[1]!);
      return `有多个不同的${kind}${m[2] ? `（${m[2]}）` : ''}`;
    },
    examples: [
      'several different unlabelled prices (¥39.9, ¥69.9)',
      'several different promotion prices',
      'several different labelled prices',
      'several different group prices (9.9, 12.9)',
    ],
  },
  {
    id: 'price.differentUnlabelled',
    pattern: /^(\d+) different unlabelled prices \((.+)\): none taken$/,
    zh: '有 $1 个不同的未标注价格（$2）：都不采用',
    examples: ['2 different unlabelled prices (39.9, 69.9): none taken'],
  },
  {
    id: 'price.onlyLabelled',
    pattern: /^only labelled prices shown \((.+)\), no (main|headline) price$/,
    zh: '只显示了带标注的价格（$1），没有主价格',
    examples: ['only labelled prices shown (优惠前, 券后), no main price', 'only labelled prices shown (券后), no headline price'],
  },
  {
    id: 'price.onlyLabelledJd',
    pattern: /^only labelled prices shown \((.+)\), no price of the item's own$/,
    zh: '只显示了带标注的价格（$1），没有商品本身的价格',
    examples: ["only labelled prices shown (PLUS价), no price of the item's own"],
  },
  {
    id: 'price.unlabelledUnreadable',
    pattern: /^unlabelled price shown unreadable \((.+)\)(?: beside (\S+))?: none taken$/,
    zh: (m) => `未标注的价格显示为无法识别的文字（${m[1]}）${m[2] === undefined ? '' : `，旁边另有价格 ${m[2]}`}：都不采用`,
    examples: ['unlabelled price shown unreadable ("¥5?.9"): none taken', 'unlabelled price shown unreadable ("¥x9.90") beside 69.9: none taken'],
  },
  {
    id: 'price.labelledUnreadable',
    pattern: /^labelled price shown unreadable \((.+)\): none taken$/,
    zh: '带标注的价格显示为无法识别的文字（$1）：都不采用',
    examples: ['labelled price shown unreadable ("券后¥4?.9"): none taken'],
  },
  {
    id: 'price.onlyListOrLabelled',
    pattern: /^only list or several labelled prices: none taken$/,
    zh: '只有原价，或有多个带标注的价格：都不采用',
    examples: ['only list or several labelled prices: none taken'],
  },
  {
    id: 'price.onlyMemberOrStruck',
    pattern: /^only member or struck prices$/,
    zh: '只有会员价或划线价',
    examples: ['only member or struck prices'],
  },
  {
    id: 'price.onlyKindsShown',
    pattern: /^only (.+) prices shown$/,
    zh: (m, ctx) =>
      `只显示了带标注的价格（${m[1]!
        .split(', ')
        .map((kind) => ctx.priceKind(kind))
        .join('、')}），没有主价格`,
    examples: ['only 券后, 到手价 prices shown', 'only member prices shown'],
  },
  {
    id: 'price.onlyInstalment',
    pattern: /^only an instalment line shows a price$/,
    zh: '只有分期付款那一行显示了价格（不是商品价格）',
    examples: ['only an instalment line shows a price'],
  },
  {
    id: 'price.noneOnPage',
    pattern: /^no price on the page$/,
    zh: '页面上没有价格',
    examples: ['no price on the page'],
  },
  {
    id: 'price.noneShown',
    pattern: /^no price shown$/,
    zh: '页面没有显示价格',
    examples: ['no price shown'],
  },
  {
    id: 'price.none',
    pattern: /^no price$/,
    zh: '没有价格',
    examples: ['no price'],
  },
  {
    id: 'price.noGroupPrice',
    pattern: /^no group price$/,
    zh: '没有拼单价',
    examples: ['no group price'],
  },
  {
    id: 'price.embeddedNotWhole',
    pattern: /^(\S+)\/(\S+) are not (whole fen|yuan amounts): not read$/,
    zh: (m) => `${m[1]}/${m[2]} 不是${m[3] === 'whole fen' ? '整数分' : '元金额'}：未读取`,
    examples: ['min_group_price/max_group_price are not whole fen: not read'],
  },
  {
    id: 'price.skuNotYuan',
    pattern: /^skus\[\]\.(\w+) missing or not a yuan amount on some SKUs: not read$/,
    zh: '部分规格的 skus[].$1 缺失或不是元金额：未读取',
    examples: ['skus[].groupPrice missing or not a yuan amount on some SKUs: not read'],
  },
  {
    id: 'price.embeddedFieldsDisagree',
    pattern: /^embedded (.+?) fields disagree \((.+)\): units uncertain, not read$/,
    zh: '内嵌数据中 $1 的几个字段互相矛盾（$2）：单位不确定，未读取',
    examples: ['embedded group fields disagree (990 vs 9.9): units uncertain, not read'],
  },
  {
    id: 'price.embeddedVsShown',
    pattern: /^embedded prices \((.+)\) do not match the shown ¥(\S+): units uncertain, page prices used$/,
    zh: '内嵌价格（$1）与页面显示的 ¥$2 不符：单位不确定，改用页面上的价格',
    examples: ['embedded prices (拼单价 990, 单买价 1590) do not match the shown ¥9.9: units uncertain, page prices used'],
  },
  {
    id: 'price.embeddedUnchecked',
    pattern: /^embedded prices \((.+)\) cannot be checked against a shown price: units uncertain, not used$/,
    zh: '内嵌价格（$1）无法与页面显示的价格核对：单位不确定，未采用',
    examples: ['embedded prices (拼单价 990, 单买价 1590) cannot be checked against a shown price: units uncertain, not used'],
  },
  {
    id: 'price.dataStatesNone',
    pattern: /^the price data states no price(?: \(p "(.*)"\))?$/,
    zh: (m) => (m[1] === undefined ? '价格数据中没有价格' : `价格数据中没有价格（p “${m[1]}”）`),
    examples: ['the price data states no price (p "-1.00")', 'the price data states no price'],
  },
  {
    id: 'price.pageVsData',
    pattern: /^the page shows (.+) but the price data says (.+): neither kept$/,
    zh: '页面显示 $1，但价格数据为 $2：都不采用',
    examples: ['the page shows ¥59.9 but the price data says ¥49.9: neither kept'],
  },
  {
    id: 'price.cardVsData',
    pattern: /^the card shows ¥(\S+) but the price data says (¥\S+|no price)$/,
    zh: (m) => `卡片显示 ¥${m[1]}，但价格数据${m[2] === 'no price' ? '中没有价格' : `为 ${m[2]}`}`,
    examples: ['the card shows ¥59.9 but the price data says ¥49.9', 'the card shows ¥59.9 but the price data says no price'],
  },
  {
    id: 'price.differentForItem',
    pattern: /^the page shows different prices for this item \((.+)\): none kept$/,
    zh: '页面上这件商品显示了不同的价格（$1）：都不采用',
    examples: ['the page shows different prices for this item (¥59.9, ¥69.9): none kept'],
  },
  {
    id: 'price.noQuoteNoData',
    pattern: /^the page shows no price \((\S+)\) and no price data was fetched$/,
    zh: '页面没有显示价格（$1），也没有获取到价格数据',
    examples: ['the page shows no price (暂无报价) and no price data was fetched'],
  },
  {
    id: 'price.emptyNoData',
    pattern: /^the price element is empty \(price not loaded\) and no price data was fetched$/,
    zh: '价格元素是空的（价格还没加载），也没有获取到价格数据',
    examples: ['the price element is empty (price not loaded) and no price data was fetched'],
  },
  {
    id: 'price.noDataNoPage',
    pattern: /^no price data fetched and no price on the page$/,
    zh: '没有获取到价格数据，页面上也没有价格',
    examples: ['no price data fetched and no price on the page'],
  },
  {
    id: 'price.responseWithoutPrice',
    pattern: /^a price response had no price in it: not read$/,
    zh: '一份价格数据中没有价格：未读取',
    examples: ['a price response had no price in it: not read'],
  },
  {
    id: 'price.responseWithoutSku',
    pattern: /^a price response does not say which SKU it is for: not read$/,
    zh: '一份价格数据没有说明属于哪个 SKU：未读取',
    examples: ['a price response does not say which SKU it is for: not read'],
  },

  // Sales and reviews
  {
    id: 'sales.noneOnPage',
    pattern: /^no (sales count|review count) on the page$/,
    zh: (m, ctx) => `页面上没有${ctx.noun(m[1]!)}`,
    examples: ['no sales count on the page', 'no review count on the page'],
  },
  {
    id: 'sales.noPhrase',
    pattern: /^no sales phrase on the page$/,
    zh: '页面上没有销量文字',
    examples: ['no sales phrase on the page'],
  },
  {
    id: 'sales.noPhraseOutsideRecommendations',
    pattern: /^no (.+) phrase outside recommendations$/,
    zh: '推荐区以外没有“$1”文字',
    examples: ['no 已售 / 销量 phrase outside recommendations'],
  },
  {
    id: 'sales.severalPhrases',
    pattern: /^several different sales phrases(?: \((.+)\))?( on the card)?$/,
    zh: (m) => `${m[2] ? '卡片上' : ''}有多个不同的销量文字${m[1] ? `（${m[1]}）` : ''}`,
    examples: ['several different sales phrases (已拼10万+件, 已拼2万+件)', 'several different sales phrases on the card'],
  },
  {
    id: 'sales.onlyShop',
    pattern: /^only the shop's sales shown \((.+?)\)(?:, not the goods')?$/,
    zh: '只显示了全店的销量（$1），不是这件商品的',
    examples: ["only the shop's sales shown (本店已拼12万+件)", "only the shop's sales shown (本店已拼12万+件), not the goods'"],
  },
  {
    id: 'sales.tipCountsShop',
    pattern: /^sales tip "(.*)" counts the whole shop, not this goods$/,
    zh: '销量提示“$1”统计的是全店，不是这件商品',
    examples: ['sales tip "本店已拼12万+件" counts the whole shop, not this goods'],
  },
  {
    id: 'sales.soldBelowTip',
    pattern: /^sold_quantity (\S+) is below the sales tip (.+): the tip is used$/,
    zh: 'sold_quantity $1 低于销量提示 $2：采用销量提示',
    examples: ['sold_quantity 95000 is below the sales tip 已拼10万+件: the tip is used'],
  },
  {
    id: 'sales.soldNotWhole',
    pattern: /^sold_quantity is not a whole number$/,
    zh: 'sold_quantity 不是整数',
    examples: ['sold_quantity is not a whole number'],
  },
  {
    id: 'sales.noTip',
    pattern: /^no sales tip in the embedded data$/,
    zh: '内嵌数据中没有销量提示',
    examples: ['no sales tip in the embedded data'],
  },
  {
    id: 'sales.tipNotCount',
    pattern: /^(sales tip|\w+) "(.*)" is not a sales count$/,
    zh: (m) => `${m[1] === 'sales tip' ? '销量提示' : `${m[1]} `}“${m[2]}”不是销量数字`,
    examples: ['sales tip "爆款热卖" is not a sales count', 'view_sales "热卖中" is not a sales count'],
  },
  {
    id: 'sales.noPageBody',
    pattern: /^no page body$/,
    zh: '页面没有正文',
    examples: ['no page body'],
  },
  {
    id: 'sales.none',
    pattern: /^none$/,
    zh: '没有找到',
    examples: ['none'],
  },
  {
    id: 'reviews.notCount',
    pattern: /^review count "(.*)" is not a count$/,
    zh: '评价数“$1”不是数量',
    examples: ['review count "好评如潮" is not a count'],
  },
  {
    id: 'reviews.dataWithoutCount',
    pattern: /^the comment data has no review count$/,
    zh: '评价数据中没有评价数',
    examples: ['the comment data has no review count'],
  },
  {
    id: 'reviews.noDataNoPage',
    pattern: /^no comment data fetched and no review count on the page$/,
    zh: '没有获取到评价数据，页面上也没有评价数',
    examples: ['no comment data fetched and no review count on the page'],
  },
  {
    id: 'reviews.responseWithoutSummary',
    pattern: /^a comment response had no summary in it: not read$/,
    zh: '一份评价数据中没有汇总：未读取',
    examples: ['a comment response had no summary in it: not read'],
  },
  {
    id: 'reviews.responseWithoutItem',
    pattern: /^a comment response does not say which item it is for: not read$/,
    zh: '一份评价数据没有说明属于哪件商品：未读取',
    examples: ['a comment response does not say which item it is for: not read'],
  },

  // Shop and scores
  {
    id: 'shop.noSellerBlock',
    pattern: /^no seller block$/,
    zh: '数据中没有卖家信息块',
    examples: ['no seller block'],
  },
  {
    id: 'shop.sellerWithoutName',
    pattern: /^seller block has no (\w+) or (\w+)$/,
    zh: '卖家信息块中没有 $1 或 $2',
    examples: ['seller block has no shopName or shopId'],
  },
  {
    id: 'shop.noLink',
    pattern: /^no shop link(?: \((.+)\))? on the page$/,
    zh: (m) => `页面上没有店铺链接${m[1] ? `（${m[1]}）` : ''}`,
    examples: ['no shop link on the page', 'no shop link (mall.jd.com) on the page'],
  },
  {
    id: 'shop.severalLinked',
    pattern: /^links to several shops \((.+)\): none kept$/,
    zh: '页面链接到多个店铺（$1）：都不采用',
    examples: ['links to several shops (1000001, 1000002): none kept'],
  },
  {
    id: 'shop.severalNames',
    pattern: /^several shop names beside (\S+) \((.+)\): none taken$/,
    zh: '“$1”旁有多个店铺名（$2）：都不采用',
    examples: ['several shop names beside 进店 (甲店, 乙店): none taken'],
  },
  {
    id: 'shop.noBlock',
    pattern: /^no shop block \((\S+)\) with a shop name$/,
    zh: '没有带店铺名的店铺区（$1）',
    examples: ['no shop block (进店) with a shop name'],
  },
  {
    id: 'shop.none',
    pattern: /^no shop$/,
    zh: '没有店铺信息',
    examples: ['no shop'],
  },
  {
    id: 'scores.noneReadable',
    pattern: /^no readable service score \((.+)\)$/,
    zh: (m, ctx) =>
      `没有能读取的服务评分（${m[1]!
        .split('; ')
        .map((part) => ctx.phrase(part))
        .join('；')}）`,
    examples: ['no readable service score (宝贝描述 score missing; 物流服务 score "-")', 'no readable service score (物流服务 has no value)'],
  },
  {
    id: 'scores.scoreMissing',
    pattern: /^(.+?) score (missing|"(.*)")$/,
    zh: (m) => (m[2] === 'missing' ? `${m[1]}没有评分` : `${m[1]}的评分为“${m[3]}”`),
    examples: ['宝贝描述 score missing', '物流服务 score "-"'],
  },
  {
    id: 'scores.noneOnPage',
    pattern: /^no service scores on the page$/,
    zh: '页面上没有服务评分',
    examples: ['no service scores on the page'],
  },
  {
    id: 'scores.noExperienceScore',
    pattern: /^no (\S+) \/ (\S+) with a value$/,
    zh: '没有带数值的$1 / $2',
    examples: ['no 商品体验分 / 店铺体验分 with a value'],
  },

  // Stock, attributes, shipping, returns
  {
    id: 'stock.noItemEntry',
    pattern: /^no item-level stock entry in (\w+)$/,
    zh: '$1 中没有商品级的库存条目',
    examples: ['no item-level stock entry in sku2info'],
  },
  {
    id: 'listing.noFieldForItem',
    pattern: /^no (\w+) for the item$/,
    zh: '数据中没有这件商品的 $1',
    examples: ['no quantityText for the item', 'no logisticsTime for the item'],
  },
  {
    id: 'stock.textTooLong',
    pattern: /^stock text too long "(.*)"$/,
    zh: '库存文字过长“$1”',
    examples: ['stock text too long "库存充足，欢迎选购，今日下单…"'],
  },
  {
    id: 'stock.displayCap',
    pattern: /^stock quantity (\d+) is a display cap \((\w+)\): left out$/,
    zh: '库存数 $1 只是页面显示的上限（$2）：未采用',
    examples: ['stock quantity 200 is a display cap (moreQuantity): left out'],
  },
  {
    id: 'stock.noneOnPage',
    pattern: /^no stock shown on the page$/,
    zh: '页面上没有显示库存',
    examples: ['no stock shown on the page'],
  },
  {
    id: 'attributes.noBlock',
    pattern: /^no attribute block \((\S+)\)$/,
    zh: '数据中没有参数块（$1）',
    examples: ['no attribute block (extensionInfoVO.infos)'],
  },
  {
    id: 'attributes.noList',
    pattern: /^no attribute list \((\S+)\) in (\S+)$/,
    zh: '$2 中没有参数列表（$1）',
    examples: ['no attribute list (参数信息) in extensionInfoVO.infos'],
  },
  {
    id: 'attributes.noneOnPage',
    pattern: /^no attribute section \((\S+)\) on the page$/,
    zh: '页面上没有参数区（$1）',
    examples: ['no attribute section (参数信息) on the page'],
  },
  {
    id: 'shipping.notPromise',
    pattern: /^logisticsTime "(.*)" is not a shipping promise$/,
    zh: 'logisticsTime“$1”不是发货承诺',
    examples: ['logisticsTime "付款后尽快发货" is not a shipping promise'],
  },
  {
    id: 'shipping.noneOnPage',
    pattern: /^no shipping promise \((.+)\) on the page$/,
    zh: '页面上没有发货承诺（$1）',
    examples: ['no shipping promise (…小时内发货) on the page'],
  },
  {
    id: 'returns.notEmbedded',
    pattern: /^return terms are not in the embedded data$/,
    zh: '内嵌数据中没有退货条款',
    examples: ['return terms are not in the embedded data'],
  },
  {
    id: 'returns.noneOnPage',
    pattern: /^no return terms \((.+)\) on the page$/,
    zh: '页面上没有退货条款（$1）',
    examples: ['no return terms (7天无理由 …) on the page'],
  },

  // ------------------------------------------------------------------------------------------
  // Search results
  {
    id: 'results.untitled',
    pattern: /^(results|cards) at (ranks? [\d, ]+(?: …)?) show no title: left out$/,
    zh: (m, ctx) => `第 ${positions(m[2], ctx)} 名的${m[1] === 'cards' ? '卡片' : '结果'}没有标题：未采用`,
    examples: ['results at rank 5 show no title: left out', 'results at ranks 1, 2 show no title: left out', 'cards at ranks 3, 4 show no title: left out'],
  },
  {
    id: 'results.noPriceYet',
    pattern: /^no price shown yet and none fetched \((ranks? [\d, ]+(?: …)?)\)$/,
    zh: (m, ctx) => `还没有显示价格，也没有获取到价格（第 ${positions(m[1], ctx)} 名）`,
    examples: ['no price shown yet and none fetched (rank 6)'],
  },
  {
    id: 'results.priceAtRanks',
    pattern: /^(.+) \((ranks? [\d, ]+(?: …)?)\): price not read$/,
    zh: (m, ctx) => `${ctx.phrase(m[1]!)}（第 ${positions(m[2], ctx)} 名）：价格未读取`,
    examples: ['several different unlabelled prices (rank 3): price not read'],
  },
  {
    id: 'results.firstKept',
    pattern: /^only the first (\d+) of (\d+) (results|cards|embedded results) kept$/,
    zh: (m) => `共 ${m[2]} ${m[3] === 'cards' ? '张卡片' : m[3] === 'results' ? '个结果' : '个内嵌结果'}，只保留了前 ${m[1]} ${m[3] === 'cards' ? '张' : '个'}`,
    examples: ['only the first 200 of 240 results kept', 'only the first 200 of 240 cards kept', 'only the first 200 of 240 embedded results kept'],
  },
  {
    id: 'results.embeddedUntitled',
    pattern: /^embedded results at (ranks? [\d, ]+(?: …)?) have no title: left out$/,
    zh: (m, ctx) => `内嵌列表中第 ${positions(m[1], ctx)} 名的结果没有标题：未采用`,
    examples: ['embedded results at rank 1, 2 have no title: left out'],
  },
  {
    id: 'results.embeddedNoPrice',
    pattern: /^no price in the embedded list \((\w+) empty or missing\)$/,
    zh: '内嵌列表中没有价格（$1 为空或缺失）',
    examples: ['no price in the embedded list (view_price empty or missing)'],
  },
  {
    id: 'results.embeddedNotPrice',
    pattern: /^(\w+) "(.*)" is not a price$/,
    zh: '$1 “$2”不是价格',
    examples: ['view_price "面议" is not a price'],
  },
  {
    id: 'results.embeddedOtherQuery',
    pattern: /^embedded list is for "(.*)", not "(.*)": not used$/,
    zh: '内嵌列表是“$1”的搜索结果，不是“$2”的：未使用',
    examples: ['embedded list is for "保温杯", not "芝麻糊": not used'],
  },
  {
    id: 'results.embeddedOtherItems',
    pattern: /^the cards shown are mostly other items than the embedded list \((\d+) of (\d+) shared\): embedded list not used$/,
    zh: '页面上显示的卡片大多不是内嵌列表里的商品（$2 个中只有 $1 个相同）：未使用内嵌列表',
    examples: ['the cards shown are mostly other items than the embedded list (3 of 44 shared): embedded list not used'],
  },
  {
    id: 'results.nothingFound',
    pattern: /^the page says nothing was found$/,
    zh: '页面显示没有找到相关商品',
    examples: ['the page says nothing was found'],
  },
  {
    id: 'results.noResultCards',
    pattern: /^no result cards \(item link and price\) on the page$/,
    zh: '页面上没有结果卡片（商品链接和价格）',
    examples: ['no result cards (item link and price) on the page'],
  },
  {
    id: 'results.cardsKept',
    pattern: /^(\d+) cards, only the first (\d+) kept$/,
    zh: '共 $1 张卡片，只保留了前 $2 张',
    examples: ['240 cards, only the first 200 kept'],
  },
  {
    id: 'results.noReadablePrice',
    pattern: /^no readable price on the card$/,
    zh: '卡片上没有能读取的价格',
    examples: ['no readable price on the card'],
  },
  {
    id: 'results.severalPrices',
    pattern: /^several prices on the card \((.+)\)$/,
    zh: '卡片上有多个价格（$1）',
    examples: ['several prices on the card (¥9.9, 券后¥7.9)'],
  },
  {
    id: 'results.cardUntitled',
    pattern: /^card (\d+) has no readable title: left out$/,
    zh: '第 $1 张卡片没有能读取的标题：未采用',
    examples: ['card 1 has no readable title: left out'],
  },
  {
    id: 'results.strayPrices',
    pattern: /^(\d+) prices? in no readable card \(title missing or too short\): left out$/,
    zh: '$1 个价格不在能读取的卡片里（标题缺失或过短）：未采用',
    examples: ['3 prices in no readable card (title missing or too short): left out', '1 price in no readable card (title missing or too short): left out'],
  },
  {
    id: 'results.severalBlocks',
    pattern: /^cards sit in (\d+) separate blocks \(two columns, or appended pages\): ranks follow the page's markup order, column by column$/,
    zh: '卡片分布在 $1 个独立区块中（两列，或后来追加的页面）：名次按页面代码的顺序逐列排列',
    examples: ["cards sit in 2 separate blocks (two columns, or appended pages): ranks follow the page's markup order, column by column"],
  },
  {
    id: 'results.noCards',
    pattern: /^no goods cards \(title and price\) on the page$/,
    zh: '页面上没有商品卡片（标题和价格）',
    examples: ['no goods cards (title and price) on the page'],
  },

  // ------------------------------------------------------------------------------------------
  // Listing editors
  {
    id: 'editor.severalCounters',
    pattern: /^(\d+) counters beside the title: none read$/,
    zh: '标题旁有 $1 个字数计数：都不读取',
    examples: ['2 counters beside the title: none read'],
  },
  {
    id: 'editor.notAPrice',
    pattern: /^(?:'(.+)'|(.+?)) holds "(.*)", not a price: not read$/,
    zh: (m) => `“${m[1] ?? m[2]}”中填的是“${m[3]}”，不是价格：未读取`,
    examples: ['一口价 holds "69-89", not a price: not read', "'售价' holds \"待定\", not a price: not read"],
  },
  {
    id: 'editor.valueNotAPrice',
    pattern: /^(.+?) has a value that is not a price \((.*)\): not read$/,
    zh: '“$1”的值不是价格（$2）：未读取',
    examples: ['参考价 has a value that is not a price (三十九元): not read'],
  },
  {
    id: 'editor.noTitleField',
    pattern: /^no title field \((.+)\) on the page$/,
    zh: '页面上没有标题输入框（$1）',
    examples: ['no title field (宝贝标题 / 商品标题) on the page'],
  },
  {
    id: 'editor.noNamedTitleField',
    pattern: /^no (\S+) field on the page$/,
    zh: '页面上没有“$1”输入框',
    examples: ['no 商品标题 field on the page'],
  },
  {
    id: 'editor.noCategory',
    pattern: /^no category \((.+)\) shown$/,
    zh: '页面上没有显示类目（$1）',
    examples: ['no category (类目) shown'],
  },
  {
    id: 'editor.noCategoryChosen',
    pattern: /^no category chosen or shown$/,
    zh: '没有选择或显示类目',
    examples: ['no category chosen or shown'],
  },
  {
    id: 'editor.noPrice',
    pattern: /^no price filled in$/,
    zh: '没有填写价格',
    examples: ['no price filled in'],
  },

  // ------------------------------------------------------------------------------------------
  // General shapes, after the specific ones
  {
    // lib/adapters/jd/sz-item-report.ts: a row problem with the rows it happened in.
    id: 'rows.suffix',
    pattern: /^(.+) \((rows? [\d, ]+(?: …)?)\)$/,
    zh: (m, ctx) => `${ctx.phrase(m[1]!)}（第 ${positions(m[2], ctx)} 行）`,
    examples: ["'客单价' shown as '-' (no data) (row 3)", "'加购转化率' shown as '--' (no data) (rows 1, 2)"],
  },
  {
    id: 'thing.shownAs',
    pattern: /^(.+?) shown as "(.*)"(?: \(no data\))?$/,
    zh: (m, ctx) => `${ctx.noun(m[1]!)}显示为“${m[2]}”，没有数据`,
    examples: ['price shown as "¥-"', 'sales count shown as "已售--"', '物流服务 shown as "-"', 'price shown as "¥-" (no data)'],
  },
  {
    id: 'thing.hasNoValue',
    pattern: /^(.+?) has no value$/,
    zh: (m, ctx) => `${ctx.noun(m[1]!)}没有数值`,
    examples: ['物流服务 has no value'],
  },
  {
    id: 'thing.unreadable',
    pattern: /^unreadable (.+?)(?: "(.*)")?$/,
    zh: (m, ctx) => `${ctx.noun(m[1]!)}无法识别${m[2] === undefined ? '' : `：“${m[2]}”`}`,
    examples: ['unreadable price', 'unreadable price "¥三十"', 'unreadable price text "面议"', 'unreadable vagueSellCount "好多"'],
  },
];

/**
 * Templates no fixture's expected capture exercises today, kept because an adapter still writes
 * the sentence in a branch the fixtures do not reach (unit tests and the real-page checks do):
 * `source` is the file and `words` a piece of the sentence as written there. The lint checks
 * that the file still holds those words (a sentence an adapter no longer writes takes its
 * template with it) and warns about any template neither a fixture nor this list accounts for.
 */
export const TEMPLATES_WITHOUT_FIXTURE: Record<string, { source: string; words: string }> = {
  'metric.onlyComparison': { source: 'lib/capture/finder.ts', words: 'has comparison figures but no value of its own' },
  'metric.twoFigures': { source: 'lib/capture/finder.ts', words: 'shows two figures side by side' },
  'metric.peerObfuscated': { source: 'lib/capture/finder.ts', words: 'digits drawn with an obfuscated font, peer value not read' },
  'metric.changeUnreadable': { source: 'lib/capture/finder.ts', words: 'is not a readable percentage change' },
  'metric.peerUnitMismatch': { source: 'lib/capture/finder.ts', words: 'does not fit its unit (${unit}): peer value not read' },
  'metric.noValueCell': { source: 'lib/capture/finder.ts', words: 'has no value cell under it' },
  'unit.fromValue': { source: 'lib/capture/numbers.ts', words: 'a "from" (起) value is not a figure' },
  'unit.percentForMoney': { source: 'lib/capture/numbers.ts', words: 'a percentage where money was expected' },
  'unit.countForMoney': { source: 'lib/capture/numbers.ts', words: '") where money was expected' },
  'unit.percentForCount': { source: 'lib/capture/numbers.ts', words: 'a percentage where a count was expected' },
  'unit.moneyForCount': { source: 'lib/capture/numbers.ts', words: 'money where a count was expected' },
  'unit.suffixForCount': { source: 'lib/capture/numbers.ts', words: '" where a count was expected' },
  'unit.negativeCount': { source: 'lib/capture/numbers.ts', words: 'a negative count' },
  'unit.notA': { source: 'lib/capture/numbers.ts', words: 'not a ${unit}' },
  'unit.ratioWithoutPercent': { source: 'lib/capture/numbers.ts', words: '(a decimal ratio must be declared)' },
  'unit.withMultiplier': { source: 'lib/capture/numbers.ts', words: 'with a multiplier' },
  'unit.lowerBound': { source: 'lib/capture/numbers.ts', words: 'a lower bound where a ${unit} was expected' },
  'unit.durationNotSeconds': { source: 'lib/capture/numbers.ts', words: 'not a duration in seconds' },
  'unit.unreadable': { source: 'lib/capture/finder.ts', words: ': \'unreadable\'' },
  'period.neitherPageNorFetched': { source: 'lib/adapters/douyin/compass-home.ts', words: 'neither the page nor the fetched data states a period' },
  'period.neitherAddressNorPage': { source: 'lib/adapters/pinduoduo/yingxiao-report.ts', words: 'nor the page states the period' },
  'period.fetchedDiffer': { source: 'lib/adapters/douyin/compass-api.ts', words: 'the fetched responses are for different periods: not used' },
  'period.fetchedNotShown': { source: 'lib/adapters/douyin/compass-home.ts', words: 'fetched data is for' },
  'metrics.noDataSection': { source: 'lib/adapters/taobao/sycm-home.ts', words: 'no data section (' },
  'metrics.noSummaryBlock': { source: 'lib/adapters/jd/jzt-report.ts', words: 'no summary block (' },
  'metrics.severalTotalRows': { source: 'lib/adapters/douyin/qianchuan-report.ts', words: 'total rows (合计) in the page\'s tables: none read' },
  'report.severalTotals': { source: 'lib/adapters/pinduoduo/yingxiao-report.ts', words: 'different report totals (other periods?): the shown figures are read instead' },
  'report.jsonVsPage': { source: 'lib/adapters/pinduoduo/yingxiao-report.ts', words: 'report JSON gives' },
  'report.json': { source: 'lib/adapters/pinduoduo/yingxiao-report.ts', words: 'report JSON: ' },
  'report.notANumber': { source: 'lib/adapters/pinduoduo/yingxiao-report.ts', words: 'is not a number' },
  'report.notWholeLi': { source: 'lib/adapters/pinduoduo/yingxiao-report.ts', words: 'is not a whole number of 厘: unit uncertain' },
  'report.notWholeRoi': { source: 'lib/adapters/pinduoduo/yingxiao-report.ts', words: 'is not a whole ROI×10⁴: unit uncertain' },
  'report.notWholeCount': { source: 'lib/adapters/pinduoduo/yingxiao-report.ts', words: 'is not a whole count' },
  'report.roiUncheckable': { source: 'lib/adapters/pinduoduo/yingxiao-report.ts', words: 'cannot be checked against 交易额 / 成交花费: not read' },
  'report.roiDisagrees': { source: 'lib/adapters/pinduoduo/yingxiao-report.ts', words: 'but 交易额/成交花费 = ' },
  'compass.fieldProblem': { source: 'lib/adapters/douyin/compass-api.ts', words: 'in ${response.endpoint}: ${value.problem}' },
  'compass.noValue': { source: 'lib/adapters/douyin/compass-api.ts', words: '\'no value\'' },
  'compass.unknownUnitCode': { source: 'lib/adapters/douyin/compass-api.ts', words: 'unknown unit code' },
  'compass.wrongUnitCode': { source: 'lib/adapters/douyin/compass-api.ts', words: 'was expected: not read' },
  'compass.notWholeFen': { source: 'lib/adapters/douyin/compass-api.ts', words: 'is not a whole number of fen: not read' },
  'compass.notCount': { source: 'lib/adapters/douyin/compass-api.ts', words: 'is not a count: not read' },
  'compass.responsesDiffer': { source: 'lib/adapters/douyin/compass-api.ts', words: 'differs between responses' },
  'compass.pageVsFetched': { source: 'lib/adapters/douyin/compass-home.ts', words: 'but the fetched data says' },
  'responses.notJson': { source: 'lib/adapters/douyin/compass-api.ts', words: 'not a JSON object' },
  'responses.notLoggedIn': { source: 'lib/adapters/douyin/compass-api.ts', words: 'not logged in (st 8)' },
  'responses.failed': { source: 'lib/adapters/douyin/compass-api.ts', words: 'failed (st ' },
  'responses.emptyAnswer': { source: 'lib/adapters/douyin/compass-api.ts', words: 'st 0 but no data rows (empty answer, not zero sales)' },
  'items.tooManyRows': { source: 'lib/adapters/douyin/item-report.ts', words: 'product rows: the rest not read' },
  'items.rowWithoutTitle': { source: 'lib/adapters/douyin/item-report.ts', words: 'row without a product title or id' },
  'items.noProductTable': { source: 'lib/adapters/douyin/item-report.ts', words: 'column with figures) on the page' },
  'items.noGoodsTable': { source: 'lib/adapters/pinduoduo/goods-effect.ts', words: 'column under metric headers) on the page' },
  'items.severalGoodsTables': { source: 'lib/adapters/pinduoduo/goods-effect.ts', words: 'goods tables on the page: only the first is read' },
  'items.noGoodsId': { source: 'lib/adapters/pinduoduo/goods-effect.ts', words: 'no goods ID in the goods column' },
  'items.noMetricTable': { source: 'lib/adapters/jd/sz-item-report.ts', words: 'no table with metric columns' },
  'url.notThePage': { source: 'lib/adapters/taobao/listing.ts', words: 'not a Taobao/Tmall item address' },
  'url.liveRoomUnknown': { source: 'lib/adapters/douyin/compass-live.ts', words: 'a live-room page without a live_room_id' },
  'embedded.otherItem': { source: 'lib/adapters/taobao/listing.ts', words: 'embedded data is for item' },
  'embedded.none': { source: 'lib/adapters/taobao/listing.ts', words: 'no embedded item data' },
  'listing.otherSku': { source: 'lib/adapters/jd/listing.ts', words: 'of its address: not read' },
  'listing.titleTooLong': { source: 'lib/adapters/jd/listing.ts', words: 'title longer than 300 characters, cut' },
  'listing.noItemTitleJd': { source: 'lib/adapters/jd/listing.ts', words: 'no item title (document title or sku-name) on the page' },
  'price.hidden': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'the page hides the price (hiddenPrice)' },
  'price.noBlock': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'no price block (priceVO.price)' },
  'price.textVsMoney': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'disagrees with priceMoney' },
  'price.unknownLabelKept': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'is not a known kind: kept as shown' },
  'price.unknownLabelLeftOut': { source: 'lib/adapters/taobao/listing-dom.ts', words: 'is not a known kind: left out' },
  'price.secondLeftOut': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'second price left out: ' },
  'price.secondWithoutLabel': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'a second price without a label was left out' },
  'price.secondUnknownLabel': { source: 'lib/adapters/taobao/listing-ice.ts', words: '(not a known kind) was left out' },
  'price.fromWithoutSkus': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'is a 起 (from) price and no SKU prices were found: upper end unknown' },
  'price.fromNotLowestSku': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'SKU prices start at' },
  'price.someSkusUnreadableRange': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'SKU price(s) unreadable, range from the others' },
  'price.someSkusUnreadableMedian': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'SKU price(s) unreadable: common SKU price from the others' },
  'price.fromOnlyLowest': { source: 'lib/adapters/taobao/listing-dom.ts', words: 'price is a 起 (from) price: only the lowest is shown' },
  'price.onlyLabelled': { source: 'lib/adapters/taobao/listing-dom.ts', words: '), no main price' },
  'price.onlyLabelledJd': { source: 'lib/adapters/jd/listing.ts', words: '), no price of the item\'s own' },
  'price.onlyListOrLabelled': { source: 'lib/adapters/douyin/listing.ts', words: 'only list or several labelled prices: none taken' },
  'price.onlyMemberOrStruck': { source: 'lib/adapters/jd/search.ts', words: 'only member or struck prices' },
  'price.onlyInstalment': { source: 'lib/adapters/taobao/listing-dom.ts', words: 'only an instalment line shows a price' },
  'price.noneOnPage': { source: 'lib/adapters/taobao/listing-dom.ts', words: '\'no price on the page\'' },
  'price.noneShown': { source: 'lib/adapters/douyin/listing.ts', words: '\'no price shown\'' },
  'price.none': { source: 'lib/adapters/douyin/listing.ts', words: '\'no price\'' },
  'price.noGroupPrice': { source: 'lib/adapters/pinduoduo/listing.ts', words: 'no group price' },
  'price.embeddedNotWhole': { source: 'lib/adapters/pinduoduo/listing-rawdata.ts', words: '\'whole fen\' : \'yuan amounts\'' },
  'price.skuNotYuan': { source: 'lib/adapters/pinduoduo/listing-rawdata.ts', words: 'missing or not a yuan amount on some SKUs: not read' },
  'price.embeddedFieldsDisagree': { source: 'lib/adapters/pinduoduo/listing-rawdata.ts', words: 'fields disagree (' },
  'price.pageVsData': { source: 'lib/adapters/jd/listing.ts', words: 'but the price data says ¥${record.current}: neither kept' },
  'price.cardVsData': { source: 'lib/adapters/jd/search.ts', words: 'the card shows ¥' },
  'price.differentForItem': { source: 'lib/adapters/jd/listing.ts', words: 'the page shows different prices for this item' },
  'price.noQuoteNoData': { source: 'lib/adapters/jd/listing.ts', words: 'the page shows no price (暂无报价) and no price data was fetched' },
  'price.emptyNoData': { source: 'lib/adapters/jd/listing.ts', words: 'the price element is empty (price not loaded) and no price data was fetched' },
  'price.noDataNoPage': { source: 'lib/adapters/jd/listing.ts', words: 'no price data fetched and no price on the page' },
  'price.responseWithoutPrice': { source: 'lib/adapters/jd/endpoints.ts', words: 'a price response had no price in it: not read' },
  'price.responseWithoutSku': { source: 'lib/adapters/jd/endpoints.ts', words: 'a price response does not say which SKU it is for: not read' },
  'sales.noPhraseOutsideRecommendations': { source: 'lib/adapters/douyin/listing.ts', words: 'phrase outside recommendations' },
  'sales.severalPhrases': { source: 'lib/adapters/pinduoduo/listing-dom.ts', words: 'several different sales phrases' },
  'sales.tipCountsShop': { source: 'lib/adapters/pinduoduo/listing-rawdata.ts', words: 'counts the whole shop, not this goods' },
  'sales.soldBelowTip': { source: 'lib/adapters/pinduoduo/listing-rawdata.ts', words: 'is below the sales tip' },
  'sales.soldNotWhole': { source: 'lib/adapters/pinduoduo/listing-rawdata.ts', words: 'sold_quantity is not a whole number' },
  'sales.noTip': { source: 'lib/adapters/pinduoduo/listing-rawdata.ts', words: 'no sales tip in the embedded data' },
  'sales.tipNotCount': { source: 'lib/adapters/pinduoduo/listing-rawdata.ts', words: 'is not a sales count' },
  'sales.noPageBody': { source: 'lib/adapters/pinduoduo/listing-dom.ts', words: 'no page body' },
  'sales.none': { source: 'lib/adapters/pinduoduo/listing.ts', words: '?? \'none\'' },
  'reviews.notCount': { source: 'lib/adapters/jd/listing.ts', words: 'is not a count' },
  'reviews.dataWithoutCount': { source: 'lib/adapters/jd/listing.ts', words: 'the comment data has no review count' },
  'reviews.noDataNoPage': { source: 'lib/adapters/jd/listing.ts', words: 'no comment data fetched and no review count on the page' },
  'reviews.responseWithoutSummary': { source: 'lib/adapters/jd/endpoints.ts', words: 'a comment response had no summary in it: not read' },
  'reviews.responseWithoutItem': { source: 'lib/adapters/jd/endpoints.ts', words: 'a comment response does not say which item it is for: not read' },
  'shop.noSellerBlock': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'no seller block' },
  'shop.sellerWithoutName': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'seller block has no shopName or shopId' },
  'shop.noLink': { source: 'lib/adapters/taobao/listing-dom.ts', words: 'no shop link on the page' },
  'shop.severalLinked': { source: 'lib/adapters/jd/listing.ts', words: 'links to several shops' },
  'shop.severalNames': { source: 'lib/adapters/douyin/listing.ts', words: 'several shop names beside 进店' },
  'shop.none': { source: 'lib/adapters/douyin/listing.ts', words: '\'no shop\'' },
  'scores.noneReadable': { source: 'lib/adapters/taobao/listing-dom.ts', words: 'no readable service score (' },
  'scores.scoreMissing': { source: 'lib/adapters/taobao/listing-ice.ts', words: ' score ${' },
  'stock.noItemEntry': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'no item-level stock entry in sku2info' },
  'stock.textTooLong': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'stock text too long' },
  'stock.displayCap': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'is a display cap (moreQuantity): left out' },
  'attributes.noList': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'no attribute list (参数信息) in extensionInfoVO.infos' },
  'shipping.notPromise': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'is not a shipping promise' },
  'results.firstKept': { source: 'lib/adapters/jd/search.ts', words: 'only the first ${MAX_RESULTS} of' },
  'results.cardsKept': { source: 'lib/adapters/pinduoduo/search.ts', words: 'cards, only the first' },
  'price.onlyKindsShown': { source: 'lib/adapters/taobao/search-dom.ts', words: ' prices shown` }' },
  'results.embeddedUntitled': { source: 'lib/adapters/taobao/search-page-config.ts', words: 'embedded results at rank' },
  'results.embeddedNotPrice': { source: 'lib/adapters/taobao/search-page-config.ts', words: '" is not a price' },
  'results.embeddedOtherQuery': { source: 'lib/adapters/taobao/search.ts', words: 'embedded list is for' },
  'results.embeddedOtherItems': { source: 'lib/adapters/taobao/search.ts', words: 'the cards shown are mostly other items than the embedded list' },
  'metrics.reportNarrowed': { source: 'lib/adapters/taobao/alimama-report.ts', words: 'the report is narrowed to part of the account' },
  'items.noItemIdInCell': { source: 'lib/adapters/taobao/sycm-item.ts', words: 'no item id in the item cell (no item link, no ID line)' },
  'items.severalIdsInCell': { source: 'lib/adapters/taobao/sycm-item.ts', words: 'different item ids: none kept' },
  'items.otherItemShown': { source: 'lib/adapters/taobao/sycm-item.ts', words: '(not updated yet?): not read' },
  'items.noSectionOnPage': { source: 'lib/adapters/taobao/sycm-item.ts', words: 'no 核心指标 section with figures on the 商品360 page' },
  'items.sectionUnreadable': { source: 'lib/adapters/taobao/sycm-item.ts', words: 'the 核心指标 section shows no readable figure' },
  'url.notSycmItemPage': { source: 'lib/adapters/taobao/sycm-item.ts', words: 'not a 生意参谋 item page' },
  'results.noReadablePrice': { source: 'lib/adapters/pinduoduo/search.ts', words: 'no readable price on the card' },
  'results.severalPrices': { source: 'lib/adapters/pinduoduo/search.ts', words: 'several prices on the card' },
  'results.strayPrices': { source: 'lib/adapters/pinduoduo/search.ts', words: 'in no readable card (title missing or too short): left out' },
  'editor.severalCounters': { source: 'lib/adapters/editor-fields.ts', words: 'counters beside the title: none read' },
  'editor.noCategory': { source: 'lib/adapters/taobao/editor.ts', words: 'no category (类目) shown' },
  'editor.noCategoryChosen': { source: 'lib/adapters/douyin/editor.ts', words: 'no category chosen or shown' },
  'editor.noPrice': { source: 'lib/adapters/editor-fields.ts', words: 'no price filled in' },
  'thing.hasNoValue': { source: 'lib/adapters/taobao/listing-dom.ts', words: '\'has no value\'' },
  'thing.unreadable': { source: 'lib/adapters/taobao/listing-ice.ts', words: 'unreadable price text' },
  'metric.valueUnreadable': { source: 'lib/capture/finder.ts', words: "' is unreadable`" },
  'price.embeddedUnchecked': { source: 'lib/adapters/pinduoduo/listing.ts', words: 'cannot be checked against a shown price: units uncertain, not used' },
  'price.unlabelledUnreadable': { source: 'lib/adapters/douyin/listing.ts', words: 'unlabelled price shown unreadable' },
  'price.labelledUnreadable': { source: 'lib/adapters/douyin/listing.ts', words: 'labelled price shown unreadable' },
};
