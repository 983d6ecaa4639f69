import { createHash, timingSafeEqual } from 'node:crypto';
import type { VerifyInput, VerifyOutcome } from '../provider.js';
import { refused } from './refused.js';
import { describeSource, normaliseSource, type RequestSource, readRequestSource } from './sources.js';

/** Where a shared token travels: GitLab's `X-Gitlab-Token`, `Authorization: Bearer <token>`, `?token=`. */
export type TokenSource = RequestSource & {
  /** Text before the token (`Bearer `), compared with it. Default none. */
  readonly prefix?: string;
};

export interface TokenRule {
  readonly source: RequestSource;
  readonly prefix: string;
  /** SHA-256 of each accepted value's UTF-8 bytes (prefix + token): comparing digests hides the token's length. */
  readonly digests: readonly Buffer[];
}

// HTTP drops a header value's leading and trailing spaces and tabs, and no client sends other
// control characters in one, so a token with them could never match: refused at construction.
const EDGE_WHITESPACE = /^[ \t]|[ \t]$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
const NON_ASCII = /[\u0080-\uffff]/;
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

export function compileTokenRule(source: TokenSource, tokens: readonly string[]): TokenRule {
  const prefix = source.prefix ?? '';
  if (typeof prefix !== 'string') throw new TypeError('hookguard: token.prefix must be a string');
  const normalised = normaliseSource(source, 'token');
  if ('header' in normalised) {
    tokens.forEach((token, index) => {
      const value = prefix + token;
      if (EDGE_WHITESPACE.test(value) || CONTROL.test(value)) {
        throw new TypeError(
          `hookguard token(): secret #${index + 1} cannot travel in the ${normalised.header} header: ` +
            'it starts or ends with whitespace or holds a control character',
        );
      }
    });
  }
  return { source: normalised, prefix, digests: tokens.map((token) => digest(prefix + token, 'utf8')) };
}

/**
 * Compares the presented token with every configured one in constant time. Both sides are hashed
 * first, so the comparison is between equal-length buffers whatever was sent, and every token is
 * compared (no early exit) so timing does not reveal which rotation slot exists.
 */
export function verifyToken(rule: TokenRule, input: VerifyInput): VerifyOutcome {
  const presented = readRequestSource(rule.source, input);
  if (presented === undefined) {
    return refused(
      'SIGNATURE_MISSING',
      `The ${describeSource(rule.source)} with the token is missing; is the sender configured with it?`,
    );
  }
  const candidates = presentedDigests(rule, presented);
  let matched = -1;
  rule.digests.forEach((expected, index) => {
    for (const candidate of candidates) {
      if (timingSafeEqual(expected, candidate) && matched === -1) matched = index;
    }
  });
  if (matched === -1)
    return refused('SIGNATURE_MISMATCH', `The ${describeSource(rule.source)} does not match`);
  return { ok: true, secretIndex: matched };
}

/**
 * The bytes the sender may have meant, hashed. A header value reaches us as a Latin-1 string of
 * its raw bytes (Node and Fetch alike), and senders write a non-ASCII token either as UTF-8 (Go,
 * curl, GitLab) or as Latin-1 (Node's http client, fetch, Python's http.client): the raw bytes
 * are compared with the token's UTF-8, and the value read as text is too. A query value is
 * already percent-decoded UTF-8 text. An ASCII value (the usual case) means the same either way.
 */
function presentedDigests(rule: TokenRule, presented: string): Buffer[] {
  const asText = digest(presented, 'utf8');
  if (!('header' in rule.source) || !NON_ASCII.test(presented) || BEYOND_LATIN1.test(presented)) {
    return [asText];
  }
  return [asText, digest(presented, 'latin1')];
}

function digest(text: string, encoding: 'utf8' | 'latin1'): Buffer {
  return createHash('sha256').update(text, encoding).digest();
}
