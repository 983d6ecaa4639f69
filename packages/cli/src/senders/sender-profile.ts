import type { Provider, ReceiverLike, ReceiverOptions } from '@hookguard/core';

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
}

export interface SignInput {
  readonly body: Uint8Array;
  /** The secret; undefined when the sender signs nothing (NapCat without a token). */
  readonly secret: string | undefined;
  /** Milliseconds since the epoch: the send time senders put in timestamps. */
  readonly now: number;
  /** The event name, for senders that carry it outside the body (GitHub's X-GitHub-Event). */
  readonly event: string | undefined;
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

/** What an authentic delivery of a fixture should get back from the demo receiver. */
export interface DemoExpectation {
  readonly status: number;
  /** The exact response body, when the demo's handler answers with something. */
  readonly body?: string;
}

/** A way a delivery goes wrong on the way, and what the receiver must answer. */
export interface Tampering {
  readonly name: string;
  /** Alters the request after the sender built it; `signWith` re-signs with another secret. */
  alter(request: OutgoingRequest, resign: (changes: Partial<SignInput>) => OutgoingRequest): OutgoingRequest;
  /** The status the receiver must answer (401, or 2xx where the scheme cannot notice). */
  readonly expectStatus: number;
}

export interface DemoScript {
  readonly secret: string;
  /**
   * A receiver with handlers that answer like a small bot, so replies travel back through every
   * adapter. `options` is the demo's (a silent logger: it forges requests on purpose).
   */
  createReceiver(options: ReceiverOptions): ReceiverLike;
  /** The fixture whose rows the demo table shows for every adapter; every other fixture is sent too. */
  readonly showcase: string;
  expect(event: string): DemoExpectation;
  readonly tamperings: readonly Tampering[];
}

export interface SecretPolicy {
  /** Used when no secret is given (GOWA signs with `secret` unless configured). */
  readonly fallback?: string;
  /** Whether the sender can send unsigned (NapCat with an empty token, Tencent with auth off). */
  readonly optional: boolean;
  /** Where the user finds the value on the sender's side. */
  readonly where: string;
}

/** One sender's wire format: how it encodes, signs and sends, and how it reads the answer. */
export interface SenderProfile {
  /** The provider name on the command line (`onebot`, `whatsapp`, ...). */
  readonly name: string;
  /** The real sender, for people: `NapCat (OneBot 11 HTTP POST)`; the part before ` (` is its short name. */
  readonly sender: string;
  /** How it puts a delivery on the wire, in one line. */
  readonly wire: string;
  /** Default path for listen/demo routes. */
  readonly path: string;
  readonly fixtures: Readonly<Record<string, unknown>>;
  readonly secret: SecretPolicy;
  /** Serialises a payload as the sender's JSON encoder does (JSON.stringify, Go's json.Marshal, ...). */
  encode(payload: unknown): Uint8Array;
  /** The event name a fixture or payload stands for, when the sender sends it outside the body. */
  readonly needsEvent?: string;
  sign(input: SignInput): OutgoingRequest;
  /** The hookguard provider that verifies this sender, for `listen`. Throws TypeError on bad config. */
  createProvider(secret: string | undefined): Provider;
  /** `event`: the delivery's event name, for senders whose reading depends on it (Tencent). */
  readReply(status: number, body: string, event: string | undefined): ReplyReading;
  /** For senders described by data (hmac, token): the same sender as `--scheme` (JSON) describes it. */
  withScheme?(text: string): SenderProfile;
  readonly demo: DemoScript;
}

/** `NapCat`, `GOWA`, `Tencent Cloud Chat`: how the output names the sender in its reading. */
export function shortName(sender: SenderProfile): string {
  return sender.sender.split(' (')[0] ?? sender.sender;
}
