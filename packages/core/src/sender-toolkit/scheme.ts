import { type HmacAlgorithm, hmacDigest } from '../crypto/hmac.js';
import { safeEqual } from '../crypto/timing-safe-equal.js';
import type { VerifyInput, VerifyOutcome } from '../provider.js';
import { refused } from './refused.js';
import {
  compileSignatureFormat,
  describeFormat,
  readSignatures,
  type SignatureFormat,
  type SignatureOptions,
} from './signature-format.js';
import { compileTemplate, signedParts, type TemplatePart, templateFields } from './signed-template.js';
import {
  describeSource,
  normaliseSource,
  type PayloadSource,
  type RequestSource,
  readRequestSource,
} from './sources.js';
import {
  checkTimestamp,
  compileTimestampRule,
  type TimestampOptions,
  type TimestampRule,
} from './timestamp-window.js';

/** A sender's HMAC signing scheme, described as data. */
export interface HmacSchemeOptions {
  readonly signature: SignatureOptions;
  /** Default `sha256`. */
  readonly algorithm?: HmacAlgorithm;
  /** What is signed: `{body}` (default), or a template such as `{timestamp}.{body}`. */
  readonly signed?: string;
  /** The send time: required when the template names `{timestamp}`; checked whenever given. */
  readonly timestamp?: TimestampOptions;
  /** The delivery id; must travel on the request (not in the body) when the template names `{id}`. */
  readonly id?: PayloadSource;
}

export interface HmacScheme {
  readonly algorithm: HmacAlgorithm;
  readonly signature: SignatureFormat;
  readonly template: readonly TemplatePart[];
  readonly timestamp: TimestampRule | undefined;
  readonly id: RequestSource | undefined;
}

const ALGORITHMS: readonly string[] = ['sha1', 'sha256', 'sha512'];

/** Validates the description once, at construction, so a typo fails at startup rather than per request. */
export function compileHmacScheme(options: HmacSchemeOptions): HmacScheme {
  const algorithm = options.algorithm ?? 'sha256';
  if (!ALGORITHMS.includes(algorithm))
    throw new TypeError('hookguard: algorithm must be sha1, sha256 or sha512');
  if (options.signature === undefined)
    throw new TypeError('hookguard: signature ({ header } or { query }) is required');
  const template = compileTemplate(options.signed ?? '{body}');
  const fields = templateFields(template);
  if (fields.has('timestamp') && options.timestamp === undefined) {
    throw new TypeError(
      'hookguard: the signed template names {timestamp}, so timestamp ({ header } or { query }) is required',
    );
  }
  if (fields.has('id') && options.id === undefined) {
    throw new TypeError(
      'hookguard: the signed template names {id}, so id ({ header } or { query }) is required',
    );
  }
  const id =
    fields.has('id') && options.id !== undefined
      ? (normaliseSource(options.id, 'id') as RequestSource)
      : undefined;
  return {
    algorithm,
    signature: compileSignatureFormat(options.signature, algorithm),
    template,
    timestamp: options.timestamp === undefined ? undefined : compileTimestampRule(options.timestamp),
    id,
  };
}

/**
 * Checks the proof over the exact bytes: cheap checks first (presence, format, time window), then
 * one HMAC per key compared in constant time against every signature the request carries.
 */
export function verifyHmacScheme(
  scheme: HmacScheme,
  keys: readonly (string | Uint8Array)[],
  input: VerifyInput,
): VerifyOutcome {
  const where = describeSource(scheme.signature.source);
  const text = readRequestSource(scheme.signature.source, input);
  if (text === undefined) {
    return refused(
      'SIGNATURE_MISSING',
      `The ${where} with the signature is missing; is the sender configured with the secret?`,
    );
  }
  const signatures = readSignatures(text, scheme.signature);
  if (signatures.length === 0) {
    return refused(
      'SIGNATURE_MALFORMED',
      `The ${where} must be ${describeFormat(scheme.signature, scheme.algorithm)}`,
    );
  }
  let timestamp: string | undefined;
  if (scheme.timestamp) {
    const checked = checkTimestamp(scheme.timestamp, input);
    if (!checked.ok) return checked;
    timestamp = checked.text;
  }
  let id: string | undefined;
  if (scheme.id) {
    id = readRequestSource(scheme.id, input);
    if (id === undefined)
      return refused(
        'SIGNATURE_MALFORMED',
        `The ${describeSource(scheme.id)} is missing; it is part of what is signed`,
      );
  }
  const parts = signedParts(scheme.template, { body: input.body, timestamp, id });
  for (let index = 0; index < keys.length; index++) {
    const expected = hmacDigest(scheme.algorithm, keys[index]!, parts);
    if (signatures.some((signature) => safeEqual(expected, signature)))
      return { ok: true, secretIndex: index };
  }
  return refused('SIGNATURE_MISMATCH', `The ${where} does not match the request`);
}
