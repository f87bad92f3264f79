/**
 * The per-capture text scan (lib/capture/text-scan.ts): which text nodes it keeps, that searches
 * built on it find what an element-by-element search finds, and that its memos live exactly as
 * long as one withTextScan.
 */
import { describe, expect, it } from 'vitest';
import { memoised, oncePerScan, rawLengthUpTo, shortAncestors, substringsOf, textPiecesIn, withTextScan } from '../../../lib/capture/text-scan';
import { isOutsideData, matchMetricLabel, metricLabelElements } from '../../../lib/capture/finder';
import { elementsTitled, HELP_MARKS, periodLines } from '../../../lib/capture/sections';
import { visibleText } from '../../../lib/capture/text';

function page(body: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = body;
  return doc;
}

const ALL = (): boolean => true;

describe('the text pieces a scan keeps', () => {
  it.each([
    ['a label', '<span>访客数</span>', ['访客数']],
    ['whitespace collapsed, trimmed', '<span>  支付\n\t金额  </span>', ['支付 金额']],
    ['a bare figure is left out', '<span>1,234</span><span>¥29.90</span><span>+12.5%</span><span>-</span>', []],
    ['a date is kept', '<span>2026-11-21</span>', ['2026-11-21']],
    ['blank nodes are left out', '<div>   </div><div>\n</div>', []],
    ['a long text without an early colon is left out', `<p>${'很长的说明文字'.repeat(40)}</p>`, []],
    ['a long text with an early colon is kept', `<p>访客数：${'1'.repeat(300)}</p>`, [`访客数：${'1'.repeat(300)}`]],
    ['script text is a text node too', '<script>var a = "访客数";</script>', ['var a = "访客数";']],
  ])('%s', (_case, body, expected) => {
    const doc = page(body);
    expect(textPiecesIn(doc, 'all', {}, ALL).map((piece) => piece.text)).toEqual(expected);
  });

  it('limits pieces to a root inside the document, in document order', () => {
    const doc = page('<div id="a"><b>访客数</b></div><div id="b"><b>浏览量</b><i>支付金额</i></div>');
    withTextScan(doc, () => {
      expect(textPiecesIn(doc.getElementById('b')!, 'all', {}, ALL).map((p) => p.text)).toEqual(['浏览量', '支付金额']);
      expect(textPiecesIn(doc, 'all', {}, ALL).map((p) => p.text)).toEqual(['访客数', '浏览量', '支付金额']);
    });
  });

  it('scans a detached subtree by itself', () => {
    const doc = page('<b>访客数</b>');
    const detached = doc.createElement('div');
    detached.innerHTML = '<i>浏览量</i>';
    expect(textPiecesIn(detached, 'all', {}, ALL).map((p) => p.text)).toEqual(['浏览量']);
  });

  it('answers each question once per scan, and afresh outside one', () => {
    const doc = page('<b>访客数</b><b>浏览量</b>');
    let asked = 0;
    const keep = () => (asked++, true);
    withTextScan(doc, () => {
      textPiecesIn(doc, 'q', keep, keep);
      textPiecesIn(doc, 'q', keep, keep);
    });
    expect(asked).toBe(2);
    textPiecesIn(doc, 'q', keep, keep);
    textPiecesIn(doc, 'q', keep, keep);
    expect(asked).toBe(6);
  });
});

describe('raw lengths and ancestors', () => {
  it.each([
    ['<div id="x"></div>', 0],
    ['<div id="x"><span>ab</span>c<!-- comment --></div>', 3],
    ['<div id="x"><script>12345</script></div>', 5],
  ])('%s has raw length %i (textContent length)', (body, length) => {
    const doc = page(body);
    const el = doc.getElementById('x')!;
    expect(el.textContent!.length).toBe(length);
    expect(rawLengthUpTo(el, 100)).toBe(length);
  });

  it('counts only up to the limit, reading limit + 1 beyond it', () => {
    const doc = page(`<div id="x">${'<p>abcdefghij</p>'.repeat(100)}</div>`);
    const el = doc.getElementById('x')!;
    expect(rawLengthUpTo(el, 50)).toBe(51);
    expect(rawLengthUpTo(el, 5000)).toBe(1000);
    withTextScan(doc, () => {
      expect(rawLengthUpTo(el, 50)).toBe(51);
      expect(rawLengthUpTo(el, 5000)).toBe(1000);
    });
  });

  it('gives the short ancestors of a piece, outermost first, stopping at the first long one', () => {
    const doc = page(`<section id="s"><div id="card"><span id="label"><b>访客数</b></span><em>1,234</em></div>${'<p>很多文字</p>'.repeat(30)}</section>`);
    const [piece] = textPiecesIn(doc, 'all', {}, ALL);
    expect(shortAncestors(piece!, doc.body, 20).map((el) => el.id || el.tagName)).toEqual(['card', 'label', 'B']);
    expect(shortAncestors(piece!, doc.getElementById('card')!, 20).map((el) => el.id || el.tagName)).toEqual(['label', 'B']);
  });

  it('gives every substring of every word', () => {
    expect([...substringsOf(['访客数'])].sort()).toEqual(['客', '客数', '数', '访', '访客', '访客数'].sort());
  });
});

describe('memos', () => {
  it('remember a reading during one scan only, per node and table', () => {
    const doc = page('<b id="a">x</b><b id="b">y</b>');
    const [a, b] = [doc.getElementById('a')!, doc.getElementById('b')!];
    let computed = 0;
    const read = (el: Element) => memoised('t', el, () => (computed++, el.id));
    withTextScan(doc, () => {
      expect([read(a), read(a), read(b), read(b)]).toEqual(['a', 'a', 'b', 'b']);
    });
    expect(computed).toBe(2);
    read(a);
    read(a);
    expect(computed).toBe(4);
  });

  it('remember null and undefined results too', () => {
    const doc = page('<b id="a">x</b>');
    let computed = 0;
    withTextScan(doc, () => {
      memoised('n', doc.body, () => (computed++, undefined));
      memoised('n', doc.body, () => (computed++, undefined));
    });
    expect(computed).toBe(1);
  });

  it('never answer for another document', () => {
    const doc = page('<b>x</b>');
    const other = page('<b>y</b>');
    let computed = 0;
    withTextScan(doc, () => {
      memoised('t', other.body, () => computed++);
      memoised('t', other.body, () => computed++);
    });
    expect(computed).toBe(2);
  });

  it('read once per scan and address with oncePerScan', () => {
    const doc = page('<b>x</b>');
    let reads = 0;
    const readOnce = oncePerScan((_doc: Document, url: URL) => (reads++, url.pathname));
    withTextScan(doc, () => {
      expect(readOnce(doc, new URL('https://a.example/p'))).toBe('/p');
      expect(readOnce(doc, new URL('https://a.example/p'))).toBe('/p');
      expect(readOnce(doc, new URL('https://a.example/q'))).toBe('/q');
    });
    expect(reads).toBe(2);
  });
});

describe('searches on the scan find what an element-by-element search finds', () => {
  /** The elements whose visible text is a label, looked for the slow way: every element. */
  const cases: Array<[string, string]> = [
    ['a split label', '<main><div class="c"><span>访</span><span>客数</span></div><div>1,234</div></main>'],
    ['a label with a help mark and unit hint', '<main><div><span>支付金额(元)</span><i>ⓘ</i></div><div>99.00</div></main>'],
    ['full-width letters in a label', '<main><div>ＵＶ价值</div><div>3.2</div></main>'],
    ['an inline pair in a long text', `<main><p>访客数：1,234 较昨日 +3%${'，说明'.repeat(40)}</p></main>`],
    ['a label in a nav is still a label element, excluded later', '<nav><a>访客数</a></nav><main><div>访客数</div><div>1</div></main>'],
    ['nested labels keep the outermost', '<main><div><div><span>浏览量</span></div></div><div>1</div></main>'],
  ];
  /** The slow way: every element whose whole visible text is a label, outermost, outside navigation. */
  function everyElementSearch(doc: Document): string[] {
    const found: Element[] = [];
    for (const el of Array.from(doc.body.querySelectorAll('*'))) {
      if ((el.textContent ?? '').length > 80 || found.some((outer) => outer.contains(el))) continue;
      const text = visibleText(el);
      const pair = /^(.{1,30}?)\s*[:：]/s.exec(text);
      if (!matchMetricLabel(text, 'taobao') && !(pair && matchMetricLabel(pair[1]!, 'taobao'))) continue;
      if (!isOutsideData(el)) found.push(el);
    }
    return found.map((el) => el.outerHTML);
  }

  it.each(cases)('%s', (_case, body) => {
    const doc = page(body);
    const viaScan = metricLabelElements(doc.body, 'taobao').map((el) => el.outerHTML);
    const scoped = withTextScan(doc, () => metricLabelElements(doc.body, 'taobao').map((el) => el.outerHTML));
    expect(scoped).toEqual(viaScan);
    expect(viaScan.length).toBeGreaterThan(0);
    if (!_case.startsWith('an inline pair')) expect(viaScan).toEqual(everyElementSearch(doc));
  });

  it('finds split titles and period lines', () => {
    const doc = page('<main><h3><span>交易</span><span>概况</span> ⓘ</h3><div><b>统计</b>时间 2026-11-21</div></main>');
    expect(elementsTitled(doc, ['交易概况'], { helpMarks: HELP_MARKS, maxRawLength: 200 }).map((hit) => hit.title)).toEqual(['交易概况']);
    expect(periodLines(doc, ['统计时间']).map((line) => line.period.start)).toEqual(['2026-11-21']);
    expect(visibleText(doc.querySelector('h3')!)).toBe('交易概况 ⓘ');
  });
});
