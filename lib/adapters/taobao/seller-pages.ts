/**
 * Taobao/Tmall seller backend pages (dashboards, item reports, ad reports, listing editors): read by the taobao-seller content script.
 */
import type { PageAdapter } from '../types';
import { alimamaReportAdapter } from './alimama-report';
import { taobaoEditorAdapter } from './editor';
import { sycmHomeAdapter } from './sycm-home';
import { sycmItemReportAdapter } from './sycm-item';
import { sycmMarketRankAdapter } from './sycm-market-rank';

export const taobaoSellerPages: readonly PageAdapter[] = [
  sycmHomeAdapter,
  sycmItemReportAdapter,
  sycmMarketRankAdapter,
  alimamaReportAdapter,
  taobaoEditorAdapter,
];
