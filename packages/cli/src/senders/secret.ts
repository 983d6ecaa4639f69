import { providerMessage, usageError } from '../cli-error.js';
import type { CliIo } from '../io/cli-io.js';
import type { SenderProfile } from './sender-profile.js';

export interface ResolvedSecret {
  readonly secret: string | undefined;
  /** Why no secret or a default one is used, for a note on stderr. */
  readonly note?: string;
}

/**
 * `--secret`, else HOOKGUARD_SECRET (keeps the secret out of shell history and `ps`), else the
 * sender's own default (GOWA's `secret`), else unsigned where the sender can send unsigned.
 * The value is checked by building the provider, so a malformed secret (a Standard Webhooks key
 * without `whsec_`) fails here with the provider's own explanation.
 */
export function resolveSecret(
  sender: SenderProfile,
  option: string | undefined,
  env: CliIo['env'],
): ResolvedSecret {
  const given = option ?? env['HOOKGUARD_SECRET'];
  if (given === '') throw usageError('bad secret: --secret is empty');
  let resolved: ResolvedSecret;
  if (given !== undefined) resolved = { secret: given };
  else if (sender.secret.fallback !== undefined) {
    resolved = {
      secret: sender.secret.fallback,
      note: `no --secret: using ${sender.name}'s default "${sender.secret.fallback}", as ${sender.sender} does`,
    };
  } else if (sender.secret.optional) {
    resolved = { secret: undefined, note: `no --secret: unsigned, as ${sender.sender} sends without one` };
  } else {
    throw usageError(`${sender.name} needs --secret (${sender.secret.where})`);
  }
  try {
    sender.provider(resolved.secret);
  } catch (error) {
    throw usageError(`bad secret for ${sender.name}: ${providerMessage(error)}`);
  }
  return resolved;
}
