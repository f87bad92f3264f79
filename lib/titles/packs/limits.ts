/**
 * Default title length limits per platform, in half-width units (a CJK or full-width
 * character counts 2, an ASCII character 1; see ../length.ts).
 *
 * These are defaults only: the operator's setting overrides them, and the counter the
 * listing editor itself shows (`0/60`) overrides both, because the page knows its own rule.
 * `confirmed: false` marks figures we could not check against the platform's own rules.
 */
import type { Bilingual, Platform } from '../types';

export interface TitleLimitFact {
  limit: number;
  confirmed: boolean;
  source: Bilingual;
}

export const TITLE_LIMITS = {
  taobao: {
    limit: 60,
    confirmed: true,
    source: { zh: '淘宝/天猫发布页：30个汉字（60字符）', en: 'Taobao/Tmall publish page: 30 CJK characters (60 units)' },
  },
  douyin: {
    limit: 60,
    confirmed: true,
    source: { zh: '抖店开放平台商品接口说明', en: 'Douyin Shop open API product documentation' },
  },
  pinduoduo: {
    limit: 60,
    confirmed: false,
    source: { zh: '常见说法，未经平台文档确认', en: 'Commonly cited, not confirmed by platform documentation' },
  },
  jd: {
    limit: 50,
    confirmed: false,
    source: { zh: '一个公开工具引用，未经平台文档确认', en: 'Cited by one public tool, not confirmed by platform documentation' },
  },
} as const satisfies Record<Platform, TitleLimitFact>;

/**
 * A title using less than this share of its limit gets an info finding: on a search
 * platform the unused room is search coverage given away.
 */
export const UNUSED_ROOM_SHARE = 0.3;
