import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ReceiverLike } from '@hookguard/core';
import { expressWebhook } from '@hookguard/express';
import { fastifyWebhook } from '@hookguard/fastify';
import { koaWebhook } from '@hookguard/koa';
import Router from '@koa/router';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import { type Listening, listen } from '../support/http.js';

/**
 * `exact`: the receiver answers one path. `prefix`: it answers `path` and every path below it, for
 * a sender that appends its own (Matrix): each app mounts it the way docs/senders.md shows.
 */
export type Mount = 'exact' | 'prefix';

/** One way users mount a receiver: a real app of that framework, listening on loopback. */
export interface Adapter {
  readonly name: string;
  serve(receiver: ReceiverLike, path: string, mount?: Mount): Promise<Listening>;
}

/**
 * Each app is mounted the way its README shows, on every method (`all`), so that a GET reaches
 * hookguard and gets its JSON 405 rather than the framework's own 404/405 page.
 */
export const adapters: readonly Adapter[] = [
  {
    name: 'express',
    serve(receiver, path, mount = 'exact') {
      const app = express();
      if (mount === 'prefix') app.use(path, expressWebhook(receiver));
      else app.all(path, expressWebhook(receiver));
      return listen(app);
    },
  },
  {
    name: 'koa',
    serve(receiver, path, mount = 'exact') {
      const router = new Router();
      router.all(mount === 'prefix' ? `${path}/{*rest}` : path, koaWebhook(receiver));
      const app = new Koa().use(router.routes());
      // Koa logs every error of a request's socket. A row that sends bytes after the body
      // (Content-Length too small) expects Node's HTTP parser to refuse them (400, connection
      // closed), which Koa would print; any other error is still logged as Koa does.
      app.on('error', (error: { code?: unknown }) => {
        if (typeof error.code === 'string' && error.code.startsWith('HPE_')) return;
        app.onerror(error as Error);
      });
      return listen(app.callback());
    },
  },
  {
    name: 'fastify',
    async serve(receiver, path, mount = 'exact') {
      const app = Fastify();
      await app.register(fastifyWebhook, { receiver, path: mount === 'prefix' ? `${path}/*` : path });
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      return { url, server: app.server, close: () => app.close() };
    },
  },
  {
    name: 'fetch (hono)',
    async serve(receiver, path, mount = 'exact') {
      const app = new Hono();
      app.all(mount === 'prefix' ? `${path}/*` : path, (c) => receiver.fetch(c.req.raw));
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise<void>((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}`,
        server: server as Listening['server'],
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    },
  },
];
