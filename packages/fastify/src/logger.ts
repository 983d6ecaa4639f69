import type { Logger } from '@hookguard/core';
import type { FastifyBaseLogger } from 'fastify';

/**
 * Lets the receiver log through Fastify's pino logger, so hookguard's warnings (refused
 * deliveries, handler failures, passed deadlines) land in the app's own log:
 * `createReceiver(onebot(...), { logger: fastifyLogger(app.log) })`.
 */
export function fastifyLogger(log: FastifyBaseLogger): Logger {
  // pino takes the fields first, the message second.
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  };
}
