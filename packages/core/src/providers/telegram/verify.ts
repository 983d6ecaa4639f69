import { VerificationError } from '../../errors.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { compileTokenRule, type TokenRule, verifyToken } from '../../sender-toolkit/token-check.js';

export const SECRET_TOKEN_HEADER = 'x-telegram-bot-api-secret-token';

/** What `setWebhook` accepts as `secret_token` (https://core.telegram.org/bots/api#setwebhook). */
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * Checks each configured token against Telegram's rule at construction: one Telegram would refuse
 * can never arrive, so it is a typo. The message names the slot and the rule, never the value.
 */
export function telegramTokenRule(tokens: readonly string[]): TokenRule {
  tokens.forEach((token, index) => {
    if (!SECRET_TOKEN.test(token)) {
      throw new TypeError(
        `hookguard telegram(): secretToken #${index + 1} is not one Telegram accepts: 1-256 characters, only A-Z, a-z, 0-9, _ and -`,
      );
    }
  });
  return compileTokenRule({ header: SECRET_TOKEN_HEADER }, tokens);
}

/**
 * `X-Telegram-Bot-Api-Secret-Token` compared with every configured token in constant time (both
 * sides hashed first, so lengths never meet). A value outside Telegram's alphabet, such as the
 * "a, b" of a header sent twice, is no token at all: refused as malformed before any comparison.
 */
export function verifyTelegram(rule: TokenRule, input: VerifyInput): VerifyOutcome {
  const presented = headerValue(input.headers, SECRET_TOKEN_HEADER);
  if (presented !== undefined && presented !== '' && !SECRET_TOKEN.test(presented)) {
    return {
      ok: false,
      error: new VerificationError(
        'SIGNATURE_MALFORMED',
        'X-Telegram-Bot-Api-Secret-Token must be 1-256 characters of A-Z, a-z, 0-9, _ and -',
      ),
    };
  }
  const outcome = verifyToken(rule, input);
  if (outcome.ok || outcome.error.code !== 'SIGNATURE_MISSING') return outcome;
  return {
    ok: false,
    error: new VerificationError(
      'SIGNATURE_MISSING',
      'X-Telegram-Bot-Api-Secret-Token is missing; call setWebhook with secret_token set to the same value',
    ),
  };
}
