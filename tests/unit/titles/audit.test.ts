import { describe, expect, it } from 'vitest';
import { auditTitle, type AuditOptions, type TitleFinding } from '../../../lib/titles/audit';
import { nodeSegmenter } from '../../../lib/titles/segment-node';

const base: AuditOptions = { platform: 'taobao' };

function audit(title: string, options: Partial<AuditOptions> = {}) {
  return auditTitle(title, { ...base, ...options });
}

/** Audit with tokens from the real segmenter, as the panel and CLI run it. */
function auditSegmented(title: string, options: Partial<AuditOptions> = {}) {
  const protect = [...(options.brands ?? []), ...(options.ownBrands ?? [])];
  return audit(title, { ...options, tokens: nodeSegmenter().cut(title, { protect }) });
}

const summary = (f: TitleFinding) => ({ rule: f.rule, severity: f.severity, word: f.word });
const wordFindings = (findings: TitleFinding[]) => findings.filter((f) => f.rule.startsWith('word.')).map(summary);

describe('risky words', () => {
  it.each([
    ['国家级品质连衣裙', [{ rule: 'word.absolute', severity: 'error', word: '国家级' }]],
    ['最佳礼物保温杯', [{ rule: 'word.absolute', severity: 'error', word: '最佳' }]],
    ['行业第一 保温杯', [{ rule: 'word.absolute', severity: 'error', word: '第一' }]],
    ['顶级羊绒围巾', [{ rule: 'word.absolute', severity: 'error', word: '顶级' }]],
    ['最高级面料衬衫', [{ rule: 'word.absolute', severity: 'error', word: '最高级' }]], // not also 最高
    ['最新款连衣裙', [{ rule: 'word.absolute', severity: 'info', word: '最新' }]],
    ['NO.1 保温杯', [{ rule: 'word.absolute', severity: 'error', word: 'NO.1' }]],
    ['no.1保温杯', [{ rule: 'word.absolute', severity: 'error', word: 'no.1' }]],
    ['ＮＯ．１保温杯', [{ rule: 'word.absolute', severity: 'error', word: 'ＮＯ．１' }]], // full-width evasion
    ['the BEST 连衣裙', [{ rule: 'word.absolute', severity: 'warning', word: 'BEST' }]],
    ['全网最低价充电线', [
      { rule: 'word.price', severity: 'error', word: '全网最低' },
      { rule: 'word.price', severity: 'error', word: '最低价' },
    ]],
    ['出厂价直销拖鞋', [{ rule: 'word.price', severity: 'warning', word: '出厂价' }]],
    ['根治脚气神器', [{ rule: 'word.medical', severity: 'error', word: '根治' }]],
    ['医用外科口罩', [{ rule: 'word.medical', severity: 'warning', word: '医用' }]],
    ['美白面膜补水', [{ rule: 'word.efficacy', severity: 'warning', word: '美白' }]],
    ['100%纯棉T恤', [{ rule: 'word.guarantee', severity: 'warning', word: '100%' }]],
    ['永久不褪色', [{ rule: 'word.guarantee', severity: 'warning', word: '永久' }]],
    ['仅此一次清仓', [{ rule: 'word.scarcity', severity: 'warning', word: '仅此一次' }]],
    ['驰名商标 白酒', [{ rule: 'word.authority', severity: 'error', word: '驰名商标' }]],
    ['特供茶叶', [{ rule: 'word.authority', severity: 'error', word: '特供' }]],
    ['冠军同款跑鞋', [
      { rule: 'word.ranking', severity: 'warning', word: '冠军' },
      { rule: 'word.infringement', severity: 'warning', word: '同款' },
    ]],
    ['高仿名牌包', [{ rule: 'word.infringement', severity: 'error', word: '高仿' }]],
    ['a货手表', [{ rule: 'word.infringement', severity: 'error', word: 'a货' }]],
    ['平替面霜', [{ rule: 'word.infringement', severity: 'info', word: '平替' }]],
  ] as const)('%s', (title, expected) => {
    expect(wordFindings(audit(title).findings)).toEqual(expected);
  });

  it.each([
    '第一次用的保温杯',
    '宝宝第一双鞋学步鞋',
    '宝宝第一口辅食米粉',
    '第一代蓝牙耳机',
    '第一件半价 袜子',
    '唯一性编码 证书',
    '最佳赏味期内发货 坚果',
    '万能胶 强力胶水',
    '行李箱万能轮',
    '特级初榨橄榄油',
    '男女同款卫衣',
    '最近很火的连衣裙',
    '最后一件 清仓',
    'TOP10 推荐收纳盒', // TOP1 only at a word edge
    'Bestway 充气泳池', // best only as a word
    'NO.12 色号口红',
  ])('%s has no risky word', (title) => {
    expect(wordFindings(audit(title).findings)).toEqual([]);
  });

  it('masks only the allow-listed occurrence, not another one in the same title', () => {
    const findings = audit('第一次买 第一名 保温杯').findings.filter((f) => f.rule === 'word.absolute');
    expect(findings.map((f) => [f.word, f.start])).toEqual([['第一', 5]]);
  });

  it('says why and which rule, in both languages', () => {
    const [finding] = audit('顶级面料').findings.filter((f) => f.rule === 'word.absolute');
    expect(finding?.message.zh).toContain('顶级');
    expect(finding?.message.en).toContain('顶级');
    expect(finding?.basis).toEqual({ zh: '《广告法》第九条第三项', en: 'Advertising Law art. 9(3)' });
  });

  it('flags the operator’s own words, with their severity, but never inside an allow-listed word', () => {
    expect(wordFindings(audit('爆款连衣裙', { userWords: ['爆款'] }).findings)).toEqual([{ rule: 'word.user', severity: 'error', word: '爆款' }]);
    expect(wordFindings(audit('爆款连衣裙', { userWords: [{ phrase: '爆款', severity: 'warning' }] }).findings)).toEqual([
      { rule: 'word.user', severity: 'warning', word: '爆款' },
    ]);
    expect(wordFindings(audit('第一次用', { userWords: ['第一'] }).findings)).toEqual([]);
    // The same phrase in the pack and the user list is reported once, with the pack's reason.
    expect(wordFindings(audit('顶级面料', { userWords: ['顶级'] }).findings)).toEqual([{ rule: 'word.absolute', severity: 'error', word: '顶级' }]);
  });

  it('flags other brands as infringement, but a compatibility mention only as info', () => {
    expect(wordFindings(audit('耐克运动鞋男', { brands: ['耐克'] }).findings)).toEqual([{ rule: 'word.brand', severity: 'error', word: '耐克' }]);
    expect(wordFindings(audit('手机壳适用华为Mate60', { brands: ['华为'] }).findings)).toEqual([{ rule: 'word.brand', severity: 'info', word: '华为' }]);
    expect(wordFindings(audit('数据线 for iPhone', { brands: ['iPhone'] }).findings)).toEqual([{ rule: 'word.brand', severity: 'info', word: 'iPhone' }]);
    expect(wordFindings(audit('南极人保暖内衣', { ownBrands: ['南极人'] }).findings)).toEqual([]);
  });
});

describe('structure', () => {
  const rulesOf = (findings: TitleFinding[], prefix: string) => findings.filter((f) => f.rule.startsWith(prefix)).map(summary);

  it.each([
    // With and without segmenter tokens the same words are found.
    ['连衣裙 夏季 连衣裙', [{ rule: 'structure.repeated', severity: 'info', word: '连衣裙' }]],
    ['连衣裙夏季连衣裙女连衣裙', [{ rule: 'structure.stuffing', severity: 'warning', word: '连衣裙' }]],
    ['连衣裙 半身裙 长裙 夏季', [{ rule: 'structure.root', severity: 'info', word: '裙' }]],
    ['保温杯 水杯 吸管杯 儿童', [{ rule: 'structure.root', severity: 'info', word: '杯' }]],
    ['连衣裙 半身裙 夏季', []],
    ['韩版连衣裙女夏季', []],
  ] as const)('%s', (title, expected) => {
    expect(rulesOf(audit(title).findings, 'structure.r').concat(rulesOf(audit(title).findings, 'structure.stuffing'))).toEqual(expected);
    expect(rulesOf(auditSegmented(title).findings, 'structure.r').concat(rulesOf(auditSegmented(title).findings, 'structure.stuffing'))).toEqual(expected);
  });

  it.each([
    ['连衣裙😀', [{ rule: 'structure.symbol', severity: 'error', word: '😀' }]],
    ['连衣裙👍🏻女', [{ rule: 'structure.symbol', severity: 'error', word: '👍🏻' }]], // one finding for emoji + skin tone
    ['❤️连衣裙', [{ rule: 'structure.symbol', severity: 'error', word: '❤️' }]], // a pictograph with its selector
    ['❤连衣裙', [{ rule: 'structure.symbol', severity: 'error', word: '❤' }]], // not in GBK either way
    ['→连衣裙①', [
      { rule: 'structure.symbol', severity: 'warning', word: '→' },
      { rule: 'structure.symbol', severity: 'warning', word: '①' },
    ]],
    ['▶️连衣裙', [{ rule: 'structure.symbol', severity: 'error', word: '▶️' }]], // variation selector makes it an emoji
    ['耐高温200℃ 2×3', []],
    ['★爆款★', [
      { rule: 'structure.symbol', severity: 'warning', word: '★' },
      { rule: 'structure.symbol', severity: 'warning', word: '★' },
    ]],
    ['连衣\u200b裙', [{ rule: 'structure.symbol', severity: 'warning', word: '\u200b' }]],
    ['连衣裙\ue000', [{ rule: 'structure.symbol', severity: 'warning', word: '\ue000' }]],
    ['品牌®连衣裙', [{ rule: 'structure.symbol', severity: 'warning', word: '®' }]],
    ['<b>连衣裙</b>', [
      { rule: 'structure.symbol', severity: 'warning', word: '<' },
      { rule: 'structure.symbol', severity: 'warning', word: '>' },
      { rule: 'structure.symbol', severity: 'warning', word: '<' },
      { rule: 'structure.symbol', severity: 'warning', word: '>' },
    ]],
    ['【包邮】连衣裙!!', [
      { rule: 'structure.symbol', severity: 'info', word: '【' },
      { rule: 'structure.symbol', severity: 'info', word: '】' },
      { rule: 'structure.symbol', severity: 'info', word: '!!' },
    ]],
    ['连衣裙\u3000女', [{ rule: 'structure.symbol', severity: 'info', word: '\u3000' }]],
    ['连衣裙 女 2024/夏季 T恤-纯棉 (白)', []],
  ] as const)('symbols in %j', (title, expected) => {
    const findings = audit(title).findings.filter((f) => f.rule === 'structure.symbol');
    expect([...findings].sort((a, b) => a.start! - b.start!).map(summary)).toEqual(expected);
  });

  it.each([
    [' 连衣裙', [{ severity: 'warning', word: ' ' }]],
    ['连衣裙  ', [{ severity: 'warning', word: '  ' }]],
    ['连衣裙  夏季 女', [{ severity: 'info', word: '  ' }]],
    ['连衣裙 夏季 女', []],
  ] as const)('spaces in %j', (title, expected) => {
    const findings = audit(title).findings.filter((f) => f.rule === 'structure.space');
    expect(findings.map((f) => ({ severity: f.severity, word: f.word }))).toEqual(expected);
  });

  it.each([
    ['NEW HOT 连衣裙', ['NEW', 'HOT']],
    ['USB LED 台灯 TWS', []],
    ['ZARA 同风格', []], // a well-known brand in capitals
    ['ACME 保温杯', ['ACME']],
    ['iPhone15 RTX4060 数据线', []], // mixed case and model numbers are not noise
    ['TOP1 保温杯', []], // already a risky word
  ])('all-caps noise in %s', (title, words) => {
    expect(audit(title).findings.filter((f) => f.rule === 'structure.caps').map((f) => f.word)).toEqual(words);
    expect(audit(title, { ownBrands: ['ACME'] }).findings.some((f) => f.word === 'ACME' && f.rule === 'structure.caps')).toBe(false);
  });
});

describe('length and the whole audit', () => {
  it('reports over length as an error at the cut point', () => {
    const title = '裙'.repeat(28) + '连衣裙';
    const result = audit(title);
    const over = result.findings.find((f) => f.rule === 'length.over');
    expect(result).toMatchObject({ length: 62, limit: 60, overLimit: true, roomLeft: -2, cutAt: 30 });
    expect(over).toMatchObject({ severity: 'error', start: 30, end: 31, word: '裙' });
    expect(result.passes).toBe(false);
  });

  it('suggests using the room when much is left, and nothing at the limit', () => {
    expect(audit('连衣裙女').findings.map((f) => f.rule)).toContain('length.unused');
    const full = audit('韩'.repeat(30));
    expect(full.findings.filter((f) => f.rule.startsWith('length.'))).toEqual([]);
  });

  it('reports an empty title and nothing else', () => {
    for (const title of ['', '   ']) {
      const result = audit(title);
      expect(result.findings.map((f) => f.rule)).toEqual(['title.empty']);
      expect(result.passes).toBe(false);
    }
  });

  it('sorts errors first, then by position, and counts by severity', () => {
    const result = audit(' 最新款 顶级连衣裙😀 第一');
    const order = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < result.findings.length; i++) {
      const a = result.findings[i - 1]!;
      const b = result.findings[i]!;
      expect(order[a.severity] < order[b.severity] || (a.severity === b.severity && (a.start ?? -1) <= (b.start ?? -1))).toBe(true);
    }
    expect(result.counts.error).toBe(result.findings.filter((f) => f.severity === 'error').length);
    expect(result.counts.error).toBe(3); // 顶级, 😀, 第一
    expect(result.passes).toBe(false);
  });

  it('points every finding at its own text', () => {
    const titles = ['全网最低价 顶级 NO.1 美白 100%纯棉 ★ 😀 NEW', '连衣裙 连衣裙  高仿 耐克 最新款 ', '𠀋𠀋 最好 第一次 第一名 ™'];
    for (const title of titles) {
      for (const finding of auditSegmented(title, { brands: ['耐克'] }).findings) {
        if (finding.start === undefined || finding.rule === 'structure.root') continue;
        expect(title.slice(finding.start, finding.end)).toBe(finding.word);
      }
    }
  });

  it('gives tokens with roles when segmenter pieces are passed, and none without', () => {
    const title = '华为手机壳 新款 顶级 500ml 连衣裙';
    expect(audit(title).tokens).toEqual([]);
    const tokens = auditSegmented(title, { ownBrands: ['华为'] }).tokens.map((t) => [t.text, t.role]);
    expect(tokens).toEqual([
      ['华为', 'brand'],
      ['手机壳', 'product'],
      ['新款', 'marketing'],
      ['顶级', 'marketing'],
      ['500ml', 'attribute'],
      ['连衣裙', 'product'],
    ]);
  });

  it('uses the platform limit and the editor counter', () => {
    const title = '裙'.repeat(26);
    expect(audit(title, { platform: 'jd' }).overLimit).toBe(true);
    expect(audit(title, { platform: 'taobao' }).overLimit).toBe(false);
    expect(audit(title, { platform: 'taobao', counter: '52/50' })).toMatchObject({ limit: 50, overLimit: true, limitSource: 'editor' });
    // A counter showing characters (26 for 26 characters) measures in characters.
    expect(audit(title, { platform: 'taobao', counter: '26/50' })).toMatchObject({ limit: 50, length: 26, measure: 'chars', overLimit: false });
  });
});

describe('content-script safety', () => {
  // The listing-editor content script runs the audit: its import graph must stay free of
  // jieba, zod, React and chart.js (type-only imports are erased and allowed).
  it('auditTitle imports no heavy or forbidden module', async () => {
    const { readFileSync } = await import('node:fs');
    const { dirname, join, resolve } = await import('node:path');
    const root = join(__dirname, '../../../lib/titles');
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)) {
        if (match[1]) continue;
        const target = match[2]!;
        if (target.startsWith('.')) visit(resolve(dirname(file), `${target}.ts`));
        else external.add(target);
      }
    };
    visit(join(root, 'audit.ts'));
    expect([...external]).toEqual([]);
    const files = [...seen].map((file) => file.slice(root.length + 1));
    expect(files).toContain('words.ts');
    expect(files.filter((file) => file.startsWith('segment'))).toEqual([]);
  });
});
