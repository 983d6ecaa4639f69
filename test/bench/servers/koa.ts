import { koaWebhook } from '@hookguard/koa';
import Router from '@koa/router';
import Koa, { type Middleware } from 'koa';
import type { Variant } from '../variants.js';
import {
  githubReceiver,
  handWrittenVerifyAndParse,
  octokitMiddleware,
  PATH,
  readAll,
  standardReceiver,
  standardWebhooksVerifier,
} from './pieces.js';
import { listenLoopback, type Running } from './running.js';

/** Koa has no raw-body capture of its own, so (a), (b) and (e) read `ctx.req` as users do. */
function routeFor(variant: Variant): Middleware {
  switch (variant) {
    case 'a':
      return async (ctx) => {
        await readAll(ctx.req);
        ctx.status = 204;
      };
    case 'b':
      return async (ctx) => {
        const body = await readAll(ctx.req);
        ctx.status = handWrittenVerifyAndParse(body, ctx.req.headers['x-hub-signature-256']) === undefined ? 401 : 204;
      };
    case 'c':
      return koaWebhook(githubReceiver());
    case 'c-sw':
      return koaWebhook(standardReceiver());
    case 'd': {
      // The middleware writes to the Node response itself; Koa must not answer as well.
      const middleware = octokitMiddleware();
      return async (ctx) => {
        ctx.respond = false;
        await middleware(ctx.req, ctx.res);
      };
    }
    case 'e': {
      const verify = standardWebhooksVerifier();
      return async (ctx) => {
        ctx.status = verify(await readAll(ctx.req), ctx.req) ? 204 : 401;
      };
    }
  }
}

export function serveKoa(variant: Variant): Promise<Running> {
  const router = new Router();
  router.post(PATH, routeFor(variant));
  return listenLoopback(new Koa().use(router.routes()).callback());
}
