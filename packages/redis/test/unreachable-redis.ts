import { Redis } from 'ioredis';

/**
 * A client for a port nothing listens on, set to fail at once (no offline queue, no retries):
 * what a receiver sees when Redis is down. Its connection errors are swallowed here; the
 * commands' rejections are what the tests look at.
 */
export function unreachableRedis(): Redis {
  const client = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  return client;
}
