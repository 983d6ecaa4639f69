export {
  DEFAULT_DEDUPE_MAX_ENTRIES,
  DEFAULT_DEDUPE_TTL_MS,
  type MemoryDedupeOptions,
  type MemoryDedupeStore,
  memoryDedupeStore,
} from './memory-store.js';
export {
  DEFAULT_DUPLICATE_WAIT_MS,
  DEFAULT_LEASE_MS,
  type DedupeOptions,
  type DedupeSetting,
} from './options.js';
export { deliveryInProgressResponse, storeUnavailableResponse } from './responses.js';
export { dedupeKey } from './run-once.js';
export { type DedupeClaim, type DedupeStore, isDedupeStore } from './store.js';
