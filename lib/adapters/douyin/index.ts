import type { PageAdapter } from '../types';
import { douyinPublicPages } from './public-pages';
import { douyinSellerPages } from './seller-pages';

/**
 * Every Douyin adapter. The two halves have no host in common, so each has its own content
 * script (entrypoints/douyin-public.content.ts, douyin-seller.content.ts) carrying only its
 * half's code: a shopper-facing page never loads the backend readers, nor the other way round.
 */
export const douyinAdapters: readonly PageAdapter[] = [...douyinPublicPages, ...douyinSellerPages];
