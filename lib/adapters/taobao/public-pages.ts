/**
 * Taobao/Tmall pages anyone can open (listings, search results): read by the taobao-public content script.
 */
import type { PageAdapter } from '../types';
import { taobaoListingAdapter } from './listing';
import { taobaoSearchAdapter } from './search';

export const taobaoPublicPages: readonly PageAdapter[] = [
  taobaoListingAdapter,
  taobaoSearchAdapter,
];
