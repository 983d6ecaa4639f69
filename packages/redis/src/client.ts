import type { Cluster, Redis } from 'ioredis';

/**
 * What every function here accepts: one Redis (`new Redis(url)`) or a Redis Cluster
 * (`new Cluster(nodes)`). Each command and script names keys of one hash slot only, which a
 * Cluster requires (docs/redis-cluster.md).
 */
export type RedisClient = Redis | Cluster;
