/**
 * The building blocks that senders' providers share: where a proof is read from, the timestamp window,
 * the compiled HMAC scheme and its signature formats, token checks, IP allowlists and event naming.
 * `hmac()` and `token()` are two small providers on top; github, standardWebhooks and the rest use
 * the parts they need. Only the option types are public.
 */
export type { AddressCheck } from './allowlist.js';
export type { HmacScheme, HmacSchemeOptions } from './scheme.js';
export type {
  EventNameSource,
  EventSchemas,
  SenderEvents,
  SenderMeta,
  SenderOptions,
  SenderProvider,
} from './sender-provider.js';
export type { SignatureOptions } from './signature-format.js';
export type { SignedField } from './signed-template.js';
export type { PayloadSource, RequestSource } from './sources.js';
export type { TimestampOptions, TimestampUnit } from './timestamp-window.js';
export type { TokenSource } from './token-check.js';
