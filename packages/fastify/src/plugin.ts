import type { ReceiverLike } from '@hookguard/core';
import { nodeRequestHead } from '@hookguard/core/adapter';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface FastifyWebhookOptions {
  readonly receiver: ReceiverLike;
  /** The route's path inside the plugin's scope (a `prefix` given to `register` goes before it). */
  readonly path: string;
  /** This route's Fastify `bodyLimit` in bytes; default the app's (1 MiB). The receiver's own also applies. */
  readonly bodyLimit?: number;
}

/**
 * `app.register(fastifyWebhook, { receiver, path: '/onebot' })`.
 *
 * The route answers from its own `onRequest` hook, before Fastify looks at the Content-Type or
 * runs a content-type parser: the core reads `request.raw` itself, exactly as the Express and Koa
 * adapters do, so every Content-Type (valid, malformed, empty or absent), gzip, limits, 408 and
 * their error bodies get the same answer everywhere. No parser is added or removed, so the app's
 * JSON parsing (its own custom parser included) is untouched; the plugin keeps its encapsulated
 * scope (fastify-plugin with `encapsulate: true` only adds a name and a Fastify version check).
 * The app's `onRequest` hooks still run first; its later hooks (preParsing onwards) do not.
 *
 * Fastify's `bodyLimit` (the route's, else the app's) is passed on; the smaller of it and the
 * receiver's `bodyLimit` applies.
 */
const webhookRoute: FastifyPluginAsync<FastifyWebhookOptions> = async (
  scope,
  { receiver, path, bodyLimit },
) => {
  async function answer(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const head = nodeRequestHead(request.raw, request.originalUrl, request.ip);
    const answer = await receiver.handleStream(head, request.raw, {
      bodyLimit: request.routeOptions.bodyLimit,
    });
    reply.code(answer.status).headers(answer.headers);
    // No payload for an empty answer, so Fastify adds no text/plain Content-Type.
    return answer.body === '' ? reply.send() : reply.send(answer.body);
  }
  // `all`: a GET gets the core's JSON 405 with `Allow: POST`, as from every other adapter.
  // The handler is never reached: `answer` has replied in onRequest already.
  scope.all(path, { ...(bodyLimit === undefined ? {} : { bodyLimit }), onRequest: answer }, answer);
};

export const fastifyWebhook = fp(webhookRoute, {
  name: '@hookguard/fastify',
  fastify: '5.x',
  encapsulate: true,
});
