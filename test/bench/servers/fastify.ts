import Fastify, { type FastifyInstance } from 'fastify';
import type { Variant } from '../variants.js';
import { handWritten } from './hand-written.js';
import { PATH } from './raw.js';
import type { Running } from './running.js';

/** Fastify's own raw capture: the JSON parser replaced by a buffer one, as its docs show. */
function captureRaw(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
}

async function mount(app: FastifyInstance, variant: Variant): Promise<void> {
  switch (variant) {
    case 'a':
      captureRaw(app);
      app.post(PATH, (_request, reply) => reply.code(204).send());
      return;
    case 'b':
    case 'b+zod': {
      const check = await handWritten(variant);
      captureRaw(app);
      app.post(PATH, (request, reply) =>
        reply.code(check(request.body as Buffer, request.headers) ? 204 : 401).send(),
      );
      return;
    }
    case 'c':
    case 'c-sw': {
      const { fastifyWebhook } = await import('@hookguard/fastify');
      const { githubReceiver, standardReceiver } = await import('./hookguard.js');
      const receiver = variant === 'c' ? githubReceiver() : standardReceiver();
      await app.register(fastifyWebhook, { receiver, path: PATH });
      return;
    }
    case 'd': {
      // Leave the stream unread for the middleware, and let it write the Node response itself.
      const middleware = (await import('./peers.js')).octokitMiddleware();
      app.removeAllContentTypeParsers();
      app.addContentTypeParser('*', (_request, _payload, done) => done(null));
      app.post(PATH, async (request, reply) => {
        reply.hijack();
        await middleware(request.raw, reply.raw);
      });
      return;
    }
    case 'e': {
      const verify = (await import('./peers.js')).standardWebhooksVerifier();
      captureRaw(app);
      app.post(PATH, (request, reply) =>
        reply.code(verify(request.body as Buffer, request.raw) ? 204 : 401).send(),
      );
      return;
    }
  }
}

export async function serveFastify(variant: Variant): Promise<Running> {
  // Fastify's default logger is off; keep-alive as long as the other servers'.
  const app = Fastify({ keepAliveTimeout: 60_000 });
  await mount(app, variant);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('fastify did not listen on TCP');
  return { port: address.port, close: () => app.close() };
}
