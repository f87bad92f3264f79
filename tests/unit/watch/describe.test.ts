import { describe, expect, it } from 'vitest';
import { describeAlert } from '../../../lib/watch/describe';
import type { Alert, AlertRow } from '../../../lib/watch/types';

const row = (alert: Alert): AlertRow => ({ id: 'x', watchKey: 'taobao:item:1', watchName: '夏季连衣裙', ruleId: 'r', at: '2026-11-21T02:00:00.000Z', captureId: 'c', seen: 0, alert });

describe('describeAlert', () => {
  it('says a price drop with both prices and days, in both languages', () => {
    const alert: Alert = {
      type: 'change',
      metric: 'price',
      unit: 'yuan',
      group: 'snapshot',
      direction: 'down',
      from: { value: 159, bound: 'exact', day: '2026-11-20' },
      to: { value: 143.5, bound: 'exact', day: '2026-11-21' },
      amount: 15.5,
      ratio: 15.5 / 159,
    };
    expect(describeAlert(row(alert), 'zh')).toEqual({ title: '价格下降 9.75%', body: '夏季连衣裙：¥159.00 → ¥143.50 (2026-11-20 → 2026-11-21)' });
    expect(describeAlert(row(alert), 'en').title).toBe('Price down 9.75%');
  });

  it('says "at least" for a change between bounds, and the amount when there is no ratio', () => {
    const alert: Alert = {
      type: 'change',
      metric: 'sales',
      unit: 'count',
      group: 'snapshot',
      direction: 'down',
      from: { value: 10000, bound: 'atLeast', day: '2026-11-20' },
      to: { value: 5000, bound: 'exact', day: '2026-11-21' },
      amount: 5000,
      ratio: null,
    };
    expect(describeAlert(row(alert), 'zh')).toEqual({ title: '销量下降 至少 5,000', body: '夏季连衣裙：1万+ → 5,000 (2026-11-20 → 2026-11-21)' });
  });

  it.each<[Alert, string]>([
    [{ type: 'title', from: 'a', to: 'b' }, '标题已更改'],
    [{ type: 'stock', state: 'out', text: '无货' }, '已缺货'],
    [{ type: 'stock', state: 'back' }, '已恢复有货'],
    [{ type: 'newListing', itemId: '9', title: '新品' }, '关注的店铺出现新商品（首次见到）'],
  ])('%j → %s', (alert, title) => {
    expect(describeAlert(row(alert), 'zh').title).toBe(title);
  });
});
