import { providerMessage, usageError } from '../cli-error.js';

/**
 * Reads a `--scheme` option: a JSON object of provider options, checked by building the provider
 * once (`check`), so a mistake is reported before anything is sent.
 */
export function parseSchemeOption<T>(
  text: string,
  factory: string,
  example: string,
  check: (scheme: T) => unknown,
): T {
  let scheme: unknown;
  try {
    scheme = JSON.parse(text);
  } catch (error) {
    throw usageError(`--scheme is not JSON: ${(error as Error).message}`);
  }
  if (typeof scheme !== 'object' || scheme === null || Array.isArray(scheme)) {
    throw usageError(`--scheme must be a JSON object of ${factory}() options, e.g. ${example}`);
  }
  try {
    check(scheme as T);
  } catch (error) {
    throw usageError(`bad --scheme: ${providerMessage(error)}`);
  }
  return scheme as T;
}
