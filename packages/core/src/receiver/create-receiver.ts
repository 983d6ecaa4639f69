import { Readable } from 'node:stream';
import { parseJsonBody } from '../body/parse-json.js';
import { bodyConsumedError, DEFAULT_BODY_LIMIT, readBody } from '../body/read-body.js';
import { HandlerError, isWebhookError, WebhookError } from '../errors.js';
import type { EventMap, EventName, Handler, HandlerContext } from '../event-map.js';
import { headersFromFetch, headerValue } from '../http/headers.js';
import { queryOf } from '../http/query.js';
import { errorResponse } from '../http/responses.js';
import type { WebhookRequest, WebhookResponse } from '../http/types.js';
import { silentLogger } from '../logger.js';
import type { ParsedEvent, Provider, VerifyInput } from '../provider.js';
import { raceDeadline } from './deadline.js';
import { type AnyHandler, assertKnownName, createHandlerRegistry } from './handler-registry.js';
import type { ReceiverOptions } from './options.js';
import { checkRequestHead } from './request-checks.js';
import { runHandlers } from './run-handlers.js';

/** A request whose body has not been read yet. */
export type RequestHead = Omit<WebhookRequest, 'body'>;

/** Limits a framework brings to `handleStream` (Fastify's route/app `bodyLimit`). */
export interface FrameworkLimits {
  /** The smaller of this and the receiver's `bodyLimit` applies, so both are honoured. */
  readonly bodyLimit?: number | undefined;
}

export interface CloseReport {
  /** Handlers that finished while closing. */
  readonly completed: number;
  /** Handlers still running when the timeout passed. */
  readonly unfinished: number;
}

export interface Receiver<M extends EventMap = EventMap, Meta = unknown> {
  readonly provider: Provider<M, Meta>;
  /** Registers a handler on a full event name, a dotted prefix, `*` or `unknown`. Chainable. */
  on<K extends EventName<M>>(name: K | readonly K[], handler: NoInfer<Handler<M, Meta, K>>): this;
  /** Framework-free: a request with its body already read → the answer. Never rejects. */
  handle(request: WebhookRequest): Promise<WebhookResponse>;
  /** For adapters: checks the head, reads the body stream under the limits, then `handle`. */
  handleStream(
    head: RequestHead,
    body: Readable | null | undefined,
    frameworkLimits?: FrameworkLimits,
  ): Promise<WebhookResponse>;
  /** Web standard: `Request` → `Response` (Hono, Next.js route handlers, Bun, Deno, Workers). */
  fetch(request: Request): Promise<Response>;
  /** Refuses new deliveries with 503, waits for running handlers up to `timeoutMs` (default 10 s). */
  close(options?: { timeoutMs?: number }): Promise<CloseReport>;
}

export function createReceiver<M extends EventMap, Meta>(
  provider: Provider<M, Meta>,
  options: ReceiverOptions = {},
): Receiver<M, Meta> {
  const registry = createHandlerRegistry();
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const limits = { limit: options.bodyLimit, timeoutMs: options.bodyTimeoutMs };
  const deadlineMs = options.deadlineMs ?? provider.deadlineMs;
  const running = new Set<Promise<unknown>>();
  let closing = false;
  for (const warning of provider.configWarnings ?? []) logger.warn(warning, { provider: provider.name });

  function track<T>(work: Promise<T>): Promise<T> {
    running.add(work);
    work.then(
      () => running.delete(work),
      () => running.delete(work),
    );
    return work;
  }

  async function reportHandlerError(error: unknown, context: HandlerContext<unknown>): Promise<void> {
    const original = error instanceof HandlerError ? error.cause : error;
    logger.error('webhook handler failed', {
      provider: provider.name,
      event: context.name,
      deliveryKey: context.deliveryKey,
      error: original instanceof Error ? original.message : String(original),
    });
    try {
      await options.onError?.(original, context);
    } catch (hookError) {
      logger.error('onError itself threw', { error: String(hookError) });
    }
  }

  async function dispatch(event: ParsedEvent<Meta>, input: VerifyInput, secretIndex: number | undefined) {
    const abort = new AbortController();
    const context: HandlerContext<Meta> = {
      name: event.known ? event.name : 'unknown',
      provider: provider.name,
      deliveryKey: event.deliveryKey,
      secretIndex,
      headers: input.headers,
      query: input.query,
      meta: event.meta,
      receivedAt: input.now,
      signal: abort.signal,
    };
    const handlerEvent = event.known
      ? event.payload
      : {
          name: event.name === 'unknown' ? undefined : event.name,
          payload: event.payload,
          issues: event.issues,
        };
    const handlers = registry.match(event.name, event.known);
    const work = track(
      runHandlers(handlers, handlerEvent, context, logger).then((reply) => {
        try {
          return provider.respond(reply, event);
        } catch (error) {
          throw new HandlerError(
            'INVALID_REPLY',
            'The handler returned a reply this event cannot carry',
            error,
          );
        }
      }),
    );
    try {
      const raced = await raceDeadline(work, deadlineMs);
      if (raced.settled) return raced.value;
      abort.abort(new Error('ack deadline passed'));
      logger.warn('ack deadline passed; answering with the fallback, handler continues', {
        provider: provider.name,
        event: event.name,
        deadlineMs,
      });
      work.catch((error) => reportHandlerError(error, context));
      return provider.fallback ? provider.fallback(event) : provider.respond(undefined, event);
    } catch (error) {
      await reportHandlerError(error, context);
      throw error;
    }
  }

  async function handle(request: WebhookRequest): Promise<WebhookResponse> {
    try {
      if (closing) throw shuttingDown();
      checkRequestHead(provider, request.method, request.headers);
      const input: VerifyInput = {
        method: request.method,
        headers: request.headers,
        query: queryOf(request.url),
        body: request.body,
        now: now(),
        remoteAddress: request.remoteAddress,
      };
      const outcome = provider.verify(input);
      if (!outcome.ok) {
        logger.warn('webhook refused', { provider: provider.name, code: outcome.error.code });
        throw outcome.error;
      }
      const event = provider.parse(
        provider.decode ? provider.decode(input) : parseJsonBody(request.body),
        input,
      );
      return await dispatch(event, input, outcome.secretIndex);
    } catch (error) {
      return errorResponse(asWebhookError(error));
    }
  }

  async function handleStream(
    head: RequestHead,
    body: Readable | null | undefined,
    frameworkLimits: FrameworkLimits = {},
  ): Promise<WebhookResponse> {
    try {
      if (closing) throw shuttingDown();
      checkRequestHead(provider, head.method, head.headers);
      if (body && (body.readableEnded || body.destroyed || !body.readable)) throw bodyConsumedError();
      const bytes = body
        ? await readBody(
            body,
            {
              contentLength: headerValue(head.headers, 'content-length'),
              contentEncoding: headerValue(head.headers, 'content-encoding'),
            },
            {
              ...limits,
              limit: Math.min(
                limits.limit ?? DEFAULT_BODY_LIMIT,
                frameworkLimits.bodyLimit ?? Number.POSITIVE_INFINITY,
              ),
            },
          )
        : new Uint8Array(0);
      return await handle({ ...head, body: bytes });
    } catch (error) {
      return errorResponse(asWebhookError(error));
    }
  }

  function asWebhookError(error: unknown): WebhookError {
    if (isWebhookError(error)) return error;
    logger.error('unexpected failure in the webhook pipeline', { error: String(error) });
    return new WebhookError(500, 'INTERNAL_ERROR', 'Internal error', { cause: error });
  }

  const receiver: Receiver<M, Meta> = {
    provider,
    on(name, handler) {
      for (const one of Array.isArray(name) ? name : [name]) {
        assertKnownName(one, provider.eventNames, provider.name);
        registry.add(one, handler as unknown as AnyHandler);
      }
      return this;
    },
    handle,
    handleStream,
    async fetch(request) {
      // A body the framework already read (Hono's c.req.json()) is locked: answer, never reject.
      const response = request.bodyUsed
        ? errorResponse(bodyConsumedError())
        : await handleStream(
            { method: request.method, url: request.url, headers: headersFromFetch(request.headers) },
            request.body ? Readable.fromWeb(request.body as import('node:stream/web').ReadableStream) : null,
          );
      return new Response(response.body === '' ? null : response.body, {
        status: response.status,
        headers: response.headers,
      });
    },
    async close({ timeoutMs = 10_000 } = {}) {
      closing = true;
      const pending = [...running];
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      await Promise.race([Promise.allSettled(pending), timeout]);
      clearTimeout(timer);
      const unfinished = pending.filter((work) => running.has(work)).length;
      if (unfinished > 0) logger.warn('closed with handlers still running', { unfinished });
      return { completed: pending.length - unfinished, unfinished };
    },
  };
  return receiver;
}

function shuttingDown(): WebhookError {
  return new WebhookError(503, 'SHUTTING_DOWN', 'The receiver is shutting down; retry later', {
    headers: { 'retry-after': '5', connection: 'close' },
  });
}

/** What adapters need from a receiver, whatever its provider: no event types involved. */
export type ReceiverLike = Pick<Receiver, 'handle' | 'handleStream' | 'fetch'>;
