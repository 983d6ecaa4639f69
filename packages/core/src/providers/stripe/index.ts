import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import { headerValue } from '../../http/headers.js';
import { emptyResponse } from '../../http/responses.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { DEFAULT_TOLERANCE_SECONDS } from '../../sender-toolkit/timestamp-window.js';
import { type StripeEventName, type StripeEventOf, stripeEventSchemas } from './events.js';
import { parseStripeSignature, SIGNATURE_HEADER, verifyStripe } from './verify.js';

export interface StripeOptions {
  /**
   * The endpoint's signing secret (`whsec_…`, under Developers → Webhooks, or printed by
   * `stripe listen`), or several while a rolled secret is still live.
   */
  readonly secret: Secret;
  /**
   * Refuse signatures whose `t` is further than this from now, in seconds, past or future.
   * Default 300, as Stripe's libraries; Stripe signs each attempt afresh, so retries still pass.
   */
  readonly toleranceSeconds?: number;
}

/** Stripe handlers answer nothing: Stripe reads only the status. */
export type StripeEvents = { readonly [N in StripeEventName]: EventDef<StripeEventOf<N>, never> };

/** Delivery facts outside the body. */
export interface StripeMeta {
  /** The signature's `t` in ms since the epoch: when this attempt was signed. */
  readonly timestamp: number | undefined;
}

export interface StripeProvider extends Provider<StripeEvents, StripeMeta> {
  readonly eventNames: readonly StripeEventName[];
}

const eventNames = Object.keys(stripeEventSchemas) as StripeEventName[];
const SECRET_PREFIX = 'whsec_';
const WHITESPACE = /\s/;

/**
 * Stripe webhook endpoints (https://docs.stripe.com/webhooks): `Stripe-Signature:
 * t=…,v1=…` over `t.body`, events named by their `type`, deduplicated on the event `id`.
 */
export function stripe(options: StripeOptions): StripeProvider {
  const secrets = secretList(options?.secret, 'stripe(): secret');
  if (secrets.length === 0) {
    throw new TypeError(
      "hookguard stripe(): a secret is required: the endpoint's signing secret (whsec_…) from the Stripe dashboard or `stripe listen`",
    );
  }
  secrets.forEach(checkSecret);
  const toleranceMs = toleranceOf(options.toleranceSeconds);
  const config = { secrets, toleranceMs };
  return {
    name: 'stripe',
    proofNames: { headers: [SIGNATURE_HEADER], query: [] },
    eventNames,
    verify: (input) => verifyStripe(config, input),
    parse(payload, input): ParsedEvent<StripeMeta> {
      const body = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
        string,
        unknown
      >;
      const type = typeof body['type'] === 'string' && body['type'] !== '' ? body['type'] : undefined;
      const id = typeof body['id'] === 'string' && body['id'] !== '' ? body['id'] : undefined;
      // Without a type nothing names the body: it goes to `unknown` handlers, not to `other`.
      const candidates = type === undefined ? [] : [type, 'other'];
      const header = headerValue(input.headers, SIGNATURE_HEADER);
      const signed = header === undefined ? undefined : parseStripeSignature(header);
      return parsedEvent(resolveEvent(stripeEventSchemas, candidates, payload), id, {
        timestamp: signed === undefined ? undefined : Number(signed.timestamp) * 1000,
      });
    },
    respond(reply) {
      if (reply !== undefined && reply !== null) {
        throw new TypeError('stripe: handlers cannot reply; Stripe reads only the status');
      }
      return emptyResponse(204);
    },
  };
}

/**
 * The key is the secret's text as written (`whsec_` included, not decoded). A pasted API key
 * (`sk_…`, `rk_…`) or a secret with a newline from an env file would fail every delivery with a
 * mismatch; refused at startup instead, without repeating the value.
 */
function checkSecret(secret: string, index: number): void {
  if (!secret.startsWith(SECRET_PREFIX)) {
    throw new TypeError(
      `hookguard stripe(): secret #${index + 1} is not an endpoint signing secret: those start with "whsec_" (an API key does not verify webhooks)`,
    );
  }
  if (WHITESPACE.test(secret)) {
    throw new TypeError(
      `hookguard stripe(): secret #${index + 1} contains whitespace (a trailing newline from a file?); Stripe's secrets have none`,
    );
  }
}

function toleranceOf(value: unknown): number {
  if (value === undefined) return DEFAULT_TOLERANCE_SECONDS * 1000;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError('hookguard stripe(): toleranceSeconds must be a positive number of seconds');
  }
  return value * 1000;
}
