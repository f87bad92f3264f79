import { afterEach, describe, expect, it, vi } from 'vitest';
import { LABELLED_TITLES } from '../../../lib/titles/labelled-titles';
import { matchForm } from '../../../lib/titles/match';
import { roleOf, tagTokens } from '../../../lib/titles/roles';
import { createSegmenter, dictionaryWords, MIN_WORD_FREQUENCY, protectedSpans, tokenizeTitle, type JiebaApi } from '../../../lib/titles/segment';
import { nodeSegmenter } from '../../../lib/titles/segment-node';

const segmenter = nodeSegmenter();
const words = (text: string, protect?: string[]) => segmenter.cut(text, { protect }).map((piece) => piece.text);

describe('segmentation of labelled titles', () => {
  it.each(LABELLED_TITLES.map((t) => [t.category, t.title, t.words] as const))('%s: %s', (_category, title, expected) => {
    const tokens = new Set(words(title).map(matchForm));
    const split = expected.filter((word) => !tokens.has(matchForm(word)));
    expect(split, `split: ${words(title).join('/')}`).toEqual([]);
  });
});

describe('pieces', () => {
  const samples = [...LABELLED_TITLES.map((t) => t.title), '𠀋𠀋连衣裙😀女 iPhone15', '  双  空格 ', '', '👨‍👩‍👧 family 套装'];

  it('cover the text exactly, in order, with UTF-16 offsets', () => {
    for (const text of samples) {
      const pieces = segmenter.cut(text);
      expect(pieces.map((p) => p.text).join('')).toBe(text);
      let at = 0;
      for (const piece of pieces) {
        expect(piece.start).toBe(at);
        expect(text.slice(piece.start, piece.end)).toBe(piece.text);
        at = piece.end;
      }
      expect(at).toBe(text.length);
    }
  });

  it.each([
    ['苹果数据线500ml保温杯1.5米', ['500ml', '1.5米']],
    ['儿童积木3-6岁 100%纯棉', ['3-6岁', '100%']],
    ['iPhone15 充电线 Type-C', ['iPhone15', 'Type-C']],
    ['TYPE-C快充线 t恤', ['TYPE-C', 't恤']],
    ['20000mAh充电宝', ['20000mAh']],
  ])('keeps specs and Latin dictionary words whole in %s', (text, expected) => {
    for (const word of expected) expect(words(text)).toContain(word);
  });

  it('keeps the caller’s brands and well-known brands whole', () => {
    expect(words('蕉下防晒衣女', ['蕉下'])).toEqual(['蕉下', '防晒衣', '女']);
    expect(words('南极人保暖内衣')).toContain('南极人');
    expect(words('适用华为Mate60手机壳')).toContain('华为');
  });

  it('protected spans do not overlap and the longest wins', () => {
    const spans = protectedSpans('优衣库UNIQLO 500ml 1.5米长', ['优衣库UNIQLO']);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    expect(spans[0]).toEqual({ start: 0, end: 9 });
  });
});

describe('roles', () => {
  it.each([
    ['连衣裙', 'product'],
    ['保温杯', 'product'],
    ['韩版', 'attribute'],
    ['纯棉', 'attribute'],
    ['夏季', 'attribute'],
    ['女', 'attribute'],
    ['500ml', 'attribute'],
    ['2024', 'attribute'],
    ['iPhone15', 'attribute'],
    ['USB', 'attribute'],
    ['新款', 'marketing'],
    ['包邮', 'marketing'],
    ['顶级', 'marketing'], // risky words are marketing
    ['第一次', 'longtail'], // allow-listed: not risky
    ['华为', 'brand'],
    ['HUAWEI', 'brand'],
    ['的', 'other'],
    ['公主', 'longtail'],
  ] as const)('%s is %s', (text, role) => {
    expect(roleOf(text)).toBe(role);
  });

  it('takes brands from the options', () => {
    expect(roleOf('蕉下')).toBe('longtail');
    expect(roleOf('蕉下', { brands: ['蕉下'] })).toBe('brand');
    expect(roleOf('ACME', { ownBrands: ['acme'] })).toBe('brand');
  });

  it('drops separators and tags the rest', () => {
    const tokens = tokenizeTitle(segmenter, '【新款】连衣裙 😀 女', {});
    expect(tokens.map((t) => [t.text, t.role])).toEqual([
      ['新款', 'marketing'],
      ['连衣裙', 'product'],
      ['女', 'attribute'],
    ]);
    expect(tagTokens([{ text: ' ', start: 0, end: 1 }])).toEqual([]);
  });
});

describe('createSegmenter', () => {
  function fakeJieba() {
    const added = new Map<string, number | null | undefined>();
    const jieba: JiebaApi & { added: typeof added; calls: number } = {
      added,
      calls: 0,
      cut: (text) => [...text],
      add_word(word, freq) {
        jieba.calls++;
        added.set(word, freq);
        return freq ?? 1;
      },
    };
    return jieba;
  }

  it('adds the dictionary once per jieba instance, with at least the minimum frequency', () => {
    const jieba = fakeJieba();
    createSegmenter(jieba);
    const calls = jieba.calls;
    expect(new Set(jieba.added.keys())).toEqual(new Set(dictionaryWords()));
    for (const freq of jieba.added.values()) expect(freq).toBe(MIN_WORD_FREQUENCY);
    createSegmenter(jieba);
    expect(jieba.calls).toBe(calls);
  });

  it('adds no single characters and no Latin words to jieba', () => {
    for (const word of dictionaryWords()) {
      expect([...word].length).toBeGreaterThan(1);
      expect(word).not.toMatch(/[A-Za-z]/);
    }
    expect(dictionaryWords()).toContain('快充');
    expect(dictionaryWords()).toContain('第一次'); // allow-listed words too
    expect(dictionaryWords()).toContain('全网最低'); // and risky phrases
  });
});

describe('loadWebSegmenter', () => {
  afterEach(() => {
    vi.doUnmock('jieba-wasm/web');
    vi.resetModules();
  });

  it('initialises the web build once, on first use, and retries after a failure', async () => {
    let fail = true;
    const init = vi.fn(async () => {
      if (fail) {
        fail = false;
        throw new Error('fetch failed');
      }
      return {};
    });
    vi.doMock('jieba-wasm/web', () => ({ default: init, cut: (text: string) => [...text], add_word: () => 1 }));
    const { loadWebSegmenter } = await import('../../../lib/titles/segment-web');
    expect(init).not.toHaveBeenCalled();
    await expect(loadWebSegmenter()).rejects.toThrow('fetch failed');
    const first = loadWebSegmenter({ wasm: '/jieba.wasm' });
    const second = loadWebSegmenter();
    expect(second).toBe(first);
    const loaded = await first;
    expect(loaded.cut('裙子').map((p) => p.text)).toEqual(['裙', '子']);
    expect(init).toHaveBeenCalledTimes(2);
    expect(init).toHaveBeenLastCalledWith({ module_or_path: '/jieba.wasm' });
  });
});
