/**
 * `@hookguard/core/adapter`: the plumbing a framework adapter, a store or a worker is built from,
 * kept off the root so an app author's import list stays short. @hookguard/express, koa, fastify,
 * redis and cli import from here; an app never needs to. Every name is listed on purpose, and
 * packages/core/test/exports.test.ts pins the list.
 */

export {
  type BodyHead,
  type BodyLimits,
  DEFAULT_BODY_LIMIT,
  DEFAULT_BODY_TIMEOUT_MS,
  readBody,
} from './body/read-body.js';
export { describeThrown } from './describe-thrown.js';
export { headersFromFetch, headerValue } from './http/headers.js';
export { nodeRequestHead, writeNodeResponse } from './http/node.js';
export { queryOf } from './http/query.js';
export { emptyResponse, errorResponse, jsonResponse } from './http/responses.js';
export type { WebhookHeaders, WebhookRequest, WebhookResponse } from './http/types.js';
export type { FrameworkLimits, ReceiverLike, RequestHead } from './receiver/create-receiver.js';
