/**
 * What an application service request is, from its method and the end of its path
 * (https://spec.matrix.org/v1.13/application-service-api/): a transaction
 * (`PUT /_matrix/app/v1/transactions/{txnId}`, or the legacy `/transactions/{txnId}`), the
 * homeserver's ping (`POST /_matrix/app/v1/ping`), or anything else, which the spec has answered
 * 404 `M_UNRECOGNIZED` (user and room queries, third-party lookups: hookguard answers none of them).
 */
export type MatrixRoute =
  | { readonly kind: 'transaction'; readonly txnId: string }
  | { readonly kind: 'ping' }
  | { readonly kind: 'unrecognized' };

// The legacy path is a suffix of the v1 one, so one pattern takes both; the path may end in "/".
const TRANSACTION = /\/transactions\/([^/]+)\/?$/;
const PING = /\/_matrix\/app\/v1\/ping\/?$/;
const UNRECOGNIZED: MatrixRoute = { kind: 'unrecognized' };
const PING_ROUTE: MatrixRoute = { kind: 'ping' };

/** `path` as received (mount prefix and percent-encoding kept): its txnId segment is decoded once. */
export function matrixRoute(method: string, path: string): MatrixRoute {
  if (method === 'POST') return PING.test(path) ? PING_ROUTE : UNRECOGNIZED;
  if (method !== 'PUT') return UNRECOGNIZED;
  const segment = TRANSACTION.exec(path)?.[1];
  if (segment === undefined) return UNRECOGNIZED;
  try {
    return { kind: 'transaction', txnId: decodeURIComponent(segment) };
  } catch {
    // A malformed escape cannot be a txnId the homeserver chose.
    return UNRECOGNIZED;
  }
}
