import type { DeliveryProcessor, Inbox, InboxDelivery } from '@hookguard/core';
import type { RedisClient } from './client.js';
import { type InboxKeys, inboxKeys } from './inbox-keys.js';
import { execAll } from './scripts.js';
import { fieldsOf, type RawEntry } from './stream-entries.js';
import { type InboxWorker, type InboxWorkerOptions, startInboxWorker } from './worker.js';

export interface RedisInboxOptions {
  /** The stream's key; keep a `{hash tag}` in it for Redis Cluster. Default `hookguard:{inbox}`. */
  readonly stream?: string;
  /** The consumer group every worker joins. Default `hookguard`. */
  readonly group?: string;
}

export interface DeadLetter {
  /** The dead letter's own stream id, for `redrive`. */
  readonly id: string;
  readonly delivery: InboxDelivery;
  readonly attempts: number;
  /** The last handler error's message (never a stack). */
  readonly error: string;
  readonly failedAt: number;
}

export interface RedisInbox extends Inbox {
  readonly keys: InboxKeys;
  /** Runs `receiver`'s handlers for every stored delivery, with retries, backoff and dead letters. */
  startWorker(receiver: DeliveryProcessor, options?: InboxWorkerOptions): InboxWorker;
  /** The oldest dead letters first. */
  deadLetters(count?: number): Promise<DeadLetter[]>;
  /** Puts a dead letter back on the stream as a fresh delivery (attempt 1), for after a fix. */
  redrive(id: string): Promise<boolean>;
}

/**
 * A durable inbox on a Redis Stream: `createReceiver(provider, { inbox })` writes each verified
 * delivery here (one XADD) before the sender gets its 2xx; workers on any instance read it
 * through one consumer group and run the receiver's handlers.
 */
export function redisInbox(redis: RedisClient, options: RedisInboxOptions = {}): RedisInbox {
  const keys = inboxKeys(options.stream ?? 'hookguard:{inbox}');
  const group = options.group ?? 'hookguard';
  return {
    keys,
    async enqueue(delivery) {
      // No MAXLEN: trimming could drop deliveries nobody has run yet.
      await redis.xadd(keys.stream, '*', 'delivery', JSON.stringify(delivery), 'attempt', '1');
    },
    startWorker: (receiver, workerOptions) =>
      startInboxWorker({ redis, keys, group }, receiver, workerOptions),
    async deadLetters(count = 100) {
      const raw = (await redis.xrange(keys.deadLetters, '-', '+', 'COUNT', count)) as RawEntry[];
      return raw.map((entry) => {
        const fields = fieldsOf(entry);
        return {
          id: entry[0],
          delivery: JSON.parse(fields['delivery'] ?? 'null') as InboxDelivery,
          attempts: Number(fields['attempts']),
          error: fields['error'] ?? '',
          failedAt: Number(fields['failedAt']),
        };
      });
    },
    async redrive(id) {
      const [entry] = (await redis.xrange(keys.deadLetters, id, id)) as RawEntry[];
      const delivery = entry ? fieldsOf(entry)['delivery'] : undefined;
      if (delivery === undefined) return false;
      await execAll(
        redis.multi().xadd(keys.stream, '*', 'delivery', delivery, 'attempt', '1').xdel(keys.deadLetters, id),
      );
      return true;
    },
  };
}
