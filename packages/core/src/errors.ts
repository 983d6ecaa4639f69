/**
 * Every failure the pipeline can answer carries an HTTP status and a stable, machine-readable
 * `code`. Messages are safe to send to the caller: they never name a secret, a secret's index,
 * or how close a signature or timestamp came.
 */
export type ErrorCode =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_MALFORMED'
  | 'SIGNATURE_MISMATCH'
  | 'TIMESTAMP_MISSING'
  | 'TIMESTAMP_OUT_OF_RANGE'
  | 'SENDER_MISMATCH'
  | 'SOURCE_NOT_ALLOWED'
  | 'BODY_TOO_LARGE'
  | 'BODY_INVALID_LENGTH'
  | 'BODY_ABORTED'
  | 'BODY_TIMEOUT'
  | 'BODY_ALREADY_CONSUMED'
  | 'INVALID_ENCODING'
  | 'UNSUPPORTED_ENCODING'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INVALID_JSON'
  | 'DECRYPTION_FAILED'
  | 'INVALID_XML'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_A_DELIVERY'
  | 'HANDLER_FAILED'
  | 'INVALID_REPLY'
  | 'SHUTTING_DOWN'
  | 'DELIVERY_IN_PROGRESS'
  | 'STORE_UNAVAILABLE'
  | 'INTERNAL_ERROR';

export class WebhookError extends Error {
  override readonly name: string = 'WebhookError';
  readonly status: number;
  readonly code: ErrorCode;
  /** Extra response headers this answer needs (`Allow` for 405, `Connection: close` for 413). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
    this.headers = options?.headers ?? {};
  }
}

/**
 * The proof (signature, token, timestamp, sender id) is missing or wrong: 401, handler never runs.
 * A sender that documents another status for a wrong proof (Matrix and Meta: 403 for a token that
 * does not match) passes it.
 */
export class VerificationError extends WebhookError {
  override readonly name = 'VerificationError';
  constructor(code: ErrorCode, message: string, options?: { readonly status?: 401 | 403 }) {
    super(options?.status ?? 401, code, message);
  }
}

/** The body could not be read or decoded as the sender's format: 4xx, handler never runs. */
export class BodyError extends WebhookError {
  override readonly name = 'BodyError';
}

/** A handler threw or returned a reply the event cannot carry: 500 so senders that retry, retry. */
export class HandlerError extends WebhookError {
  override readonly name = 'HandlerError';
  constructor(code: 'HANDLER_FAILED' | 'INVALID_REPLY', message: string, cause: unknown) {
    super(500, code, message, { cause });
  }
}

export function isWebhookError(value: unknown): value is WebhookError {
  return value instanceof WebhookError;
}
