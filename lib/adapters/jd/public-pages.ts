/**
 * JD pages anyone can open (listings, search results): read by the jd-public content script.
 */
import type { PageAdapter } from '../types';
import { jdListingAdapter } from './listing';
import { jdSearchAdapter } from './search';

export const jdPublicPages: readonly PageAdapter[] = [
  jdListingAdapter,
  jdSearchAdapter,
];
