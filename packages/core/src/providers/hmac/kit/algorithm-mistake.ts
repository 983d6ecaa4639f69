import { DIGEST_BYTES, type HmacAlgorithm } from '../../../crypto/hmac.js';
import type { Mistake } from '../../../testing/doctor/mistake.js';
import { tryProvider } from '../../../testing/doctor/mistake.js';
import { hmac } from '../hmac.js';
import type { HmacScheme } from './fixtures.js';

/** The sender signs with another hash than the scheme names (HMAC-SHA1 where SHA-256 is configured). */
export function algorithmMistake(scheme: HmacScheme): Mistake {
  const configured = scheme.algorithm ?? 'sha256';
  return {
    name: 'hmac-algorithm',
    *attempts(failed) {
      for (const algorithm of Object.keys(DIGEST_BYTES) as HmacAlgorithm[]) {
        if (algorithm === configured) continue;
        for (const secret of failed.secrets) {
          const provider = tryProvider(() => hmac({ ...scheme, algorithm, secret }));
          if (!provider) continue;
          yield {
            provider,
            request: failed.request,
            explanation:
              `The signature is HMAC-${algorithm.toUpperCase()}, not HMAC-${configured.toUpperCase()}: ` +
              `describe the sender with algorithm: '${algorithm}'.`,
          };
        }
      }
    },
  };
}
