import type { SenderKit } from '@hookguard/core/testing';
import { providerMessage, usageError } from '../cli-error.js';

/**
 * Reads a `--scheme` option: a JSON object of provider options, checked by the kit building the
 * provider once, so a mistake is reported before anything is sent.
 */
export function parseSchemeOption(text: string, sender: SenderKit): SenderKit {
  let scheme: unknown;
  try {
    scheme = JSON.parse(text);
  } catch (error) {
    throw usageError(`--scheme is not JSON: ${(error as Error).message}`);
  }
  if (typeof scheme !== 'object' || scheme === null || Array.isArray(scheme)) {
    throw usageError(
      `--scheme must be a JSON object of ${sender.name}() options, e.g. ${sender.schemeExample ?? '{}'}`,
    );
  }
  try {
    return sender.withScheme!(scheme as Record<string, unknown>);
  } catch (error) {
    throw usageError(`bad --scheme: ${providerMessage(error)}`);
  }
}
