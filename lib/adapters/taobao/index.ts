import type { PageAdapter } from '../types';
import { taobaoEditorAdapter } from './editor';
import { taobaoListingAdapter } from './listing';
import { sycmHomeAdapter } from './sycm-home';

// Filled in by the Taobao/Tmall adapter modules (sycm-home, listing …).
export const taobaoAdapters: readonly PageAdapter[] = [taobaoListingAdapter, sycmHomeAdapter, taobaoEditorAdapter];
