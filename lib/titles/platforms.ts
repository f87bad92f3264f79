/**
 * Names operators type for a platform (command line, settings import), mapped to the
 * platform id. Matched case-insensitively after trimming.
 */
import type { Platform } from './types';

export const PLATFORM_ALIASES = {
  taobao: ['taobao', 'tmall', 'tb', '淘宝', '天猫'],
  pinduoduo: ['pinduoduo', 'pdd', '拼多多'],
  douyin: ['douyin', 'doudian', '抖音', '抖店'],
  jd: ['jd', 'jingdong', '京东'],
} as const satisfies Record<Platform, readonly string[]>;

export function platformFromName(name: string): Platform | null {
  const key = name.trim().toLowerCase();
  for (const [platform, aliases] of Object.entries(PLATFORM_ALIASES) as [Platform, readonly string[]][]) {
    if (aliases.includes(key)) return platform;
  }
  return null;
}
