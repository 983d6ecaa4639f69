import type { Provider } from '../provider.js';
import type { ReceiverLike } from '../receiver/create-receiver.js';
import type { ReceiverOptions } from '../receiver/options.js';
import type { Mistake } from './doctor/mistake.js';

/** What a sender attaches to one delivery, in the order and letter case it writes them. */
export interface SignedParts {
  /** Parameters appended to the URL (Tencent puts its whole proof here). */
  readonly query: readonly (readonly [string, string])[];
  readonly headers: readonly (readonly [string, string])[];
}

/** One delivery, byte for byte as the sender puts it on the wire. */
export interface OutgoingRequest extends SignedParts {
  readonly body: Uint8Array;
  /**
   * `req.write()` with no Content-Length, so Node sends `Transfer-Encoding: chunked` (NapCat).
   * Otherwise the body goes with a Content-Length, as Go's client and most others send it.
   */
  readonly chunked: boolean;
  /** The method, when the sender does not POST (Matrix PUTs a transaction, Meta GETs its check). */
  readonly method?: string;
  /** Appended to the receiver's URL, for a sender that names the request in its path (Matrix's `/transactions/{txnId}`). */
  readonly path?: string;
}

export interface SignInput {
  readonly body: Uint8Array;
  /**
   * The secret; undefined for a delivery with no proof at all: what NapCat without a token and
   * Tencent with authentication off send, and what anyone without the secret can send.
   */
  readonly secret: string | undefined;
  /** Milliseconds since the epoch: the send time senders put in timestamps. */
  readonly now: number;
  /** The event name, for senders that carry it outside the body (GitHub's X-GitHub-Event). */
  readonly event: string | undefined;
}

/** A receiver's answer to one delivery, as the sender gets it. */
export interface SenderAnswer {
  readonly status: number;
  readonly body: string;
  /** The delivery's event name, for senders whose reading depends on it (Tencent). */
  readonly event?: string | undefined;
  /** The body that was sent, for senders that name the event inside it. */
  readonly sent?: Uint8Array;
}

/**
 * Parsers a sender uses that core does not ship (NapCat decodes answers with json5); the caller
 * supplies them, so the kit states the fact without core depending on the parser.
 */
export interface ReplyDecoders {
  readonly json5: (text: string) => unknown;
}

/** How the sender reads the receiver's answer, in its own terms. */
export interface ReplyReading {
  /** Whether the sender counts the delivery as done (GOWA: any 2xx; Tencent: 200 and JSON). */
  readonly delivered: boolean;
  /** What the sender does next, in a few words. */
  readonly summary: string;
  /** The reply as the sender decodes it (NapCat with JSON5), when it decodes one. */
  readonly decoded?: unknown;
}

/** A way a delivery goes wrong on the way, and what the receiver must answer. */
export interface Tampering {
  readonly name: string;
  /** Alters the request after the sender built it; `resign` signs again with changed input. */
  alter(request: OutgoingRequest, resign: (changes: Partial<SignInput>) => OutgoingRequest): OutgoingRequest;
  /** The status the receiver must answer: 401, or 2xx where the scheme cannot notice (then as the delivery itself). */
  readonly expectStatus: number;
}

export interface SecretPolicy {
  /** A public value the demo, the examples and `hookguard send` share; never to be deployed. */
  readonly demo: string;
  /** Used when no secret is given (GOWA signs with `secret` unless configured). */
  readonly fallback?: string;
  /** Whether the sender can send unsigned (NapCat with an empty token, Tencent with auth off). */
  readonly optional: boolean;
  /** Where the user finds the value on the sender's side. */
  readonly where: string;
  /**
   * Another secret of the format the provider accepts, made from any bytes (`whsec_<base64>`),
   * for forgeries; absent where any non-empty text is a secret.
   */
  readonly fromBytes?: (bytes: Uint8Array) => string;
}

/**
 * For senders that sign with a private key the receiver never sees (Discord's Ed25519): the
 * receiver verifies with the public key instead, and `hookguard listen` takes that.
 */
export interface VerifyKeyPolicy {
  /** What the key is and where the user finds it. */
  readonly where: string;
  /** The key that verifies what this signing secret signs (the demo's, or `--secret`). */
  fromSecret(secret: string): string;
  /** The provider verifying with that key; throws a TypeError for a malformed one. */
  provider(key: string): Provider;
}

/** Where a sender's proof travels, so tests can aim at exactly those places. */
export interface ProofFacts {
  /** The header holding the signature or token, lower-case; absent when the proof is in the query. */
  readonly header?: string;
  /** A signed timestamp header, lower-case. */
  readonly timestampHeader?: string;
  /** A signed delivery id header, lower-case. */
  readonly idHeader?: string;
  /** Other headers that shape how the proof is read (X-Self-ID, X-GitHub-Event), lower-case. */
  readonly relatedHeaders: readonly string[];
  /** False when the proof does not cover the body (Tencent's Sign, a token): a changed body passes. */
  readonly coversBody: boolean;
  /** The freshness window in ms, for proofs that carry a timestamp. */
  readonly windowMs?: number;
  /** Makes any JSON value into a body this sender could send (Tencent repeats the command in it). */
  readonly shape?: (value: unknown, event: string | undefined) => unknown;
}

/** An answer a receiver must give: the status, then the exact JSON, or just the error code. */
export interface ExpectedAnswer {
  readonly status: number;
  readonly json?: unknown;
  readonly code?: string;
  /** The exact plain-text body (Meta's challenge, WeChat's `success`), sent as `text/plain`. */
  readonly text?: string;
  /**
   * For an answer encrypted afresh every time (DingTalk's `success`), sent as JSON: its plaintext
   * as the kit's `openAnswer` reads it, signature checked.
   */
  readonly opened?: string;
}

/** An event body and the name its sender gives it (some senders name it outside the body). */
export interface NamedEvent {
  readonly name: string;
  readonly payload: unknown;
}

/** A handler reply and the exact answer the sender must read for it. */
export interface ReplyForm {
  readonly name: string;
  readonly event: NamedEvent;
  /** The event name (or prefix) the replying handler is registered on. */
  readonly on: string;
  readonly reply: unknown;
  readonly expect: ExpectedAnswer;
}

/**
 * A request the sender makes to check the endpoint (a PING, a URL validation): answered by the
 * provider itself, never by a handler, and refused like any delivery when its proof is wrong.
 */
export interface HandshakeForm {
  readonly name: string;
  readonly event: NamedEvent;
  readonly expect: ExpectedAnswer;
  /** The answer when signed with another secret; default the delivery's (`forgedStatus`, `forgedCode`). */
  readonly forged?: ExpectedAnswer;
}

/** What a receiver built with `provider()` answers this sender, whatever the framework. */
export interface ExpectedAnswers {
  /** A known event. */
  readonly sample: NamedEvent;
  /** An authentic body that no schema knows: delivered to `unknown` handlers. */
  readonly unknownEvent: NamedEvent;
  /** The answer for `sample` when no handler replies (also the deadline fallback unless given). */
  readonly noReply: ExpectedAnswer;
  /** The answer for `unknownEvent` with no reply; default `noReply`. */
  readonly unknownAnswer?: ExpectedAnswer;
  /** The answer once the sender's deadline passes with the handler still running; default `noReply`. */
  readonly deadlineFallback?: ExpectedAnswer;
  /** The first one is also sent twice, so its event must carry a delivery key. */
  readonly replies: readonly ReplyForm[];
  /** The sender's endpoint checks, each with the exact answer it must get. */
  readonly handshakes?: readonly HandshakeForm[];
  /** The 401 code for a proof made with another secret. */
  readonly forgedCode: string;
  /** The status for a proof made with another secret; default 401 (Matrix: 403). */
  readonly forgedStatus?: number;
  /** The 401 code for a delivery with no proof. */
  readonly unsignedCode: string;
  /** The 400 code for an authentic body the sender's format cannot read; default `INVALID_JSON`. */
  readonly malformedCode?: string;
}

/** What an authentic delivery of a fixture should get back from the demo receiver. */
export interface DemoExpectation {
  readonly status: number;
  /** The exact response body, when the demo's handler answers with something. */
  readonly body?: string;
}

/** `hookguard demo`'s part for one sender: a bot-like receiver and what it answers. */
export interface DemoScript {
  /**
   * A receiver (with the demo secret) whose handlers answer like a small bot, so replies travel
   * back through every adapter. `options` is the demo's (a silent logger: it forges on purpose).
   */
  createReceiver(options: ReceiverOptions): ReceiverLike;
  /** The fixture whose rows the demo table shows for every adapter; every other fixture is sent too. */
  readonly showcase: string;
  expect(event: string): DemoExpectation;
}

/** Where a sender that names its event outside the body puts the name. */
export interface EventOutsideBody {
  /** `the X-GitHub-Event header`. */
  readonly where: string;
  /** A name to suggest (`issues`). */
  readonly example: string;
}

/**
 * For senders that carry several events in one delivery (LINE, Meta, Matrix). Each fixture is
 * then a delivery of one event, and `combine` is how the sender groups events.
 */
export interface BatchFacts {
  /** Deliveries (fixtures, one event or more each) → one delivery carrying all their events, in order. */
  combine(deliveries: readonly unknown[]): unknown;
  /** The events a delivery body carries, in order; undefined for a body that is not a batch (one event). */
  eventsOf(delivery: unknown): readonly unknown[] | undefined;
}

/**
 * For a sender whose errors the provider words in the sender's own form (Matrix's
 * `{"errcode", "error"}`) instead of hookguard's `{"error": {"code", "message"}}`.
 */
export interface ErrorForm {
  /** The body the sender gets for hookguard's error `code` with `message`. */
  body(code: string, message: string): unknown;
}

/**
 * One sender, as every hookguard tool needs it: how it encodes, signs and sends a delivery, how it
 * reads the answer, where its proof lives, example bodies, and what a receiver must answer it.
 * Each provider's kit lives in `providers/<name>/kit/`; `senderKits` lists them all.
 */
export interface SenderKit {
  /** The provider name on the command line (`onebot`, `whatsapp`, ...). */
  readonly name: string;
  /** Other spellings people type: the factory name (`tencentChat`) and the sender's own names. */
  readonly aliases: readonly string[];
  /** The real sender, for people: `NapCat (OneBot 11 HTTP POST)`; the part before ` (` is its short name. */
  readonly sender: string;
  /** How it puts a delivery on the wire, in one line. */
  readonly wire: string;
  /** The default path for routes (listen, demo, examples). */
  readonly path: string;
  readonly secret: SecretPolicy;
  /** Present when the receiver verifies with a public key rather than the signing secret. */
  readonly verifyKey?: VerifyKeyPolicy;
  /** One example body per event, shaped as the sender sends it. */
  readonly fixtures: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Serialises a payload as the sender's JSON encoder does (JSON.stringify, Go's json.Marshal, ...). */
  encode(payload: unknown): Uint8Array;
  readonly eventOutsideBody?: EventOutsideBody;
  /** Signs and lays out these exact bytes as the sender does. */
  sign(input: SignInput): OutgoingRequest;
  /** The hookguard provider that verifies this sender; undefined: unsigned, where allowed. Throws TypeError on bad config. */
  provider(secret: string | undefined): Provider;
  readonly proof: ProofFacts;
  /** Ways a delivery can be altered on the way, and what the receiver must answer each. */
  readonly tamperings: readonly Tampering[];
  readReply(answer: SenderAnswer, decoders: ReplyDecoders): ReplyReading;
  readonly answers: ExpectedAnswers;
  readonly demo: DemoScript;
  /**
   * What the body is; default `json`. The JSON body rows and properties of the fuzzers and the
   * bad-input matrix take JSON senders only; an XML sender (WeCom, WeChat) gets the XML rows
   * (proof in the query, XML mistakes) and the properties that need no JSON instead.
   * `encrypted-json`: JSON events that `sign` encrypts into another body (DingTalk's
   * `{"encrypt"}`), so the bytes on the wire are not the ones given; tested on their own.
   */
  readonly bodyFormat?: 'json' | 'xml' | 'encrypted-json';
  /** Present for senders that batch: how their events are grouped into one delivery. */
  readonly batch?: BatchFacts;
  /**
   * For senders described by data (hmac, token): the same sender as these provider options
   * (without the secret) describe it. Throws TypeError when the options are not valid.
   */
  withScheme?(scheme: Readonly<Record<string, unknown>>): SenderKit;
  /** A short valid scheme, for messages about a bad one. */
  readonly schemeExample?: string;
  /** Mistakes people make with this sender in particular, which `diagnose()` tries after everyone's. */
  readonly mistakes?: readonly Mistake[];
  /**
   * `prefix` for a sender that appends its own paths to the URL it is given (Matrix): the app
   * mounts `path` and everything below it, not the one path.
   */
  readonly mount?: 'prefix';
  readonly errorForm?: ErrorForm;
  /**
   * For a sender whose answers are encrypted with fresh random bytes (DingTalk): the plaintext of
   * an answer, decrypted with the demo's key once its signature checks; undefined for an answer
   * that is not such an envelope. Tests compare this, as the bytes differ on every request.
   */
  openAnswer?(body: string): string | undefined;
}

/** `NapCat`, `GOWA`, `Tencent Cloud Chat`: how output names the sender in its reading. */
export function shortName(kit: SenderKit): string {
  return kit.sender.split(' (')[0] ?? kit.sender;
}

/**
 * Where a signed request goes: its method (POST unless the sender says) and URL, the sender's
 * own path (Matrix's `/_matrix/app/v1/transactions/{txnId}`) and query appended to `base`, the
 * path the receiver is mounted on.
 */
export function requestLine(
  request: Pick<OutgoingRequest, 'method' | 'path' | 'query'>,
  base: string,
): { readonly method: string; readonly url: string } {
  const query = new URLSearchParams(request.query as [string, string][]).toString();
  const url = `${base}${request.path ?? ''}`;
  return { method: request.method ?? 'POST', url: query ? `${url}?${query}` : url };
}

/**
 * The error body `kit`'s sender gets for hookguard's error `code`: hookguard's
 * `{"error": {"code", "message"}}`, or the sender's own form. `message` may be a test matcher.
 */
export function errorBodyOf(kit: Pick<SenderKit, 'errorForm'>, code: string, message: unknown): unknown {
  return kit.errorForm ? kit.errorForm.body(code, message as string) : { error: { code, message } };
}
