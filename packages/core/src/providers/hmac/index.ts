export type { AddressCheck } from './allowlist.js';
export { type HmacOptions, hmac } from './hmac.js';
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
export { type TokenOptions, type TokenProof, token } from './token.js';
export type { TokenSource } from './token-check.js';
