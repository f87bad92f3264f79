/**
 * Stand-in adapters for the background and content-script tests, so those tests do not depend
 * on the real Taobao adapters' extraction. Only id, platform, kind and hosts matter to the
 * background; the content-script tests build their own DOM-reading adapters.
 */
import type { PageAdapter } from '../../../lib/adapters/types';

function stub(fields: Pick<PageAdapter, 'id' | 'platform' | 'pageKind' | 'hosts'>, matchesUrl: (url: URL) => boolean): PageAdapter {
  return {
    ...fields,
    version: 1,
    sampleUrls: [],
    matchesUrl,
    detect: () => true,
    extract: () => {
      throw new Error('not used by these tests');
    },
  };
}

export const testListingAdapter = stub(
  { id: 'test/listing', platform: 'taobao', pageKind: 'listing', hosts: ['*://detail.tmall.com/*', '*://item.taobao.com/*'] },
  (url) => /^(detail\.tmall|item\.taobao)\.com$/.test(url.hostname) && url.pathname === '/item.htm',
);

export const testDashboardAdapter = stub(
  { id: 'test/dashboard', platform: 'taobao', pageKind: 'dashboard', hosts: ['https://sycm.taobao.com/*'] },
  (url) => url.hostname === 'sycm.taobao.com' && url.pathname === '/portal/home.htm',
);

export const TEST_ADAPTERS: readonly PageAdapter[] = [testListingAdapter, testDashboardAdapter];
