import type { PageAdapter } from '../types';
import { pddGoodsEditorAdapter } from './goods-editor';
import { pddGoodsEffectAdapter } from './goods-effect';
import { pddListingAdapter } from './listing';
import { pddMmsDashboardAdapter } from './mms-dashboard';
import { pddSearchAdapter } from './search';
import { pddYingxiaoReportAdapter } from './yingxiao-report';

/** Pinduoduo: public goods and search pages, 商家后台 数据中心 and goods editor, 多多推广 reports. */
export const pinduoduoAdapters: readonly PageAdapter[] = [
  pddListingAdapter,
  pddSearchAdapter,
  pddMmsDashboardAdapter,
  pddGoodsEffectAdapter,
  pddYingxiaoReportAdapter,
  pddGoodsEditorAdapter,
];
