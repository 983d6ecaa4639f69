export interface InboxKeys {
  /** The stream workers read, with one consumer group. */
  readonly stream: string;
  /** Failed deliveries waiting for their next attempt: a sorted set scored by due time (ms). */
  readonly retries: string;
  /** Deliveries that used up their attempts: a stream, so each keeps its id, error and time. */
  readonly deadLetters: string;
}

/**
 * Every inbox key derives from the stream name, so a hash tag in it (`hookguard:{inbox}`, the
 * default) puts all of them in one Redis Cluster slot, as the scripts and transactions need.
 */
export function inboxKeys(stream: string): InboxKeys {
  return { stream, retries: `${stream}:retries`, deadLetters: `${stream}:dead` };
}
