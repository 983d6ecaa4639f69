import { createReceiver, type Receiver, type ReceiverOptions } from '@hookguard/core';
import { type ExpectedAnswers, errorBodyOf, type SenderKit } from '@hookguard/core/testing';

export type { ExpectedAnswer, NamedEvent, ReplyForm } from '@hookguard/core/testing';

/** What a sender puts on the wire: the query string (Tencent signs there), headers and body. */
export interface Delivery {
  /** The sender's method when it is not POST (Matrix's PUT, Meta's GET check). */
  readonly method?: string;
  /** The sender's own path below the mount (Matrix's `/_matrix/app/v1/transactions/{txnId}`). */
  readonly path?: string;
  readonly query?: string;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array;
}

type Deliver = (body: string, name: string) => Delivery;

/**
 * One sender, as the matrix drives it: built from the sender's kit by `rowFromKit`, so a new
 * kit in `senderKits` is driven through every scenario and adapter with nothing added here.
 */
export interface ProviderRow extends Omit<ExpectedAnswers, 'forgedCode' | 'unsignedCode' | 'forgedStatus'> {
  readonly name: string;
  readonly path: string;
  /** `prefix`: the sender appends its own paths to `path`, so the app mounts everything below it. */
  readonly mount: 'exact' | 'prefix';
  /** The error body this sender gets for hookguard's `code` (`message` may be a matcher). */
  errorBody(code: string, message: unknown): unknown;
  receiver(options?: ReceiverOptions): Receiver;
  /** The body bytes exactly as the sender serialises an event. */
  serialise(payload: unknown): string;
  /** An authentic delivery of these exact bytes. */
  readonly deliver: Deliver;
  /** A delivery whose proof does not match, and the status (401, Matrix 403) and code it earns. */
  readonly forged: { readonly deliver: Deliver; readonly code: string; readonly status: number };
  /** A delivery with no proof at all, and the 401 code it earns. */
  readonly unsigned: { readonly deliver: Deliver; readonly code: string };
  /** The plaintext of an answer the sender encrypts afresh each time (DingTalk); see `SenderKit.openAnswer`. */
  readonly openAnswer?: (body: string) => string | undefined;
}

/** Rows drive receivers with event names from data, so their event types are widened here. */
export const widen = (receiver: unknown): Receiver => receiver as Receiver;

/**
 * A secret the receiver does not have, of the format the sender uses: GOWA's public default
 * where the sender has one (exactly what a misconfigured sender signs with).
 */
function otherSecret(kit: SenderKit): string {
  return kit.secret.fallback ?? kit.secret.fromBytes?.(Buffer.from('not-the-secret')) ?? 'not-the-secret';
}

export function rowFromKit(kit: SenderKit): ProviderRow {
  const signedWith =
    (secret: string | undefined): Deliver =>
    (body, name) => {
      const request = kit.sign({ body: Buffer.from(body), secret, now: Date.now(), event: name });
      // Lower-case names, so a scenario that overrides a header replaces the sender's one.
      const headers = Object.fromEntries(
        request.headers.map(([header, value]) => [header.toLowerCase(), value]),
      );
      const query = new URLSearchParams(request.query as [string, string][]).toString();
      return {
        ...(request.method ? { method: request.method } : {}),
        ...(request.path ? { path: request.path } : {}),
        ...(query ? { query } : {}),
        headers,
        // The sender's bytes as signed (WeCom's envelope, not the fixture); Meta's GET check carries none.
        body: request.method === 'GET' ? '' : request.body,
      };
    };
  const { forgedCode, unsignedCode, forgedStatus, ...answers } = kit.answers;
  return {
    ...answers,
    name: kit.name,
    path: kit.path,
    mount: kit.mount ?? 'exact',
    errorBody: (code, message) => errorBodyOf(kit, code, message),
    receiver: (options) => widen(createReceiver(kit.provider(kit.secret.demo), options)),
    serialise: (payload) => Buffer.from(kit.encode(payload)).toString('utf8'),
    deliver: signedWith(kit.secret.demo),
    forged: { deliver: signedWith(otherSecret(kit)), code: forgedCode, status: forgedStatus ?? 401 },
    unsigned: { deliver: signedWith(undefined), code: unsignedCode },
    ...(kit.openAnswer ? { openAnswer: (body: string) => kit.openAnswer?.(body) } : {}),
  };
}
