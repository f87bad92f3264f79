import type { PageAdapter } from '../types';
import { pinduoduoPublicPages } from './public-pages';
import { pinduoduoSellerPages } from './seller-pages';

/**
 * Every Pinduoduo adapter. The two halves have no host in common, so each has its own content
 * script (entrypoints/pinduoduo-public.content.ts, pinduoduo-seller.content.ts) carrying only its
 * half's code: a shopper-facing page never loads the backend readers, nor the other way round.
 */
export const pinduoduoAdapters: readonly PageAdapter[] = [...pinduoduoPublicPages, ...pinduoduoSellerPages];
