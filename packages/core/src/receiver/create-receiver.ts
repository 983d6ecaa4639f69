import type { Readable } from 'node:stream';
import {
  type BodyHead,
  type BodyLimits,
  bodyConsumedError,
  DEFAULT_BODY_LIMIT,
  readBody,
} from '../body/read-body.js';
import { readWebBody } from '../body/read-web-body.js';
import { resolveDedupe } from '../dedupe/options.js';
import { describeThrown } from '../describe-thrown.js';
import { isWebhookError, WebhookError } from '../errors.js';
import type { EventMap, EventName, Handler } from '../event-map.js';
import { headersFromFetch, headerValue } from '../http/headers.js';
import type { RequestHead, WebhookRequest, WebhookResponse } from '../http/types.js';
import { stderrLogger } from '../logger.js';
import type { Provider, VerifyInput } from '../provider.js';
import { decodeVerified, isBodilessMethod, notADelivery, verifyInputOf } from '../verify-input.js';
import { createDeliveryPipeline } from './deliver.js';
import { errorAnswerOf } from './error-answer.js';
import { type AnyHandler, assertKnownName, createHandlerRegistry } from './handler-registry.js';
import type { InboxDelivery } from './inbox.js';
import { createLateReplies, type LateReplyHook } from './late-reply.js';
import { type ReceiverOptionsFor, resolveMode } from './options.js';
import { createRefusalWarnings } from './refusal-warnings.js';
import { checkRequestHead } from './request-checks.js';
import { createSchemaWarnings } from './schema-warnings.js';
import { type CloseReport, createWorkTracker } from './work-tracker.js';

/** A request whose body has not been read yet. */
export type { RequestHead } from '../http/types.js';

/** Limits a framework brings to `handleStream` (Fastify's route/app `bodyLimit`). */
export interface FrameworkLimits {
  /** The smaller of this and the receiver's `bodyLimit` applies, so both are honoured. */
  readonly bodyLimit?: number | undefined;
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
  /**
   * For inbox workers: runs the registered handlers for a stored delivery (no dedupe, no deadline,
   * the reply is dropped). Rejects with what a handler threw, so the inbox retries it.
   */
  process(delivery: InboxDelivery, options?: { readonly signal?: AbortSignal }): Promise<void>;
  /**
   * Refuses new deliveries with 503 (Retry-After), then waits up to `timeoutMs` (default 10 s) for
   * everything accepted so far, background work included. Reports what did not finish and aborts
   * those handlers' `signal`.
   */
  close(options?: { timeoutMs?: number }): Promise<CloseReport>;
}

export function createReceiver<M extends EventMap, Meta>(
  provider: Provider<M, Meta>,
  // NoInfer: the provider alone decides M and Meta, whatever the options say.
  options: ReceiverOptionsFor<NoInfer<M>, NoInfer<Meta>> = {},
): Receiver<M, Meta> {
  const registry = createHandlerRegistry();
  const logger = options.logger ?? stderrLogger;
  const now = options.now ?? Date.now;
  const limits = { limit: options.bodyLimit, timeoutMs: options.bodyTimeoutMs };
  const deadlineMs = options.deadlineMs ?? provider.deadlineMs;
  const mode = resolveMode(options);
  const tracker = createWorkTracker();
  /** Errors in the sender's form when the provider has one (Matrix), else hookguard's. */
  const answerError = errorAnswerOf(provider);
  const pipeline = createDeliveryPipeline({
    provider,
    registry,
    logger,
    tracker,
    dedupe: resolveDedupe(options.dedupe),
    mode,
    inbox: options.inbox,
    deadlineMs,
    onError: options.onError,
    handOverLateReply: createLateReplies({
      provider,
      logger,
      // Typed per event for the app; inside, a late reply is any name with any reply.
      onLateReply: options.onLateReply as LateReplyHook | undefined,
    }),
  });
  const warnOnSchemaMismatch = createSchemaWarnings(provider, logger);
  const warnOnRefusal = createRefusalWarnings(provider.name, logger, Date.now);
  let closing = false;
  for (const warning of provider.configWarnings ?? []) logger.warn(warning, { provider: provider.name });

  async function handle(request: WebhookRequest): Promise<WebhookResponse> {
    try {
      if (closing) throw shuttingDown();
      checkRequestHead(provider, request.method, request.headers);
      return await verifyAndDeliver(request);
    } catch (error) {
      return answerError(asWebhookError(error));
    }
  }

  /** Everything after the head checks, which the caller has made. Rejects with what went wrong. */
  function verifyAndDeliver(request: WebhookRequest): Promise<WebhookResponse> {
    const input = verifyInputOf(request, now());
    const outcome = provider.verify(input);
    if (!outcome.ok) {
      warnOnRefusal(outcome.error.code);
      throw outcome.error;
    }
    const failureHeaders = provider.failureHeaders;
    if (failureHeaders === undefined) return deliverVerified(input, outcome.secretIndex);
    return (async () => deliverVerified(input, outcome.secretIndex))().catch((error: unknown) => {
      const failure = asWebhookError(error);
      throw new WebhookError(failure.status, failure.code, failure.message, {
        cause: failure,
        headers: { ...failure.headers, ...failureHeaders },
      });
    });
  }

  /** Decode, handshake or parse, then the delivery pipeline, for a request that passed `verify`. */
  function deliverVerified(input: VerifyInput, secretIndex: number | undefined): Promise<WebhookResponse> {
    const payload = decodeVerified(provider, input);
    const handshake = provider.handshake?.(payload, input);
    if (handshake !== undefined) return Promise.resolve(handshake);
    if (isBodilessMethod(input.method)) throw notADelivery(input);
    const batch = provider.parseBatch?.(payload, input);
    if (batch !== undefined) {
      for (const event of batch.events) warnOnSchemaMismatch(event);
      return pipeline.deliverBatch({ batch, input, secretIndex });
    }
    const event = provider.parse(payload, input);
    warnOnSchemaMismatch(event);
    return pipeline.deliver({ event, input, secretIndex });
  }

  /** Limits for one read: the receiver's, narrowed by the framework's (the smaller wins). */
  function limitsWith(frameworkLimits: FrameworkLimits): BodyLimits {
    return {
      timeoutMs: limits.timeoutMs,
      limit: Math.min(
        limits.limit ?? DEFAULT_BODY_LIMIT,
        frameworkLimits.bodyLimit ?? Number.POSITIVE_INFINITY,
      ),
    };
  }

  /**
   * The shared path of every streaming entry point: head checks before a byte is read, then
   * `read` (a Node stream or a Web stream reader, both under the same limits and with the same
   * refusals), then verify and deliver.
   */
  async function handleRead(head: RequestHead, read: () => Promise<Uint8Array>): Promise<WebhookResponse> {
    try {
      if (closing) throw shuttingDown();
      checkRequestHead(provider, head.method, head.headers);
      const bytes = await read();
      // The head was checked before the read; only a close() that began meanwhile is new.
      if (closing) throw shuttingDown();
      // Spelled out rather than spread: see "Hot-path decisions" in BENCHMARKS.md.
      return await verifyAndDeliver({
        method: head.method,
        url: head.url,
        headers: head.headers,
        remoteAddress: head.remoteAddress,
        body: bytes,
      });
    } catch (error) {
      return answerError(asWebhookError(error));
    }
  }

  function bodyHeadOf(head: RequestHead): BodyHead {
    return {
      contentLength: headerValue(head.headers, 'content-length'),
      contentEncoding: headerValue(head.headers, 'content-encoding'),
    };
  }

  function handleStream(
    head: RequestHead,
    body: Readable | null | undefined,
    frameworkLimits: FrameworkLimits = {},
  ): Promise<WebhookResponse> {
    return handleRead(head, () => {
      if (!body) return Promise.resolve(new Uint8Array(0));
      if (body.readableEnded || body.destroyed || !body.readable) throw bodyConsumedError();
      return readBody(body, bodyHeadOf(head), limitsWith(frameworkLimits));
    });
  }

  function handleFetchBody(request: Request): Promise<WebhookResponse> {
    const head = { method: request.method, url: request.url, headers: headersFromFetch(request.headers) };
    const body = request.body;
    return handleRead(head, () =>
      body ? readWebBody(body, bodyHeadOf(head), limitsWith({})) : Promise.resolve(new Uint8Array(0)),
    );
  }

  function asWebhookError(error: unknown): WebhookError {
    if (isWebhookErrorSafely(error)) return error;
    logger.error('unexpected failure in the webhook pipeline', { error: describeThrown(error) });
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
      const response = request.bodyUsed ? answerError(bodyConsumedError()) : await handleFetchBody(request);
      return new Response(response.body === '' ? null : response.body, {
        status: response.status,
        headers: response.headers,
      });
    },
    process(delivery, processOptions = {}) {
      if (closing) return Promise.reject(shuttingDown());
      return pipeline.process(delivery, processOptions.signal);
    },
    async close({ timeoutMs = 10_000 } = {}) {
      closing = true;
      const report = await tracker.drain(timeoutMs);
      if (report.unfinished > 0) {
        logger.warn('closed with deliveries still running', {
          unfinished: report.unfinished,
          events: report.unfinishedDeliveries.map((one) => one.event),
        });
      }
      return report;
    },
  };
  return receiver;
}

/** `isWebhookError`, for any thrown value: a revoked Proxy's `instanceof` check throws. */
function isWebhookErrorSafely(error: unknown): error is WebhookError {
  try {
    return isWebhookError(error);
  } catch {
    return false;
  }
}

function shuttingDown(): WebhookError {
  return new WebhookError(503, 'SHUTTING_DOWN', 'The receiver is shutting down; retry later', {
    headers: { 'retry-after': '5', connection: 'close' },
  });
}

export type { CloseReport };

/** What adapters need from a receiver, whatever its provider: no event types involved. */
export type ReceiverLike = Pick<Receiver, 'handle' | 'handleStream' | 'fetch'>;
