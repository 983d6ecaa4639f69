import type { WebhookError } from '../errors.js';
import type { WebhookResponse } from './types.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonResponse(
  status: number,
  value: unknown,
  headers?: Record<string, string>,
): WebhookResponse {
  const merged: Record<string, string> = { 'content-type': JSON_TYPE };
  if (headers !== undefined) Object.assign(merged, headers);
  return { status, headers: merged, body: JSON.stringify(value) };
}

export function emptyResponse(status = 204): WebhookResponse {
  return { status, headers: {}, body: '' };
}

/** `{"error":{"code","message"}}`: the same body from every adapter, never a stack or a secret. */
export function errorResponse(error: WebhookError): WebhookResponse {
  return jsonResponse(error.status, { error: { code: error.code, message: error.message } }, error.headers);
}
