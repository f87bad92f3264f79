/**
 * Every page adapter ShopLens has, in match order. A page is read by the first adapter
 * whose URL detector accepts it; tests/unit/adapters/url-detectors.test.ts checks that
 * each adapter's sample URLs are accepted by it and by no other.
 */
import { findAdapter } from './lookup';
import type { PageAdapter } from './types';
import { taobaoAdapters } from './taobao';
import { douyinAdapters } from './douyin';
import { jdAdapters } from './jd';
import { pinduoduoAdapters } from './pinduoduo';

export const ADAPTERS: readonly PageAdapter[] = [...taobaoAdapters, ...douyinAdapters, ...jdAdapters, ...pinduoduoAdapters];

export function adapterForUrl(url: URL, adapters: readonly PageAdapter[] = ADAPTERS): PageAdapter | undefined {
  return findAdapter(url, adapters);
}

export function adapterById(id: string): PageAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}
