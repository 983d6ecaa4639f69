import type { Logger } from '@hookguard/core';
import type { Cluster } from 'ioredis';
import type { RedisClient } from './client.js';

/** What one waiter holds while it listens on a channel. */
export interface Listening {
  /**
   * True while Redis has confirmed the subscription and its connection has not dropped since: a
   * settle published now reaches this waiter.
   */
  readonly live: boolean;
  /** Forgets the events so far: call it right before reading the record the events are about. */
  clear(): void;
  /**
   * Resolves at the first event since `clear()` that may mean the record changed: a message on
   * the channel, the subscription confirmed (a message sent before it was missed), or the
   * connection lost (messages from now on are).
   */
  next(): Promise<void>;
  stop(): void;
}

export interface WakeUps {
  listen(channel: string): Listening;
  /** Closes the subscriber connection; listeners from then on are never live. */
  close(): Promise<void>;
}

interface Waiter {
  pulsed: boolean;
  wake: (() => void) | undefined;
  pending: Promise<void> | undefined;
}

interface Channel {
  readonly waiters: Set<Waiter>;
  live: boolean;
}

/**
 * One subscriber connection, shared by every waiter of one store, opened when the first one waits
 * (a receiver that never sees a concurrent duplicate never opens it). It is a duplicate of the
 * store's client: a connection that subscribes can send nothing else, and a Cluster's duplicate
 * keeps ioredis's own handling of a subscriber node that goes away. Subscriptions are made here,
 * on every `ready`, so a waiter learns when its subscription exists and can read the record after
 * it: a settle between that read and the subscription cannot be missed.
 */
export function wakeUps(redis: RedisClient, logger: Logger): WakeUps {
  const channels = new Map<string, Channel>();
  let subscriber: RedisClient | undefined;
  let closed = false;
  // Set from the first error or drop until `ready`: an outage is reported once, not per retry.
  let down = false;

  function connection(): RedisClient | undefined {
    if (closed || subscriber !== undefined) return subscriber;
    // No offline queue: a SUBSCRIBE sent while connecting would be confirmed on no connection
    // anyone watches. `ready` subscribes every channel instead, ioredis's resubscribing is off.
    const created: RedisClient = isCluster(redis)
      ? redis.duplicate([], { enableOfflineQueue: false, lazyConnect: false })
      : redis.duplicate({ enableOfflineQueue: false, lazyConnect: false, autoResubscribe: false });
    subscriber = created;
    created.on('message', (name: string) => {
      const channel = channels.get(name);
      if (channel) pulse(channel);
    });
    created.on('ready', () => {
      if (down) logger.info('dedupe wake-up connection is back; waiting duplicates are woken again');
      down = false;
      for (const [name, channel] of channels) subscribe(name, channel);
    });
    created.on('error', (error: Error) => lost(error.message));
    created.on('close', () => lost('connection closed'));
    // The store's client closing (`redis.quit()`) closes this one too, so the process can exit.
    redis.once('end', close);
    return created;
  }

  function lost(reason: string): void {
    if (closed) return;
    if (!down) {
      logger.warn('dedupe wake-up connection failed; waiting duplicates poll Redis until it is back', {
        error: reason,
      });
    }
    down = true;
    for (const channel of channels.values()) {
      channel.live = false;
      pulse(channel);
    }
  }

  function subscribe(name: string, channel: Channel): void {
    const client = connection();
    if (client?.status !== 'ready') return; // `ready` subscribes it
    client.subscribe(name).then(
      () => {
        if (channels.get(name) !== channel || subscriber !== client) return;
        channel.live = true;
        pulse(channel);
      },
      (error: unknown) => lost(error instanceof Error ? error.message : String(error)),
    );
  }

  function unsubscribe(name: string): void {
    if (subscriber?.status !== 'ready') return; // a reconnect subscribes only the channels in use
    subscriber.unsubscribe(name).catch(() => {
      // Not subscribed after all (the connection dropped): nothing to undo.
    });
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    for (const channel of channels.values()) {
      channel.live = false;
      pulse(channel);
    }
    const client = subscriber;
    subscriber = undefined;
    if (client === undefined) return;
    redis.off('end', close);
    if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
    else client.disconnect();
  }

  return {
    listen(name) {
      let channel = channels.get(name);
      if (channel === undefined) {
        channel = { waiters: new Set(), live: false };
        channels.set(name, channel);
        subscribe(name, channel);
      }
      const own = channel;
      // Joining a live subscription: a message sent before it joined went to the others only, so
      // its first `next()` answers at once and it reads the record, as after a confirmation.
      const waiter: Waiter = { pulsed: own.live, wake: undefined, pending: undefined };
      own.waiters.add(waiter);
      return {
        get live() {
          return own.live;
        },
        clear() {
          waiter.pulsed = false;
        },
        next() {
          if (waiter.pulsed) return Promise.resolve();
          waiter.pending ??= new Promise<void>((resolve) => {
            waiter.wake = resolve;
          });
          return waiter.pending;
        },
        stop() {
          own.waiters.delete(waiter);
          if (own.waiters.size > 0 || channels.get(name) !== own) return;
          channels.delete(name);
          unsubscribe(name);
        },
      };
    },
    close,
  };
}

/** `isCluster` rather than `instanceof`: the caller's ioredis may be another copy than ours. */
function isCluster(redis: RedisClient): redis is Cluster {
  return redis.isCluster;
}

function pulse(channel: Channel): void {
  for (const waiter of channel.waiters) {
    waiter.pulsed = true;
    const wake = waiter.wake;
    waiter.wake = undefined;
    waiter.pending = undefined;
    wake?.();
  }
}
