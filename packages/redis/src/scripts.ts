import { createHash } from 'node:crypto';
import type { RedisClient } from './client.js';

export interface LuaScript {
  readonly source: string;
  readonly sha: string;
}

export function luaScript(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * EVALSHA, falling back to EVAL once when the server does not know the script yet (fresh server,
 * SCRIPT FLUSH, failover). Unlike `defineCommand`, this adds nothing to the caller's client.
 */
export async function runScript(
  redis: RedisClient,
  script: LuaScript,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.eval(script.source, keys.length, ...keys, ...args);
  }
}

/** `MULTI … EXEC` reports a failed command in its results instead of rejecting: surface it. */
export async function execAll(transaction: ReturnType<RedisClient['multi']>): Promise<void> {
  const results = await transaction.exec();
  if (results === null) throw new Error('Redis aborted the transaction');
  for (const [error] of results) if (error) throw error;
}
