import { ADAPTERS } from './registry';

/**
 * Match patterns for every host an adapter reads. Used for the content script's `matches`
 * and the manifest's host_permissions, so the two cannot drift apart.
 */
export const adapterHostPatterns: string[] = [...new Set(ADAPTERS.flatMap((adapter) => adapter.hosts))].sort();
