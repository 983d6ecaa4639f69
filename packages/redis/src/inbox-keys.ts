export interface InboxKeys {
  /** The stream workers read, with one consumer group. */
  readonly stream: string;
  /** Failed deliveries waiting for their next attempt: a sorted set scored by due time (ms). */
  readonly retries: string;
  /** Deliveries that used up their attempts: a stream, so each keeps its id, error and time. */
  readonly deadLetters: string;
}

/**
 * Every inbox key derives from the stream name and lives in the stream's Redis Cluster slot, as
 * the scripts and transactions that touch several of them need. With a hash tag in the name
 * (`hookguard:{inbox}`, the default) the others append to it; without one, the whole name
 * becomes their tag: Redis hashes `{orders}:retries` exactly as it hashes `orders`.
 * https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#hash-tags
 */
export function inboxKeys(stream: string): InboxKeys {
  if (hashTagOf(stream) !== undefined) {
    return { stream, retries: `${stream}:retries`, deadLetters: `${stream}:dead` };
  }
  if (stream.includes('}')) {
    // A tag ends at the first `}`, so no other key can carry this whole name as its tag.
    throw new TypeError(
      `hookguard inbox: the stream name ${JSON.stringify(stream)} has a "}" but no hash tag; name it like "hookguard:{inbox}"`,
    );
  }
  return { stream, retries: `{${stream}}:retries`, deadLetters: `{${stream}}:dead` };
}

/** What Redis Cluster hashes instead of the whole key: the text of the first non-empty `{…}`. */
function hashTagOf(key: string): string | undefined {
  const open = key.indexOf('{');
  if (open === -1) return undefined;
  const close = key.indexOf('}', open + 1);
  if (close === -1 || close === open + 1) return undefined;
  return key.slice(open + 1, close);
}
