import type { KeyObject } from 'node:crypto';
import { ed25519PrivateKey, ed25519RawPublicKey, signEd25519 } from '../../../crypto/ed25519.js';
import type { WebhookRequest } from '../../../http/types.js';

export interface DiscordSigning {
  /** The application's private key: a KeyObject, or its 32-byte RFC 8032 seed (bytes or 64 hex digits). */
  readonly privateKey: KeyObject | Uint8Array | string;
  /** `X-Signature-Timestamp`, Unix seconds. Default: the current time. */
  readonly timestamp?: number | string;
}

/** The private key of a signing setup, loaded from a seed when one is given. */
export function discordPrivateKey(privateKey: DiscordSigning['privateKey']): KeyObject {
  if (typeof privateKey === 'string') return ed25519PrivateKey(Buffer.from(privateKey, 'hex'));
  if (privateKey instanceof Uint8Array) return ed25519PrivateKey(privateKey);
  return privateKey;
}

/** The public key to give `discord({ publicKey })` for a signing setup, as the portal shows it (hex). */
export function discordPublicKeyOf(privateKey: DiscordSigning['privateKey']): string {
  return ed25519RawPublicKey(discordPrivateKey(privateKey)).toString('hex');
}

/**
 * The two headers Discord attaches, named and ordered as Discord sends them: hex Ed25519 over the
 * timestamp's text followed by the exact body bytes.
 */
export function signDiscord(body: string | Uint8Array, signing: DiscordSigning): Record<string, string> {
  const timestamp = String(signing.timestamp ?? Math.floor(Date.now() / 1000));
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const signature = signEd25519(discordPrivateKey(signing.privateKey), [timestamp, bytes]);
  return { 'X-Signature-Ed25519': signature.toString('hex'), 'X-Signature-Timestamp': timestamp };
}

/**
 * A request as Discord posts it to an Interactions Endpoint or Webhook Events URL: JSON (an object
 * is `JSON.stringify`d, a string or bytes are sent as they are), signed. Headers lower-case, as
 * adapters hand them to the receiver.
 */
export function discordRequest(body: unknown, signing: DiscordSigning, url = '/discord'): WebhookRequest {
  const bytes =
    body instanceof Uint8Array ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const signed = signDiscord(bytes, signing);
  return {
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
      'x-signature-ed25519': signed['X-Signature-Ed25519'] as string,
      'x-signature-timestamp': signed['X-Signature-Timestamp'] as string,
    },
    body: bytes,
  };
}
