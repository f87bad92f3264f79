/**
 * Douyin pages anyone can open (listings, search results): read by the douyin-public content script.
 */
import type { PageAdapter } from '../types';
import { haohuoListingAdapter } from './listing';

export const douyinPublicPages: readonly PageAdapter[] = [
  haohuoListingAdapter,
];
