import type { PageAdapter } from '../types';
import { compassHomeAdapter } from './compass-home';
import { compassLiveAdapter } from './compass-live';
import { fxgEditorAdapter } from './editor';
import { fxgHomeAdapter } from './fxg-home';
import { itemReportAdapter } from './item-report';
import { haohuoListingAdapter } from './listing';
import { qianchuanReportAdapter } from './qianchuan-report';

/**
 * Douyin e-commerce: 抖店 (fxg), 电商罗盘 (compass), 巨量千川 (qianchuan) and haohuo product pages,
 * one module per page kind. Their URL detectors (./urls.ts) never overlap.
 */
export const douyinAdapters: readonly PageAdapter[] = [
  fxgHomeAdapter,
  compassHomeAdapter,
  compassLiveAdapter,
  qianchuanReportAdapter,
  itemReportAdapter,
  haohuoListingAdapter,
  fxgEditorAdapter,
];
