import { describe, expect, it } from 'vitest';
import { IN_STOCK_PHRASES, OUT_OF_STOCK_PHRASES, stockStateOf } from '../../../lib/watch/stock';

describe('stockStateOf', () => {
  it.each([
    [{ text: '有货' }, 'in'],
    [{ text: '即将售罄' }, 'in'], // contains 售罄 but still sells
    [{ text: '仅剩3件' }, 'in'],
    [{ text: '无货(限购10件)' }, 'out'],
    [{ text: '已售罄' }, 'out'],
    [{ text: '宝贝已下架' }, 'out'],
    [{ text: '补货中' }, 'out'],
    [{ text: '库存 120 件' }, 'in'],
    [{ text: '库存0件' }, 'out'],
    [{ text: '有货', quantity: 0 }, 'out'], // a stated quantity decides
    [{ text: '无货', quantity: 5 }, 'in'],
    [{ text: '预售' }, undefined],
    [{ text: '' }, undefined],
  ] as const)('%j → %s', (stock, state) => {
    expect(stockStateOf(stock)).toBe(state);
  });

  it('is unknown without a stock reading', () => {
    expect(stockStateOf(undefined)).toBeUndefined();
  });

  it('word lists are non-empty and do not overlap', () => {
    expect(IN_STOCK_PHRASES.length).toBeGreaterThan(0);
    expect(OUT_OF_STOCK_PHRASES.filter((p) => IN_STOCK_PHRASES.includes(p))).toEqual([]);
  });
});
