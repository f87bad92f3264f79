/**
 * Figures with a lost glyph (what an obfuscated font or a rendering glitch shows: `x`, `?`, 口):
 * never read as their first digits, and a metric shown with such a value is a competitor of any
 * other showing of it (lib/capture/finder.ts, lib/capture/numbers.ts NUMBER_END). Fuzz findings on
 * pinduoduo/yingxiao-report-cards, taobao/sycm-home-list and the PDD search cards.
 */
import { describe, expect, it } from 'vitest';
import { findMetrics, tokenise } from '../../../lib/capture/finder';
import { NUMBER_END, parseSalesPhrase } from '../../../lib/capture/numbers';

function body(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html').body;
}

const card = (label: string, value: string) => `<div class="card"><div>${label}</div><div>${value}</div></div>`;

describe('NUMBER_END', () => {
  const amount = new RegExp(`^(\\d[\\d,]*(?:\\.\\d+)?)${NUMBER_END}`);
  it.each([
    ['19.9', '19.9'],
    ['19.口', undefined],
    ['19.x', undefined],
    ['1,2x9', undefined],
    ['19.9已拼', '19.9'],
    ['19。', '19'],
  ])('%s → %s', (text, expected) => {
    expect(amount.exec(text)?.[1]).toBe(expected);
  });

  it.each([
    ['已拼6.3万件', 63000],
    ['已拼6.x万件', undefined],
    ['已拼6.口万件', undefined],
  ])('sales %s → %s', (text, expected) => {
    expect(parseSalesPhrase(text)?.value).toBe(expected);
  });
});

describe('a metric shown with an unreadable value', () => {
  it.each([
    ['1,250.口0', "'总花费' value '1,250.口' is unreadable"],
    ['x,250.40', "'总花费' value 'x,250.40' is unreadable"],
    ['?4', "'总花费' value '?4' is unreadable"],
  ])('is reported unreadable, never read as part of it: %s', (value, problem) => {
    const result = findMetrics(body(card('总花费(元)', value)), 'pinduoduo');
    expect(result.metrics).toEqual([]);
    expect(result.issues).toEqual([{ field: 'metrics.adSpend', problem }]);
  });

  it.each([
    ['a lost glyph', '1,2口0.40'],
    ['an obfuscated font', '\uE001,\uE002\uE003'],
    ['only a comparison', '<span>较上周期</span><span>+8.20%</span>'],
    ['two figures', '<span>1,250.40</span> <span>1,180.00</span>'],
  ])('competes with the metric’s other showing (%s): none is kept', (_case, value) => {
    const result = findMetrics([body(`<section>${card('花费(元)', value)}</section>`), body(`<section>${card('总花费(元)', '1,250.40')}</section>`)], 'pinduoduo');
    expect(result.metrics).toEqual([]);
    expect(result.issues[0]).toEqual({ field: 'metrics.adSpend', problem: "shown with different values ('总花费' 1250.4, '花费' unreadable): none kept" });
  });

  it('keeps the metric when its other showing is only a no-data mark or a label without a value', () => {
    for (const other of ['-', '']) {
      const result = findMetrics(body(`${card('总花费', '1,250.40')}<div>${card('花费', other)}</div>`), 'pinduoduo');
      expect(result.metrics.map((m) => [m.metric, m.value])).toEqual([['adSpend', 1250.4]]);
    }
  });

  it('tokenises a figure that starts with a lost glyph as one word', () => {
    expect(tokenise('?4').map((t) => t.type)).toEqual(['text']);
    expect(tokenise('x,250.40').map((t) => t.type)).toEqual(['text']);
    expect(tokenise('同行标杆值9').map((t) => t.type)).toEqual(['peer', 'figure']);
  });
});
