import { type Secret, secretList } from '../../crypto/secrets.js';
import { compileHmacScheme, type HmacSchemeOptions, verifyHmacScheme } from '../../sender-toolkit/scheme.js';
import {
  type EventSchemas,
  type SenderOptions,
  type SenderProvider,
  senderProvider,
} from '../../sender-toolkit/sender-provider.js';

export interface HmacOptions<S extends EventSchemas | undefined = undefined, R = never>
  extends SenderOptions<S, R>,
    Omit<HmacSchemeOptions, 'id'> {
  /** The shared secret (UTF-8), or several during a rotation. */
  readonly secret: Secret;
}

/**
 * Any sender that signs with an HMAC, described as data: where the signature is, the algorithm,
 * encoding and prefix, what is signed, where the time, delivery id and event name are.
 *
 * ```ts
 * hmac({ secret, signature: { header: 'x-acme-signature', prefix: 'sha256=' } })
 * ```
 */
export function hmac<const S extends EventSchemas | undefined = undefined, R = never>(
  options: HmacOptions<S, R>,
): SenderProvider<S, R> {
  const secrets = secretList(options?.secret, 'hmac(): secret');
  if (secrets.length === 0)
    throw new TypeError('hookguard hmac(): a secret is required (the key the sender signs with)');
  const scheme = compileHmacScheme(options);
  const warnings = scheme.template.some((part) => 'field' in part && part.field === 'body')
    ? []
    : [
        `${options.name ?? 'hmac'}: the signed template does not include {body}, so the body is not authenticated`,
      ];
  return senderProvider<S, R>({
    ...options,
    defaultName: 'hmac',
    timestamp: scheme.timestamp,
    configWarnings: warnings,
    proof: [scheme.signature.source],
    verify: (input) => verifyHmacScheme(scheme, secrets, input),
  });
}
