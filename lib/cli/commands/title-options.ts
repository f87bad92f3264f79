/**
 * Options shared by the title commands (audit, suggest): platform, limit, brand and word
 * lists, and reading input files. Messages are in Chinese and English.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PLATFORM_ALIASES, platformFromName } from '../../titles/platforms';
import type { Platform } from '../../titles/types';
import { CliError } from '../command';

export const TITLE_OPTIONS = {
  platform: { type: 'string' },
  limit: { type: 'string' },
  counter: { type: 'string' },
  brands: { type: 'string' },
  'own-brands': { type: 'string' },
  words: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(`参数有误 / Bad arguments: ${detail}\nUsage: ${usage}`);
  }
}

export function requirePlatform(value: string | undefined, usage: string): Platform {
  if (!value) throw new CliError(`缺少 --platform / Missing --platform.\nUsage: ${usage}`);
  const platform = platformFromName(value);
  if (!platform) {
    const known = Object.entries(PLATFORM_ALIASES)
      .map(([id, aliases]) => `${id} (${aliases.join(', ')})`)
      .join('; ');
    throw new CliError(`未知平台 / Unknown platform "${value}". 可用 / Known: ${known}`);
  }
  return platform;
}

export function optionalLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit <= 0 || limit > 1000) {
    throw new CliError(`--limit 必须是正整数 / --limit must be a positive whole number (got "${value}").`);
  }
  return limit;
}

/** `a,b，c、d` → ['a', 'b', 'c', 'd']. */
export function listOption(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[,，、]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

export async function readTextFile(path: string, what: { zh: string; en: string }): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`找不到${what.zh}文件 / ${what.en} file not found: ${path}`);
    if (code === 'EISDIR') throw new CliError(`${path} 是目录，不是文件 / ${path} is a directory, not a file.`);
    throw new CliError(`无法读取${what.zh}文件 / Cannot read the ${what.en} file ${path}: ${(error as Error).message}`);
  }
}
