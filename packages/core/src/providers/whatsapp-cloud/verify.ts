import { VerificationError } from '../../errors.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { HUB_SIGNATURE, verifyBodySignature } from '../../sender-toolkit/body-signature.js';
import { compileTokenRule, type TokenRule, verifyToken } from '../../sender-toolkit/token-check.js';

export const VERIFY_TOKEN_PARAMETER = 'hub.verify_token';
export const SIGNATURE_HEADER = HUB_SIGNATURE.header;

/** The verify token in the query of Meta's GET subscription check. */
export function verifyTokenRule(tokens: readonly string[]): TokenRule {
  return compileTokenRule({ query: VERIFY_TOKEN_PARAMETER }, tokens);
}

/**
 * Meta's two proofs (https://developers.facebook.com/docs/graph-api/webhooks/getting-started):
 *
 * - A GET is the subscription check: `hub.verify_token` must be the verify token typed into the
 *   App Dashboard, compared in constant time; missing or wrong is 403, and the challenge is
 *   never echoed.
 * - A POST is a delivery: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>` over
 *   the exact bytes, which Meta writes with non-ASCII escaped (`\u00e4`), so a re-serialised
 *   body never matches. Every configured app secret is tried (rotation).
 */
export function verifyWhatsAppCloud(
  rules: { readonly appSecrets: readonly string[]; readonly verifyToken: TokenRule },
  input: VerifyInput,
): VerifyOutcome {
  if (input.method === 'POST') {
    return verifyBodySignature(
      { ...HUB_SIGNATURE, missingHint: 'is this request from Meta, and is the app secret set?' },
      rules.appSecrets,
      input,
    );
  }
  const outcome = verifyToken(rules.verifyToken, input);
  if (outcome.ok) return outcome;
  return {
    ok: false,
    error: new VerificationError(
      outcome.error.code,
      outcome.error.code === 'SIGNATURE_MISSING'
        ? "hub.verify_token is missing; only Meta's subscription check is a GET"
        : 'hub.verify_token does not match the verify token',
      { status: 403 },
    ),
  };
}
