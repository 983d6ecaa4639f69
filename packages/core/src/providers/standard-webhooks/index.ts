import { secretList } from '../../crypto/secrets.js';
import { verifyHmacScheme } from '../../sender-toolkit/scheme.js';
import {
  type EventSchemas,
  type SenderOptions,
  type SenderProvider,
  senderProvider,
} from '../../sender-toolkit/sender-provider.js';
import { DEFAULT_TOLERANCE_SECONDS } from '../../sender-toolkit/timestamp-window.js';
import { decodeStandardSecret } from './secret.js';
import { standardWebhooksScheme } from './verify.js';

export interface StandardWebhooksOptions<S extends EventSchemas | undefined = undefined, R = never>
  extends Omit<SenderOptions<S, R>, 'event' | 'id'> {
  /** `whsec_<base64>` (the prefix is optional), or several during a rotation. */
  readonly secret: string | readonly string[];
  /** How far `webhook-timestamp` may be from our clock, past or future. Default 300 (the spec's 5 minutes). */
  readonly toleranceSeconds?: number;
}

/**
 * Svix and every Standard Webhooks sender. The event name is the payload's `type`; `webhook-id`
 * is the dedupe key, as the spec recommends.
 */
export function standardWebhooks<const S extends EventSchemas | undefined = undefined, R = never>(
  options: StandardWebhooksOptions<S, R>,
): SenderProvider<S, R> {
  const keys = secretList(options?.secret, 'standardWebhooks(): secret').map(decodeStandardSecret);
  if (keys.length === 0) {
    throw new TypeError(
      'hookguard standardWebhooks(): a secret is required (the "whsec_..." signing secret)',
    );
  }
  const scheme = standardWebhooksScheme(options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS);
  return senderProvider<S, R>({
    ...options,
    defaultName: 'standard-webhooks',
    event: { body: 'type' },
    id: { header: 'webhook-id' },
    timestamp: scheme.timestamp,
    proof: [scheme.signature.source],
    verify: (input) => verifyHmacScheme(scheme, keys, input),
  });
}
