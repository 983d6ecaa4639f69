import type { Delivery } from '../delivery.js';
import { type Verdict, verdictOf } from './verdict.js';

/** One delivery as the inspector keeps it: the value `listen` printed, once, under a number. */
export interface StoredDelivery {
  /** Counts up from 1 for the listener's life; a number the page asks the details of. */
  readonly id: number;
  readonly delivery: Delivery;
  readonly verdict: Verdict;
  /** From the request's arrival to the last byte of the answer written. */
  readonly ms: number;
}

export interface DeliveryFilter {
  readonly verdict?: Verdict | undefined;
  readonly event?: string | undefined;
}

export interface DeliveryStore {
  readonly keep: number;
  add(delivery: Delivery, ms: number): StoredDelivery;
  get(id: number): StoredDelivery | undefined;
  /** Oldest first, those the filter matches. */
  list(filter?: DeliveryFilter): StoredDelivery[];
  /** The event names among the kept deliveries, for the page's filter. */
  eventNames(): string[];
  /** Called with each delivery added; returns the unsubscribe function. */
  subscribe(listener: (stored: StoredDelivery) => void): () => void;
}

export function matches(stored: StoredDelivery, filter: DeliveryFilter): boolean {
  if (filter.verdict !== undefined && stored.verdict !== filter.verdict) return false;
  if (filter.event !== undefined && stored.delivery.event !== filter.event) return false;
  return true;
}

/**
 * The last `keep` deliveries in a ring: memory stays bounded by `keep` deliveries however long
 * `listen` runs. Each body is held once, in the delivery itself; the page gets summaries and asks
 * for one delivery's body when it opens it.
 */
export function createDeliveryStore(keep: number): DeliveryStore {
  if (!Number.isInteger(keep) || keep < 1)
    throw new RangeError(`keep must be a whole number ≥ 1, not ${keep}`);
  const ring: (StoredDelivery | undefined)[] = new Array(keep);
  const listeners = new Set<(stored: StoredDelivery) => void>();
  let next = 1;
  const all = (): StoredDelivery[] => {
    const out: StoredDelivery[] = [];
    for (let id = Math.max(1, next - keep); id < next; id++) out.push(ring[id % keep]!);
    return out;
  };
  return {
    keep,
    add(delivery, ms) {
      const stored: StoredDelivery = { id: next, delivery, verdict: verdictOf(delivery), ms };
      ring[next % keep] = stored;
      next++;
      for (const listener of listeners) listener(stored);
      return stored;
    },
    get(id) {
      if (!Number.isInteger(id) || id < 1 || id >= next || id < next - keep) return undefined;
      return ring[id % keep];
    },
    list(filter = {}) {
      return all().filter((stored) => matches(stored, filter));
    },
    eventNames() {
      const names = new Set<string>();
      for (const stored of all()) if (stored.delivery.event !== undefined) names.add(stored.delivery.event);
      return [...names].sort();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
