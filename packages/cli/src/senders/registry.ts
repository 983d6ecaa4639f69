import { findSenderKit, type SenderKit, senderKits } from '@hookguard/core/testing';
import { usageError } from '../cli-error.js';
import { parseSchemeOption } from './scheme-option.js';

/** Every sender the CLI speaks, in the order the demo and help list them. */
export const senders: readonly SenderKit[] = senderKits;

/** A sender by provider name, factory name (`tencentChat`) or the sender's own name (`napcat`). */
export const findSender = findSenderKit;

/** Options that shape a sender: `--scheme` describes an `hmac` or `token` sender. */
export interface SenderChoice {
  readonly scheme?: string | undefined;
}

export function senderNamed(name: string | undefined, choice: SenderChoice = {}): SenderKit {
  if (name === undefined || name === '') {
    throw usageError(`a provider is required: ${senders.map((s) => s.name).join(', ')}`);
  }
  const sender = findSender(name);
  if (!sender) {
    throw usageError(`unknown provider "${name}"; known providers: ${senders.map((s) => s.name).join(', ')}`);
  }
  if (choice.scheme !== undefined) {
    if (!sender.withScheme)
      throw usageError(`--scheme describes an hmac or token sender; ${sender.name} has its own`);
    return parseSchemeOption(choice.scheme, sender);
  }
  return sender;
}
