import { hmacDigest } from '../../../crypto/hmac.js';
import type { WebhookRequest } from '../../../http/types.js';
import { compileHmacScheme, type HmacSchemeOptions } from '../../../sender-toolkit/scheme.js';
import { signedParts } from '../../../sender-toolkit/signed-template.js';
import type { RequestSource } from '../../../sender-toolkit/sources.js';

export interface HmacMessage {
  readonly body: string | Uint8Array;
  /** Default: `now` in the scheme's unit. */
  readonly timestamp?: string | number;
  /** Default: a fresh `msg_<random>` id when the scheme reads one. */
  readonly id?: string;
  /** Milliseconds since the epoch for the default timestamp. Default `Date.now()`. */
  readonly now?: number;
}

export interface SignedHmac {
  readonly headers: Record<string, string>;
  /** Query parameters the scheme reads (`?sig=...`), to append to the request URL. */
  readonly query: URLSearchParams;
}

/** Signs a message exactly as a sender described with `hmac({...})` would, for tests and the CLI. */
export function signHmac(
  scheme: HmacSchemeOptions,
  secret: string | Uint8Array,
  message: HmacMessage,
): SignedHmac {
  const compiled = compileHmacScheme(scheme);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const query = new URLSearchParams();
  const put = (source: RequestSource, value: string) => {
    if ('header' in source) headers[source.header] = value;
    else query.set(source.query, value);
  };
  let timestamp: string | undefined;
  if (compiled.timestamp) {
    const now = message.now ?? Date.now();
    timestamp = String(
      message.timestamp ?? (compiled.timestamp.unit === 'seconds' ? Math.floor(now / 1000) : now),
    );
    put(compiled.timestamp.source, timestamp);
  }
  // The id travels whenever the scheme reads it from the request: signed, or only as the delivery key.
  const idSource = compiled.id ?? (scheme.id !== undefined && !('body' in scheme.id) ? scheme.id : undefined);
  let id: string | undefined;
  if (idSource) {
    id = message.id ?? `msg_${Math.random().toString(36).slice(2)}`;
    put(idSource, id);
  }
  const body = typeof message.body === 'string' ? Buffer.from(message.body) : message.body;
  const digest = hmacDigest(
    compiled.algorithm,
    secret,
    signedParts(compiled.template, { body, timestamp, id }),
  );
  put(compiled.signature.source, compiled.signature.prefix + digest.toString(compiled.signature.encoding));
  return { headers, query };
}

/** A POST a declared sender would make, signed with `secret`. */
export function hmacRequest(
  scheme: HmacSchemeOptions,
  secret: string | Uint8Array,
  message: HmacMessage,
  path = '/webhook',
): WebhookRequest {
  const { headers, query } = signHmac(scheme, secret, message);
  const search = query.toString();
  const body = typeof message.body === 'string' ? Buffer.from(message.body) : message.body;
  return { method: 'POST', url: search ? `${path}?${search}` : path, headers, body };
}
