import type { PageAdapter } from '../types';
import { taobaoPublicPages } from './public-pages';
import { taobaoSellerPages } from './seller-pages';

/**
 * Every Taobao/Tmall adapter. The two halves have no host in common, so each has its own content
 * script (entrypoints/taobao-public.content.ts, taobao-seller.content.ts) carrying only its
 * half's code: a shopper-facing page never loads the backend readers, nor the other way round.
 */
export const taobaoAdapters: readonly PageAdapter[] = [...taobaoPublicPages, ...taobaoSellerPages];
