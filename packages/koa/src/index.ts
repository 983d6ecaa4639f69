import type { ReceiverLike, WebhookResponse } from '@hookguard/core';
import { nodeRequestHead } from '@hookguard/core/adapter';
import type { Context, Middleware } from 'koa';

export interface KoaWebhookOptions {
  /**
   * For plain Koa (`app.use(koaWebhook(receiver, { path: '/onebot' }))`): only this exact path is
   * answered, every other request goes on to `next()`. Leave it out on a `@koa/router` route.
   */
  readonly path?: string;
}

/**
 * Koa 3 middleware: `router.all('/onebot', koaWebhook(receiver))`. Reads the raw body itself, so
 * no body parser may run before it on this route. `router.all` lets hookguard answer a GET with
 * its JSON 405, like every other adapter; `router.post` works too (then the router answers GET).
 *
 * A body parser that already drained the stream leaves only `ctx.request.rawBody`, a decoded
 * string (a BOM stripped, invalid UTF-8 replaced), so it is never trusted: the core answers
 * BODY_ALREADY_CONSUMED, whose message names the fix.
 */
export function koaWebhook(receiver: ReceiverLike, options: KoaWebhookOptions = {}): Middleware {
  return async function hookguardKoa(ctx: Context, next: () => Promise<unknown>): Promise<void> {
    if (options.path !== undefined && ctx.path !== options.path) {
      await next();
      return;
    }
    // ctx.ip honours app.proxy; originalUrl survives koa-mount rewriting ctx.url (only the query is read).
    const head = nodeRequestHead(ctx.req, ctx.originalUrl, ctx.ip);
    writeKoaResponse(ctx, await receiver.handleStream(head, ctx.req));
  };
}

function writeKoaResponse(ctx: Context, answer: WebhookResponse): void {
  // Body before status: Koa turns a null body into 204 and a string body into 200, so the
  // status set afterwards is the one sent (an empty 200 stays 200, with no Content-Type).
  ctx.body = answer.body === '' ? null : answer.body;
  ctx.status = answer.status;
  const headers = answer.headers;
  for (const name in headers) ctx.set(name, headers[name] as string);
}
