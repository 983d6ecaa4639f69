import { createHash, timingSafeEqual } from 'node:crypto';
import { VerificationError } from '../../errors.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { describeSource, normaliseSource, type RequestSource, readRequestSource } from './sources.js';

/** Where a shared token travels: GitLab's `X-Gitlab-Token`, `Authorization: Bearer <token>`, `?token=`. */
export type TokenSource = RequestSource & {
  /** Text before the token (`Bearer `), compared with it. Default none. */
  readonly prefix?: string;
};

export interface TokenRule {
  readonly source: RequestSource;
  readonly prefix: string;
  /** SHA-256 of each accepted value (prefix + token): comparing digests hides the token's length. */
  readonly digests: readonly Buffer[];
}

export function compileTokenRule(source: TokenSource, tokens: readonly string[]): TokenRule {
  const prefix = source.prefix ?? '';
  if (typeof prefix !== 'string') throw new TypeError('hookguard: token.prefix must be a string');
  return {
    source: normaliseSource(source, 'token'),
    prefix,
    digests: tokens.map((token) => digest(prefix + token)),
  };
}

/**
 * Compares the presented token with every configured one in constant time. Both sides are hashed
 * first, so the comparison is between equal-length buffers whatever was sent, and every token is
 * compared (no early exit) so timing does not reveal which rotation slot exists.
 */
export function verifyToken(rule: TokenRule, input: VerifyInput): VerifyOutcome {
  const presented = readRequestSource(rule.source, input);
  if (presented === undefined) {
    return fail(
      'SIGNATURE_MISSING',
      `The ${describeSource(rule.source)} with the token is missing; is the sender configured with it?`,
    );
  }
  const presentedDigest = digest(presented);
  let matched = -1;
  rule.digests.forEach((expected, index) => {
    if (timingSafeEqual(expected, presentedDigest) && matched === -1) matched = index;
  });
  if (matched === -1) return fail('SIGNATURE_MISMATCH', `The ${describeSource(rule.source)} does not match`);
  return { ok: true, secretIndex: matched };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function fail(code: 'SIGNATURE_MISSING' | 'SIGNATURE_MISMATCH', message: string): VerifyOutcome {
  return { ok: false, error: new VerificationError(code, message) };
}
