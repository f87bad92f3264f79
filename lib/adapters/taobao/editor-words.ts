/**
 * Labels of the Taobao/Tmall publish form (./editor.ts), as data. Linted by
 * tests/unit/adapters/taobao/editor.test.ts (no empty entries, no label in two lists).
 * No imports besides types: content-script code.
 */
import type { Price } from '../../capture/schema';

/** The title field: 宝贝标题 on the classic form, 商品标题 on newer ones. */
export const EDITOR_TITLE_LABELS: readonly string[] = ['宝贝标题', '商品标题'];

/** The chosen category, shown as a path (女装/女士精品 > 连衣裙). */
export const EDITOR_CATEGORY_LABELS: readonly string[] = ['类目', '宝贝类目', '商品类目', '发布类目'];

/** Price fields and the kind of price each holds. */
export const EDITOR_PRICE_LABELS: Readonly<Record<string, Price['kind']>> = {
  一口价: 'shown',
  价格: 'shown',
  '一口价(元)': 'shown',
  '价格(元)': 'shown',
  '一口价（元）': 'shown',
  '价格（元）': 'shown',
};
