import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import { headerValue } from '../../http/headers.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { type QQBotEventName, type QQBotEventOf, qqBotEventSchemas } from './events.js';
import { qqBotHandshake } from './handshake.js';
import { type QQBotKeyPair, qqBotKeyPair } from './keys.js';
import { qqBotAck, respondQQBot } from './respond.js';
import {
  APP_ID_HEADER,
  type QQBotVerifyConfig,
  qqBotSignatureRule,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyQQBot,
} from './verify.js';

export interface QQBotOptions {
  /**
   * The bot's AppSecret from the QQ bot console (开发设置), or several during a rotation: each
   * one is a key pair, and a validation is answered with the key that signed it.
   */
  readonly secret: Secret;
  /** The bot's AppID: callbacks whose `X-Bot-Appid` is another bot's are refused with 401. */
  readonly appId?: string | number;
  /**
   * Refuse requests whose `X-Signature-Timestamp` is further than this from now, in seconds. Off by
   * default: QQ documents no window and its own SDK checks none, so a captured request can be
   * replayed; dedupe on the event id still keeps a replayed event from running twice while it is remembered.
   */
  readonly toleranceSeconds?: number;
}

/** QQ handlers answer nothing: QQ reads only the ACK, and the bot replies through the OpenAPI. */
export type QQBotEvents = { readonly [N in QQBotEventName]: EventDef<QQBotEventOf<N>, never> };

/** Delivery facts QQ sends as headers. */
export interface QQBotMeta {
  /** `X-Bot-Appid`: the bot the callback is for. */
  readonly appId: string | undefined;
  /** `X-Signature-Timestamp` in ms since the epoch (QQ sends Unix seconds). */
  readonly timestamp: number | undefined;
}

export interface QQBotProvider extends Provider<QQBotEvents, QQBotMeta> {
  readonly eventNames: readonly QQBotEventName[];
  readonly deadlineMs: number;
}

const eventNames = Object.keys(qqBotEventSchemas) as QQBotEventName[];
// A first version of QQ's event-emit page asked for "200 or 204 within 3 seconds" (the line was
// later removed, the limit was never restated): ACK before that, with room for the network, and
// let handlers go on.
const DEADLINE_MS = 2_000;
const SECONDS = /^\d{1,16}$/;

/**
 * QQ official bots (bot.q.qq.com) in HTTP callback mode: Ed25519 over `timestamp ‖ raw body`
 * with a key pair derived from the AppSecret, op 13 URL validation, op 0 dispatches.
 */
export function qqBot(options: QQBotOptions): QQBotProvider {
  const secrets = secretList(options?.secret, 'qqBot(): secret');
  if (secrets.length === 0) {
    throw new TypeError(
      'hookguard qqBot(): a secret is required: the AppSecret from the bot console (开发设置)',
    );
  }
  const appId = appIdOf(options.appId);
  const toleranceMs = toleranceOf(options.toleranceSeconds);
  const pairs: readonly QQBotKeyPair[] = secrets.map(qqBotKeyPair);
  const config: QQBotVerifyConfig = {
    appId,
    signature: qqBotSignatureRule(
      pairs.map((pair) => pair.publicKey),
      toleranceMs,
    ),
  };

  return {
    name: 'qqBot',
    proofNames: { headers: [SIGNATURE_HEADER], query: [] },
    eventNames,
    deadlineMs: DEADLINE_MS,
    verify: (input) => verifyQQBot(config, input),
    handshake: (payload, input) =>
      qqBotHandshake(payload, () => {
        if (pairs.length === 1) return (pairs[0] as QQBotKeyPair).privateKey;
        // Verified already; with several secrets, answer with the pair that signed the request.
        const outcome = verifyQQBot(config, input);
        return (pairs[outcome.ok ? (outcome.secretIndex ?? 0) : 0] as QQBotKeyPair).privateKey;
      }),
    parse(payload, input): ParsedEvent<QQBotMeta> {
      const body = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
        string,
        unknown
      >;
      const t = typeof body['t'] === 'string' && body['t'] !== '' ? body['t'] : undefined;
      const id = typeof body['id'] === 'string' && body['id'] !== '' ? body['id'] : undefined;
      const timestamp = headerValue(input.headers, TIMESTAMP_HEADER);
      return parsedEvent(resolveEvent(qqBotEventSchemas, [t], payload), id, {
        appId: headerValue(input.headers, APP_ID_HEADER),
        timestamp: timestamp !== undefined && SECONDS.test(timestamp) ? Number(timestamp) * 1000 : undefined,
      });
    },
    respond: (reply) => respondQQBot(reply),
    fallback: qqBotAck,
  };
}

function appIdOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  throw new TypeError("hookguard qqBot(): appId must be the bot's AppID, digits as a string or a number");
}

function toleranceOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError('hookguard qqBot(): toleranceSeconds must be a positive number of seconds');
  }
  return value * 1000;
}
