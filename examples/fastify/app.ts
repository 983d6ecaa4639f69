import { fastifyWebhook } from '@hookguard/fastify';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Mount } from '../common/receivers.js';

/**
 * A Fastify app with every receiver registered as its own encapsulated route plugin: the app's
 * JSON parsing, hooks and error handler stay exactly as they are for its other routes.
 */
export function createApp(mounts: readonly Mount[], options: FastifyServerOptions = {}): FastifyInstance {
  const app = Fastify(options);
  // A prefix mount (Matrix) is a wildcard route: `/matrix/*`.
  for (const { path, receiver, prefix } of mounts) {
    app.register(fastifyWebhook, { receiver, path: prefix ? `${path}/*` : path });
  }
  app.get('/healthz', async () => ({ ok: true }));
  return app;
}
