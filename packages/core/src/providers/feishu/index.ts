import { createHash } from 'node:crypto';
import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import { headerValue } from '../../http/headers.js';
import type { ParsedEvent, Provider, VerifyInput } from '../../provider.js';
import { positiveOption } from '../../sender-toolkit/positive-option.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { lateDeadlineWarnings, type SenderTimeout } from '../../sender-toolkit/sender-timeout.js';
import { readFeishuBody } from './body.js';
import { feishuAesKey } from './envelope.js';
import {
  type FeishuEventName,
  type FeishuEventOf,
  feishuDeliveryKey,
  feishuEventName,
  feishuEventSchemas,
} from './events.js';
import { feishuHandshake, isUrlVerification } from './handshake.js';
import { type FeishuReplyFor, serialiseFeishuReply } from './replies.js';
import {
  type BodyCache,
  FEISHU_NONCE_HEADER,
  FEISHU_SIGNATURE_HEADER,
  FEISHU_TIMESTAMP_HEADER,
  type FeishuVerifyConfig,
  verifyFeishu,
} from './verify.js';

export interface FeishuOptions {
  /**
   * The Verification Token (Events & Callbacks → Encryption Strategy in the developer console), or
   * several during a change. Compared with every event's and URL check's token. Without an
   * Encrypt Key it is the only proof, and it travels inside the body.
   */
  readonly verificationToken?: Secret;
  /**
   * The Encrypt Key from the same page, or several during a change: with it Feishu signs every
   * event (`X-Lark-Signature`) and encrypts its body. Recommended.
   */
  readonly encryptKey?: Secret;
  /** Accept deliveries with no proof at all (neither value set). Default false: refused at construction. */
  readonly allowUnsigned?: boolean;
  /**
   * Budget for handlers before the fallback answer. Default 2 500 ms, under Feishu's 3 s (after
   * which it counts the push as failed and retries); the receiver's own `deadlineMs` overrides it.
   */
  readonly deadlineMs?: number;
  /**
   * How old a signed `X-Lark-Request-Timestamp` may be, in seconds. Default 28 800 (8 hours):
   * Feishu documents no window, and its retries come up to about 7 hours after the first push.
   */
  readonly timestampToleranceSeconds?: number;
}

/** Delivery facts Feishu sends as headers. */
export interface FeishuMeta {
  /** `X-Lark-Request-Timestamp`, Unix seconds; signed when the app has an Encrypt Key. */
  readonly timestamp: string | undefined;
  /** `X-Lark-Request-Nonce`; signed likewise. */
  readonly nonce: string | undefined;
  /** `X-Request-Id`: Feishu's id of this push (a retry gets another; dedupe uses the event id). */
  readonly requestId: string | undefined;
}

export type FeishuEvents = { readonly [N in FeishuEventName]: EventDef<FeishuEventOf<N>, FeishuReplyFor<N>> };

export interface FeishuProvider extends Provider<FeishuEvents, FeishuMeta> {
  readonly eventNames: readonly FeishuEventName[];
  readonly deadlineMs: number;
}

const eventNames = Object.keys(feishuEventSchemas) as FeishuEventName[];
const FEISHU_TIMEOUT: SenderTimeout = {
  ms: 3000,
  name: "Feishu's 3 s limit",
  consequence: 'Feishu retries what it got no answer to.',
};
const DEFAULT_DEADLINE_MS = 2500;
const DEFAULT_TOLERANCE_SECONDS = 8 * 60 * 60;
// A sender's clock a little ahead of ours is normal; hours ahead is a forged or broken timestamp.
const FUTURE_MS = 5 * 60_000;

/**
 * Feishu (飞书) and Lark event subscriptions and card callbacks over HTTP ("send events to
 * developer server"): one Request URL for events, card actions and the URL check.
 * https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 * https://open.larksuite.com/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export function feishu(options: FeishuOptions): FeishuProvider {
  const tokens = secretList(options?.verificationToken, 'feishu(): verificationToken');
  const keys = secretList(options?.encryptKey, 'feishu(): encryptKey');
  if (tokens.length === 0 && keys.length === 0 && options?.allowUnsigned !== true) {
    throw new TypeError(
      'hookguard feishu(): set encryptKey (the Encrypt Key, recommended) and/or verificationToken (the Verification Token) from the app\'s "Events & Callbacks → Encryption Strategy" page; allowUnsigned: true accepts anyone\'s deliveries',
    );
  }
  const deadlineMs = positiveOption(options.deadlineMs ?? DEFAULT_DEADLINE_MS, 'feishu()', 'deadlineMs');
  const tolerance = positiveOption(
    options.timestampToleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    'feishu()',
    'timestampToleranceSeconds',
  );
  const config: FeishuVerifyConfig = {
    tokenDigests: tokens.map((token) => createHash('sha256').update(token, 'utf8').digest()),
    encryptKeys: keys.map((text) => ({ text, aes: feishuAesKey(text) })),
    pastMs: tolerance * 1000,
    futureMs: FUTURE_MS,
  };
  const cache: BodyCache = new WeakMap();
  const warnings: string[] = [];
  if (keys.length === 0 && tokens.length > 0) {
    warnings.push(
      'feishu(): no encryptKey: the Verification Token inside the body is the only proof, and nothing covers the body; set an Encrypt Key in the app to get signed deliveries',
    );
  }
  warnings.push(...lateDeadlineWarnings(deadlineMs, FEISHU_TIMEOUT, 'feishu()'));

  /** Verify's reading of the body (decrypted with the key that matched), else a fresh one. */
  function decode(input: VerifyInput): unknown {
    const body = cache.get(input) ?? readFeishuBody(input.body, config.encryptKeys[0]?.aes);
    if (!body.ok) throw body.error;
    return body.payload;
  }

  return {
    name: 'feishu',
    proofNames: { headers: [FEISHU_SIGNATURE_HEADER], query: [] },
    eventNames,
    deadlineMs,
    configWarnings: warnings,
    verify: (input) => verifyFeishu(config, cache, input),
    decode,
    handshake: feishuHandshake,
    parse(payload, input): ParsedEvent<FeishuMeta> {
      // The handshake answers every URL check; this is the last guard that none reaches a handler.
      if (isUrlVerification(payload)) throw new TypeError('feishu: a url_verification reached parse');
      const resolved = resolveEvent(feishuEventSchemas, [feishuEventName(payload)], payload);
      const meta: FeishuMeta = {
        timestamp: headerValue(input.headers, FEISHU_TIMESTAMP_HEADER),
        nonce: headerValue(input.headers, FEISHU_NONCE_HEADER),
        requestId: headerValue(input.headers, 'x-request-id'),
      };
      const body = cache.get(input);
      const event = parsedEvent(resolved, feishuDeliveryKey(payload), meta);
      // Each push is encrypted with a fresh IV, so a retry's raw bytes differ while its event does not.
      return body?.ok === true && body.plain !== undefined ? { ...event, dedupeBytes: body.plain } : event;
    },
    respond: (reply, event) => serialiseFeishuReply(reply, event.name),
    fallback: (event) => serialiseFeishuReply(undefined, event.name),
  };
}
