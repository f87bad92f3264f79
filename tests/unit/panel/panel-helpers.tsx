/** Shared set-up for the side panel tests: test adapters, pinning the page, rendering. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import { App } from '../../../components/app/App';
import type { PageKind, Platform } from '../../../lib/capture/schema';
import type { PageAdapter } from '../../../lib/adapters/types';
import type { ShopLensDb } from '../../../lib/db/schema';

function testAdapter(id: string, platform: Platform, pageKind: PageKind, matches: (url: URL) => boolean): PageAdapter {
  return {
    id,
    version: 1,
    platform,
    pageKind,
    hosts: [],
    sampleUrls: [],
    matchesUrl: matches,
    detect: () => true,
    extract: () => {
      throw new Error('the panel never extracts');
    },
  };
}

/** The panel decides "supported" from adapters; these stand in for the registry. */
export const TEST_ADAPTERS: readonly PageAdapter[] = [
  testAdapter('taobao/sycm-home', 'taobao', 'dashboard', (url) => url.host === 'sycm.taobao.com' && url.pathname === '/portal/home.htm'),
  testAdapter('taobao/listing', 'taobao', 'listing', (url) => url.host === 'detail.tmall.com' || url.host === 'item.taobao.com'),
  testAdapter('taobao/search', 'taobao', 'search', (url) => url.host === 's.taobao.com'),
  testAdapter('pinduoduo/goods', 'pinduoduo', 'listing', (url) => url.host === 'mobile.yangkeduo.com'),
];

/** Opens the panel as `sidepanel.html?url=<url>`, or without `?url=` (follow the active tab). */
export function pinPanelTo(url: string | null): void {
  window.history.replaceState(null, '', url === null ? '/sidepanel.html' : `/sidepanel.html?url=${encodeURIComponent(url)}`);
}

/**
 * Renders the panel. The sections after the chart mount without waiting for one (no fallback
 * delay), so tests of those sections see them once the state settles; useAfterFirstChart's own
 * test covers the wait.
 */
export function renderPanel(db: ShopLensDb, adapters: readonly PageAdapter[] = TEST_ADAPTERS) {
  return render(<App db={db} adapters={adapters} secondaryFallbackMs={0} />);
}

export async function expectState(state: 'loading' | 'unsupported' | 'waiting' | 'captured'): Promise<HTMLElement> {
  await waitFor(() => {
    expect(screen.getByTestId('panel-state').dataset.state).toBe(state);
    expect(screen.getByTestId('panel-main').dataset.secondary).toBe('shown');
  });
  return screen.getByTestId('panel-state');
}

afterEach(() => {
  cleanup();
  localStorage.clear();
  pinPanelTo(null);
});
