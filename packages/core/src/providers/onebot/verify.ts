import { matchHmac } from '../../crypto/hmac.js';
import { decodeSignature } from '../../crypto/signature-encoding.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { refused } from '../../sender-toolkit/refused.js';

const PREFIX = 'sha1=';

/**
 * OneBot 11 HTTP POST: `X-Signature: sha1=<hex HMAC-SHA1(secret, body)>` over the exact body
 * bytes. With no secret configured (and `allowUnsigned`), nothing is proved and every body passes.
 */
export function verifyOneBot(secrets: readonly string[], input: VerifyInput): VerifyOutcome {
  if (secrets.length === 0) return { ok: true, secretIndex: undefined };
  const header = headerValue(input.headers, 'x-signature');
  if (header === undefined || header === '') {
    return refused(
      'SIGNATURE_MISSING',
      'X-Signature header is missing; is the sender configured with the secret (NapCat: "token")?',
    );
  }
  if (!header.startsWith(PREFIX))
    return refused('SIGNATURE_MALFORMED', 'X-Signature must be "sha1=<40 hex digits>"');
  const signature = decodeSignature(header.slice(PREFIX.length), 'hex', 20);
  if (!signature) return refused('SIGNATURE_MALFORMED', 'X-Signature must be "sha1=<40 hex digits>"');
  const index = matchHmac('sha1', secrets, [input.body], signature);
  if (index === -1) return refused('SIGNATURE_MISMATCH', 'X-Signature does not match the body');
  return { ok: true, secretIndex: index };
}
