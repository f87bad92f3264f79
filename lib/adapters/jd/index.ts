import type { PageAdapter } from '../types';
import { jdJztReportAdapter } from './jzt-report';
import { jdListingAdapter } from './listing';
import { jdSearchAdapter } from './search';
import { jdSzDashboardAdapter } from './sz-dashboard';
import { jdSzItemReportAdapter } from './sz-item-report';

/** JD (京东): item and search pages, 京东商智 overview and 商品明细, 京准通 reports. */
export const jdAdapters: readonly PageAdapter[] = [
  jdListingAdapter,
  jdSearchAdapter,
  jdSzDashboardAdapter,
  jdSzItemReportAdapter,
  jdJztReportAdapter,
];
