import { pipeline, type Readable } from 'node:stream';
import getRawBody from 'raw-body';
import { BodyError, WebhookError } from '../errors.js';
import { createBodyDecoder } from './decoding.js';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;

export interface BodyLimits {
  /** Largest body accepted, in (decoded) bytes. Default 1 MiB. */
  readonly limit?: number | undefined;
  /** A body that has not fully arrived by then is refused with 408 (slow-loris guard). Default 30 s. */
  readonly timeoutMs?: number | undefined;
}

export interface BodyHead {
  readonly contentLength?: string | undefined;
  readonly contentEncoding?: string | undefined;
}

const CLOSE = { connection: 'close' };

/**
 * Reads a request body once, as bytes. A declared Content-Length over the limit is refused
 * before a byte is read; a chunked body is counted as it streams and reading stops at the limit.
 * Every refusal asks the adapter to close the connection, so the rest is never read.
 */
export async function readBody(
  source: Readable,
  head: BodyHead,
  limits: BodyLimits = {},
): Promise<Uint8Array> {
  const limit = limits.limit ?? DEFAULT_BODY_LIMIT;
  const declared = parseContentLength(head.contentLength);
  if (declared !== undefined && declared > limit) throw tooLarge(limit);

  const decoder = createBodyDecoder(head.contentEncoding);
  const stream: Readable = decoder ? pipeline(source, decoder, () => {}) : source;
  const options = { limit, ...(decoder || declared === undefined ? {} : { length: declared }) };
  try {
    // One promise settled by whichever comes first, raw-body's callback or the timer: this runs
    // on every request, and a Promise.race over two more promises cost ~1 µs and ~1 KiB each time.
    return await new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new BodyError(408, 'BODY_TIMEOUT', 'Request body did not arrive in time', { headers: CLOSE }));
      }, limits.timeoutMs ?? DEFAULT_BODY_TIMEOUT_MS);
      timer.unref?.();
      const settle = (error: unknown, body?: Buffer) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(body!);
      };
      try {
        getRawBody(stream, options, settle);
      } catch (error) {
        settle(error);
      }
    });
  } catch (error) {
    source.unpipe?.();
    source.pause?.();
    decoder?.destroy();
    throw bodyReadError(error, limit);
  }
}

export function parseContentLength(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value.trim())) {
    throw new BodyError(400, 'BODY_INVALID_LENGTH', 'Content-Length is not a number', { headers: CLOSE });
  }
  return Number(value);
}

export function tooLarge(limit: number): BodyError {
  return new BodyError(413, 'BODY_TOO_LARGE', `Request body is larger than the ${limit}-byte limit`, {
    headers: CLOSE,
  });
}

/** raw-body marks its errors with `type`; zlib with a `Z_` code. Map both to stable answers. */
export function bodyReadError(error: unknown, limit: number): WebhookError {
  if (error instanceof WebhookError) return error;
  const { type, code } = (error ?? {}) as { type?: unknown; code?: unknown };
  if (type === 'entity.too.large') return tooLarge(limit);
  if (type === 'request.size.invalid') {
    return new BodyError(400, 'BODY_INVALID_LENGTH', 'Request body length does not match Content-Length', {
      headers: CLOSE,
    });
  }
  if (type === 'request.aborted') {
    return new BodyError(400, 'BODY_ABORTED', 'Request was aborted before the body arrived', {
      headers: CLOSE,
    });
  }
  if (type === 'stream.not.readable') return bodyConsumedError();
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new BodyError(400, 'INVALID_ENCODING', 'Request body is not valid for its Content-Encoding', {
      headers: CLOSE,
    });
  }
  return new WebhookError(400, 'BODY_ABORTED', 'Request body could not be read', {
    cause: error,
    headers: CLOSE,
  });
}

export function bodyConsumedError(): WebhookError {
  return new WebhookError(
    500,
    'BODY_ALREADY_CONSUMED',
    'The request body was already read by another body parser, so its exact bytes are gone and no signature ' +
      'can be checked. Mount the hookguard middleware before any body parser (Express: before ' +
      'app.use(express.json()); Koa: before bodyParser(), or on a router without one; Fastify: use the ' +
      'fastifyWebhook plugin), or register the parser only on the routes that need it.',
  );
}
