import type { PageAdapter } from '../types';
import { alimamaReportAdapter } from './alimama-report';
import { taobaoEditorAdapter } from './editor';
import { taobaoListingAdapter } from './listing';
import { taobaoSearchAdapter } from './search';
import { sycmHomeAdapter } from './sycm-home';
import { sycmItemReportAdapter } from './sycm-item';
import { sycmMarketRankAdapter } from './sycm-market-rank';

// Filled in by the Taobao/Tmall adapter modules (sycm-home, listing …).
export const taobaoAdapters: readonly PageAdapter[] = [
  taobaoListingAdapter,
  sycmHomeAdapter,
  taobaoEditorAdapter,
  taobaoSearchAdapter,
  sycmItemReportAdapter,
  sycmMarketRankAdapter,
  alimamaReportAdapter,
];
