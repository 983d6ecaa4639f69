import { describe, expect, it } from 'vitest';
import { post } from '../support/http.js';
import { githubRequest, type SignedRequest, standardRequest } from './payloads.js';
import { startServer } from './servers/start.js';
import { FRAMEWORKS, PAYLOAD_OF, VARIANTS, type Variant } from './variants.js';

/**
 * The bench itself is not part of `pnpm test` (slow and noisy); this only checks that every
 * bench server starts, answers a signed request with 2xx, and, for every variant that verifies,
 * refuses the same request with one flipped signature digit: a bench that measured a refusal
 * would flatter whoever refused fastest.
 */
function requestFor(variant: Variant): SignedRequest {
  return PAYLOAD_OF[variant] === 'github' ? githubRequest('1k') : standardRequest('1k');
}

/**
 * One character in the middle of the signature changed. Not the last ones: in base64 the final
 * character before `=` carries padding bits a decoder ignores, so changing it may not change
 * the bytes at all.
 */
function tampered(request: SignedRequest): Record<string, string> {
  const name = 'x-hub-signature-256' in request.headers ? 'x-hub-signature-256' : 'webhook-signature';
  const value = request.headers[name]!;
  const at = value.length >> 1;
  // '0' and '1' are digits in hex and in base64, and unlike letters have no other-case twin.
  const swapped = value[at] === '0' ? '1' : '0';
  return { ...request.headers, [name]: value.slice(0, at) + swapped + value.slice(at + 1) };
}

describe('bench servers', () => {
  for (const framework of FRAMEWORKS) {
    it(`${framework}: every variant answers a signed request and refuses a forged one`, async () => {
      for (const variant of VARIANTS) {
        const server = await startServer(framework, variant);
        try {
          const url = `http://127.0.0.1:${server.port}/hook`;
          const request = requestFor(variant);
          const signed = await post(url, request.body, { headers: request.headers });
          expect({ variant, status: signed.status }).toEqual({
            variant,
            status: variant === 'd' ? 200 : 204,
          });
          if (variant === 'a') continue; // the bare route verifies nothing, by design
          const forged = await post(url, request.body, { headers: tampered(request) });
          expect({ variant, refused: forged.status >= 400 && forged.status < 500 }).toEqual({
            variant,
            refused: true,
          });
        } finally {
          await server.close();
        }
      }
    });
  }
});
