import type { KeyObject } from 'node:crypto';
import { signEd25519 } from '../../crypto/ed25519.js';
import { BodyError } from '../../errors.js';
import { jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';

/** op 13: QQ checks a callback URL (when it is saved in the console, and from time to time after). */
export const VALIDATION_OP = 13;

/**
 * The signature QQ expects back for a validation: hex Ed25519 of `event_ts ‖ plain_token` with
 * the private key of the AppSecret. Only the AppSecret's holder can make it, which is what QQ
 * checks before it sends events to the URL.
 * https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/event-emit.html
 */
export function qqBotValidationSignature(privateKey: KeyObject, eventTs: string, plainToken: string): string {
  return signEd25519(privateKey, [eventTs, plainToken]).toString('hex');
}

/**
 * The answer to an op 13 body, or undefined for anything else. The answer is bare
 * `{"plain_token","signature"}`, not an op 12 envelope. `privateKey` is asked for only when the
 * body is a validation: with several AppSecrets it is the key of the one that signed the request.
 */
export function qqBotHandshake(payload: unknown, privateKey: () => KeyObject): WebhookResponse | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const body = payload as Record<string, unknown>;
  if (body['op'] !== VALIDATION_OP) return undefined;
  const d = body['d'] as Record<string, unknown> | null | undefined;
  const plainToken = typeof d === 'object' && d !== null ? d['plain_token'] : undefined;
  const eventTs = typeof d === 'object' && d !== null ? d['event_ts'] : undefined;
  if (typeof plainToken !== 'string' || typeof eventTs !== 'string') {
    // Never a delivery: a validation that cannot be answered must not reach handlers either.
    throw new BodyError(
      400,
      'INVALID_JSON',
      'An op 13 validation needs d.plain_token and d.event_ts as strings',
    );
  }
  return jsonResponse(200, {
    plain_token: plainToken,
    signature: qqBotValidationSignature(privateKey(), eventTs, plainToken),
  });
}
