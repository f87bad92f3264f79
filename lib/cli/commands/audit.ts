/**
 * `npm run shoplens -- audit --platform <p> [--json] "<title>"`: audits one title.
 * `npm run shoplens -- audit --platform <p> --file titles.csv [--out audited.csv]`: audits every
 * row of a CSV and writes it back with the audit columns added (UTF-8 with BOM for Excel).
 *
 * The CSV's first row is its header; the title column is the one headed 标题 / title (or
 * 商品标题, 宝贝标题, 商品名称), else the first column. Broken rows are reported with their line
 * and skipped; the others are still audited. Exit codes: 0 all rows audited, 1 bad input
 * (for a file: some rows were skipped or had no title; the rest is still written).
 */
import { writeFile } from 'node:fs/promises';
import { parseCsv, toCsv, type CsvValue } from '../../export/csv';
import { auditTitle, type AuditOptions, type TitleAudit } from '../../titles/audit';
import { nodeSegmenter } from '../../titles/segment-node';
import type { Severity } from '../../titles/types';
import type { CliCommand, CliIo } from '../command';
import { CliError } from '../command';
import { listOption, optionalLimit, parseCommandArgs, readTextFile, requirePlatform, TITLE_OPTIONS } from './title-options';

const USAGE =
  'npm run shoplens -- audit --platform <taobao|pinduoduo|douyin|jd> [--json] [--limit N] [--counter 0/60]\n' +
  '         [--brands 品牌A,品牌B] [--own-brands 我的品牌] [--words 禁用词1,禁用词2] "<title>"\n' +
  '       npm run shoplens -- audit --platform <p> --file titles.csv [--out audited.csv]\n' +
  '  --brands: other brands (flagged as infringement risk); --own-brands: yours (never flagged);\n' +
  '  --words: your own forbidden words. The CSV title column is headed 标题 or title, else the first column.';

const OPTIONS = {
  ...TITLE_OPTIONS,
  json: { type: 'boolean' },
  file: { type: 'string' },
  out: { type: 'string' },
} as const;

/** Header names of the title column, compared trimmed and case-insensitively. */
export const TITLE_HEADERS = ['标题', 'title', '商品标题', '宝贝标题', '商品名称', 'product title'];

const SEVERITY_LABEL: Record<Severity, { zh: string; en: string; mark: string }> = {
  error: { zh: '禁用', en: 'error', mark: '✗' },
  warning: { zh: '注意', en: 'warning', mark: '!' },
  info: { zh: '提示', en: 'info', mark: 'i' },
};

/** The JSON shape of one audit on the command line. */
export function auditJson(audit: TitleAudit) {
  return {
    platform: audit.platform,
    title: audit.title,
    length: audit.length,
    limit: audit.limit,
    overLimit: audit.overLimit,
    roomLeft: audit.roomLeft,
    cutAt: audit.cutAt,
    findings: audit.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      ...(f.word !== undefined ? { word: f.word } : {}),
      ...(f.start !== undefined ? { start: f.start, end: f.end } : {}),
      message: f.message,
      basis: f.basis,
    })),
    tokens: audit.tokens.map((t) => ({ text: t.text, role: t.role })),
  };
}

export function auditText(audit: TitleAudit): string {
  const lines = [
    `标题 Title: ${audit.title}`,
    `平台 Platform: ${audit.platform}   长度 Length: ${audit.length}/${audit.limit}` +
      (audit.overLimit ? `   超出 over by ${-audit.roomLeft}` : `   剩余 left ${audit.roomLeft}`),
  ];
  if (audit.cutAt !== null) {
    lines.push(`截断处 Cut at: ${audit.title.slice(0, audit.cutAt)} ‖ ${audit.title.slice(audit.cutAt)}`);
  }
  if (audit.findings.length === 0) {
    lines.push('没有发现问题 / No findings.');
  } else {
    lines.push(`问题 Findings (${audit.counts.error} error, ${audit.counts.warning} warning, ${audit.counts.info} info):`);
    for (const f of audit.findings) {
      const label = SEVERITY_LABEL[f.severity];
      lines.push(`  ${label.mark} ${label.zh}/${label.en}  ${f.message.zh}`);
      lines.push(`      ${f.message.en}`);
      lines.push(`      依据 Basis: ${f.basis.zh} / ${f.basis.en}`);
    }
  }
  if (audit.tokens.length) {
    lines.push(`分词 Tokens: ${audit.tokens.map((t) => `${t.text}[${t.role}]`).join(' ')}`);
  }
  return lines.join('\n');
}

const AUDIT_COLUMNS = [
  '长度 length',
  '上限 limit',
  '超长 over_limit',
  '禁用 errors',
  '注意 warnings',
  '提示 infos',
  '问题 findings (中文)',
  'findings (English)',
  '分词 tokens',
];

function auditCells(audit: TitleAudit): CsvValue[] {
  const findings = (lang: 'zh' | 'en') =>
    audit.findings.map((f) => `[${SEVERITY_LABEL[f.severity][lang]}] ${f.message[lang]}`).join('\n');
  return [
    audit.length,
    audit.limit,
    audit.overLimit,
    audit.counts.error,
    audit.counts.warning,
    audit.counts.info,
    findings('zh'),
    findings('en'),
    audit.tokens.map((t) => `${t.text}/${t.role}`).join(' '),
  ];
}

function titleColumn(header: readonly string[]): number {
  const index = header.findIndex((cell) => TITLE_HEADERS.includes(cell.replace(/^\ufeff/, '').trim().toLowerCase()));
  return index < 0 ? 0 : index;
}

async function auditFile(path: string, options: AuditOptions, out: string | undefined, io: CliIo): Promise<number> {
  const text = await readTextFile(path, { zh: '标题', en: 'titles' });
  const { rows, errors } = parseCsv(text);
  let problems = 0;
  for (const error of errors) {
    problems++;
    io.err(`第 ${error.line} 行：${error.message.zh}，已跳过 / line ${error.line}: ${error.message.en}; skipped.`);
  }
  const [header, ...body] = rows;
  if (!header) throw new CliError(`${path} 里没有可读的行 / ${path} has no readable rows.`);
  const column = titleColumn(header.fields);
  const segmenter = nodeSegmenter();
  const protect = [...(options.brands ?? []), ...(options.ownBrands ?? [])];
  const table: CsvValue[][] = [[...header.fields, ...AUDIT_COLUMNS]];
  for (const row of body) {
    if (row.fields.length !== header.fields.length) {
      io.err(
        `第 ${row.line} 行有 ${row.fields.length} 列，表头有 ${header.fields.length} 列 / line ${row.line} has ${row.fields.length} fields, the header ${header.fields.length}.`,
      );
    }
    const fields = [...row.fields];
    while (fields.length < header.fields.length) fields.push('');
    const title = fields[column] ?? '';
    if (!title.trim()) {
      problems++;
      io.err(`第 ${row.line} 行：标题为空 / line ${row.line}: the title is empty.`);
    }
    const audit = auditTitle(title, { ...options, tokens: segmenter.cut(title, { protect }) });
    table.push([...fields, ...auditCells(audit)]);
  }
  if (body.length === 0) {
    problems++;
    io.err(`${path} 只有表头，没有标题 / ${path} has a header but no titles.`);
  }
  const csv = toCsv(table);
  if (out) {
    await writeFile(out, csv, 'utf8');
    io.err(`已写入 ${body.length} 行 / Wrote ${body.length} rows to ${out}`);
  } else {
    io.out(csv);
  }
  return problems ? 1 : 0;
}

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'Audit listing titles: length, forbidden and risky words, structure (审核标题)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
    const platform = requirePlatform(values.platform, USAGE);
    const options: AuditOptions = {
      platform,
      limit: optionalLimit(values.limit),
      counter: values.counter,
      brands: listOption(values.brands),
      ownBrands: listOption(values['own-brands']),
      userWords: listOption(values.words),
    };
    if (values.file !== undefined) {
      if (positionals.length) throw new CliError(`--file 和标题只能给一个 / Give either --file or a title, not both.\nUsage: ${USAGE}`);
      return auditFile(values.file, options, values.out, io);
    }
    if (positionals.length === 0) throw new CliError(`缺少标题 / No title given.\nUsage: ${USAGE}`);
    if (positionals.length > 1) {
      throw new CliError(`一次一个标题：请给标题加引号 / One title at a time: put the title in quotes (got ${positionals.length} parts).`);
    }
    const title = positionals[0]!;
    if (!title.trim()) throw new CliError('标题为空 / The title is empty.');
    const protect = [...(options.brands ?? []), ...(options.ownBrands ?? [])];
    const audit = auditTitle(title, { ...options, tokens: nodeSegmenter().cut(title, { protect }) });
    io.out(values.json ? JSON.stringify(auditJson(audit), null, 2) : auditText(audit));
    return 0;
  },
};
