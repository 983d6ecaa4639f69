import { VerificationError } from '../../errors.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { compileTokenRule, type TokenRule, verifyToken } from '../../sender-toolkit/token-check.js';

export const AUTHORIZATION_HEADER = 'authorization';
export const ACCESS_TOKEN_PARAMETER = 'access_token';

/** The hs_token in the two places a homeserver puts it. */
export interface MatrixTokenRules {
  readonly bearer: TokenRule;
  readonly query: TokenRule;
}

export function matrixTokenRules(tokens: readonly string[]): MatrixTokenRules {
  return {
    bearer: compileTokenRule({ header: AUTHORIZATION_HEADER, prefix: 'Bearer ' }, tokens),
    query: compileTokenRule({ query: ACCESS_TOKEN_PARAMETER }, tokens),
  };
}

/**
 * The homeserver's `hs_token` (https://spec.matrix.org/v1.13/application-service-api/#authorization):
 * `Authorization: Bearer <hs_token>` since v1.4, `?access_token=<hs_token>` before it, and a
 * homeserver in between may send both; then both must match. Each is compared with every
 * configured token in constant time (hashed first, so lengths never meet). None → 401
 * (`M_UNAUTHORIZED`), a wrong one → 403 (`M_FORBIDDEN`), as the spec words the two.
 */
export function verifyMatrix(rules: MatrixTokenRules, input: VerifyInput): VerifyOutcome {
  const bearer = headerValue(input.headers, AUTHORIZATION_HEADER);
  const query = input.query.get(ACCESS_TOKEN_PARAMETER);
  const checks: VerifyOutcome[] = [];
  if (bearer !== undefined && bearer !== '') checks.push(verifyToken(rules.bearer, input));
  if (query !== null && query !== '') checks.push(verifyToken(rules.query, input));
  if (checks.length === 0) {
    return {
      ok: false,
      error: new VerificationError(
        'SIGNATURE_MISSING',
        'No hs_token: Authorization: Bearer and ?access_token= are both missing; is this request from the homeserver?',
      ),
    };
  }
  const [first, second] = checks;
  if (!first?.ok || (second !== undefined && !second.ok)) {
    return {
      ok: false,
      error: new VerificationError(
        'SIGNATURE_MISMATCH',
        "The hs_token does not match the registration's hs_token",
        { status: 403 },
      ),
    };
  }
  return first;
}
