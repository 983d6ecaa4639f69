import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Listening, listen } from '../../test/support/http.js';
import { createApp as createFastifyApp } from '../fastify/app.js';
import { createHandler } from '../fetch/app.js';
import { createApp as createKoaApp } from '../koa/app.js';
import type { Mount } from './receivers.js';

/** Starts an example that mounts every receiver, on a free loopback port, as its server.ts would. */
export type StartExample = (mounts: readonly Mount[]) => Promise<Listening>;

export const startKoa: StartExample = (mounts) => listen(createKoaApp(mounts).callback());

export const startFastify: StartExample = async (mounts) => {
  const app = createFastifyApp(mounts);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, server: app.server, close: () => app.close() };
};

export const startFetch: StartExample = async (mounts) => {
  const server = serve({ fetch: createHandler(mounts), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server: server as never,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
