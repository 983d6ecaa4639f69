import { createHash } from 'node:crypto';
import type { WebhookRequest } from '../../../http/types.js';

/**
 * JSON as Synapse writes a transaction: compact, with every character outside ASCII escaped as
 * `\uXXXX` in lower-case hex (Python's `json` with `ensure_ascii`), an emoji as its surrogate pair.
 */
export function matrixJson(payload: unknown): string {
  return JSON.stringify(payload).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A txnId for these bytes: homeservers pick their own (Synapse counts up); one derived from the
 * body keeps a re-sent transaction on its id, as the spec requires of a retry.
 */
export function matrixTxnId(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

/** Where a homeserver PUTs transaction `txnId`, below the registration's `url`. */
export function matrixTransactionPath(txnId: string): string {
  return `/_matrix/app/v1/transactions/${encodeURIComponent(txnId)}`;
}

export const MATRIX_PING_PATH = '/_matrix/app/v1/ping';

/**
 * A transaction (`{ events }`, or these exact bytes) as a homeserver PUTs it, `url` being the
 * registration's: `Authorization: Bearer <hs_token>`, the spec's form since v1.4.
 */
export function matrixRequest(
  payload: unknown,
  hsToken: string,
  options: { readonly url?: string; readonly txnId?: string } = {},
): WebhookRequest {
  const body = payload instanceof Uint8Array ? payload : Buffer.from(matrixJson(payload));
  const path = matrixTransactionPath(options.txnId ?? matrixTxnId(body));
  return {
    method: 'PUT',
    url: `${options.url ?? '/matrix'}${path}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hsToken}` },
    body,
  };
}
