import { BodyError, WebhookError } from '../errors.js';

/** Every body refusal asks the adapter to close the connection, so the rest is never read. */
const CLOSE = { connection: 'close' };

export function tooLarge(limit: number): BodyError {
  return new BodyError(413, 'BODY_TOO_LARGE', `Request body is larger than the ${limit}-byte limit`, {
    headers: CLOSE,
  });
}

export function invalidLength(): BodyError {
  return new BodyError(400, 'BODY_INVALID_LENGTH', 'Content-Length is not a number', { headers: CLOSE });
}

export function lengthMismatch(): BodyError {
  return new BodyError(400, 'BODY_INVALID_LENGTH', 'Request body length does not match Content-Length', {
    headers: CLOSE,
  });
}

export function requestAborted(): BodyError {
  return new BodyError(400, 'BODY_ABORTED', 'Request was aborted before the body arrived', {
    headers: CLOSE,
  });
}

export function bodyTimeout(): BodyError {
  return new BodyError(408, 'BODY_TIMEOUT', 'Request body did not arrive in time', { headers: CLOSE });
}

/**
 * Any failure while reading, as a stable answer: our own refusals pass through, zlib's errors
 * (a `Z_` code) mean the body does not match its Content-Encoding, and anything else the stream
 * throws is an unreadable body.
 */
export function bodyReadError(error: unknown): WebhookError {
  if (error instanceof WebhookError) return error;
  const { code } = (error ?? {}) as { code?: unknown };
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
