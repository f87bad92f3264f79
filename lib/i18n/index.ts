/**
 * The i18n layer: `t(key, lang, params?)` over ./messages.ts, the `Lang` type, and the
 * names of shared enums (platforms, page kinds, units, price kinds, metrics) in both
 * languages. No React here: ./react.tsx adds the context and hook.
 */
import type { PageKind, Platform, Price, Unit } from '../capture/schema';
import { metricDefinition } from '../metrics';
import type { Lang } from './lang';
import { MESSAGES, type MessageKey } from './messages';

export { MESSAGES, type MessageKey };
export { DEFAULT_LANG, isLang, LANG_STORAGE_KEY, LANGS, type Lang } from './lang';

/** `'访客 {count} 人'` → `'count'`: the parameter names a message template uses. */
type ParamNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
export type MessageParams<K extends MessageKey> = Record<ParamNames<(typeof MESSAGES)[K]['zh']>, string | number>;
/** Messages without parameters take none; messages with parameters require all of them. */
export type ParamsArg<K extends MessageKey> = [ParamNames<(typeof MESSAGES)[K]['zh']>] extends [never]
  ? []
  : [params: MessageParams<K>];

const PARAM = /\{(\w+)\}/g;

/** Parameter names in a template, in order of appearance (duplicates kept once). */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(PARAM)].map((match) => match[1] ?? ''))];
}

/**
 * The message `key` in `lang` with `{name}` replaced by `params.name`. A parameter the
 * caller did not give stays visible as `{name}` rather than vanishing silently. Values are
 * inserted as plain text; React renders the result as text, never as HTML.
 */
export function t<K extends MessageKey>(key: K, lang: Lang, ...args: ParamsArg<K>): string {
  const template: string = MESSAGES[key][lang];
  const params = args[0] as Record<string, string | number> | undefined;
  if (!params) return template;
  return template.replace(PARAM, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The canonical name of a metric id (lib/metrics), or undefined for an id it does not know. */
export function metricName(metricId: string, lang: Lang): string | undefined {
  return metricDefinition(metricId)?.name[lang];
}

// Keys written out in full (not built as `platform.${p}`) so the unused-key lint can find them.
const PLATFORM_KEYS = {
  taobao: 'platform.taobao',
  pinduoduo: 'platform.pinduoduo',
  douyin: 'platform.douyin',
  jd: 'platform.jd',
} as const satisfies Record<Platform, MessageKey>;

const PAGE_KIND_KEYS = {
  dashboard: 'pageKind.dashboard',
  'item-report': 'pageKind.itemReport',
  listing: 'pageKind.listing',
  search: 'pageKind.search',
  editor: 'pageKind.editor',
} as const satisfies Record<PageKind, MessageKey>;

const UNIT_KEYS = {
  yuan: 'unit.yuan',
  count: 'unit.count',
  ratio: 'unit.ratio',
  multiple: 'unit.multiple',
  score: 'unit.score',
  index: 'unit.index',
  seconds: 'unit.seconds',
} as const satisfies Record<Unit, MessageKey>;

const PRICE_KIND_KEYS = {
  shown: 'priceKind.shown',
  list: 'priceKind.list',
  promotion: 'priceKind.promotion',
  coupon: 'priceKind.coupon',
  member: 'priceKind.member',
  group: 'priceKind.group',
  subsidised: 'priceKind.subsidised',
  firstItem: 'priceKind.firstItem',
} as const satisfies Record<Price['kind'], MessageKey>;

export const platformName = (platform: Platform, lang: Lang): string => t(PLATFORM_KEYS[platform], lang);
export const pageKindName = (pageKind: PageKind, lang: Lang): string => t(PAGE_KIND_KEYS[pageKind], lang);
export const unitName = (unit: Unit, lang: Lang): string => t(UNIT_KEYS[unit], lang);
export const priceKindName = (kind: Price['kind'], lang: Lang): string => t(PRICE_KIND_KEYS[kind], lang);
