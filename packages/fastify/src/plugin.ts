import type { ReceiverLike } from '@hookguard/core';
import { nodeRequestHead } from '@hookguard/core';
import type { FastifyPluginAsync } from 'fastify';
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
 * Everything below happens in the plugin's own encapsulated scope (fastify-plugin with
 * `encapsulate: true` only adds a name and a Fastify version check): the parent's content-type
 * parsers, hooks and error handler are untouched, and a parent's own `application/json` parser
 * does not clash with ours because the scope starts by removing every inherited one.
 *
 * Fastify's parser is bypassed on purpose: the catch-all parser leaves the stream unread and the
 * core reads `request.raw` exactly as the Express and Koa adapters do, so gzip, limits, 408, 415
 * and their error bodies are the same everywhere instead of re-created from Fastify's errors.
 * Fastify's `bodyLimit` (route, else app) is passed on, and the smaller limit wins.
 */
const webhookRoute: FastifyPluginAsync<FastifyWebhookOptions> = async (
  scope,
  { receiver, path, bodyLimit },
) => {
  scope.removeAllContentTypeParsers();
  // Any Content-Type (or none) reaches the handler, so the core, not Fastify, decides on 415.
  scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
  // `all`: a GET gets the core's JSON 405 with `Allow: POST`, as from every other adapter.
  scope.all(path, { ...(bodyLimit === undefined ? {} : { bodyLimit }) }, async (request, reply) => {
    const head = nodeRequestHead(request.raw, request.originalUrl, request.ip);
    const answer = await receiver.handleStream(head, request.raw, {
      bodyLimit: request.routeOptions.bodyLimit,
    });
    reply.code(answer.status).headers(answer.headers);
    // No payload for an empty answer, so Fastify adds no text/plain Content-Type.
    return answer.body === '' ? reply.send() : reply.send(answer.body);
  });
};

export const fastifyWebhook = fp(webhookRoute, {
  name: '@hookguard/fastify',
  fastify: '5.x',
  encapsulate: true,
});
