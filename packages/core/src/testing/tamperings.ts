import type { Tampering } from './sender-kit.js';

/**
 * One space added before the body's last byte: still the same JSON to any parser, a different
 * HMAC for every sender that signs the body. It shows why only the raw bytes may be verified.
 */
export function bodySpaceAdded(expectStatus = 401, note = ''): Tampering {
  return {
    name: `body + 1 space${note}`,
    expectStatus,
    alter: (request) => ({ ...request, body: withSpaceBeforeLastByte(request.body) }),
  };
}

/** Signed by someone who does not know the secret (`secret`: one of the format the sender uses). */
export function wrongSecret(secret = 'not-the-secret'): Tampering {
  return {
    name: 'wrong secret',
    expectStatus: 401,
    alter: (_request, resign) => resign({ secret }),
  };
}

/** A captured delivery replayed ten minutes later, past every tolerance window. */
export function replayedLater(): Tampering {
  return {
    name: 'replayed 10 min later',
    expectStatus: 401,
    alter: (_request, resign) => resign({ now: Date.now() - 10 * 60_000 }),
  };
}

function withSpaceBeforeLastByte(body: Uint8Array): Uint8Array {
  if (body.length === 0) return Buffer.from(' ');
  return Buffer.concat([body.subarray(0, body.length - 1), Buffer.from(' '), body.subarray(body.length - 1)]);
}

/** One character of a `{"encrypt": "…"}` body's ciphertext changed: the signature no longer matches it. */
export function jsonEncryptAltered(): Tampering {
  const start = '{"encrypt":"';
  return {
    name: 'encrypt altered',
    expectStatus: 401,
    alter(request) {
      const body = Buffer.from(request.body).toString('utf8');
      const at = body.indexOf(start) + start.length;
      const swapped = body[at] === 'A' ? 'B' : 'A';
      return { ...request, body: Buffer.from(`${body.slice(0, at)}${swapped}${body.slice(at + 1)}`, 'utf8') };
    },
  };
}
