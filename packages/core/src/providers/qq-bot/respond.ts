import { jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';

/**
 * `{"op":12,"d":0}`: the HTTP callback ACK QQ's event-emit page documents for every dispatch.
 * QQ reads nothing else from the answer; replies go out through the OpenAPI.
 */
export function qqBotAck(): WebhookResponse {
  return jsonResponse(200, { op: 12, d: 0 });
}

/** Handlers answer nothing: any reply is a programming error, reported as the handler's failure. */
export function respondQQBot(reply: unknown): WebhookResponse {
  if (reply !== undefined && reply !== null) {
    throw new TypeError(
      'qqBot: handlers cannot reply; QQ reads only the ACK. Send messages through the OpenAPI instead.',
    );
  }
  return qqBotAck();
}
