/**
 * 商品明细: rows mapped by column header, goods name and id from the goods column, placeholder
 * rows skipped, misaligned tables refused. The full page is pinned by
 * tests/fixtures/pinduoduo/goods-effect-*.html.
 */
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../../../lib/capture/schema';
import { captureFrom } from '../../../../lib/adapters/run';
import { pddGoodsEffectAdapter } from '../../../../lib/adapters/pinduoduo/goods-effect';

const URL_ = new URL('https://mms.pinduoduo.com/sycm/goods_effect');

function page(rows: string, header = '<th>排名</th><th>商品信息</th><th>商品访客数</th><th>成交金额(元)</th><th>成交转化率</th>'): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body><div>统计时间：2026-04-19</div><table><thead><tr>${header}</tr></thead><tbody>${rows}</tbody></table></body></html>`,
    'text/html',
  );
}

function extract(doc: Document) {
  const capture = captureFrom(pddGoodsEffectAdapter, doc, URL_, new Date('2026-11-22T00:00:00Z'));
  expect(captureSchema.safeParse(capture).success).toBe(true);
  return capture;
}

describe('pinduoduo/goods-effect', () => {
  it('reads one item per row, with rank, name, id and metrics by column', () => {
    const capture = extract(
      page(`<tr><td>1</td><td><div>兔头妈妈儿童牙膏 水果味</div><div>商品ID：930005554830</div></td><td>525</td><td>2,209.58</td><td>11.43%</td></tr>
            <tr><td>2</td><td><div>宝宝牙刷 软毛</div><div>ID: 930005555123</div></td><td>88</td><td>0.00</td><td>-</td></tr>`),
    );
    expect(capture.items).toEqual([
      {
        rank: 1,
        title: '兔头妈妈儿童牙膏 水果味',
        itemId: '930005554830',
        metrics: [
          { metric: 'itemVisitors', label: '商品访客数', value: 525, unit: 'count', bound: 'exact' },
          { metric: 'payAmount', label: '成交金额', value: 2209.58, unit: 'yuan', bound: 'exact' },
          { metric: 'conversionRate', label: '成交转化率', value: 0.1143, unit: 'ratio', bound: 'exact' },
        ],
      },
      {
        rank: 2,
        title: '宝宝牙刷 软毛',
        itemId: '930005555123',
        metrics: [
          { metric: 'itemVisitors', label: '商品访客数', value: 88, unit: 'count', bound: 'exact' },
          { metric: 'payAmount', label: '成交金额', value: 0, unit: 'yuan', bound: 'exact' },
        ],
      },
    ]);
    expect(capture.issues).toEqual([{ field: 'items[2].metrics.conversionRate', problem: expect.stringContaining("shown as '-'") }]);
  });

  it('skips a placeholder row spanning the table and reports an empty table', () => {
    const capture = extract(page('<tr><td colspan="5">暂无数据</td></tr>'));
    expect(capture.items).toEqual([]);
    expect(capture.issues).toEqual([{ field: 'items', problem: expect.stringContaining('暂无数据') }]);
    expect(pddGoodsEffectAdapter.detect(page('<tr><td colspan="5">暂无数据</td></tr>'), URL_)).toBe(true);
  });

  it('reads no row of a table whose rows do not line up with the header', () => {
    const capture = extract(page('<tr><td>1</td><td>牙膏 ID：930005554830</td><td>525</td><td>2,209.58</td></tr>'));
    expect(capture.items).toEqual([]);
    expect(pddGoodsEffectAdapter.detect(page('<tr><td>1</td><td>x</td><td>1</td><td>2</td></tr>'), URL_)).toBe(false);
  });

  it('notes a row without a goods id and a page without a period', () => {
    const doc = page('<tr><td>1</td><td>牙膏</td><td>5</td><td>1.00</td><td>1.00%</td></tr>');
    doc.body.firstElementChild!.remove();
    const capture = extract(doc);
    expect(capture.period).toBeNull();
    expect(capture.items?.[0]).toMatchObject({ rank: 1, title: '牙膏' });
    expect(capture.issues.map((issue) => issue.field)).toEqual(['period', 'items[1].itemId']);
  });
});
