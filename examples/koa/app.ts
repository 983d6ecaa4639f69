import { koaWebhook } from '@hookguard/koa';
import Router from '@koa/router';
import Koa from 'koa';
import type { Mount } from '../common/receivers.js';

/** A Koa app with every receiver on its own @koa/router route, next to the app's other routes. */
export function createApp(mounts: readonly Mount[]): Koa {
  const router = new Router();
  // `all`, so a GET to a webhook URL gets hookguard's JSON 405 rather than a 404 or 405 page.
  // No body parser runs on these routes: hookguard reads the exact bytes itself.
  // A prefix mount (Matrix) takes the path and everything below it: `{*rest}` in @koa/router 15.
  for (const { path, receiver, prefix } of mounts)
    router.all(prefix ? `${path}/{*rest}` : path, koaWebhook(receiver));
  router.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
  const app = new Koa({ proxy: process.env['TRUST_PROXY'] === '1' });
  app.use(router.routes());
  return app;
}
