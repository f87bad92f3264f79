/**
 * Risky and forbidden phrases in titles, written for ShopLens from the laws they cite (see
 * ./rules.ts), not copied from circulated lists.
 *
 * Phrase-level on purpose: a single character such as 最 or 首 flags ordinary words (最近,
 * 首页), so every entry is a phrase, and ordinary words that contain one are on the allow-list
 * (./allow-words.ts). Severity: error = forbidden, warning = needs proof or platform-sensitive,
 * info = style. Each category list is sorted by phrase (code-point order) and every phrase is
 * unique across the pack, case-insensitively; tests/unit/titles/packs.test.ts checks that.
 *
 * Where no reason is given an entry takes its category's default reason and rule.
 */
import type { Bilingual, Severity } from '../types';
import { RULES } from './rules';
import type { WordCategory, WordRule } from './types';

type RuleKey = keyof typeof RULES;

const DEFAULTS: Record<WordCategory, { reason: Bilingual; rule: RuleKey }> = {
  absolute: {
    reason: {
      zh: '绝对化用语：广告法明令禁止，平台会删除商品或降权。',
      en: 'An absolute term: forbidden by the Advertising Law; platforms delist or demote the item.',
    },
    rule: 'adLaw9_3',
  },
  authority: {
    reason: { zh: '借用国家机关或官方名义。', en: 'Uses the name of state organs or official designations.' },
    rule: 'adLaw9_2',
  },
  ranking: {
    reason: { zh: '排名和销量说法须有数据来源。', en: 'Ranking and sales claims need a data source.' },
    rule: 'adLaw11',
  },
  price: {
    reason: { zh: '价格说法须真实并能证明。', en: 'Price claims must be true and provable.' },
    rule: 'priceFraud',
  },
  medical: {
    reason: {
      zh: '非药品、医疗器械不得宣称疾病治疗功能或使用医疗用语。',
      en: 'Goods other than medicines and medical devices may not claim to treat disease or use medical terms.',
    },
    rule: 'adLaw17',
  },
  efficacy: {
    reason: { zh: '功效宣称须有注册或检测依据。', en: 'Effect claims need a registration or test behind them.' },
    rule: 'adLaw28',
  },
  guarantee: {
    reason: { zh: '无法兑现或无法证明的保证。', en: 'A promise that cannot be kept or proved.' },
    rule: 'adLaw28',
  },
  scarcity: {
    reason: {
      zh: '虚构紧迫或稀缺，平台按虚假宣传处理；真实的限时活动请在活动设置里体现。',
      en: 'Invented urgency or scarcity reads as misleading; show a real time-limited offer in the promotion settings instead.',
    },
    rule: 'adLaw28',
  },
  infringement: {
    reason: { zh: '有侵犯他人权利或假冒的风险。', en: 'Risk of infringing others’ rights or counterfeiting.' },
    rule: 'trademark57',
  },
};

/** One entry; omitted reason and rule come from the category defaults. */
function word(category: WordCategory, phrase: string, severity: Severity, reason?: Bilingual, rule?: RuleKey): WordRule {
  const fallback = DEFAULTS[category];
  return { phrase, severity, category, reason: reason ?? fallback.reason, rule: RULES[rule ?? fallback.rule] };
}

export const ABSOLUTE_WORDS: readonly WordRule[] = [
  word('absolute', 'NO.1', 'error'),
  word('absolute', 'TOP1', 'error'),
  word(
    'absolute',
    'best',
    'warning',
    { zh: '英文最高级（best）同样是绝对化用语。', en: 'An English superlative (best) is an absolute term too.' },
    'adLaw9_3',
  ),
  word(
    'absolute',
    '万能',
    'warning',
    { zh: '“万能”是无法证明的绝对化宣传；商品名称（万能胶、万能轮）除外。', en: '万能 (“does everything”) is an unprovable absolute claim; product names such as 万能胶 are exempt.' },
    'adLaw9_3',
  ),
  word('absolute', '世界级', 'error'),
  word('absolute', '史上最', 'error'),
  word('absolute', '史无前例', 'error'),
  word('absolute', '唯一', 'error'),
  word('absolute', '国家级', 'error'),
  word(
    'absolute',
    '巅峰',
    'warning',
    { zh: '平台常按绝对化用语处理“巅峰”。', en: 'Platforms often treat 巅峰 as an absolute term.' },
    'platformWords',
  ),
  word('absolute', '无敌', 'error'),
  word('absolute', '最优', 'error'),
  word('absolute', '最佳', 'error'),
  word('absolute', '最先进', 'error'),
  word('absolute', '最受欢迎', 'error'),
  word(
    'absolute',
    '最大',
    'info',
    { zh: '写实测规格（最大承重50kg）可以；作为笼统的“最大”宣传则属绝对化用语。', en: 'Fine for a measured spec (最大承重 50kg); as a general boast it is an absolute term.' },
    'samrGuide',
  ),
  word('absolute', '最好', 'error'),
  word('absolute', '最强', 'error'),
  word(
    'absolute',
    '最新',
    'info',
    { zh: '“最新”描述时间先后、属于自我比较时不算绝对化用语，但平台违禁词过滤常拦截它；写“新款”或年份效果相同。', en: '“Newest” as a statement about time or a comparison with your own range is not an absolute term, but platform filters often block it; 新款 or a year says the same.' },
    'samrGuide',
  ),
  word(
    'absolute',
    '最高',
    'info',
    { zh: '写实测规格（最高可调1.8米）可以；作为笼统的“最高”宣传则属绝对化用语。', en: 'Fine for a measured spec (最高可调 1.8m); as a general boast it is an absolute term.' },
    'samrGuide',
  ),
  word('absolute', '最高端', 'error'),
  word('absolute', '最高级', 'error'),
  word('absolute', '极品', 'error'),
  word(
    'absolute',
    '极致',
    'warning',
    { zh: '平台常按绝对化用语处理“极致”，标题中没有搜索价值。', en: 'Platforms often treat 极致 as an absolute term; it brings no searches.' },
    'platformWords',
  ),
  word(
    'absolute',
    '特级',
    'info',
    { zh: '国家标准规定的等级（特级初榨橄榄油）可以使用并须有依据；自封“特级”属绝对化用语。', en: 'A grade set by a national standard (特级初榨 olive oil) may be used with its basis; a self-awarded 特级 is an absolute term.' },
    'samrGuide',
  ),
  word(
    'absolute',
    '王牌',
    'warning',
    { zh: '“王牌”暗示同类最好，平台常按绝对化用语处理。', en: '王牌 implies best in class; platforms often treat it as an absolute term.' },
    'platformWords',
  ),
  word('absolute', '第一', 'error'),
  word('absolute', '顶级', 'error'),
  word('absolute', '首个', 'error'),
  word('absolute', '首家', 'error'),
];

export const AUTHORITY_WORDS: readonly WordRule[] = [
  word(
    'authority',
    '专供',
    'warning',
    { zh: '不得暗示供应国家机关；“电商专供”这类渠道说法可以，但平台常拦截。', en: 'Must not suggest supply to state organs; a channel name (电商专供) is fine but often filtered.' },
    'adLaw9_2',
  ),
  word(
    'authority',
    '免检',
    'error',
    { zh: '产品免检制度已取消，“免检”是虚假宣传。', en: 'Inspection exemption was abolished; claiming it is false advertising.' },
    'adLaw28',
  ),
  word(
    'authority',
    '国家机关推荐',
    'error',
    { zh: '不得使用国家机关或其工作人员的名义推荐。', en: 'State organs or officials may not be used as endorsers.' },
    'adLaw9_2',
  ),
  word(
    'authority',
    '政府推荐',
    'error',
    { zh: '不得使用国家机关或其工作人员的名义推荐。', en: 'State organs or officials may not be used as endorsers.' },
    'adLaw9_2',
  ),
  word(
    'authority',
    '特供',
    'error',
    { zh: '“特供”“专供”暗示供应国家机关，法规禁止。', en: '特供 implies supply to state organs, which the law forbids in advertising.' },
    'adLaw9_2',
  ),
  word(
    'authority',
    '驰名商标',
    'error',
    { zh: '法律禁止在商品和宣传中使用“驰名商标”字样。', en: 'The law forbids the words 驰名商标 on goods and in promotion.' },
    'trademark14',
  ),
];

export const RANKING_WORDS: readonly WordRule[] = [
  word(
    'ranking',
    '冠军',
    'warning',
    { zh: '“冠军”“销量冠军”须有数据来源和统计范围。', en: '冠军 (champion) and sales-champion claims need data, a source and a scope.' },
    'adLaw11',
  ),
  word(
    'ranking',
    '遥遥领先',
    'warning',
    { zh: '“遥遥领先”须有可核实的比较依据。', en: '遥遥领先 (far ahead) needs a verifiable comparison.' },
    'adLaw11',
  ),
  word(
    'ranking',
    '销量冠军',
    'warning',
    { zh: '销量排名须有数据来源、时间和范围。', en: 'A sales ranking needs a data source, period and scope.' },
    'adLaw11',
  ),
  word(
    'ranking',
    '领先',
    'warning',
    { zh: '“领先”须有可核实的比较依据。', en: '领先 (leading) needs a verifiable comparison.' },
    'adLaw11',
  ),
  word(
    'ranking',
    '领导品牌',
    'warning',
    { zh: '“领导品牌”须有可核实的依据，平台常按绝对化用语处理。', en: '领导品牌 (leading brand) needs verifiable proof; platforms often treat it as absolute.' },
    'adLaw11',
  ),
];

export const PRICE_WORDS: readonly WordRule[] = [
  word(
    'price',
    '亏本',
    'warning',
    { zh: '“亏本清仓”须是真实的降价理由。', en: 'A loss-making sale must be a true reason for the price.' },
    'priceFraud',
  ),
  word(
    'price',
    '全网最低',
    'error',
    { zh: '价格绝对化用语，且无法证明。', en: 'An absolute price claim that cannot be proved.' },
    'adLaw9_3',
  ),
  word(
    'price',
    '出厂价',
    'warning',
    { zh: '“出厂价”“成本价”是价格比较，须能证明。', en: 'Factory-price and cost-price claims are price comparisons that must be provable.' },
    'priceFraud',
  ),
  word(
    'price',
    '成本价',
    'warning',
    { zh: '“出厂价”“成本价”是价格比较，须能证明。', en: 'Factory-price and cost-price claims are price comparisons that must be provable.' },
    'priceFraud',
  ),
  word(
    'price',
    '最低价',
    'error',
    { zh: '价格绝对化用语，且无法证明。', en: 'An absolute price claim that cannot be proved.' },
    'adLaw9_3',
  ),
  word(
    'price',
    '最便宜',
    'error',
    { zh: '价格绝对化用语，且无法证明。', en: 'An absolute price claim that cannot be proved.' },
    'adLaw9_3',
  ),
  word(
    'price',
    '跳楼价',
    'warning',
    { zh: '夸张的降价说法，须有真实的降价依据。', en: 'An exaggerated price-cut claim that needs a real basis.' },
    'priceFraud',
  ),
];

export const MEDICAL_WORDS: readonly WordRule[] = [
  word('medical', '包治', 'error'),
  word(
    'medical',
    '医用',
    'warning',
    { zh: '只有取得医疗器械注册或备案的商品可以写“医用”。', en: 'Only registered or filed medical devices may say 医用 (medical-grade).' },
    'adLaw17',
  ),
  word('medical', '壮阳', 'error'),
  word('medical', '抗癌', 'error'),
  word('medical', '根治', 'error'),
  word('medical', '止咳', 'error'),
  word('medical', '治愈', 'error'),
  word('medical', '治疗', 'error'),
  word('medical', '消炎', 'error'),
  word('medical', '疗效', 'error'),
  word('medical', '药到病除', 'error'),
  word('medical', '防癌', 'error'),
  word('medical', '降血压', 'error'),
  word('medical', '降血糖', 'error'),
  word('medical', '降血脂', 'error'),
];

export const EFFICACY_WORDS: readonly WordRule[] = [
  word(
    'efficacy',
    '丰胸',
    'warning',
    { zh: '“丰胸”是无法证明的功效说法。', en: 'Breast enlargement is an unprovable effect claim.' },
    'adLaw28',
  ),
  word(
    'efficacy',
    '减肥',
    'warning',
    { zh: '减肥功效只有取得批准的保健食品可以宣称。', en: 'Only approved health foods may claim weight loss.' },
    'adLaw18',
  ),
  word(
    'efficacy',
    '增高',
    'warning',
    { zh: '“增高”是无法证明的功效说法。', en: 'Height increase is an unprovable effect claim.' },
    'adLaw28',
  ),
  word(
    'efficacy',
    '抑菌',
    'warning',
    { zh: '抗菌、抑菌、杀菌须有检测报告，消毒产品另有规定。', en: 'Antibacterial claims need a test report; disinfection products have their own rules.' },
    'adLaw11',
  ),
  word(
    'efficacy',
    '抗菌',
    'warning',
    { zh: '抗菌、抑菌、杀菌须有检测报告，消毒产品另有规定。', en: 'Antibacterial claims need a test report; disinfection products have their own rules.' },
    'adLaw11',
  ),
  word(
    'efficacy',
    '排毒',
    'warning',
    { zh: '“排毒”是无法证明的保健功效说法。', en: 'Detox is an unprovable health claim.' },
    'adLaw18',
  ),
  word(
    'efficacy',
    '提高免疫力',
    'warning',
    { zh: '增强免疫力只有取得批准的保健食品可以宣称。', en: 'Only approved health foods may claim to boost immunity.' },
    'adLaw18',
  ),
  word(
    'efficacy',
    '杀菌',
    'warning',
    { zh: '抗菌、抑菌、杀菌须有检测报告，消毒产品另有规定。', en: 'Antibacterial claims need a test report; disinfection products have their own rules.' },
    'adLaw11',
  ),
  word(
    'efficacy',
    '生发',
    'warning',
    { zh: '“生发”是治疗性说法，化妆品不得宣称。', en: 'Hair regrowth is a treatment claim cosmetics may not make.' },
    'cosmetics16',
  ),
  word(
    'efficacy',
    '瘦身',
    'warning',
    { zh: '瘦身功效须有依据；食品不得宣称。', en: 'Slimming effects need proof; ordinary foods may not claim them.' },
    'adLaw18',
  ),
  word(
    'efficacy',
    '祛斑',
    'warning',
    { zh: '祛斑美白属于特殊化妆品功效，须取得注册证。', en: 'Spot removal is a special-cosmetics claim that needs registration.' },
    'cosmetics16',
  ),
  word(
    'efficacy',
    '祛痘',
    'warning',
    { zh: '痤疮属于疾病，化妆品不得宣称祛痘。', en: 'Acne is a disease; cosmetics may not claim to clear it.' },
    'adLaw17',
  ),
  word(
    'efficacy',
    '美白',
    'warning',
    { zh: '祛斑美白属于特殊化妆品功效，须取得注册证。', en: 'Whitening is a special-cosmetics claim that needs registration.' },
    'cosmetics16',
  ),
  word(
    'efficacy',
    '防脱',
    'warning',
    { zh: '防脱发属于特殊化妆品功效，须取得注册证。', en: 'Anti-hair-loss is a special-cosmetics claim that needs registration.' },
    'cosmetics16',
  ),
];

export const GUARANTEE_WORDS: readonly WordRule[] = [
  word(
    'guarantee',
    '0添加',
    'warning',
    { zh: '新版食品标签标准限制“零添加/不添加”类用语。', en: 'The new food labelling standard restricts no-additive wording.' },
    'foodLabel',
  ),
  word(
    'guarantee',
    '100%',
    'warning',
    { zh: '百分比断言须有检测依据（如成分标签）。', en: 'A percentage claim needs a test or label to back it.' },
    'adLaw11',
  ),
  word(
    'guarantee',
    '不添加',
    'warning',
    { zh: '新版食品标签标准限制“零添加/不添加”类用语。', en: 'The new food labelling standard restricts no-additive wording.' },
    'foodLabel',
  ),
  word(
    'guarantee',
    '无副作用',
    'warning',
    { zh: '安全性断言，法规禁止在药品、保健食品宣传中使用，其他商品也无法证明。', en: 'A safety assertion: forbidden for medicines and health foods, unprovable for anything else.' },
    'adLaw28',
  ),
  word(
    'guarantee',
    '无添加',
    'warning',
    { zh: '新版食品标签标准限制“零添加/不添加”类用语。', en: 'The new food labelling standard restricts no-additive wording.' },
    'foodLabel',
  ),
  word(
    'guarantee',
    '永不',
    'warning',
    { zh: '“永不褪色/永不起球”之类是无法兑现的保证。', en: 'Never-fade or never-pill promises cannot be kept.' },
    'adLaw28',
  ),
  word(
    'guarantee',
    '永久',
    'warning',
    { zh: '“永久”是无法兑现的保证。', en: '永久 (permanent) is a promise no product can keep.' },
    'adLaw28',
  ),
  word(
    'guarantee',
    '百分百',
    'warning',
    { zh: '百分比断言须有检测依据。', en: 'A percentage claim needs a test to back it.' },
    'adLaw11',
  ),
  word(
    'guarantee',
    '纯天然',
    'warning',
    { zh: '“纯天然”须有依据，食品、化妆品常被认定为虚假宣传。', en: 'Pure natural needs proof; food and cosmetics are often found misleading.' },
    'adLaw28',
  ),
  word(
    'guarantee',
    '终身',
    'warning',
    { zh: '“终身保修”须是真实承诺并写明条件。', en: 'A lifetime warranty must be a real commitment with stated terms.' },
    'adLaw28',
  ),
  word(
    'guarantee',
    '绝对',
    'warning',
    { zh: '“绝对”是无法证明的保证，平台常按绝对化用语处理。', en: '绝对 (absolutely) is an unprovable guarantee that platforms treat as an absolute term.' },
    'adLaw28',
  ),
  word(
    'guarantee',
    '零添加',
    'warning',
    { zh: '新版食品标签标准限制“零添加/不添加”类用语。', en: 'The new food labelling standard restricts no-additive wording.' },
    'foodLabel',
  ),
  word(
    'guarantee',
    '零风险',
    'warning',
    { zh: '“零风险”是无法兑现的保证。', en: 'Zero risk is a promise no one can keep.' },
    'adLaw28',
  ),
];

export const SCARCITY_WORDS: readonly WordRule[] = [
  word('scarcity', '仅此一次', 'warning'),
  word('scarcity', '即将涨价', 'warning'),
  word('scarcity', '手慢无', 'warning'),
  word('scarcity', '抢疯了', 'warning'),
  word('scarcity', '最后一天', 'warning'),
  word('scarcity', '最后一波', 'warning'),
  word('scarcity', '错过再等一年', 'warning'),
  word('scarcity', '随时涨价', 'warning'),
  word('scarcity', '马上涨价', 'warning'),
];

export const INFRINGEMENT_WORDS: readonly WordRule[] = [
  word(
    'infringement',
    '1:1',
    'error',
    { zh: '“1:1”是复制品的常见暗语，平台按假冒处理。', en: '1:1 is common code for a replica; platforms treat it as counterfeit.' },
    'trademark57',
  ),
  word(
    'infringement',
    'A货',
    'error',
    { zh: '“A货”等于承认是假冒商品。', en: 'A货 (A-grade fake) admits a counterfeit.' },
    'trademark57',
  ),
  word(
    'infringement',
    '专柜',
    'warning',
    { zh: '“专柜”暗示品牌专柜渠道，须有授权。', en: '专柜 implies a brand’s own counter; you need authorisation.' },
    'trademark57',
  ),
  word(
    'infringement',
    '代购',
    'warning',
    { zh: '“代购”须能证明进口渠道，平台对此有专门规则。', en: '代购 (overseas purchase) needs proof of the import channel; platforms have specific rules.' },
    'trademark57',
  ),
  word(
    'infringement',
    '仿牌',
    'error',
    { zh: '“仿牌”等于承认是假冒商品。', en: '仿牌 (copied brand) admits a counterfeit.' },
    'trademark57',
  ),
  word(
    'infringement',
    '原单',
    'error',
    { zh: '“原单”暗示品牌代工厂流出货，平台按假冒或侵权处理。', en: '原单 suggests goods leaked from a brand’s factory; platforms treat it as counterfeit.' },
    'trademark57',
  ),
  word(
    'infringement',
    '同款',
    'warning',
    { zh: '“XX同款”借用他人品牌或名人名气，有侵权和虚假宣传风险。', en: '“Same as X” borrows another brand’s or a celebrity’s name: infringement and misleading-advertising risk.' },
    'trademark57',
  ),
  word(
    'infringement',
    '复刻',
    'warning',
    { zh: '“复刻”常指仿制他人设计，有侵权风险。', en: '复刻 usually means a copy of someone else’s design: infringement risk.' },
    'trademark57',
  ),
  word(
    'infringement',
    '大牌',
    'warning',
    { zh: '“大牌”常与他人品牌联系在一起，平台按借用品牌处理。', en: '大牌 (big brand) is read as riding on another brand’s name.' },
    'trademark57',
  ),
  word(
    'infringement',
    '尾单',
    'warning',
    { zh: '“外贸尾单”暗示品牌剩余货，须能证明来源。', en: '尾单 suggests a brand’s surplus stock; you must be able to prove the source.' },
    'trademark57',
  ),
  word(
    'infringement',
    '平替',
    'info',
    { zh: '“XX平替”若点名其他品牌，有比较广告和侵权风险。', en: '“Cheaper X” that names another brand is comparative advertising and an infringement risk.' },
    'adLaw13',
  ),
  word(
    'infringement',
    '高仿',
    'error',
    { zh: '“高仿”等于承认是假冒商品。', en: '高仿 (high-grade copy) admits a counterfeit.' },
    'trademark57',
  ),
];

/** The whole pack, in category order. */
export const RISK_WORDS: readonly WordRule[] = [
  ...ABSOLUTE_WORDS,
  ...AUTHORITY_WORDS,
  ...RANKING_WORDS,
  ...PRICE_WORDS,
  ...MEDICAL_WORDS,
  ...EFFICACY_WORDS,
  ...GUARANTEE_WORDS,
  ...SCARCITY_WORDS,
  ...INFRINGEMENT_WORDS,
];
