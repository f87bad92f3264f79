/**
 * The laws and platform rules the word packs cite, written once so every entry names its
 * basis the same way. Article numbers refer to the Advertising Law of the PRC (2015, amended
 * 2018 and 2021) unless stated.
 */
import type { Bilingual } from '../types';

export const RULES = {
  adLaw9_2: { zh: '《广告法》第九条第二项', en: 'Advertising Law art. 9(2)' },
  adLaw9_3: { zh: '《广告法》第九条第三项', en: 'Advertising Law art. 9(3)' },
  adLaw11: { zh: '《广告法》第十一条（引证数据须真实并注明出处）', en: 'Advertising Law art. 11 (cited data must be true and sourced)' },
  adLaw13: { zh: '《广告法》第十三条（不得贬低其他经营者）', en: 'Advertising Law art. 13 (no disparaging others)' },
  adLaw17: { zh: '《广告法》第十七条（非医疗广告不得涉及疾病治疗功能）', en: 'Advertising Law art. 17 (no treatment claims outside medical ads)' },
  adLaw18: { zh: '《广告法》第十八条（保健食品广告）', en: 'Advertising Law art. 18 (health food advertising)' },
  adLaw28: { zh: '《广告法》第二十八条（虚假广告）', en: 'Advertising Law art. 28 (false advertising)' },
  trademark14: { zh: '《商标法》第十四条第五款（禁止使用“驰名商标”字样宣传）', en: 'Trademark Law art. 14(5) (the words “well-known trademark” may not be used in promotion)' },
  trademark57: { zh: '《商标法》第五十七条；平台知识产权规则', en: 'Trademark Law art. 57; platform IP rules' },
  cosmetics16: { zh: '《化妆品监督管理条例》第十六条（特殊化妆品须注册）', en: 'Cosmetics Supervision and Administration Regulation art. 16 (special cosmetics must be registered)' },
  priceFraud: { zh: '《明码标价和禁止价格欺诈规定》', en: 'Provisions on Clearly Marked Prices and Prohibiting Price Fraud' },
  foodLabel: { zh: 'GB 7718-2025《预包装食品标签通则》', en: 'GB 7718-2025 labelling standard for prepackaged food' },
  platformWords: { zh: '平台标题规范（违禁词管控）', en: 'Platform title rules (banned-word filters)' },
  platformSpam: { zh: '平台标题规范（禁止堆砌、滥发信息）', en: 'Platform title rules (no keyword stuffing or spam)' },
  platformChars: { zh: '平台标题规范（特殊字符）', en: 'Platform title rules (special characters)' },
  platformLength: { zh: '平台标题长度限制', en: 'Platform title length limit' },
  searchPractice: { zh: '搜索优化建议（非强制）', en: 'Search practice (advice, not a rule)' },
  userList: { zh: '你的自定义词表', en: 'Your own word list' },
  samrGuide: { zh: '市场监管总局《广告绝对化用语执法指南》（2023）', en: 'SAMR enforcement guide on absolute terms in advertising (2023)' },
} as const satisfies Record<string, Bilingual>;
