import type { PageAdapter } from '../types';
import { jdPublicPages } from './public-pages';
import { jdSellerPages } from './seller-pages';

/**
 * Every JD adapter. The two halves have no host in common, so each has its own content
 * script (entrypoints/jd-public.content.ts, jd-seller.content.ts) carrying only its
 * half's code: a shopper-facing page never loads the backend readers, nor the other way round.
 */
export const jdAdapters: readonly PageAdapter[] = [...jdPublicPages, ...jdSellerPages];
