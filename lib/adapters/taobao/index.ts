import type { PageAdapter } from '../types';

// Filled in by the Taobao/Tmall adapter modules (sycm-home, listing …).
export const taobaoAdapters: readonly PageAdapter[] = [];
