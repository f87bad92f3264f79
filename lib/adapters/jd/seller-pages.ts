/**
 * JD seller backend pages (dashboards, item reports, ad reports, listing editors): read by the jd-seller content script.
 */
import type { PageAdapter } from '../types';
import { jdJztReportAdapter } from './jzt-report';
import { jdSzDashboardAdapter } from './sz-dashboard';
import { jdSzItemReportAdapter } from './sz-item-report';

export const jdSellerPages: readonly PageAdapter[] = [
  jdSzDashboardAdapter,
  jdSzItemReportAdapter,
  jdJztReportAdapter,
];
