import { hostPatternsOf } from './lookup';
import { ADAPTERS } from './registry';

/**
 * Match patterns for every host an adapter reads: the manifest's host_permissions. Each
 * platform's capture content script matches its own platform's share of them
 * (entrypoints/<platform>-{public,seller}.content.ts), so the two cannot drift apart.
 */
export const adapterHostPatterns: string[] = hostPatternsOf(ADAPTERS);
