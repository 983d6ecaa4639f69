/** What the load test's processes and its runner agree on: senders, Redis keys, timings. */
export type LoadSender = 'whatsapp' | 'github';
export const LOAD_SENDERS: readonly LoadSender[] = ['whatsapp', 'github'];

/** The Redis keys a run uses, all under one prefix so runs sharing a Redis never mix. */
export function loadKeys(prefix: string) {
  return {
    inbox: (sender: LoadSender) => `${prefix}{inbox-${sender}}`,
    dedupe: `${prefix}dedupe:`,
    /** Handler runs per `<sender>:<serial>`, re-runs after a crash included. */
    runs: `${prefix}runs`,
    /** The side effect per `<sender>:<serial>`, applied once (HSETNX): the pid that applied it. */
    effects: `${prefix}effects`,
  };
}

export const WORKER_CONCURRENCY = 4;
// Short enough for a bounded run: a killed worker's deliveries are taken over, a killed
// receiver's claims expire, within seconds. Long enough that a live worker slowed down by a busy
// machine is not taken for dead. The defaults (60 s, 60 s, 10 s) suit real handlers.
export const CLAIM_IDLE_MS = 5000;
export const LEASE_MS = 5000;
export const DUPLICATE_WAIT_MS = 1000;
