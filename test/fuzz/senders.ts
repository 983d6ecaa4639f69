import type { Provider } from '@hookguard/core';
import { errorBodyOf, onebotKit, requestLine, type SenderKit, senderKits } from '@hookguard/core/testing';
import fc from 'fast-check';

/** A fixed clock for every fuzzed receiver, so senders with a timestamp window sign "now". */
export const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

export interface SignOptions {
  readonly secret?: string;
  readonly now?: number;
  /** The event name, for senders that carry it outside the body (GitHub's header, Tencent's query). */
  readonly event?: string | undefined;
}

export interface SignedParts {
  /** POST, or the sender's own method (Matrix's PUT, Meta's GET check). */
  readonly method: string;
  /** Path (with the sender's own below `/hook`) and query, with any proof the sender puts in the query string. */
  readonly url: string;
  readonly headers: Record<string, string>;
  /** The bytes the sender puts on the wire: the body given, or an envelope encrypting it; none for a GET. */
  readonly body: Uint8Array;
}

/** The headers that carry a sender's proof or go into what it signs, lower-case. */
export interface ProofHeaders {
  readonly proof?: string | undefined;
  readonly time?: string | undefined;
  readonly id?: string | undefined;
}

/**
 * One sender as the fuzzer sees it: a provider that demands a proof, how that sender signs a
 * body, and where its proof lives (so random values can be aimed at exactly those places).
 */
export interface FuzzSender {
  readonly name: string;
  /** What the body is: JSON, XML (WeCom, WeChat) or JSON encrypted into an envelope (DingTalk). */
  readonly bodyFormat: NonNullable<SenderKit['bodyFormat']>;
  /** Serialises a payload as the sender does (JSON text, or WeChat's XML). */
  readonly encode: (payload: unknown) => Uint8Array;
  readonly provider: () => Provider;
  /** Signs these exact bytes as the sender does, with the right secret at `NOW` unless told otherwise. */
  readonly sign: (body: Uint8Array, options?: SignOptions) => SignedParts;
  /** Headers that carry or shape the proof, lower-case. */
  readonly proofHeaders: readonly string[];
  /** The proof's own headers; Tencent's proof is in the query, so it has none. */
  readonly proof: ProofHeaders;
  /** False when the proof does not cover the body (Tencent's Sign, a token): a changed body still passes. */
  readonly bodyCovered: boolean;
  /** The sender's freshness window in ms, for senders whose proof carries a timestamp. */
  readonly windowMs?: number;
  /** Makes a random JSON value into a body this sender could send (Tencent repeats the command in it). */
  readonly shape?: (value: unknown, event: string | undefined) => unknown;
  /** Secrets this sender accepts the format of, other than the configured one. */
  readonly otherSecret?: fc.Arbitrary<string>;
  /** The events a body carries, each dispatched on its own: the body itself unless the sender batches. */
  readonly eventsIn?: (body: unknown) => readonly unknown[];
  /** Real event bodies by name, mutated by the fuzzer to walk the schemas' edges. */
  readonly fixtures: readonly (readonly [event: string, body: Record<string, unknown>])[];
  /** `prefix` for a sender that appends its own paths to the URL it is given (Matrix). */
  readonly mount: 'exact' | 'prefix';
  /** The status a proof made with another secret gets: 401, or 403 where the sender says so (Matrix). */
  readonly forgedStatus: number;
  /** The error body this sender gets for hookguard's `code` (`message` may be a matcher). */
  readonly errorBody: (code: string, message: unknown) => unknown;
  /** The sender's endpoint checks (Discord's PING, QQ's op 13), each with the status it must get. */
  readonly handshakes: readonly {
    readonly name: string;
    /** The name the kit signs the check under (Matrix's `ping`, Meta's `subscribe`). */
    readonly event: string;
    readonly body: unknown;
    readonly status: number;
    /** The status when signed with another secret. */
    readonly forgedStatus: number;
  }[];
}

export const SECRET = 'fuzz-secret';

/** The sender as its kit describes it, configured with `SECRET` (in the sender's secret format). */
function fuzzSender(kit: SenderKit): FuzzSender {
  const { proof, secret: policy } = kit;
  const secret = policy.fromBytes?.(Buffer.from(SECRET)) ?? SECRET;
  const fixtures = Object.entries(kit.fixtures) as [string, Record<string, unknown>][];
  // A sender that names the event only outside the body needs a name; others read it from the body.
  const defaultEvent = kit.eventOutsideBody === undefined ? undefined : fixtures[0]?.[0];
  return {
    name: kit.name,
    bodyFormat: kit.bodyFormat ?? 'json',
    encode: (payload) => kit.encode(payload),
    provider: () => kit.provider(secret),
    sign: (body, { secret: key = secret, now = NOW, event = defaultEvent } = {}) => {
      const request = kit.sign({ body, secret: key, now, event });
      return {
        ...requestLine(request, '/hook'),
        headers: Object.fromEntries(request.headers.map(([name, value]) => [name.toLowerCase(), value])),
        body: request.method === 'GET' ? new Uint8Array() : request.body,
      };
    },
    proofHeaders: [proof.header, proof.timestampHeader, proof.idHeader, ...proof.relatedHeaders].filter(
      (name): name is string => name !== undefined,
    ),
    proof: { proof: proof.header, time: proof.timestampHeader, id: proof.idHeader },
    bodyCovered: proof.coversBody,
    ...(proof.windowMs === undefined ? {} : { windowMs: proof.windowMs }),
    ...(proof.shape === undefined ? {} : { shape: proof.shape }),
    ...(policy.fromBytes === undefined
      ? {}
      : {
          otherSecret: fc
            .uint8Array({ minLength: 1, maxLength: 64 })
            .map(policy.fromBytes)
            .filter((other) => other !== secret),
        }),
    eventsIn: (body) => kit.batch?.eventsOf(body) ?? [body],
    forgedStatus: kit.answers.forgedStatus ?? 401,
    errorBody: (code, message) => errorBodyOf(kit, code, message),
    fixtures,
    mount: kit.mount ?? 'exact',
    handshakes: (kit.answers.handshakes ?? []).map((form) => ({
      name: form.name,
      event: form.event.name,
      body: form.event.payload,
      status: form.expect.status,
      forgedStatus: form.forged?.status ?? kit.answers.forgedStatus ?? 401,
    })),
  };
}

/** Every sender hookguard serves, from its kit: a new kit is fuzzed everywhere with nothing added here. */
export const senders: readonly FuzzSender[] = senderKits
  .filter((kit) => (kit.bodyFormat ?? 'json') === 'json')
  .map(fuzzSender);

/**
 * The XML senders (WeCom, WeChat): the JSON properties and body rows cannot build their bodies,
 * so they get the rows and properties that need no JSON (test/bad-input envelopeRows, enveloped.fuzz.test.ts).
 */
export const xmlSenders: readonly FuzzSender[] = senderKits
  .filter((kit) => kit.bodyFormat === 'xml')
  .map(fuzzSender);

/**
 * The senders whose JSON events travel encrypted inside a JSON envelope (DingTalk's `{"encrypt"}`):
 * `sign` turns the event's bytes into other bytes on the wire, so every property that builds
 * requests takes its body from `sign`, and the body-byte rows become ciphertext rows.
 */
export const encryptedJsonSenders: readonly FuzzSender[] = senderKits
  .filter((kit) => kit.bodyFormat === 'encrypted-json')
  .map(fuzzSender);

/** Every sender whose events are JSON, sent as they are or encrypted. */
export const jsonEventSenders: readonly FuzzSender[] = [...senders, ...encryptedJsonSenders];

/** Every sender that wraps the message in an envelope whose proof is in the query (XML or encrypted JSON). */
export const envelopedSenders: readonly FuzzSender[] = [...xmlSenders, ...encryptedJsonSenders];

export const onebotSender: FuzzSender = senders.find((sender) => sender.name === onebotKit.name)!;

/** A provider that proves nothing (NapCat with an empty token): it must still never crash. */
export const unsignedOneBot = (): Provider => onebotKit.provider(undefined);
