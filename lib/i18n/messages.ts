/**
 * Every user-facing string ShopLens shows, in Chinese and English. Linted by
 * tests/unit/i18n/messages.test.ts: both languages non-empty, the same `{params}` in both,
 * and every key used somewhere in the source (keys are written out in full, never built
 * from pieces, so a text search finds each use).
 *
 * Metric names are not here: they live with the metrics in lib/metrics/definitions.ts
 * (`name.zh` / `name.en`), read through `metricName()` in ./index.ts.
 */
export interface Message {
  zh: string;
  en: string;
}

export const MESSAGES = {
  // App frame
  'app.title': { zh: 'ShopLens 店镜', en: 'ShopLens 店镜' },
  'app.languageSwitch': { zh: '界面语言', en: 'Interface language' },
  // Language names are written in their own language in both interfaces, so an operator
  // who cannot read the current one still finds theirs.
  'lang.zh': { zh: '中文', en: '中文' },
  'lang.en': { zh: 'English', en: 'English' },

  // Platforms and page kinds
  'platform.taobao': { zh: '淘宝/天猫', en: 'Taobao/Tmall' },
  'platform.pinduoduo': { zh: '拼多多', en: 'Pinduoduo' },
  'platform.douyin': { zh: '抖店', en: 'Douyin Shop' },
  'platform.jd': { zh: '京东', en: 'JD' },
  'pageKind.dashboard': { zh: '后台数据页', en: 'Backend dashboard' },
  'pageKind.itemReport': { zh: '商品数据报表', en: 'Item report' },
  'pageKind.listing': { zh: '商品详情页', en: 'Listing page' },
  'pageKind.search': { zh: '搜索结果页', en: 'Search results' },
  'pageKind.editor': { zh: '商品编辑页', en: 'Listing editor' },

  // Panel states
  'state.loading': { zh: '正在读取…', en: 'Loading…' },
  'state.unsupported.title': {
    zh: '当前标签页不是店镜支持的电商页面',
    en: 'The current tab is not a marketplace page ShopLens reads',
  },
  'state.unsupported.hint': {
    zh: '打开以下页面之一，店镜会自动读取页面上的数据：',
    en: 'Open one of these pages and ShopLens reads its figures by itself:',
  },
  'state.unsupported.none': {
    zh: '这个版本还没有可用的页面读取器。',
    en: 'This version has no page readers yet.',
  },
  'state.waiting.title': { zh: '等待读取数据', en: 'Waiting for figures' },
  'state.waiting.body': {
    zh: '店镜支持这个页面（{page}），但还没有读到数据。请等页面完全加载、数字显示出来；如果页面要求登录或选择日期，完成后数据会自动出现在这里。',
    en: 'ShopLens reads this page ({page}) but has no figures from it yet. Let the page finish loading until its numbers show; if it asks you to log in or pick a date, the figures appear here once you have.',
  },

  // The capture header
  'capture.readAt': { zh: '读取于 {time}', en: 'Read at {time}' },
  'capture.period': { zh: '统计周期', en: 'Period' },
  'capture.periodNone': { zh: '页面未标明统计周期', en: 'The page shows no period' },
  'shop.name': { zh: '店铺：{name}', en: 'Shop: {name}' },

  // Figures (metric cards)
  'figures.heading': { zh: '本页数据', en: 'Figures on this page' },
  'figures.none': { zh: '这个页面没有读到指标。', en: 'No figures were read on this page.' },
  'figure.unknownMetric': { zh: '未登记的指标', en: 'Unregistered metric' },
  'figure.pageLabel': { zh: '页面标签：{label}', en: 'Label on the page: {label}' },
  'figure.atLeast': {
    zh: '下限值：页面只给出“{value}”，实际不少于此数',
    en: 'Lower bound: the page only says “{value}”; the true value is at least this',
  },
  'figure.range': { zh: '页面给出的是一个范围：{range}', en: 'The page shows a range: {range}' },
  'figure.peers': { zh: '同行参考（不是本店数据）', en: 'Peer benchmarks (not your shop’s figures)' },

  // Units
  'unit.yuan': { zh: '元', en: 'CNY' },
  'unit.count': { zh: '数量', en: 'count' },
  'unit.ratio': { zh: '比率', en: 'ratio' },
  'unit.multiple': { zh: '倍数', en: 'multiple' },
  'unit.score': { zh: '评分', en: 'score' },
  'unit.index': { zh: '指数（相对值，非金额）', en: 'index (relative, not money)' },
  'unit.seconds': { zh: '时长', en: 'duration' },

  // Listing
  'listing.itemId': { zh: '商品ID {id}', en: 'Item ID {id}' },
  'listing.category': { zh: '类目：{name}', en: 'Category: {name}' },
  'listing.price': { zh: '价格', en: 'Price' },
  'listing.priceMissing': {
    zh: '没有读到可信的价格（原因见“未能读取”）',
    en: 'No trustworthy price was read (see “Could not be read”)',
  },
  'listing.pageLabel': { zh: '页面写作“{label}”', en: 'page says “{label}”' },
  'listing.otherPrices': { zh: '页面上的其他价格', en: 'Other prices on the page' },
  'listing.sales': { zh: '销量', en: 'Sales' },
  'listing.reviews': { zh: '评价数', en: 'Reviews' },
  'listing.stock': { zh: '库存', en: 'Stock' },
  'listing.stockQuantity': { zh: '{quantity} 件', en: '{quantity} units' },
  'listing.scores': { zh: '店铺评分', en: 'Shop scores' },
  'listing.promotions': { zh: '优惠', en: 'Promotions' },

  // Price kinds (lib/capture/schema.ts PRICE_KINDS)
  'priceKind.shown': { zh: '页面价', en: 'Shown price' },
  'priceKind.list': { zh: '优惠前/原价', en: 'Before discount' },
  'priceKind.promotion': { zh: '促销价', en: 'Promotion price' },
  'priceKind.coupon': { zh: '券后价', en: 'After coupon' },
  'priceKind.member': { zh: '会员价', en: 'Member price' },
  'priceKind.group': { zh: '拼单价', en: 'Group-buy price' },
  'priceKind.subsidised': { zh: '平台加补后', en: 'After platform subsidy' },
  'priceKind.firstItem': { zh: '首件价', en: 'First-item price' },

  // Search results, item reports, editor
  'search.heading': { zh: '搜索结果（{count} 个）', en: 'Search results ({count})' },
  'search.sponsored': { zh: '广告', en: 'Ad' },
  'search.priceMissing': { zh: '价格未读到', en: 'price not read' },
  'items.heading': { zh: '商品明细（{count} 行）', en: 'Item rows ({count})' },
  'editor.heading': { zh: '正在编辑的标题', en: 'Title being edited' },
  'editor.counter': { zh: '页面计数 {length}/{limit}', en: 'Page counter {length}/{limit}' },

  // What could not be read
  'issues.heading': { zh: '未能读取', en: 'Could not be read' },
  'issues.intro': {
    zh: '以下内容没有读取，以免显示错误的数字：',
    en: 'These were left out rather than shown wrong:',
  },

  // History
  'history.heading': { zh: '历史快照', en: 'Earlier snapshots' },
  'history.none': {
    zh: '还没有更早的快照：之后再打开这个页面，变化会显示在这里。',
    en: 'No earlier snapshots yet: open this page again later and the changes show here.',
  },
  'history.noValues': { zh: '没有可对比的数值', en: 'no comparable figures' },

  // Diagnostics (components/diagnostics); finding messages and actions carry their own zh/en
  'diagnostics.heading': { zh: '诊断', en: 'Diagnostics' },
  'diagnostics.none': { zh: '没有发现需要注意的问题。', en: 'Nothing here needs attention.' },
  'diagnostics.summary': { zh: '{critical} 个严重，{warning} 个警告', en: '{critical} critical, {warning} warnings' },
  'diagnostics.versus': { zh: '{value}，对比{label} {reference}', en: '{value} vs {label} {reference}' },
  'diagnostics.computed': { zh: '由页面数据计算', en: 'computed from the page’s figures' },
  'diagnostics.lowConfidence': { zh: '经验值，仅供参考', en: 'rough rule of thumb' },
  'diagnostics.evidence': { zh: '依据', en: 'Evidence' },
  'diagnostics.actions': { zh: '建议操作', en: 'What to do' },
  'severity.critical': { zh: '严重', en: 'Critical' },
  'severity.warning': { zh: '警告', en: 'Warning' },
  'severity.info': { zh: '提示', en: 'Note' },
  'severity.good': { zh: '良好', en: 'Good' },
  'findingKind.benchmark': { zh: '基准对比', en: 'Benchmark' },
  'findingKind.peer': { zh: '同行对比', en: 'Peers' },
  'findingKind.anomaly': { zh: '异常波动', en: 'Unusual change' },
  'findingKind.funnel': { zh: '转化漏斗', en: 'Funnel' },
  'findingKind.consistency': { zh: '数据核对', en: 'Data check' },
  'findingKind.stock': { zh: '库存', en: 'Stock' },
  'findingKind.ads': { zh: '推广', en: 'Ads' },
  'referenceSource.pagePeer': { zh: '页面上的同行数据', en: 'peer figure shown on the page' },
  'referenceSource.settings': { zh: '你的设置', en: 'your settings' },
  'referenceSource.default': { zh: '店镜默认参考', en: 'ShopLens default' },
  'referenceSource.history': { zh: '本店历史数据', en: 'own history' },
  'referenceSource.breakEven': { zh: '由毛利率计算', en: 'from your gross margin' },
  'referenceSource.budget': { zh: '日预算设置', en: 'daily budget setting' },
  'referenceSource.capture': { zh: '同一页面的数据', en: 'figures on the same page' },
  'funnel.heading': { zh: '转化漏斗', en: 'Conversion funnel' },
  'funnel.weakest': { zh: '差距最大', en: 'largest gap' },
  'funnel.notOneFunnel': {
    zh: '超过 100%：这两个数据的统计范围不同',
    en: 'over 100 %: these two figures cover different scopes',
  },

  // Title audit and keyword suggestions (components/titles/TitleAudit.tsx)
  'titles.heading': { zh: '标题检查', en: 'Title check' },
  'titles.length': { zh: '长度 {length}/{limit}', en: 'Length {length}/{limit}' },
  'titles.roomLeft': { zh: '还能写 {count} 个字符', en: '{count} units left' },
  'titles.overBy': { zh: '超出 {count} 个字符', en: '{count} units over' },
  'titles.cutHint': { zh: '超出上限、会被截掉的部分：', en: 'Past the limit, will be cut:' },
  'titles.limitSource.editor': { zh: '上限取自编辑页的计数器', en: 'Limit from the editor’s own counter' },
  'titles.limitSource.setting': { zh: '上限来自你的设置', en: 'Limit from your settings' },
  'titles.limitSource.default': { zh: '平台默认上限（中文字符算 2 个）', en: 'Platform default limit (a CJK character counts 2)' },
  'titles.measure.chars': { zh: '这个编辑页按字数计数，每个字算 1 个', en: 'This editor counts characters, each one as 1' },
  'titles.findings.none': { zh: '没有发现问题', en: 'No problems found' },
  'titles.severity.error': { zh: '禁用（{count}）', en: 'Forbidden ({count})' },
  'titles.severity.warning': { zh: '需注意（{count}）', en: 'Caution ({count})' },
  'titles.severity.info': { zh: '提示（{count}）', en: 'Tips ({count})' },
  'titles.basis': { zh: '依据：{basis}', en: 'Basis: {basis}' },
  'titles.tokens': { zh: '分词', en: 'Words' },
  'titles.tokensNone': { zh: '分词还没有加载', en: 'Word segmentation is not loaded yet' },
  'titles.role.brand': { zh: '品牌词', en: 'Brand' },
  'titles.role.product': { zh: '核心词', en: 'Product word' },
  'titles.role.attribute': { zh: '属性词', en: 'Attribute' },
  'titles.role.marketing': { zh: '营销词', en: 'Marketing word' },
  'titles.role.longtail': { zh: '长尾词', en: 'Long-tail word' },
  'titles.role.other': { zh: '其他', en: 'Other' },
  'titles.suggest.heading': { zh: '关键词建议（{count} 个竞品标题）', en: 'Keyword suggestions ({count} competitor titles)' },
  'titles.suggest.unweighted': {
    zh: '竞品没有销量或排名数据，每个标题按相同权重计算。',
    en: 'The competitors have no sales or rank, so every title weighs the same.',
  },
  'titles.suggest.missing': { zh: '缺少的强词', en: 'Strong words you lack' },
  'titles.suggest.covered': { zh: '已覆盖的强词', en: 'Strong words you have' },
  'titles.suggest.weak': { zh: '可以去掉的弱词', en: 'Weak words to drop' },
  'titles.suggest.usedBy': { zh: '使用它的竞品标题', en: 'Competitor titles using it' },
  'titles.suggest.score': { zh: '得分 {score}', en: 'score {score}' },
  'titles.suggest.rewrites': { zh: '改写建议', en: 'Suggested rewrites' },
  'titles.suggest.added': { zh: '加入：{words}', en: 'Added: {words}' },
  'titles.suggest.removed': { zh: '去掉：{words}', en: 'Removed: {words}' },
  'titles.suggest.none': { zh: '竞品标题里没有找到可建议的词', en: 'No keywords to suggest from these competitor titles' },
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;
