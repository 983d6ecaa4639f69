import Router from '@koa/router';
import Koa, { type Middleware } from 'koa';
import type { Variant } from '../variants.js';
import { handWritten } from './hand-written.js';
import { PATH, readAll } from './raw.js';
import { listenLoopback, type Running } from './running.js';

/** Koa has no raw-body capture of its own, so (a), (b) and (e) read `ctx.req` as users do. */
async function routeFor(variant: Variant): Promise<Middleware> {
  switch (variant) {
    case 'a':
      return async (ctx) => {
        await readAll(ctx.req);
        ctx.status = 204;
      };
    case 'b':
    case 'b+zod': {
      const check = await handWritten(variant);
      return async (ctx) => {
        ctx.status = check(await readAll(ctx.req), ctx.req.headers) ? 204 : 401;
      };
    }
    case 'c':
    case 'c-sw': {
      const { koaWebhook } = await import('@hookguard/koa');
      const { githubReceiver, standardReceiver } = await import('./hookguard.js');
      return koaWebhook(variant === 'c' ? githubReceiver() : standardReceiver());
    }
    case 'd': {
      // The middleware writes to the Node response itself; Koa must not answer as well.
      const middleware = (await import('./peers.js')).octokitMiddleware();
      return async (ctx) => {
        ctx.respond = false;
        await middleware(ctx.req, ctx.res);
      };
    }
    case 'e': {
      const verify = (await import('./peers.js')).standardWebhooksVerifier();
      return async (ctx) => {
        ctx.status = verify(await readAll(ctx.req), ctx.req) ? 204 : 401;
      };
    }
  }
}

export async function serveKoa(variant: Variant): Promise<Running> {
  const router = new Router();
  router.post(PATH, await routeFor(variant));
  return listenLoopback(new Koa().use(router.routes()).callback());
}
