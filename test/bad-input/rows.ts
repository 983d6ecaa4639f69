import { gzipSync } from 'node:zlib';
import { type ReceiverOptions, token } from '@hookguard/core';
import { feishuEncryptedBody } from '@hookguard/core/testing';
import fc from 'fast-check';
import { type FuzzSender, NOW, SECRET } from '../fuzz/senders.js';
import { oneByteChunked, wronglySignedChunked } from './one-byte-chunks.js';
import { head, type WireStep } from './wire.js';

export const PATH = '/hook';

/** A request sent with an ordinary HTTP client (Content-Length set), or written byte by byte. */
export type BadRequest =
  | {
      readonly method?: string;
      readonly url: string;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: Uint8Array;
    }
  | { readonly wire: readonly WireStep[] };

export interface Expected {
  /** An exact status, or `accepted` for any 2xx (the sender's own success form). */
  readonly status: number | 'accepted';
  readonly code?: string;
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** The answer comes from Node's HTTP parser, before any framework or hookguard runs. */
  readonly fromNode?: true;
}

/** What a handler saw: the event as given, and its name (`unknown` for bodies no schema knows). */
export interface Seen {
  readonly event: unknown;
  readonly name: string;
}

/**
 * One row of the bad-input matrix. `decision` is the documented answer and why (SECURITY.md,
 * docs/bad-input.md); the runner sends the row through every adapter and checks exactly that.
 */
export interface BadInputRow {
  readonly title: string;
  readonly decision: string;
  readonly appliesTo?: (sender: FuzzSender) => boolean;
  readonly options?: ReceiverOptions;
  readonly request: (sender: FuzzSender) => BadRequest;
  readonly expect: (sender: FuzzSender) => Expected;
  /** How many handler calls the row allows: 0 for every refusal. */
  readonly handlerCalls: number;
  /** What the handler returns (default nothing). */
  readonly reply?: (sender: FuzzSender) => unknown;
  /** Further checks on what reached the handler and on the answer's body. */
  readonly check?: (seen: readonly Seen[], text: string, headers: Readonly<Record<string, unknown>>) => void;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The sender's first real event, as JSON text, with its sender-side name. */
function known(sender: FuzzSender): { name: string; text: string } {
  const [name, body] = sender.fixtures[0]!;
  return { name, text: JSON.stringify(body) };
}

/** An authentic event no schema knows: it reaches `unknown` handlers with its JSON as parsed. */
function unknownEvent(sender: FuzzSender, fields: string): { name: string; text: string } {
  const name = 'hookguard.not_an_event';
  const shaped = JSON.stringify(
    sender.shape ? sender.shape({ hookguard: 'probe' }, name) : { hookguard: 'probe' },
  );
  // Raw text, so the fields can hold what JSON.stringify never writes (duplicates, 1e400). They go
  // next to the probe, so they land in the event itself where a sender wraps it in a batch (LINE).
  return { name, text: shaped.replace('"hookguard":"probe"', `${fields},"hookguard":"probe"`) };
}

/**
 * Signs exactly these bytes as the sender would, for the event name it gives outside the body; an
 * encrypting sender (DingTalk) seals them in its envelope, and the envelope is what is sent.
 */
export function signed(sender: FuzzSender, body: Uint8Array, name?: string): BadRequest {
  const { method, url, headers, body: wire } = sender.sign(body, { event: name });
  return { ...(method === 'POST' ? {} : { method }), url, headers, body: wire };
}

/** True for a sender whose JSON travels encrypted in an envelope whose signature covers only the ciphertext. */
const encrypts = (sender: FuzzSender): boolean => sender.bodyFormat === 'encrypted-json';

/** The methods the sender's provider takes: POST unless it says (Matrix PUTs, Meta GETs its check). */
const methodsOf = (sender: FuzzSender): readonly string[] => sender.provider().methods ?? ['POST'];

/** The raw payload a handler got: a known event is the payload, an unknown one wraps it. */
export function payloadOf(seen: Seen): Record<string, unknown> {
  const event = seen.event as Record<string, unknown>;
  return (seen.name === 'unknown' ? event['payload'] : event) as Record<string, unknown>;
}

const accepted: Expected = { status: 'accepted' };
const invalidJson: Expected = { status: 400, code: 'INVALID_JSON' };
const close = { connection: 'close' };

/** Rows that depend on the body's bytes: run for every sender, through every adapter. */
export const bodyRows: readonly BadInputRow[] = [
  {
    title: 'empty body, correctly signed',
    decision: '400 INVALID_JSON: nothing to deliver; the signature is checked first, so unsigned gets 401.',
    request: (sender) => signed(sender, new Uint8Array(0), known(sender).name),
    expect: () => invalidJson,
    handlerCalls: 0,
  },
  {
    title: 'body cut short after signing',
    decision:
      '401 SIGNATURE_MISMATCH where the proof covers the body; where it does not (Tencent, token), ' +
      'the cut JSON is caught by the parser: 400 INVALID_JSON. An encrypting sender (DingTalk, a smart bot) signs ' +
      'the ciphertext inside its JSON envelope: a cut envelope holds nothing signed, 401 SIGNATURE_MISSING.',
    request: (sender) => {
      const { name, text } = known(sender);
      const full = signed(sender, utf8(text), name) as Extract<BadRequest, { url: string }>;
      return { ...full, body: full.body.subarray(0, Math.floor(full.body.length / 2)) };
    },
    expect: (sender) =>
      encrypts(sender)
        ? { status: 401, code: 'SIGNATURE_MISSING' }
        : sender.bodyCovered
          ? { status: 401, code: 'SIGNATURE_MISMATCH' }
          : { status: 400, code: 'INVALID_JSON' },
    handlerCalls: 0,
  },
  {
    title: 'truncated JSON, signed as sent',
    decision: '400 INVALID_JSON: authentic but unreadable; never guessed at.',
    request: (sender) => {
      const { name, text } = known(sender);
      return signed(sender, utf8(text.slice(0, -1)), name);
    },
    expect: () => invalidJson,
    handlerCalls: 0,
  },
  {
    title: 'invalid UTF-8, signed',
    decision:
      '400 INVALID_JSON: bytes are decoded strictly, never replaced with U+FFFD (a decrypted message ' +
      'that is not UTF-8: 400 DECRYPTION_FAILED).',
    request: (sender) => {
      const { name, text } = known(sender);
      return signed(
        sender,
        Buffer.concat([utf8(text.slice(0, -1)), utf8(',"x":"'), Buffer.from([0xff, 0xfe]), utf8('"}')]),
        name,
      );
    },
    expect: (sender) => (encrypts(sender) ? { status: 400, code: 'DECRYPTION_FAILED' } : invalidJson),
    handlerCalls: 0,
  },
  {
    title: 'UTF-8 byte order mark before the JSON',
    decision:
      'Accepted: the signature covers the bytes as sent (BOM included), then the BOM is dropped before ' +
      'JSON.parse, as the WHATWG decoder does.',
    appliesTo: (sender) => !encrypts(sender),
    request: (sender) => {
      const { name, text } = known(sender);
      return signed(sender, utf8(`\uFEFF${text}`), name);
    },
    expect: () => accepted,
    handlerCalls: 1,
  },
  {
    title: 'UTF-8 byte order mark before an encrypted JSON message',
    decision:
      "400 INVALID_JSON: the decrypted text is written by the platform's own code (DingTalk's, WeCom's), which " +
      'puts no BOM there; it is read exactly as decrypted, with no leniency for what it never sends.',
    appliesTo: encrypts,
    request: (sender) => {
      const { name, text } = known(sender);
      return signed(sender, utf8(`\uFEFF${text}`), name);
    },
    expect: () => invalidJson,
    handlerCalls: 0,
  },
  {
    title: 'depth bomb (100 000 nested arrays), signed',
    decision: `400 INVALID_JSON: nesting deeper than 512 levels is refused before a handler could recurse on it.`,
    request: (sender) =>
      signed(sender, utf8(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), known(sender).name),
    expect: () => invalidJson,
    handlerCalls: 0,
  },
  {
    title: 'huge numbers',
    decision:
      'Accepted with JSON.parse semantics: 1e400 becomes Infinity, integers beyond 2^53 lose precision. ' +
      'No sender we serve sends either; ids that matter are strings or fit 2^53.',
    request: (sender) => {
      const { name, text } = unknownEvent(sender, '"big":1e400,"long":12345678901234567890');
      return signed(sender, utf8(text), name);
    },
    expect: () => accepted,
    handlerCalls: 1,
    check: (seen) => {
      const payload = payloadOf(seen[0]!);
      if (payload['big'] !== Number.POSITIVE_INFINITY) throw new Error(`big was ${String(payload['big'])}`);
      if (payload['long'] !== Number(12345678901234567890n))
        throw new Error(`long was ${String(payload['long'])}`);
    },
  },
  {
    title: 'duplicate keys',
    decision:
      'Accepted, the last value wins (JSON.parse). The signature covers the bytes, so a sender that ' +
      'signed duplicates meant them; any other parser reading the same bytes must also take the last.',
    request: (sender) => {
      const { name, text } = unknownEvent(sender, '"dup":"first","dup":"last"');
      return signed(sender, utf8(text), name);
    },
    expect: () => accepted,
    handlerCalls: 1,
    check: (seen) => {
      const value = payloadOf(seen[0]!)['dup'];
      if (value !== 'last') throw new Error(`dup was ${String(value)}`);
    },
  },
  {
    title: '__proto__ and constructor.prototype keys',
    decision:
      'Accepted, and no prototype changes: JSON.parse makes "__proto__" an own data property, zod ' +
      'drops it from known events; Object.prototype is never touched.',
    request: (sender) => {
      const { name, text } = unknownEvent(
        sender,
        '"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}',
      );
      return signed(sender, utf8(text), name);
    },
    expect: () => accepted,
    handlerCalls: 1,
    check: (seen) => {
      const payload = payloadOf(seen[0]!);
      if (Object.getPrototypeOf(payload) !== Object.prototype) throw new Error('payload prototype replaced');
      if ((payload as { isAdmin?: unknown }).isAdmin !== undefined) throw new Error('isAdmin inherited');
      if (({} as { polluted?: unknown }).polluted !== undefined) throw new Error('Object.prototype polluted');
    },
  },
  {
    title: 'Content-Type text/plain',
    decision:
      '415 UNSUPPORTED_MEDIA_TYPE before the body is read; a missing Content-Type is accepted (Tencent sends none).',
    request: (sender) => {
      const { name, text } = known(sender);
      const request = signed(sender, utf8(text), name) as Extract<BadRequest, { url: string }>;
      return { ...request, headers: { ...request.headers, 'content-type': 'text/plain' } };
    },
    expect: () => ({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }),
    handlerCalls: 0,
  },
  ...['GET', 'PUT', 'DELETE'].map(
    (method): BadInputRow => ({
      title: `${method} instead of POST`,
      decision:
        '405 METHOD_NOT_ALLOWED with Allow: POST (or the methods the sender uses), before the proof is checked.',
      // Only where the sender does not use the method itself (Matrix PUTs, Meta GETs its check).
      appliesTo: (sender) => !methodsOf(sender).includes(method),
      request: (sender) => {
        const { name, text } = known(sender);
        const request = signed(sender, utf8(text), name) as Extract<BadRequest, { url: string }>;
        return { ...request, method, body: method === 'GET' ? new Uint8Array(0) : request.body };
      },
      expect: (sender) => ({
        status: 405,
        code: 'METHOD_NOT_ALLOWED',
        headers: { allow: methodsOf(sender).join(', ') },
      }),
      handlerCalls: 0,
    }),
  ),
  {
    title: 'a reply string with CRLF and a header in it',
    decision:
      'Sent as a JSON string in the body ("\\r\\n" escaped); response headers are fixed by hookguard and ' +
      'never built from handler data.',
    appliesTo: (sender) => sender.name === 'onebot' || sender.name === 'tencent-chat',
    request: (sender) => {
      const [name, body] = sender.fixtures.find(([event]) => REPLYABLE.includes(event))!;
      return signed(sender, utf8(JSON.stringify(body)), name);
    },
    reply: (sender) =>
      sender.name === 'onebot' ? { reply: INJECTION } : { decision: 'reject', code: 120001, info: INJECTION },
    expect: () => ({ status: 200, headers: { 'set-cookie': undefined, 'x-injected': undefined } }),
    handlerCalls: 1,
    check: (_seen, text, headers) => {
      if (!text.includes(JSON.stringify(INJECTION).slice(1, -1)))
        throw new Error(`reply not in body: ${text}`);
      if ('set-cookie' in headers || 'x-injected' in headers) throw new Error('a header was injected');
    },
  },
];

const INJECTION = 'pong\r\nSet-Cookie: session=stolen\r\nX-Injected: 1\r\n\r\n<html>';
const REPLYABLE = ['message.group.normal', 'C2C.CallbackBeforeSendMsg'];

/**
 * Rows about the transport: the body reader and Node's parser are shared by every sender, so
 * these run with one (onebot, whose proof covers the body) through every adapter.
 */
export const transportRows: readonly BadInputRow[] = [
  {
    title: 'gzip bomb (10 MiB of zeros in 10 KiB)',
    decision: '413 BODY_TOO_LARGE: the limit applies to the decoded bytes and decoding stops there.',
    options: { bodyLimit: 64 * 1024 },
    request: (sender) => {
      const request = signed(sender, Buffer.alloc(0)) as Extract<BadRequest, { url: string }>;
      return {
        ...request,
        headers: { ...request.headers, 'content-encoding': 'gzip' },
        body: gzipSync(Buffer.alloc(10 * 1024 * 1024)),
      };
    },
    expect: () => ({ status: 413, code: 'BODY_TOO_LARGE', headers: close }),
    handlerCalls: 0,
  },
  {
    title: 'Content-Length larger than the body sent',
    decision:
      '408 BODY_TIMEOUT once bodyTimeoutMs passes (a client that promises more than it sends is a slow ' +
      'client), Connection: close.',
    options: { bodyTimeoutMs: 300 },
    request: (sender) => {
      const { text } = known(sender);
      const body = utf8(text);
      const headers = Object.entries({
        ...sender.sign(body).headers,
        'content-length': String(body.length + 100),
      });
      return { wire: [head('POST', PATH, headers), body, { pauseMs: 2000 }] };
    },
    expect: () => ({ status: 408, code: 'BODY_TIMEOUT', headers: close }),
    handlerCalls: 0,
  },
  {
    title: 'Content-Length smaller than the body sent',
    decision:
      "400 from Node's HTTP parser, connection closed: Content-Length bytes are the body and the rest is " +
      'parsed as a next request, which is not HTTP. No handler runs: the shortened body is not what was signed.',
    request: (sender) => {
      const { text } = known(sender);
      const body = utf8(text);
      const headers = Object.entries({
        ...sender.sign(body).headers,
        'content-length': String(body.length - 10),
      });
      // One write, as a client would send it: Node sees the leftover in the same read.
      return { wire: [Buffer.concat([utf8(head('POST', PATH, headers)), body])] };
    },
    expect: () => ({ status: 400, fromNode: true }),
    handlerCalls: 0,
  },
  {
    title: 'slow-loris body (one byte every 50 ms)',
    decision:
      '408 BODY_TIMEOUT when the body is not complete within bodyTimeoutMs (default 30 s), Connection: close.',
    options: { bodyTimeoutMs: 300 },
    request: (sender) => {
      const body = utf8(known(sender).text);
      const headers = Object.entries({ ...sender.sign(body).headers, 'content-length': String(body.length) });
      const drip = [...body.subarray(0, 60)].flatMap((byte) => [Uint8Array.of(byte), { pauseMs: 50 }]);
      return { wire: [head('POST', PATH, headers), ...drip] };
    },
    expect: () => ({ status: 408, code: 'BODY_TIMEOUT', headers: close }),
    handlerCalls: 0,
  },
  {
    title: 'a body in one-byte chunks (chunked encoding), wrongly signed',
    decision:
      '401 SIGNATURE_MISMATCH, no handler. Each small chunk is copied into a shared block as it arrives, ' +
      'never kept on its own, so the request holds about the body, not a Buffer per byte ' +
      '(test/bad-input/chunked-memory.test.ts measures it).',
    request: (sender) => ({ wire: wronglySignedChunked(sender, PATH, oneByteChunked(64 * 1024)) }),
    expect: () => ({ status: 401, code: 'SIGNATURE_MISMATCH' }),
    handlerCalls: 0,
  },
  {
    title: 'a 20 KiB header',
    decision:
      "431 from Node's HTTP parser (16 KiB default --max-http-header-size): refused before any framework " +
      'or hookguard code runs.',
    request: (sender) => {
      const body = utf8(known(sender).text);
      const headers: [string, string][] = [
        ...Object.entries(sender.sign(body).headers),
        ['content-length', String(body.length)],
        ['x-padding', 'a'.repeat(20 * 1024)],
      ];
      return { wire: [head('POST', PATH, headers), body] };
    },
    expect: () => ({ status: 431, fromNode: true }),
    handlerCalls: 0,
  },
  {
    title: 'the signature header sent twice (both valid)',
    decision:
      '401 SIGNATURE_MALFORMED: Node joins repeats as "a, b", which is no signature. Never "first wins", ' +
      'since a proxy in front may pick the other one.',
    request: (sender) => {
      const body = utf8(known(sender).text);
      const signedHeaders = sender.sign(body).headers;
      const headers: [string, string][] = [
        ...Object.entries(signedHeaders),
        ['x-signature', signedHeaders['x-signature']!],
        ['content-length', String(body.length)],
      ];
      return { wire: [head('POST', PATH, headers), body] };
    },
    expect: () => ({ status: 401, code: 'SIGNATURE_MALFORMED' }),
    handlerCalls: 0,
  },
  {
    title: 'two different Content-Length headers',
    decision: "400 from Node's HTTP parser (request smuggling guard): never reaches a framework.",
    request: (sender) => {
      const body = utf8(known(sender).text);
      const headers: [string, string][] = [
        ...Object.entries(sender.sign(body).headers),
        ['content-length', String(body.length)],
        ['content-length', String(body.length - 1)],
      ];
      return { wire: [head('POST', PATH, headers), body] };
    },
    expect: () => ({ status: 400, fromNode: true }),
    handlerCalls: 0,
  },
  {
    title: 'Content-Length together with Transfer-Encoding: chunked',
    decision: "400 from Node's HTTP parser (request smuggling guard): never reaches a framework.",
    request: (sender) => {
      const body = utf8(known(sender).text);
      const headers: [string, string][] = [
        ...Object.entries(sender.sign(body).headers),
        ['content-length', String(body.length)],
        ['transfer-encoding', 'chunked'],
      ];
      return {
        wire: [head('POST', PATH, headers), `${body.length.toString(16)}\r\n`, body, '\r\n0\r\n\r\n'],
      };
    },
    expect: () => ({ status: 400, fromNode: true }),
    handlerCalls: 0,
  },
];

/** Tencent proves a callback in the query string, so repeated or disagreeing parameters are rows of their own. */
export const tencentRows: readonly BadInputRow[] = [
  {
    title: 'Sign=a&Sign=b (both the valid Sign)',
    decision: '401 SIGNATURE_MALFORMED: a repeated Tencent parameter is refused, never "first wins".',
    request: (sender) => {
      const { name, text } = known(sender);
      const request = signed(sender, utf8(text), name) as Extract<BadRequest, { url: string }>;
      const sign = new URL(request.url, 'http://x').searchParams.get('Sign')!;
      return { ...request, url: `${request.url}&Sign=${sign}` };
    },
    expect: () => ({ status: 401, code: 'SIGNATURE_MALFORMED' }),
    handlerCalls: 0,
  },
  {
    title: 'CallbackCommand repeated with another command',
    decision: '401 SIGNATURE_MALFORMED: the command decides the reply form, so it must be unambiguous.',
    request: (sender) => {
      const { name, text } = known(sender);
      const request = signed(sender, utf8(text), name) as Extract<BadRequest, { url: string }>;
      return { ...request, url: `${request.url}&CallbackCommand=Group.CallbackBeforeSendMsg` };
    },
    expect: () => ({ status: 401, code: 'SIGNATURE_MALFORMED' }),
    handlerCalls: 0,
  },
  {
    title: "query CallbackCommand differs from the body's",
    decision:
      '401 SENDER_MISMATCH: the Sign covers neither, so the two must at least agree before a handler runs.',
    request: (sender) => {
      const { text } = known(sender);
      return signed(sender, utf8(text), 'Group.CallbackAfterSendMsg');
    },
    expect: () => ({ status: 401, code: 'SENDER_MISMATCH' }),
    handlerCalls: 0,
  },
  {
    title: 'RequestTime 61 s old with a valid Sign for it',
    decision: "401 TIMESTAMP_OUT_OF_RANGE: Tencent's ±60 s rule is the only replay guard its Sign has.",
    request: (sender) => {
      const { name, text } = known(sender);
      const body = utf8(text);
      const { url, headers } = sender.sign(body, { event: name, now: NOW - 61_000 });
      return { url, headers, body };
    },
    expect: () => ({ status: 401, code: 'TIMESTAMP_OUT_OF_RANGE' }),
    handlerCalls: 0,
  },
];

/** GitHub may post `payload=<url-encoded JSON>`: the form path must hold the same limits. */
export const githubRows: readonly BadInputRow[] = [
  {
    title: 'form-encoded GitHub payload nested 100 000 deep, signed',
    decision:
      '400 INVALID_JSON: the form is verified, then its payload parsed under the same 512-level limit.',
    request: (sender) => {
      const body = utf8(
        new URLSearchParams({ payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}` }).toString(),
      );
      const request = signed(sender, body, 'push') as Extract<BadRequest, { url: string }>;
      return {
        ...request,
        headers: { ...request.headers, 'content-type': 'application/x-www-form-urlencoded' },
      };
    },
    expect: () => invalidJson,
    handlerCalls: 0,
  },
  {
    title: 'form-encoded GitHub payload, signed',
    decision:
      'Accepted: the signature covers the form bytes as sent; the JSON inside is read after it is checked.',
    request: (sender) => {
      const [name, event] = sender.fixtures.find(([fixture]) => fixture === 'push')!;
      const body = utf8(new URLSearchParams({ payload: JSON.stringify(event) }).toString());
      const request = signed(sender, body, name) as Extract<BadRequest, { url: string }>;
      return {
        ...request,
        headers: { ...request.headers, 'content-type': 'application/x-www-form-urlencoded' },
      };
    },
    expect: () => accepted,
    handlerCalls: 1,
  },
];

/** Slack posts interactivity and slash commands as forms, and its SSL probe as a form with no signature. */
export const slackRows: readonly BadInputRow[] = [
  {
    title: 'unsigned Slack ssl_check form that also carries an interactivity payload',
    decision:
      'Empty 200, no handler: the one unsigned request Slack sends is answered and nothing else in it is read.',
    request: () => {
      const action = JSON.stringify({ type: 'shortcut', callback_id: 'x', trigger_id: 't' });
      return {
        url: PATH,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: utf8(new URLSearchParams({ ssl_check: '1', payload: action }).toString()),
      };
    },
    expect: () => ({ status: 200 }),
    handlerCalls: 0,
    check: (_seen, text) => {
      if (text !== '') throw new Error(`the SSL probe's answer has a body: ${text}`);
    },
  },
  {
    title: 'form-encoded Slack payload that is not JSON, signed',
    decision: '400 INVALID_JSON: the form is verified, then its payload must parse; no handler runs.',
    request: (sender) => {
      const { url, headers } = sender.sign(utf8('payload=%7B%22type%22%3A'));
      return { url, headers, body: utf8('payload=%7B%22type%22%3A') };
    },
    expect: () => invalidJson,
    handlerCalls: 0,
  },
  {
    title: 'form-encoded Slack payload nested 100 000 deep, signed',
    decision: '400 INVALID_JSON: the payload is parsed under the same 512-level limit as a JSON body.',
    request: (sender) => {
      const body = utf8(
        new URLSearchParams({ payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}` }).toString(),
      );
      return signed(sender, body);
    },
    expect: () => invalidJson,
    handlerCalls: 0,
  },
];

/** A correctly signed request with one header written twice, byte for byte the same, on the wire. */
function withRepeatedHeader(sender: FuzzSender, name: string): BadRequest {
  const { name: event, text } = known(sender);
  const body = utf8(text);
  const { method, url, headers: signedHeaders } = sender.sign(body, { event });
  const headers: [string, string][] = [
    ...Object.entries(signedHeaders),
    [name, signedHeaders[name]!],
    ['content-length', String(body.length)],
  ];
  return { wire: [head(method, url, headers), body] };
}

/** Every copy is read, so a repeated token reads as "t, t" and a repeated signature as no signature. */
const repeatedProofCode = (sender: FuzzSender) =>
  sender.name === 'token' || sender.name === 'bearer' || sender.name === 'matrix'
    ? 'SIGNATURE_MISMATCH'
    : 'SIGNATURE_MALFORMED';

/** What the two token senders below share with hookguard's own form of errors. */
const plainToken = {
  bodyFormat: 'json',
  encode: (payload: unknown) => utf8(JSON.stringify(payload)),
  mount: 'exact',
  forgedStatus: 401,
  errorBody: (code: string, message: unknown) => ({ error: { code, message } }),
} as const;

/**
 * `Authorization: Bearer <token>`: Node keeps only the first Authorization (and Content-Type,
 * User-Agent, ...) of a request, where every other header's copies are joined.
 */
export const bearerSender: FuzzSender = {
  name: 'bearer',
  provider: () =>
    token({ header: 'authorization', prefix: 'Bearer ', secret: SECRET, event: { body: 'object_kind' } }),
  sign: (body, { secret = SECRET } = {}) => ({
    method: 'POST',
    url: PATH,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body,
  }),
  proofHeaders: ['authorization'],
  proof: { proof: 'authorization' },
  bodyCovered: false,
  fixtures: [['push', { object_kind: 'push', ref: 'refs/heads/main' }]],
  handshakes: [],
  ...plainToken,
};

/** `?token=<token>`, as senders that cannot set headers post it. */
export const queryTokenSender: FuzzSender = {
  name: 'query token',
  provider: () => token({ query: 'token', secret: SECRET, event: { body: 'object_kind' } }),
  sign: (body, { secret = SECRET } = {}) => ({
    method: 'POST',
    url: `${PATH}?token=${encodeURIComponent(secret)}`,
    headers: { 'content-type': 'application/json' },
    body,
  }),
  proofHeaders: [],
  proof: {},
  bodyCovered: false,
  fixtures: [['push', { object_kind: 'push', ref: 'refs/heads/main' }]],
  handshakes: [],
  ...plainToken,
};

/**
 * A proof header sent twice, both copies valid, is refused on every adapter: never "first wins",
 * since a proxy in front may have checked the other copy. Runs for every sender with a header
 * proof, and for a bearer token (Authorization is one of the headers Node would keep only once).
 */
export const repeatedProofRows: readonly BadInputRow[] = [
  {
    title: 'the signature or token header sent twice (both copies valid)',
    decision:
      '401: every copy is read, joined as "a, b" on every adapter (as Fetch does), which is no signature ' +
      '(SIGNATURE_MALFORMED) or no token (SIGNATURE_MISMATCH). Never "first wins".',
    appliesTo: (sender) => sender.proof.proof !== undefined,
    request: (sender) => withRepeatedHeader(sender, sender.proof.proof!),
    // A token that does not match is the sender's forged status (Matrix: 403 M_FORBIDDEN).
    expect: (sender) => ({
      status: repeatedProofCode(sender) === 'SIGNATURE_MISMATCH' ? sender.forgedStatus : 401,
      code: repeatedProofCode(sender),
    }),
    handlerCalls: 0,
  },
  {
    title: 'the token query parameter sent twice (both copies valid)',
    decision: '401 SIGNATURE_MISMATCH: a repeated parameter reads as "a, b", as a repeated header does.',
    appliesTo: (sender) => sender.name === queryTokenSender.name,
    request: (sender) => {
      const { name, text } = known(sender);
      const request = signed(sender, utf8(text), name) as Extract<BadRequest, { url: string }>;
      return { ...request, url: `${request.url}&${request.url.split('?')[1]}` };
    },
    expect: () => ({ status: 401, code: 'SIGNATURE_MISMATCH' }),
    handlerCalls: 0,
  },
  {
    title: 'the signed timestamp header sent twice',
    decision:
      '401 TIMESTAMP_OUT_OF_RANGE: "t, t" is no Unix time. A sender with no window (QQ, Discord) ' +
      'only signs its timestamp: 401 SIGNATURE_MISMATCH, "t, t" is not the text that was signed.',
    appliesTo: (sender) => sender.proof.time !== undefined,
    request: (sender) => withRepeatedHeader(sender, sender.proof.time!),
    expect: (sender) => ({
      status: 401,
      code: sender.windowMs === undefined ? 'SIGNATURE_MISMATCH' : 'TIMESTAMP_OUT_OF_RANGE',
    }),
    handlerCalls: 0,
  },
  {
    title: 'the signed id header sent twice',
    decision: '401 SIGNATURE_MISMATCH: "id, id" is not the id that was signed.',
    appliesTo: (sender) => sender.proof.id !== undefined,
    request: (sender) => withRepeatedHeader(sender, sender.proof.id!),
    expect: () => ({ status: 401, code: 'SIGNATURE_MISMATCH' }),
    handlerCalls: 0,
  },
];

/**
 * A sender's endpoint check (Discord's PING, QQ's callback validation) is answered by the
 * provider, never by a handler: but only once it is verified, and whatever shape its bytes travel in.
 */
export const handshakeRows: readonly BadInputRow[] = [
  {
    title: 'a handshake signed with another secret',
    decision:
      '401 SIGNATURE_MISMATCH, no handler, no handshake answer: the check is verified like any delivery, ' +
      'so a forger cannot make the endpoint answer (QQ: sign a validation token) for it.',
    appliesTo: (sender) => sender.handshakes.length > 0,
    request: (sender) => {
      const [handshake] = sender.handshakes;
      const body = utf8(JSON.stringify(handshake!.body));
      return { ...signedAs(sender, body, { event: handshake!.event, secret: otherSecretOf(sender) }) };
    },
    // Matrix and Meta answer a wrong token 403.
    expect: (sender) => ({ status: sender.handshakes[0]!.forgedStatus, code: 'SIGNATURE_MISMATCH' }),
    handlerCalls: 0,
  },
  {
    title: 'a handshake in one-byte chunks (chunked encoding), signed',
    decision:
      "the handshake's own answer, no handler: the check is read, verified and answered like any " +
      'body, whatever its chunking (a sender SDK that assumes Content-Length is the failure this row guards).',
    // A check with a body to chunk: Meta's GET has none.
    appliesTo: (sender) =>
      sender.handshakes.length > 0 &&
      sender.sign(new Uint8Array(), { event: sender.handshakes[0]!.event }).method !== 'GET',
    request: (sender) => {
      const { method, url, headers, body } = sender.sign(
        Buffer.from(JSON.stringify(sender.handshakes[0]!.body)),
        {
          event: sender.handshakes[0]!.event,
        },
      );
      const lines = [...Object.entries(headers), ['transfer-encoding', 'chunked'] as const];
      const wire = Buffer.concat([
        ...[...body].map((byte) =>
          Buffer.concat([Buffer.from('1\r\n'), Buffer.from([byte]), Buffer.from('\r\n')]),
        ),
        Buffer.from('0\r\n\r\n'),
      ]);
      return { wire: [head(method, url, lines), wire] };
    },
    expect: (sender) => ({ status: sender.handshakes[0]!.status }),
    handlerCalls: 0,
  },
];

/** `signed`, with the sign options (event, secret) given. */
function signedAs(
  sender: FuzzSender,
  body: Uint8Array,
  options: { readonly event: string; readonly secret: string },
): BadRequest {
  const { method, url, headers, body: wire } = sender.sign(body, options);
  return { method, url, headers, body: method === 'GET' ? new Uint8Array() : wire };
}

/** Another secret in the sender's format (any text where any text is one), the same every run. */
function otherSecretOf(sender: FuzzSender): string {
  if (sender.otherSecret === undefined) return `not-${SECRET}`;
  const [other] = fc.sample(sender.otherSecret, { numRuns: 1, seed: 7 });
  return other!;
}

/**
 * Feishu/Lark with an Encrypt Key (the fuzz secret): the signature is checked over the ciphertext
 * first, then the body is decrypted; only the URL check may come unsigned.
 */
export const feishuRows: readonly BadInputRow[] = [
  {
    title: 'Feishu encrypted body whose last pad byte decrypts to 0, signed',
    decision:
      '400 DECRYPTION_FAILED: signed, so it is read; PKCS#7 is checked byte by byte without throwing, and no handler runs.',
    request: (sender) => signed(sender, utf8(JSON.stringify({ encrypt: padByteZeroed(sender) }))),
    expect: () => ({ status: 400, code: 'DECRYPTION_FAILED' }),
    handlerCalls: 0,
  },
  {
    title: 'Feishu encrypt field that is not base64, signed',
    decision: '400 DECRYPTION_FAILED: strict base64 only (Node would skip the characters it does not know).',
    request: (sender) => signed(sender, utf8('{"encrypt":"not base64!"}')),
    expect: () => ({ status: 400, code: 'DECRYPTION_FAILED' }),
    handlerCalls: 0,
  },
  {
    title: 'Feishu encrypted event with no signature headers',
    decision:
      '401 SIGNATURE_MISSING: only the URL check comes unsigned; an event that decrypts is still refused.',
    request: (sender) => ({
      url: PATH,
      headers: { 'content-type': 'application/json' },
      body: utf8(feishuEncryptedBody(sender.fixtures[0]![1], SECRET)),
    }),
    expect: () => ({ status: 401, code: 'SIGNATURE_MISSING' }),
    handlerCalls: 0,
  },
];

/**
 * A real envelope with the last byte of the block before the last flipped so that, in CBC, the pad
 * byte decrypts to 0: a padding fault at a known place rather than by chance.
 */
function padByteZeroed(sender: FuzzSender): string {
  const text = JSON.stringify(sender.fixtures[0]![1]);
  const pad = 16 - (Buffer.byteLength(text) % 16);
  const envelope = JSON.parse(feishuEncryptedBody(text, SECRET, Buffer.alloc(16, 7))) as { encrypt: string };
  const bytes = Buffer.from(envelope.encrypt, 'base64');
  const at = bytes.length - 17;
  bytes[at] = bytes[at]! ^ pad;
  return bytes.toString('base64');
}

/** The query parameter holding an enveloped sender's signature (`msg_signature`, or WeChat's and DingTalk's `signature`). */
const signatureParamOf = (sender: FuzzSender): string => sender.provider().proofNames!.query[0]!;

/** The sender's first real event, as its XML or JSON message. */
const knownMessage = (sender: FuzzSender): Uint8Array => sender.encode(sender.fixtures[0]![1]);

/**
 * A signed delivery of the message `plain` (WeCom and DingTalk encrypt it into their envelopes), its
 * query and body then altered as a row says.
 */
function signedEnvelope(
  sender: FuzzSender,
  plain: Uint8Array,
  alter: { readonly query?: (query: URLSearchParams) => void; readonly secret?: string } = {},
): BadRequest {
  const { url, headers, body } = sender.sign(
    plain,
    alter.secret === undefined ? {} : { secret: alter.secret },
  );
  const [path, search] = url.split('?') as [string, string | undefined];
  const query = new URLSearchParams(search);
  alter.query?.(query);
  return { url: `${path}?${query.toString()}`, headers, body };
}

/** One character of the envelope's ciphertext (`<Encrypt>`, or `"encrypt"` in JSON) changed. */
function encryptAltered(body: Uint8Array): Uint8Array {
  const text = Buffer.from(body).toString('utf8');
  const open = text.includes('<Encrypt><![CDATA[') ? '<Encrypt><![CDATA[' : '"encrypt":"';
  const at = text.indexOf(open) + open.length;
  return utf8(`${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`);
}

const isXml = (sender: FuzzSender): boolean => sender.bodyFormat === 'xml';

/**
 * The enveloped senders. WeCom, WeChat: the proof is the query's signature, timestamp and nonce;
 * the body is XML (WeCom's an envelope whose `<Encrypt>` the signature covers). DingTalk: the same
 * query proof over the `"encrypt"` of a JSON envelope. The proof rows of the JSON senders in the
 * form these senders can express them, and each format's own mistakes.
 */
export const envelopeRows: readonly BadInputRow[] = [
  {
    title: 'enveloped sender: the signature query parameter missing',
    decision: '401 SIGNATURE_MISSING: the proof is in the query; without it nothing is read.',
    request: (sender) =>
      signedEnvelope(sender, knownMessage(sender), {
        query: (query) => query.delete(signatureParamOf(sender)),
      }),
    expect: () => ({ status: 401, code: 'SIGNATURE_MISSING' }),
    handlerCalls: 0,
  },
  {
    title: 'enveloped sender: the signature query parameter sent twice (both copies valid)',
    decision:
      '401 SIGNATURE_MALFORMED: never "first wins" (a proxy in front may have checked the other copy).',
    request: (sender) =>
      signedEnvelope(sender, knownMessage(sender), {
        query: (query) => query.append(signatureParamOf(sender), query.get(signatureParamOf(sender))!),
      }),
    expect: () => ({ status: 401, code: 'SIGNATURE_MALFORMED' }),
    handlerCalls: 0,
  },
  {
    title: 'enveloped sender: the signed nonce sent twice',
    decision: '401 SIGNATURE_MALFORMED: the signed timestamp and nonce are held to the same rule.',
    request: (sender) =>
      signedEnvelope(sender, knownMessage(sender), { query: (query) => query.append('nonce', '1') }),
    expect: () => ({ status: 401, code: 'SIGNATURE_MALFORMED' }),
    handlerCalls: 0,
  },
  {
    title: "WeCom: the GET URL check's echostr sent twice",
    decision:
      "401 SIGNATURE_MALFORMED: WeCom signs the echostr and answers it decrypted, so it is held to the signature's rule.",
    appliesTo: (sender) => sender.name === 'wecom',
    request: (sender) => {
      const check = sender.handshakes.find(
        (form) => sender.sign(new Uint8Array(), { event: form.event }).method === 'GET',
      )!;
      const { method, url, headers } = sender.sign(new Uint8Array(), { event: check.event });
      const echostr = new URL(url, 'http://x').searchParams.get('echostr')!;
      return {
        method,
        url: `${url}&echostr=${encodeURIComponent(echostr)}`,
        headers,
        body: new Uint8Array(),
      };
    },
    expect: () => ({ status: 401, code: 'SIGNATURE_MALFORMED' }),
    handlerCalls: 0,
  },
  {
    title: 'enveloped sender: the signature made with another Token',
    decision: '401 SIGNATURE_MISMATCH, compared in constant time.',
    request: (sender) => signedEnvelope(sender, knownMessage(sender), { secret: otherSecretOf(sender) }),
    expect: () => ({ status: 401, code: 'SIGNATURE_MISMATCH' }),
    handlerCalls: 0,
  },
  {
    title: 'enveloped sender: one character of the ciphertext changed',
    decision: '401 SIGNATURE_MISMATCH: the signature covers the ciphertext, checked before it is decrypted.',
    appliesTo: (sender) => sender.bodyCovered,
    request: (sender) => {
      const request = signedEnvelope(sender, knownMessage(sender)) as Extract<BadRequest, { url: string }>;
      return { ...request, body: encryptAltered(request.body) };
    },
    expect: () => ({ status: 401, code: 'SIGNATURE_MISMATCH' }),
    handlerCalls: 0,
  },
  {
    title: 'XML sender: a DOCTYPE declaring an entity, signed',
    appliesTo: isXml,
    decision: '400 INVALID_XML: no DOCTYPE is read, so no entity is expanded (no XXE, no billion laughs).',
    request: (sender) =>
      signedEnvelope(
        sender,
        utf8(
          '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
            '<xml><MsgType><![CDATA[text]]></MsgType><Content>&x;</Content></xml>',
        ),
      ),
    expect: () => ({ status: 400, code: 'INVALID_XML' }),
    handlerCalls: 0,
  },
  {
    title: 'XML sender: a body that is not XML, signed',
    appliesTo: isXml,
    decision: '400 INVALID_XML: signed, so it is read, and refused as unreadable.',
    request: (sender) => signedEnvelope(sender, utf8('{"MsgType":"text","Content":"hi"}')),
    expect: () => ({ status: 400, code: 'INVALID_XML' }),
    handlerCalls: 0,
  },
  {
    title: 'XML sender: a root holding only text, signed',
    decision: '400 INVALID_XML: signed, so it is read; a message with no fields is none these senders send.',
    appliesTo: isXml,
    request: (sender) => signedEnvelope(sender, utf8('<xml>hello</xml>')),
    expect: () => ({ status: 400, code: 'INVALID_XML' }),
    handlerCalls: 0,
  },
  {
    title: 'XML sender: Content-Type application/json, signed',
    appliesTo: isXml,
    decision: '415 UNSUPPORTED_MEDIA_TYPE: these senders post text/xml; another media type is not theirs.',
    request: (sender) => {
      const request = signedEnvelope(sender, knownMessage(sender)) as Extract<BadRequest, { url: string }>;
      return { ...request, headers: { ...request.headers, 'content-type': 'application/json' } };
    },
    expect: () => ({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }),
    handlerCalls: 0,
  },
  {
    title: 'XML sender: a body over the size limit, signed',
    decision: '413 BODY_TOO_LARGE: the limit holds before any XML is parsed or anything decrypted.',
    appliesTo: isXml,
    options: { bodyLimit: 4 * 1024 },
    request: (sender) =>
      signedEnvelope(
        sender,
        utf8(`<xml><MsgType><![CDATA[text]]></MsgType><Content>${'x'.repeat(8 * 1024)}</Content></xml>`),
      ),
    expect: () => ({ status: 413, code: 'BODY_TOO_LARGE', headers: close }),
    handlerCalls: 0,
  },
  {
    title: 'encrypted JSON sender: a body over the size limit, signed',
    decision: '413 BODY_TOO_LARGE: the limit holds on the envelope, before anything is decrypted.',
    appliesTo: encrypts,
    options: { bodyLimit: 4 * 1024 },
    request: (sender) => signedEnvelope(sender, utf8(JSON.stringify({ padding: 'x'.repeat(8 * 1024) }))),
    expect: () => ({ status: 413, code: 'BODY_TOO_LARGE', headers: close }),
    handlerCalls: 0,
  },
  {
    title: 'encrypted JSON sender: an envelope with no "encrypt"',
    decision:
      '401 SIGNATURE_MISSING: the signature covers only the ciphertext; without one nothing is signed.',
    appliesTo: encrypts,
    request: (sender) => {
      const request = signedEnvelope(sender, knownMessage(sender)) as Extract<BadRequest, { url: string }>;
      return { ...request, body: utf8('{"encrypted":"x"}') };
    },
    expect: () => ({ status: 401, code: 'SIGNATURE_MISSING' }),
    handlerCalls: 0,
  },
  {
    title: 'encrypted JSON sender: a decrypted message that is not JSON, signed',
    decision: '400 INVALID_JSON: authentic, so it is decrypted and read, and refused as unreadable.',
    appliesTo: encrypts,
    request: (sender) => signedEnvelope(sender, utf8('<xml><MsgType>text</MsgType></xml>')),
    expect: () => ({ status: 400, code: 'INVALID_JSON' }),
    handlerCalls: 0,
  },
  {
    title: 'encrypted JSON sender: Content-Type text/xml, signed',
    decision: '415 UNSUPPORTED_MEDIA_TYPE: these senders post JSON; another media type is not theirs.',
    appliesTo: encrypts,
    request: (sender) => {
      const request = signedEnvelope(sender, knownMessage(sender)) as Extract<BadRequest, { url: string }>;
      return { ...request, headers: { ...request.headers, 'content-type': 'text/xml' } };
    },
    expect: () => ({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }),
    handlerCalls: 0,
  },
];
