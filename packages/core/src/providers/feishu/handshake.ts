import { BodyError } from '../../errors.js';
import { jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';

/**
 * The URL check Feishu sends when the Request URL is saved: `{"challenge","token","type":
 * "url_verification"}` (inside the encrypted envelope when the app has an Encrypt Key), answered
 * with `{"challenge":"<same>"}` in plaintext within 1 s.
 * https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export function isUrlVerification(payload: unknown): payload is { readonly challenge: string } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const body = payload as Record<string, unknown>;
  return (
    body['type'] === 'url_verification' && typeof body['challenge'] === 'string' && body['challenge'] !== ''
  );
}

export function feishuHandshake(payload: unknown): WebhookResponse | undefined {
  if (isUrlVerification(payload)) return jsonResponse(200, { challenge: payload.challenge });
  if ((payload as { type?: unknown } | null)?.type === 'url_verification') {
    // Never a delivery: a check that cannot be answered must not reach handlers either.
    throw new BodyError(400, 'INVALID_JSON', 'A url_verification needs its challenge as a string');
  }
  return undefined;
}
