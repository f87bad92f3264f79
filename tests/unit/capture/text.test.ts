import { describe, expect, it } from 'vitest';
import { shortTexts, textStream, trendIconDirection, visibleText } from '../../../lib/capture/text';

function el(html: string): Element {
  const doc = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  return doc.getElementById('root')!;
}

describe('visibleText', () => {
  it.each([
    ['<span>¥</span><span>4</span><span>.92</span>', '¥4.92'],
    ['<span class="a">12,345</span><span class="b">.67</span>', '12,345.67'],
    ['  访客数 \n\t  <b>1,234</b>  ', '访客数 1,234'],
    ['<div>访客数</div><div>1,234</div>', '访客数 1,234'],
    ['<div>3</div><div>25.00%</div>', '3 25.00%'],
    ['<p>a</p><p>b</p>', 'a b'],
    ['a<br>b', 'a b'],
    ['<td>1</td>', '1'],
    ['<span>访客数</span><script>var x = "支付金额 999"</script>', '访客数'],
    ['<span>访客数</span><style>.x{content:"1"}</style>', '访客数'],
    ['<template><b>9</b></template><span>访客数</span>', '访客数'],
    ['<noscript>请开启 JavaScript 2500+</noscript>访客数', '访客数'],
    ['<span>访客数</span><span hidden>访客数是指…</span>', '访客数'],
    ['<span>访客数</span><span aria-hidden="true">99</span>', '访客数'],
    ['<span>访客数</span><div style="display: none">1,000</div>', '访客数'],
    ['<span>访客数</span><div style="color:red;display:none;">1,000</div>', '访客数'],
    ['<span>访客数</span><div style="visibility:hidden">1,000</div>', '访客数'],
    ['<span>访客数</span><div style="display:block">1,000</div>', '访客数 1,000'],
    ['<span>访客数</span><span style="display:inline-block">1,000</span>', '访客数 1,000'],
    ['<span>访客数</span><!-- 2500 --><span>1,000</span>', '访客数1,000'],
    ['<svg><text>12</text></svg><span>访客数</span>', '访客数'],
    ['', ''],
  ])('%s → %j', (html, expected) => {
    expect(visibleText(el(html))).toBe(expected);
  });
});

describe('textStream', () => {
  it('starts after a node and stops at a marked element', () => {
    const root = el('<div><span id="l">访客数</span></div><div>1,234</div><div id="next">浏览量</div><div>9</div>');
    const stream = textStream(root, { after: root.querySelector('#l')!, stopAt: (e) => e.id === 'next' });
    expect(stream.stopped).toBe(true);
    expect(stream.text).toBe('\n1,234');
  });

  it('keeps words on the start node line on line 0', () => {
    const root = el('<div><span id="l">支付金额</span><a>趋势</a></div><div>12,345</div>');
    expect(textStream(root, { after: root.querySelector('#l')! }).text).toBe('趋势\n12,345');
  });

  it('turns trend icons into arrows when asked', () => {
    const root = el(
      '<span>12.3%</span><span role="img" aria-label="caret-up" class="anticon anticon-caret-up"><svg></svg></span>' +
        '<i class="trend_down__x1"></i><i class="popup"></i>',
    );
    expect(textStream(root, { arrows: true }).text).toBe('12.3% ↑ ↓');
    expect(textStream(root).text).toBe('12.3%');
  });
});

describe('trendIconDirection', () => {
  it.each([
    ['<i class="oui-icon oui-icon-arrow-up"></i>', '↑'],
    ['<i class="icon-down"></i>', '↓'],
    ['<span aria-label="arrow-down"></span>', '↓'],
    ['<span title="上升"></span>', '↑'],
    ['<img alt="下降">', '↓'],
    ['<i class="index_rise__3xZ"></i>', '↑'],
    ['<i class="popup"></i>', null],
    ['<i class="group"></i>', null],
    ['<i class="up down"></i>', null],
    ['<span class="up">12%</span>', null],
  ])('%s → %s', (html, expected) => {
    expect(trendIconDirection(el(html).firstElementChild!)).toBe(expected);
  });
});

describe('shortTexts', () => {
  const bodies = [
    '<div><span>¥</span><span>4</span><span>.92</span></div><p>已售 <b>1万+</b> 件</p>',
    '<ul><li>商品体验分 <em>4.8</em></li><li hidden>隐藏 9.9</li><li style="display:none">不见</li></ul>',
    '<div>券后<br>¥39<script>var x = 1</script><template><b>t</b></template><!-- c --></div>',
    '<section><div class="card"><div>访客数</div><div>1,234</div></div><div aria-hidden="true">99</div></section>',
    `<div><p>${'很长的详情文字'.repeat(30)}</p><span>短</span></div>`,
    '<div><span style="display:block">a</span><span style="display:inline">b</span><div>c</div>\n  d  </div>',
  ];
  it.each(bodies)('gives every short element with exactly visibleText and textContent length: %s', (body) => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = body;
    const expected = Array.from(doc.body.querySelectorAll('*'))
      .filter((el) => (el.textContent ?? '').length <= 60)
      .map((el) => ({ el, raw: el.textContent!.length, text: visibleText(el) }));
    expect(shortTexts(doc.body, 60)).toEqual(expected);
  });
});
