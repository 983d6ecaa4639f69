import type { WebhookError } from '../../errors.js';
import { jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';

/**
 * hookguard's error codes as Matrix error codes
 * (https://spec.matrix.org/v1.13/client-server-api/#standard-error-response); a failure with no
 * closer Matrix code is `M_UNKNOWN`.
 */
const ERRCODES: Readonly<Record<string, string>> = {
  SIGNATURE_MISSING: 'M_UNAUTHORIZED',
  SIGNATURE_MALFORMED: 'M_FORBIDDEN',
  SIGNATURE_MISMATCH: 'M_FORBIDDEN',
  SOURCE_NOT_ALLOWED: 'M_FORBIDDEN',
  INVALID_JSON: 'M_NOT_JSON',
  INVALID_ENCODING: 'M_NOT_JSON',
  UNSUPPORTED_MEDIA_TYPE: 'M_NOT_JSON',
  BODY_TOO_LARGE: 'M_TOO_LARGE',
  METHOD_NOT_ALLOWED: 'M_UNRECOGNIZED',
};

/** The Matrix error code for one of hookguard's. */
export function matrixErrcode(code: string): string {
  return Object.hasOwn(ERRCODES, code) ? ERRCODES[code]! : 'M_UNKNOWN';
}

/** `{"errcode": "M_FORBIDDEN", "error": "…"}`: the body a homeserver reads an error from. */
export function matrixErrorBody(code: string, message: string): { errcode: string; error: string } {
  return { errcode: matrixErrcode(code), error: message };
}

/** A refusal or failure in Matrix's form, its status and headers (Allow, Retry-After) kept. */
export function matrixErrorResponse(error: WebhookError): WebhookResponse {
  return jsonResponse(error.status, matrixErrorBody(error.code, error.message), { ...error.headers });
}

/** What the spec answers for a route an application service does not implement. */
export function unrecognizedResponse(): WebhookResponse {
  return jsonResponse(404, { errcode: 'M_UNRECOGNIZED', error: 'Unrecognized request' });
}
