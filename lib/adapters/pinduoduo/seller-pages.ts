/**
 * Pinduoduo seller backend pages (dashboards, item reports, ad reports, listing editors): read by the pinduoduo-seller content script.
 */
import type { PageAdapter } from '../types';
import { pddGoodsEditorAdapter } from './goods-editor';
import { pddGoodsEffectAdapter } from './goods-effect';
import { pddMmsDashboardAdapter } from './mms-dashboard';
import { pddYingxiaoReportAdapter } from './yingxiao-report';

export const pinduoduoSellerPages: readonly PageAdapter[] = [
  pddMmsDashboardAdapter,
  pddGoodsEffectAdapter,
  pddYingxiaoReportAdapter,
  pddGoodsEditorAdapter,
];
