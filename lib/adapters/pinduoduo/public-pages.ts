/**
 * Pinduoduo pages anyone can open (listings, search results): read by the pinduoduo-public content script.
 */
import type { PageAdapter } from '../types';
import { pddListingAdapter } from './listing';
import { pddSearchAdapter } from './search';

export const pinduoduoPublicPages: readonly PageAdapter[] = [
  pddListingAdapter,
  pddSearchAdapter,
];
