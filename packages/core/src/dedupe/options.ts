import { type MemoryDedupeOptions, memoryDedupeStore } from './memory-store.js';
import type { DedupeGuard } from './run-once.js';
import { type DedupeStore, isDedupeStore } from './store.js';

export interface DedupeOptions extends MemoryDedupeOptions {
  /** A shared store (`redisDedupeStore` from `@hookguard/redis`); default: a bounded in-memory one. */
  readonly store?: DedupeStore;
  /**
   * How long a claim holds a delivery if its owner dies before settling it; past it, a retry runs
   * again. Keep it above your slowest handler. Default 60 000.
   */
  readonly leaseMs?: number;
  /**
   * How long a duplicate waits for the same delivery in flight before answering 503 with
   * Retry-After. Default 10 000 (GitHub's and GOWA's per-attempt timeout).
   */
  readonly waitMs?: number;
}

/** `false` turns dedupe off; `true` or absent: the in-memory default. */
export type DedupeSetting = boolean | DedupeStore | DedupeOptions;

export const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_DUPLICATE_WAIT_MS = 10_000;

export function resolveDedupe(setting: DedupeSetting | undefined): DedupeGuard | undefined {
  if (setting === false) return undefined;
  if (setting === undefined || setting === true) return guardOf(memoryDedupeStore(), {});
  if (isDedupeStore(setting)) return guardOf(setting, {});
  return guardOf(setting.store ?? memoryDedupeStore(setting), setting);
}

function guardOf(store: DedupeStore, options: DedupeOptions): DedupeGuard {
  return {
    store,
    leaseMs: positive(options.leaseMs ?? DEFAULT_LEASE_MS, 'leaseMs'),
    waitMs: positive(options.waitMs ?? DEFAULT_DUPLICATE_WAIT_MS, 'waitMs'),
  };
}

function positive(value: number, name: string): number {
  if (!(value > 0))
    throw new TypeError(`hookguard createReceiver(): dedupe.${name} must be a positive number`);
  return value;
}
