import { describe, expect, it } from 'vitest';
import {
  parseDuration,
  fenToYuan,
  isNoData,
  normaliseDigits,
  parseChange,
  parseFigure,
  parsePrice,
  parseSalesPhrase,
  unitMismatch,
  valueForUnit,
  type Figure,
  type FigureUnit,
} from '../../../lib/capture/numbers';

describe('normaliseDigits', () => {
  it.each([
    ['１２，３４５．６７', '12,345.67'],
    ['５．６３％', '5.63%'],
    ['＋１２％', '+12%'],
    ['－５', '-5'],
    ['￥２９．９', '¥29.9'],
    ['１万＋', '1万+'],
    ['ＵＶ价值', 'UV价值'],
    ['\u2212 5', '- 5'],
    ['访客数\u300012', '访客数 12'],
    ['already 1,234', 'already 1,234'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDigits(input)).toBe(expected);
  });
});

describe('parseFigure', () => {
  // [text, value, extra fields expected to be present]
  const cases: Array<[string, number, Partial<Figure>]> = [
    ['10,095.00', 10095, { bound: 'exact', percent: false, currency: false }],
    ['2,133', 2133, {}],
    ['1,234,567.89', 1234567.89, {}],
    ['１２，３４５', 12345, {}],
    ['0', 0, {}],
    ['1.2万', 12000, { multiplied: true }],
    ['136.4万', 1364000, {}],
    ['1.5亿', 150000000, {}],
    ['0.07万', 700, {}],
    ['3.3万', 33000, {}],
    ['10w', 100000, {}],
    ['2.5W', 25000, {}],
    ['3k', 3000, {}],
    ['1.2K', 1200, {}],
    ['5千', 5000, {}],
    ['1千万', 10000000, {}],
    ['10万+', 100000, { bound: 'atLeast' }],
    ['999+', 999, { bound: 'atLeast' }],
    ['1万+件', 10000, { bound: 'atLeast', suffix: '件' }],
    ['¥19.9', 19.9, { currency: true }],
    ['￥29.9起', 29.9, { currency: true, from: true, bound: 'exact' }],
    ['¥ 4.92', 4.92, { currency: true }],
    ['1,187.25元', 1187.25, { currency: true }],
    ['5.63%', 0.0563, { percent: true }],
    ['0.23%', 0.0023, { percent: true }],
    ['66.70%', 0.667, { percent: true }],
    ['100%', 1, { percent: true }],
    ['0.20%', 0.002, { percent: true }],
    ['-5.2%', -0.052, { percent: true }],
    ['+12.3%', 0.123, { percent: true }],
    ['-0.1294', -0.1294, { percent: false }],
    ['-¥5.00', -5, { currency: true }],
    ['77人', 77, { suffix: '人' }],
    ['750万 ~ 1000万', 7500000, { max: 10000000 }],
    ['7500 ~ 1万', 7500, { max: 10000 }],
    ['500万 ~ 750万', 5000000, { max: 7500000 }],
    ['1% ~ 2.5%', 0.01, { max: 0.025, percent: true }],
    ['0% ~ 1%', 0, { max: 0.01, percent: true }],
    ['19.9-29.9', 19.9, { max: 29.9 }],
    ['¥100万-¥250万', 1000000, { max: 2500000, currency: true }],
    ['19.9 至 29.9', 19.9, { max: 29.9 }],
    ['-5% ~ -2%', -0.05, { max: -0.02 }],
  ];
  it.each(cases)('%s → %d', (text, value, extra) => {
    const figure = parseFigure(text);
    expect(figure).not.toBeNull();
    expect(figure!.value).toBe(value);
    expect(figure).toMatchObject(extra);
    if (!('max' in extra)) expect(figure!.max).toBeUndefined();
  });

  it('applies multipliers without float noise', () => {
    // Plain float multiplication is noisy (0.07 * 10000 = 700.0000000000001); the parser is not.
    expect(0.07 * 10000).not.toBe(700);
    expect(1.1 * 100).not.toBe(110);
    for (const [text, value] of [
      ['136.4万', 1364000],
      ['12.8万', 128000],
      ['11.3万', 113000],
      ['5.3万', 53000],
      ['0.29万', 2900],
      ['1.1亿', 110000000],
      ['33.15万', 331500],
      ['19.22万', 192200],
      ['4.35%', 0.0435],
      ['0.57%', 0.0057],
      ['1.1%', 0.011],
    ] as const) {
      expect(parseFigure(text)?.value).toBe(value);
    }
  });

  it.each([
    '',
    ' ',
    '-',
    '--',
    '—',
    '——',
    'N/A',
    '暂无数据',
    'abc',
    '访客数',
    '1,2',
    '12,34',
    '1.2.3',
    '2017-06-22',
    '10-20万',
    '1%~2',
    '20 ~ 10',
    '¥5%',
    '1个人',
    '12月',
    '3 5',
    '支付金额 2500+',
    '¥',
    '%',
    '+',
  ])('%j is unknown (null)', (text) => {
    expect(parseFigure(text)).toBeNull();
  });

  it('keeps zero distinct from unknown', () => {
    expect(parseFigure('0')).toMatchObject({ value: 0 });
    expect(parseFigure('0.00%')).toMatchObject({ value: 0, percent: true });
    expect(parseFigure('-')).toBeNull();
  });
});

describe('isNoData', () => {
  it.each(['-', '--', '—', '', '  ', 'N/A', '暂无数据', '－'])('%j is a no-data mark', (text) => {
    expect(isNoData(text)).toBe(true);
  });
  it.each(['0', '-5', '1,234', '访客数'])('%j is not', (text) => {
    expect(isNoData(text)).toBe(false);
  });
});

describe('parsePrice', () => {
  it.each([
    ['¥19.9', { min: 19.9, from: false }],
    ['￥29.9起', { min: 29.9, from: true }],
    ['19.9-29.9', { min: 19.9, max: 29.9, from: false }],
    ['¥19.9 - ¥29.9', { min: 19.9, max: 29.9, from: false }],
    ['券后 ¥4.92', { min: 4.92, from: false }],
    ['券后¥4.92', { min: 4.92, from: false }],
    ['¥4.92', { min: 4.92, from: false }],
    ['价格：¥175.50', { min: 175.5, from: false }],
    ['到手价 143.5起', { min: 143.5, from: true }],
    ['¥0.99', { min: 0.99, from: false }],
    ['¥1,299', { min: 1299, from: false }],
    ['５９９元', { min: 599, from: false }],
  ])('%s', (text, expected) => {
    expect(parsePrice(text)).toEqual(expected);
  });

  it.each(['', '¥', '-', '--', '10%', '10万+', '¥-5', '已售 1万+', '¥4.92 已售1万+', '3期免息 ¥66.3', '199件', '满199减20'])(
    '%j is not a price',
    (text) => {
      expect(parsePrice(text)).toBeNull();
    },
  );
});

describe('parseSalesPhrase', () => {
  it.each([
    ['7261人付款', 7261, 'exact', '7261人付款', 'sales'],
    ['已售 1万+', 10000, 'atLeast', '已售 1万+', 'sales'],
    ['月销 3000+', 3000, 'atLeast', '月销 3000+', 'sales'],
    ['已拼10万+件', 100000, 'atLeast', '已拼10万+件', 'sales'],
    ['本店已拼12.8万+件', 128000, 'atLeast', '本店已拼12.8万+件', 'sales'],
    ['疯抢136.4万支', 1364000, 'exact', '疯抢136.4万支', 'sales'],
    ['已抢11.3万+件', 113000, 'atLeast', '已抢11.3万+件', 'sales'],
    ['总售5.3万+件', 53000, 'atLeast', '总售5.3万+件', 'sales'],
    ['商品评价(14,870)', 14870, 'exact', '商品评价(14,870)', 'reviews'],
    // The phrase comes back normalised (full-width brackets and digits to half-width).
    ['商品评价（200万+）', 2000000, 'atLeast', '商品评价(200万+)', 'reviews'],
    ['券后 ¥4.92 疯抢136.4万支 1万+回头客', 1364000, 'exact', '疯抢136.4万支', 'sales'],
    ['１０万＋人付款', 100000, 'atLeast', '10万+人付款', 'sales'],
  ] as const)('%s', (text, value, bound, phrase, kind) => {
    expect(parseSalesPhrase(text)).toEqual({ value, bound, phrase, kind });
  });

  it.each([
    // Repeat customers are not sales: deliberately not read.
    '1万+回头客',
    '本月回头客飙升250%',
    '已售 1万+回头客',
    '已包邮',
    '',
    '月销 1.25件',
    '销量高',
    // A count with an unreadable glyph in it is unreadable, never its first digits.
    '月销 300?+',
    '已拼1?万+件',
    '已拼1万x件',
    '月销 300+?',
    '3x00人付款',
    '已售 1口00件',
    '1?00条评价',
    '累计评价 12x',
  ])('%j is not a sales phrase', (text) => {
    expect(parseSalesPhrase(text)).toBeNull();
  });
});

describe('parseChange', () => {
  it.each([
    ['+12.3%', 0.123, true],
    ['-5.2%', -0.052, true],
    ['↑12.3%', 0.123, true],
    ['↓5.2%', -0.052, true],
    ['12.3%↑', 0.123, true],
    ['5.2% ↓', -0.052, true],
    ['▲ 3%', 0.03, true],
    ['下降 5%', -0.05, true],
    ['较前一日 +12.3%', 0.123, true],
    ['较上周期↓3.1%', -0.031, true],
    ['环比 -56.57%', -0.5657, true],
    ['持平', 0, true],
    ['0.00%', 0, true],
    // Bare: the direction is only a colour; the magnitude is returned with signKnown false.
    ['71.99%', 0.7199, false],
    ['较昨日 25.00%', 0.25, false],
  ] as const)('%s', (text, ratio, signKnown) => {
    expect(parseChange(text)).toEqual({ ratio, signKnown });
  });

  it.each(['12', '-', '--', '', '↑', '↑-5%', '¥5', '10万', '1%~2%', '上升'])('%j is not a change', (text) => {
    expect(parseChange(text)).toBeNull();
  });
});

describe('fenToYuan', () => {
  it.each([
    [2990, 29.9],
    ['2990', 29.9],
    [79900, 799],
    ['79900', 799],
    [1, 0.01],
    [0, 0],
    [3490, 34.9],
    [17550, 175.5],
  ] as const)('%s fen → %d yuan', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
  });
  it.each([29.9, -100, Number.NaN, '29.9', '', 'abc', '-100', Number.MAX_SAFE_INTEGER + 2])('%j is refused', (fen) => {
    expect(fenToYuan(fen)).toBeNull();
  });
});

describe('valueForUnit', () => {
  const fig = (text: string) => {
    const figure = parseFigure(text);
    if (!figure) throw new Error(`test text ${text} must parse`);
    return figure;
  };
  it.each([
    ['12,345.67', 'yuan', { value: 12345.67, bound: 'exact' }],
    ['¥29.96', 'yuan', { value: 29.96, bound: 'exact' }],
    ['33.15万', 'yuan', { value: 331500, bound: 'exact' }],
    ['3,294', 'count', { value: 3294, bound: 'exact' }],
    ['1.2万', 'count', { value: 12000, bound: 'exact' }],
    ['10万+', 'count', { value: 100000, bound: 'atLeast' }],
    ['77人', 'count', { value: 77, bound: 'exact' }],
    ['750万 ~ 1000万', 'count', { value: 7500000, max: 10000000, bound: 'exact' }],
    ['2.35%', 'ratio', { value: 0.0235, bound: 'exact' }],
    ['1% ~ 2.5%', 'ratio', { value: 0.01, max: 0.025, bound: 'exact' }],
    ['3.84', 'multiple', { value: 3.84, bound: 'exact' }],
    ['4.8', 'score', { value: 4.8, bound: 'exact' }],
    ['111,712', 'index', { value: 111712, bound: 'exact' }],
    ['35', 'seconds', { value: 35, bound: 'exact' }],
    ['35秒', 'seconds', { value: 35, bound: 'exact' }],
  ] as const)('%s as %s', (text, unit, expected) => {
    expect(valueForUnit(fig(text), unit)).toEqual(expected);
    expect(unitMismatch(fig(text), unit)).toBeNull();
  });

  it.each([
    ['12.3%', 'yuan'],
    ['77人', 'yuan'],
    ['12.3%', 'count'],
    ['¥12', 'count'],
    ['3.5', 'count'],
    ['-3', 'count'],
    ['12元', 'count'],
    ['0.0235', 'ratio'],
    ['¥12', 'ratio'],
    ['1万', 'ratio'],
    ['5%', 'multiple'],
    ['1万', 'score'],
    ['4.8+', 'score'],
    ['¥111,712', 'index'],
    ['12%', 'index'],
    ['5%', 'seconds'],
    ['5件', 'seconds'],
    ['¥29.9起', 'yuan'],
  ] as const)('%s does not fit %s', (text, unit) => {
    expect(valueForUnit(fig(text), unit as FigureUnit)).toBeNull();
    expect(unitMismatch(fig(text), unit as FigureUnit)).toEqual(expect.any(String));
  });

  it('takes a bare decimal as a ratio only when told the source writes ratios as decimals', () => {
    expect(valueForUnit(fig('0.1002'), 'ratio')).toBeNull();
    expect(valueForUnit(fig('0.1002'), 'ratio', { decimalRatio: true })).toEqual({ value: 0.1002, bound: 'exact' });
  });
});

describe('parseDuration', () => {
  it.each([
    ['1分4秒', 64],
    ['64秒', 64],
    ['1.07分钟', 64.2],
    ['3分钟', 180],
    ['2小时3分', 7380],
    ['1时2分3秒', 3723],
    ['00:01:04', 64],
    ['01:04', 64],
    ['１分４秒', 64],
    ['0秒', 0],
  ] as const)('%s → %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  // A lone 分 is also points (4.8分): never read as minutes.
  it.each(['4.8分', '92分', '', '-', '秒', '1秒2分', '01:60', '1:75:00', '12', '1分4', 'abc'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});
