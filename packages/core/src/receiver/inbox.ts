import type { SchemaIssue } from '../event-map.js';
import type { ParsedEvent, Provider, VerifyInput } from '../provider.js';

/**
 * A verified, parsed delivery as plain JSON-safe data: what an inbox stores and what a worker
 * hands back to `receiver.process()`. Raw bytes and proof are not kept: the event was verified
 * on arrival, and re-verifying later would fail every timestamp window.
 */
export interface InboxDelivery {
  readonly provider: string;
  readonly name: string;
  readonly known: boolean;
  readonly payload: unknown;
  readonly issues: readonly SchemaIssue[];
  readonly deliveryKey?: string | undefined;
  readonly meta: unknown;
  readonly secretIndex?: number | undefined;
  /** Request headers, minus the provider's proof (`proofNames`) and any whose name looks like a credential. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** The query string without `?`, minus the provider's proof (Tencent's `Sign`) and credential-like names. */
  readonly query: string;
  /** When the request was verified, in ms since the epoch. */
  readonly receivedAt: number;
}

/**
 * Where ack-first deliveries go before the sender gets its 2xx. `enqueue` must resolve only once
 * the delivery is durable; if it rejects, the sender gets 503 and retries.
 */
export interface Inbox {
  enqueue(delivery: InboxDelivery): Promise<void>;
}

/** What an inbox worker needs from a receiver: its provider's name and a way to run its handlers. */
export interface DeliveryProcessor {
  readonly provider: { readonly name: string };
  process(delivery: InboxDelivery, options?: { readonly signal?: AbortSignal }): Promise<void>;
}

// A second net under the provider's declared proof names: session material and credentials that
// some proxy or client added on the way must not be copied into a queue other people can read.
const CREDENTIAL_NAME = /sign|token|secret|auth|cookie|password|session|api-?key/i;

export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

/** The names never to store: the provider's proof, compared case-insensitively, and the pattern. */
function strippedNames(
  provider: Pick<Provider, 'proofNames'>,
): (name: string, where: 'headers' | 'query') => boolean {
  // `?.`: a provider written in plain JS may lack the field; the pattern still applies.
  const headers = new Set(provider.proofNames?.headers.map((name) => name.toLowerCase()));
  const query = new Set(provider.proofNames?.query.map((name) => name.toLowerCase()));
  return (name, where) =>
    isCredentialName(name) || (where === 'headers' ? headers : query).has(name.toLowerCase());
}

export function toInboxDelivery(
  provider: Pick<Provider, 'name' | 'proofNames'>,
  event: ParsedEvent,
  input: VerifyInput,
  secretIndex: number | undefined,
): InboxDelivery {
  const stripped = strippedNames(provider);
  const headers: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(input.headers)) {
    if (value !== undefined && !stripped(name, 'headers')) headers[name] = value;
  }
  const query = new URLSearchParams();
  for (const [name, value] of input.query) if (!stripped(name, 'query')) query.append(name, value);
  return {
    provider: provider.name,
    name: event.name,
    known: event.known,
    payload: event.payload,
    issues: event.issues,
    deliveryKey: event.deliveryKey,
    meta: event.meta,
    secretIndex,
    headers,
    query: query.toString(),
    receivedAt: input.now,
  };
}
