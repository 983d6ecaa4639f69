import { onebot, type Provider } from '@hookguard/core';
import { onebotFixtures, signOneBot } from '@hookguard/core/testing';

/** A fixed clock for every fuzzed receiver, so senders with a timestamp window sign "now". */
export const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

export interface SignOptions {
  readonly secret?: string;
  readonly now?: number;
}

export interface SignedParts {
  /** Path and query, with any proof the sender puts in the query string. */
  readonly url: string;
  readonly headers: Record<string, string>;
}

/**
 * One sender as the fuzzer sees it: a provider that demands a proof, how that sender signs a
 * body, and where its proof lives (so random values can be aimed at exactly those places).
 */
export interface FuzzSender {
  readonly name: string;
  readonly provider: () => Provider;
  /** Signs these exact bytes as the sender does, with the right secret at `NOW` unless told otherwise. */
  readonly sign: (body: Uint8Array, options?: SignOptions) => SignedParts;
  /** The sender's freshness window in ms, for senders whose proof carries a timestamp. */
  readonly windowMs?: number;
  /** Headers that carry or shape the proof, lower-case. */
  readonly proofHeaders: readonly string[];
  /** Query parameters that carry the proof (Tencent). */
  readonly proofQuery: readonly string[];
  /** False when the proof does not cover the body (Tencent's Sign): a changed body still passes. */
  readonly bodyCovered: boolean;
  /** Makes a random JSON value into a body this sender could send (Tencent names the command twice). */
  readonly shape?: (value: unknown) => unknown;
  /** Real event bodies, mutated by the fuzzer to walk the schemas' edges. */
  readonly fixtures: readonly Record<string, unknown>[];
}

export const SECRET = 'fuzz-secret';

export const onebotSender: FuzzSender = {
  name: 'onebot',
  provider: () => onebot({ secret: SECRET }),
  sign: (body, { secret = SECRET } = {}) => ({ url: '/hook', headers: signOneBot(body, secret) }),
  proofHeaders: ['x-signature', 'x-self-id'],
  proofQuery: [],
  bodyCovered: true,
  fixtures: Object.values(onebotFixtures),
};

/** Every sender hookguard serves; each new provider adds its row here and is fuzzed everywhere. */
export const senders: readonly FuzzSender[] = [onebotSender];

/** A provider that proves nothing (NapCat with an empty token): it must still never crash. */
export const unsignedOneBot = (): Provider => onebot({ allowUnsigned: true });
