import type { Provider } from '@hookguard/core';
import { providerMessage, usageError } from '../cli-error.js';
import type { CliIo } from '../io/cli-io.js';
import { resolveSecret } from '../senders/secret.js';
import type { SenderProfile } from '../senders/sender-profile.js';
import type { DoctorSetup } from './diagnose-delivery.js';

/** What `listen` verifies with, and what it says about it. */
export interface ListeningProvider {
  readonly provider: Provider;
  /** Why no secret or a default one is used, for a note on stderr. */
  readonly note: string | undefined;
  /** False when listening with a public key: no `hookguard send` line can sign for it. */
  readonly secretForExample: boolean;
  /** What the doctor re-verifies a refused delivery with. */
  readonly doctor: DoctorSetup;
}

/**
 * The provider `listen` verifies with: built from `--secret` as everywhere, or, for a sender that
 * signs with a private key (Discord), from the `--public-key` the user copies from its console.
 */
export function listeningProvider(
  sender: SenderProfile,
  values: { readonly secret?: string | undefined; readonly 'public-key'?: string | undefined },
  env: CliIo['env'],
): ListeningProvider {
  const publicKey = values['public-key'];
  const { verifyKey } = sender;
  if (publicKey !== undefined) {
    if (verifyKey === undefined) {
      throw usageError(`${sender.name} verifies with a shared secret, not a public key: use --secret`);
    }
    if (values.secret !== undefined) throw usageError('give --public-key or --secret, not both');
    try {
      return {
        provider: verifyKey.provider(publicKey),
        note: undefined,
        secretForExample: false,
        doctor: { secrets: [publicKey], publicKey: true },
      };
    } catch (error) {
      throw usageError(`bad public key for ${sender.name}: ${providerMessage(error)}`);
    }
  }
  if (verifyKey !== undefined && values.secret === undefined && env['HOOKGUARD_SECRET'] === undefined) {
    throw usageError(
      `${sender.name} needs --public-key (${verifyKey.where}), or --secret <seed> to verify what hookguard send signs with it`,
    );
  }
  const { secret, note } = resolveSecret(sender, values.secret, env);
  return {
    provider: sender.provider(secret),
    note,
    secretForExample: true,
    doctor: { secrets: secret === undefined ? [] : [secret], publicKey: false },
  };
}
