import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReceiverLike } from '@hookguard/core';
import { expressWebhook } from '@hookguard/express';
import { fastifyWebhook } from '@hookguard/fastify';
import { koaWebhook } from '@hookguard/koa';
import Router from '@koa/router';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';

/** One receiver mounted at one path, or at it and every path below (`prefix`: Matrix appends its own). */
export interface Mount {
  readonly path: string;
  readonly receiver: ReceiverLike;
  readonly prefix?: boolean;
}

export interface RunningAdapter {
  readonly name: string;
  /** `http://127.0.0.1:<port>`; mounts hang below it. */
  readonly url: string;
  close(): Promise<void>;
}

/** The demo's adapters, each an app as a user would write it, on a free loopback port. */
export const ADAPTERS = ['express', 'koa', 'fastify', 'fetch'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export function startAdapter(name: AdapterName, mounts: readonly Mount[]): Promise<RunningAdapter> {
  switch (name) {
    case 'express':
      return startExpress(mounts);
    case 'koa':
      return startKoa(mounts);
    case 'fastify':
      return startFastify(mounts);
    case 'fetch':
      return startFetch(mounts);
  }
}

async function startExpress(mounts: readonly Mount[]): Promise<RunningAdapter> {
  const app = express();
  for (const mount of mounts) {
    if (mount.prefix) app.use(mount.path, expressWebhook(mount.receiver));
    else app.post(mount.path, expressWebhook(mount.receiver));
  }
  return listenOnFreePort('express', createServer(app));
}

async function startKoa(mounts: readonly Mount[]): Promise<RunningAdapter> {
  const app = new Koa();
  const router = new Router();
  for (const mount of mounts) {
    router.all(mount.prefix ? `${mount.path}/{*rest}` : mount.path, koaWebhook(mount.receiver));
  }
  app.use(router.routes());
  return listenOnFreePort('koa', createServer(app.callback()));
}

async function startFastify(mounts: readonly Mount[]): Promise<RunningAdapter> {
  const app = Fastify({ logger: false });
  for (const mount of mounts)
    await app.register(fastifyWebhook, {
      receiver: mount.receiver,
      path: mount.prefix ? `${mount.path}/*` : mount.path,
    });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { name: 'fastify', url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** The Web-standard handler (`receiver.fetch`) behind a bare node:http server, as Hono or Bun would call it. */
async function startFetch(mounts: readonly Mount[]): Promise<RunningAdapter> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const mount = mounts.find(
      (candidate) =>
        candidate.path === url.pathname ||
        (candidate.prefix && url.pathname.startsWith(`${candidate.path}/`)),
    );
    if (!mount) {
      res.statusCode = 404;
      res.end();
      return;
    }
    mount.receiver.fetch(toFetchRequest(req, url)).then(
      (response) => writeFetchResponse(res, response),
      () => {
        res.statusCode = 500;
        res.end();
      },
    );
  });
  return listenOnFreePort('fetch', server);
}

function toFetchRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (let index = 0; index + 1 < req.rawHeaders.length; index += 2) {
    headers.append(req.rawHeaders[index]!, req.rawHeaders[index + 1]!);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as unknown as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function listenOnFreePort(name: string, server: Server): Promise<RunningAdapter> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
