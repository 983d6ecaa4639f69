import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { verifyHubSignature } from '../../sender-toolkit/body-signature.js';

/**
 * GOWA signs `json.Marshal(payload)` — the very bytes it sends — with HMAC-SHA256 and always sends
 * the header (there is no unsigned mode). Go's encoder sorts keys and escapes `<>&`, so only the
 * raw bytes verify: a JSON.parse/JSON.stringify round trip changes them.
 */
export function verifyWhatsApp(secrets: readonly string[], input: VerifyInput): VerifyOutcome {
  return verifyHubSignature(
    secrets,
    input,
    'GOWA signs every webhook, so this request did not come from it (or a proxy dropped the header)',
  );
}
