import type { ReplyReading } from '../../senders/sender-profile.js';
import type { DeliveryDiagnosis } from '../delivery.js';
import type { ForwardReport } from '../forward.js';
import type { StoredDelivery } from './store.js';
import type { Verdict } from './verdict.js';

/** One row of the page's list: enough to filter and to show, no body. */
export interface DeliverySummary {
  readonly id: number;
  readonly at: string;
  readonly method: string;
  readonly url: string;
  readonly verdict: Verdict;
  /** The refusal's code (or an accepted delivery's failure, e.g. INVALID_REPLY). */
  readonly code: string | undefined;
  readonly event: string | undefined;
  readonly status: number;
  readonly bytes: number;
  readonly ms: number;
  readonly forwarded: ForwardReport['outcome'] | undefined;
}

/** Everything the page shows of one opened delivery. Holds no secret: only what came and went on the wire. */
export interface DeliveryDetail extends DeliverySummary {
  readonly sender: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly chunked: boolean;
  readonly error: { readonly code: string; readonly message: string } | undefined;
  readonly diagnosis: DeliveryDiagnosis | undefined;
  readonly known: boolean | undefined;
  readonly payload: unknown;
  readonly issues: readonly unknown[];
  readonly body: { readonly escaped: string; readonly pretty: string | undefined; readonly base64: string };
  readonly answer: {
    readonly status: number;
    readonly headers: Record<string, string>;
    readonly body: string;
  };
  readonly reading: ReplyReading;
  readonly forward: ForwardReport | undefined;
  readonly copy: { readonly curl: string; readonly send: string | undefined };
}

export function summarize({ id, delivery, verdict, ms }: StoredDelivery): DeliverySummary {
  return {
    id,
    at: delivery.at.toISOString(),
    method: delivery.method,
    url: delivery.url,
    verdict,
    code: delivery.error?.code,
    event: delivery.event,
    status: delivery.response.status,
    bytes: delivery.bytes,
    ms,
    forwarded: delivery.forwarded?.outcome,
  };
}

export function detail(
  stored: StoredDelivery,
  extra: { readonly sender: string; readonly copy: DeliveryDetail['copy'] },
): DeliveryDetail {
  const { delivery } = stored;
  const body = Buffer.from(delivery.bodyBase64, 'base64');
  return {
    ...summarize(stored),
    sender: extra.sender,
    headers: delivery.rawHeaders,
    chunked: delivery.chunked,
    error: delivery.error,
    diagnosis: delivery.diagnosis,
    known: delivery.known,
    payload: delivery.payload,
    issues: delivery.issues,
    body: { escaped: escapeBytes(body), pretty: prettyJson(body), base64: delivery.bodyBase64 },
    answer: {
      status: delivery.response.status,
      headers: delivery.response.headers,
      body: delivery.response.body,
    },
    reading: delivery.reading,
    forward: delivery.forwarded,
    copy: extra.copy,
  };
}

/**
 * The bytes as text a person can check against a signature: printable ASCII as itself, a
 * newline as `\n` followed by a line break, every other byte (control, non-ASCII, a BOM) as
 * `\xHH`, and the backslash doubled so an escape is never ambiguous.
 */
export function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x0a) out += '\\n\n';
    else if (byte === 0x09) out += '\\t';
    else if (byte === 0x0d) out += '\\r';
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** The body pretty-printed when it is JSON in UTF-8; undefined otherwise. */
export function prettyJson(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}
