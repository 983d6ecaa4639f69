export type { RedisClient } from './client.js';
export { type RedisDedupeOptions, type RedisDedupeStore, redisDedupeStore } from './dedupe-store.js';
export { type DeadLetter, type RedisInbox, type RedisInboxOptions, redisInbox } from './inbox.js';
export { type InboxKeys, inboxKeys } from './inbox-keys.js';
export type { InboxWorker, InboxWorkerOptions } from './worker.js';
