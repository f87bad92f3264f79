/**
 * Douyin seller backend pages (dashboards, item reports, ad reports, listing editors): read by the douyin-seller content script.
 */
import type { PageAdapter } from '../types';
import { compassHomeAdapter } from './compass-home';
import { compassLiveAdapter } from './compass-live';
import { fxgEditorAdapter } from './editor';
import { fxgHomeAdapter } from './fxg-home';
import { itemReportAdapter } from './item-report';
import { qianchuanReportAdapter } from './qianchuan-report';

export const douyinSellerPages: readonly PageAdapter[] = [
  fxgHomeAdapter,
  compassHomeAdapter,
  compassLiveAdapter,
  qianchuanReportAdapter,
  itemReportAdapter,
  fxgEditorAdapter,
];
