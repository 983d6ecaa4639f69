import type { WebhookRequest } from '@hookguard/core';
import { goJson } from '@hookguard/core/testing';
import fc from 'fast-check';
import { type FuzzSender, NOW } from './senders.js';

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

const hex = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map(toHex);
const base64 = (bytes: number) =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString('base64'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Every header name any provider reads, so random values land where proofs are looked for. */
export const PROOF_HEADER_NAMES = [
  'x-signature',
  'x-self-id',
  'x-hub-signature',
  'x-hub-signature-256',
  'x-github-event',
  'x-github-delivery',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'svix-id',
  'svix-timestamp',
  'svix-signature',
  'x-gitlab-token',
  'authorization',
  'content-type',
  'content-encoding',
] as const;

export const PROOF_QUERY_NAMES = [
  'SdkAppid',
  'CallbackCommand',
  'Sign',
  'RequestTime',
  'ClientIP',
  'OptPlatform',
  'contenttype',
  'token',
] as const;

/** Values shaped like real proofs (right prefix, right length), plus the classic near-misses. */
export const proofLikeValue: fc.Arbitrary<string> = fc.oneof(
  hex(20).map((h) => `sha1=${h}`),
  hex(32).map((h) => `sha256=${h}`),
  hex(32).map((h) => `sha256=${h.toUpperCase()}`),
  hex(20).map((h) => `sha256=${h}`),
  hex(32),
  base64(32).map((b) => `v1,${b}`),
  fc
    .array(
      base64(32).map((b) => `v1,${b}`),
      { minLength: 2, maxLength: 4 },
    )
    .map((list) => list.join(' ')),
  fc.integer({ min: -1e12, max: 1e12 }).map(String),
  fc.constantFrom('', 'sha1=', 'sha256=', 'v1,', ' ', 'null', 'undefined', '0', '-1', '1e400'),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 4000 }),
);

const contentTypeValue = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/vnd.api+json',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const headerName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROOF_HEADER_NAMES) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/) },
);
const headerValue = fc.oneof(
  proofLikeValue,
  fc.array(proofLikeValue, { minLength: 2, maxLength: 3 }), // a header sent twice
);

/**
 * Any header set: this sender's proof headers (each usually present, with proof-shaped values),
 * random others, and usually a JSON content type so most runs get past the 415 check.
 */
function randomHeaders(aimed: readonly string[]): fc.Arbitrary<Record<string, string | string[]>> {
  const aimedHeaders = fc.record(
    Object.fromEntries(aimed.map((name) => [name, fc.option(headerValue, { freq: 5, nil: undefined })])),
  );
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: contentTypeValue },
  );
  return fc
    .tuple(fc.dictionary(headerName, headerValue, { maxKeys: 6 }), aimedHeaders, contentType)
    .map(([others, proof, type]) => {
      const out: Record<string, string | string[]> = { ...others };
      for (const [name, value] of Object.entries(proof)) if (value !== undefined) out[name] = value;
      out['content-type'] = type;
      return out;
    });
}

const queryValue = fc.oneof(proofLikeValue, fc.string({ unit: 'grapheme-ascii', maxLength: 20 }));
const queryName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROOF_QUERY_NAMES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 10 }) },
);

/** A query string: proof parameters (often repeated), malformed percent-escapes, or raw junk. */
export const randomQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(queryName, queryValue), { maxLength: 10 })
    .map((pairs) => `?${new URLSearchParams(pairs).toString()}`),
  fc.string({ unit: 'grapheme-ascii', maxLength: 200 }).map((raw) => `?${raw}`),
  fc.constantFrom('?Sign=a&Sign=b', '?%', '?%zz=%E0%A4%A', '?&&&=', '?Sign', '?RequestTime=1e99'),
  tencentLikeQuery(),
);

/** Tencent's whole parameter set with a forged Sign, a time near now, sometimes a repeated name. */
function tencentLikeQuery(): fc.Arbitrary<string> {
  return fc
    .record({
      command: fc.constantFrom(
        'C2C.CallbackBeforeSendMsg',
        'Group.CallbackAfterSendMsg',
        'State.StateChange',
      ),
      sign: fc.oneof(hex(32), proofLikeValue),
      skew: fc.integer({ min: -120, max: 120 }),
      repeat: fc.option(fc.constantFrom('Sign', 'RequestTime', 'CallbackCommand', 'SdkAppid'), {
        nil: undefined,
      }),
    })
    .map(({ command, sign, skew, repeat }) => {
      const params = new URLSearchParams({
        SdkAppid: '1400000000',
        CallbackCommand: command,
        contenttype: 'json',
        ClientIP: '127.0.0.1',
        OptPlatform: 'RESTAPI',
        Sign: sign,
        RequestTime: String(Math.floor(NOW / 1000) + skew),
      });
      if (repeat) params.append(repeat, params.get(repeat) ?? '');
      return `?${params.toString()}`;
    });
}

const jsonText = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }).map((value) => JSON.stringify(value)),
);

/** Bodies: raw bytes, strings with any code point, JSON of any shape, nearly-JSON. */
export const randomBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.string({ unit: 'binary', maxLength: 512 }).map(utf8),
  jsonText.map(utf8),
  jsonText.map((text) => utf8(text.slice(0, Math.max(0, text.length - 1)))),
  fc.constantFrom('', '{', '{}', '[]', 'null', '"x"', '\uFEFF{}', '{"__proto__":{"polluted":1}}').map(utf8),
);

const method = fc.oneof(
  { weight: 12, arbitrary: fc.constant('POST') },
  { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'post', '') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,10}$/) },
);

/**
 * A request with no valid proof: random values aimed at this sender's proof headers and query
 * parameters. Nothing here can be authentic (a forged HMAC is a 2^-160 event).
 */
export function randomRequest(sender?: FuzzSender): fc.Arbitrary<WebhookRequest> {
  return fc
    .record({
      method,
      query: randomQuery,
      headers: randomHeaders(sender?.proofHeaders ?? []),
      body: randomBody,
    })
    .map(({ method, query, headers, body }) => ({ method, url: `/hook${query}`, headers, body }));
}

export interface AuthenticEvent {
  readonly value: unknown;
  /** The name the sender gives the event outside the body (GitHub's header, Tencent's query). */
  readonly event: string | undefined;
}

const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }));

/**
 * Bodies a sender could really sign: random JSON of any shape, real events with random extra
 * fields, and real events with one field replaced by a random value (a number where a string
 * was, null, nested) — which walks the edges of every schema and must fail open to `unknown`.
 */
export function authentic(sender: FuzzSender): fc.Arbitrary<AuthenticEvent> {
  const shape = sender.shape ?? ((value: unknown) => value);
  const names = sender.fixtures.map(([name]) => name);
  const someName = fc.oneof(
    fc.constantFrom(...names),
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.constant(undefined),
  );
  const fixture = fc.constantFrom(...sender.fixtures);
  return fc.oneof(
    fc.tuple(anyJson, someName).map(([value, event]) => ({ value: shape(value, event), event })),
    fc
      .tuple(fixture, fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })))
      .map(([[event, body], extra]) => ({ value: shape({ ...body, ...extra }, event), event })),
    fc.tuple(fixture, fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([[event, body], pick, replacement]) => {
      const keys = Object.keys(body);
      const key = keys[pick % Math.max(1, keys.length)];
      const mutated = key === undefined ? body : { ...body, [key]: replacement };
      return { value: shape(mutated, event), event };
    }),
  );
}

/** Serialisations a real sender might use: compact (Node), Go's encoder, indented, BOM, newline. */
export const serialisation = fc.constantFrom<(value: unknown) => string>(
  (value) => JSON.stringify(value),
  goJson,
  (value) => JSON.stringify(value, null, 2),
  (value) => `\uFEFF${JSON.stringify(value)}`,
  (value) => `${JSON.stringify(value)}\n`,
);
