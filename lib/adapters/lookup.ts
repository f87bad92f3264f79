import type { PageAdapter } from './types';

/**
 * The first adapter in `adapters` whose URL detector accepts `url`. Content scripts call this
 * with their own platform's adapters, never through ./registry.ts: importing the registry
 * would bundle every platform's adapters into every content script.
 */
export function findAdapter(url: URL, adapters: readonly PageAdapter[]): PageAdapter | undefined {
  return adapters.find((adapter) => adapter.matchesUrl(url));
}

/** Match patterns of the hosts `adapters` read, sorted and without repeats. */
export function hostPatternsOf(adapters: readonly PageAdapter[]): string[] {
  return [...new Set(adapters.flatMap((adapter) => adapter.hosts))].sort();
}
