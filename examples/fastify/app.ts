import { fastifyWebhook } from '@hookguard/fastify';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Mount } from '../common/receivers.js';

/**
 * A Fastify app with every receiver registered as its own encapsulated route plugin: the app's
 * JSON parsing, hooks and error handler stay exactly as they are for its other routes.
 */
export function createApp(mounts: readonly Mount[], options: FastifyServerOptions = {}): FastifyInstance {
  const app = Fastify(options);
  for (const { path, receiver } of mounts) app.register(fastifyWebhook, { receiver, path });
  app.get('/healthz', async () => ({ ok: true }));
  return app;
}
