/**
 * `npm run shoplens -- suggest --platform <p> --title "<title>" --competitors <file>`: keyword
 * scores from competitor titles and up to three rewrites of the title, as JSON.
 *
 * The competitor file has one title per line, optionally followed by a tab and its sales
 * (`7261`, `10万+`, `1.2w`, `7261人付款`) and another tab and its search rank. Empty lines and
 * lines starting with # are skipped; a sales or rank that is not a number is reported and the
 * title is used without it (unknown, not zero).
 */
import { parseFigure } from '../../capture/numbers';
import { suggestKeywords, type CompetitorTitle, type SuggestOptions } from '../../titles/suggest';
import { nodeSegmenter } from '../../titles/segment-node';
import type { CliCommand, CliIo } from '../command';
import { CliError } from '../command';
import { listOption, optionalLimit, parseCommandArgs, readTextFile, requirePlatform, TITLE_OPTIONS } from './title-options';

const USAGE =
  'npm run shoplens -- suggest --platform <taobao|pinduoduo|douyin|jd> --title "<title>" --competitors <file>\n' +
  '         [--limit N] [--brands 品牌A,品牌B] [--own-brands 我的品牌] [--words 禁用词] [--top 30]\n' +
  '  <file>: one competitor title per line, optionally "title<TAB>sales<TAB>rank".';

const OPTIONS = {
  ...TITLE_OPTIONS,
  title: { type: 'string' },
  competitors: { type: 'string' },
  top: { type: 'string' },
} as const;

// Words around a sales figure on listing and search pages: 月销, 已售, 人付款 …
const SALES_WORDS = /月销|已售|销量|已拼|人付款|人收货|人已买|人购买|件|笔|单|\s/g;

/** A sales figure as pages write it, or null when it is not one. */
export function parseSales(text: string): number | null {
  const figure = parseFigure(text.replace(SALES_WORDS, ''));
  if (!figure || figure.percent || figure.currency || figure.max !== undefined || figure.value < 0) return null;
  return figure.value;
}

export function parseCompetitorLines(text: string, io: CliIo): CompetitorTitle[] {
  const competitors: CompetitorTitle[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    const [title = '', salesText, rankText] = raw.split('\t');
    if (!title.trim()) {
      io.err(`第 ${line} 行：标题为空，已跳过 / line ${line}: empty title; skipped.`);
      return;
    }
    const competitor: CompetitorTitle = { title: title.trim() };
    if (salesText !== undefined && salesText.trim()) {
      const sales = parseSales(salesText);
      if (sales === null) io.err(`第 ${line} 行：销量“${salesText}”不是数字，按未知处理 / line ${line}: sales "${salesText}" is not a number; treated as unknown.`);
      else competitor.sales = sales;
    }
    if (rankText !== undefined && rankText.trim()) {
      const rank = Number(rankText.trim());
      if (!Number.isInteger(rank) || rank < 1) io.err(`第 ${line} 行：排名“${rankText}”无效，按未知处理 / line ${line}: rank "${rankText}" is not valid; treated as unknown.`);
      else competitor.rank = rank;
    }
    competitors.push(competitor);
  });
  return competitors;
}

export const suggestCommand: CliCommand = {
  name: 'suggest',
  summary: 'Suggest keywords and title rewrites from competitor titles (标题关键词建议)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
    if (positionals.length) throw new CliError(`多余的参数 / Unexpected arguments: ${positionals.join(' ')}\nUsage: ${USAGE}`);
    const platform = requirePlatform(values.platform, USAGE);
    const title = values.title;
    if (title === undefined) throw new CliError(`缺少 --title / Missing --title.\nUsage: ${USAGE}`);
    if (!title.trim()) throw new CliError('标题为空 / The title is empty.');
    if (!values.competitors) throw new CliError(`缺少 --competitors / Missing --competitors.\nUsage: ${USAGE}`);
    const top = values.top === undefined ? 30 : Number(values.top);
    if (!Number.isInteger(top) || top < 1) throw new CliError(`--top 必须是正整数 / --top must be a positive whole number (got "${values.top}").`);

    const text = await readTextFile(values.competitors, { zh: '竞品标题', en: 'competitor titles' });
    const competitors = parseCompetitorLines(text, io);
    if (competitors.length === 0) {
      throw new CliError(`${values.competitors} 里没有竞品标题 / ${values.competitors} holds no competitor titles.`);
    }
    const options: SuggestOptions = {
      platform,
      limit: optionalLimit(values.limit),
      counter: values.counter,
      brands: listOption(values.brands),
      ownBrands: listOption(values['own-brands']),
      userWords: listOption(values.words),
    };
    const report = suggestKeywords(title, competitors, nodeSegmenter(), options);
    const json = {
      platform: report.platform,
      title: report.title,
      competitors: report.competitorCount,
      weighted: report.weighted,
      suggestions: report.keywords.slice(0, top).map((k) => ({
        keyword: k.keyword,
        score: k.score,
        titles: k.titles,
        strong: k.strong,
        inYourTitle: k.inYourTitle,
        reason: k.reason,
      })),
      covered: report.covered.map((k) => k.keyword),
      missing: report.missing.map((k) => ({ keyword: k.keyword, score: k.score, usedBy: k.usedBy })),
      weak: report.weak,
      rewrites: report.rewrites,
    };
    io.out(JSON.stringify(json, null, 2));
    return 0;
  },
};
