import { type Secret, secretList } from '../../crypto/secrets.js';
import type { VerifyOutcome } from '../../provider.js';
import {
  type EventSchemas,
  type SenderOptions,
  type SenderProvider,
  senderProvider,
} from '../../sender-toolkit/sender-provider.js';
import { compileTokenRule, type TokenSource, verifyToken } from '../../sender-toolkit/token-check.js';

/** The token, its location, or neither (for senders that prove nothing but their address). */
export type TokenProof =
  | (TokenSource & {
      /** The shared token, or several during a rotation. */
      readonly secret: Secret;
      readonly allowUnsigned?: undefined;
    })
  | {
      readonly header?: undefined;
      readonly query?: undefined;
      readonly secret?: undefined;
      /** Accept requests without a token: anyone who can reach the URL (and `allowFrom`, if given) may post. */
      readonly allowUnsigned?: true;
    };

export type TokenOptions<S extends EventSchemas | undefined = undefined, R = never> = SenderOptions<S, R> &
  TokenProof;

const UNSIGNED: VerifyOutcome = { ok: true, secretIndex: undefined };

/**
 * Senders that send a shared secret verbatim (GitLab's `X-Gitlab-Token`, a bearer token, a
 * `?token=` parameter) or sign nothing and are recognised by their address (`allowFrom`).
 * The token is compared in constant time; it proves the sender, not the body.
 */
export function token<const S extends EventSchemas | undefined = undefined, R = never>(
  options: TokenOptions<S, R>,
): SenderProvider<S, R> {
  const secrets = secretList(options?.secret, 'token(): secret');
  const where = (options ?? {}) as { readonly header?: unknown; readonly query?: unknown };
  const located = where.header !== undefined || where.query !== undefined;
  if (secrets.length > 0 && !located) {
    throw new TypeError(
      "hookguard token(): say where the token is: { header: 'x-gitlab-token' } or { query: 'token' }",
    );
  }
  if (secrets.length === 0 && located)
    throw new TypeError('hookguard token(): a secret (the token value) is required');
  if (secrets.length === 0 && options?.allowFrom === undefined && options?.allowUnsigned !== true) {
    throw new TypeError(
      'hookguard token(): give a token ({ header, secret }) or an address allowlist (allowFrom); ' +
        'to accept anyone who can reach the URL, pass { allowUnsigned: true }',
    );
  }
  const rule = secrets.length > 0 ? compileTokenRule(options as TokenSource, secrets) : undefined;
  return senderProvider<S, R>({
    ...options,
    defaultName: 'token',
    configWarnings: rule
      ? []
      : [`${options.name ?? 'token'}: no token is checked; requests are recognised only by address`],
    proof: rule ? [rule.source] : [],
    verify: (input) => (rule ? verifyToken(rule, input) : UNSIGNED),
  });
}
