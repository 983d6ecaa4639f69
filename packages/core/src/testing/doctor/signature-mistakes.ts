import { headerValue } from '../../http/headers.js';
import type { WebhookRequest } from '../../http/types.js';
import { type Attempt, type DoctorCase, givenVerifiers, type Mistake } from './mistake.js';

const HEX = /^[0-9a-fA-F]+$/;
const DIGEST = /^[A-Za-z0-9+/_-]+={0,2}$/;
const PREFIXED = /^([A-Za-z][A-Za-z0-9]{0,9}[=,])([A-Za-z0-9+/_-]+={0,2})$/;
/** Prefixes senders put before a digest. */
const PREFIXES = ['sha256=', 'sha1=', 'sha512=', 'v1=', 'v1,', 'v0='];

interface SignatureValue {
  readonly header: string;
  readonly prefix: string;
  readonly digest: string;
}

/** The proof header's value split into a prefix and a digest, when it has that shape. */
function signatureOf(failed: DoctorCase): SignatureValue | undefined {
  const header = failed.kit.proof.header;
  if (header === undefined) return undefined;
  const value = headerValue(failed.request.headers, header)?.trim();
  if (value === undefined) return undefined;
  const prefixed = PREFIXED.exec(value);
  if (prefixed) return { header, prefix: prefixed[1]!, digest: prefixed[2]! };
  return DIGEST.test(value) ? { header, prefix: '', digest: value } : undefined;
}

function withHeader(request: WebhookRequest, name: string, value: string): WebhookRequest {
  const headers: Record<string, string | readonly string[] | undefined> = {};
  for (const [key, existing] of Object.entries(request.headers)) {
    if (key.toLowerCase() !== name) headers[key] = existing;
  }
  headers[name] = value;
  return { ...request, headers };
}

/** A signature mistake: the same signature, written the way the receiver reads it, verifies. */
function signatureMistake(
  name: string,
  rewrites: (signature: SignatureValue) => readonly (readonly [string, string])[],
): Mistake {
  return {
    name,
    *attempts(failed) {
      const signature = signatureOf(failed);
      if (signature === undefined) return;
      for (const [value, explanation] of rewrites(signature)) {
        const request = withHeader(failed.request, signature.header, value);
        for (const provider of givenVerifiers(failed))
          yield { provider, request, explanation } satisfies Attempt;
      }
    },
  };
}

function reencodings(digest: string): (readonly ['hex' | 'base64' | 'base64url', string, string])[] {
  if (HEX.test(digest) && digest.length % 2 === 0) {
    const bytes = Buffer.from(digest, 'hex');
    return [
      ['hex', 'base64', bytes.toString('base64')],
      ['hex', 'base64url', bytes.toString('base64url')],
    ];
  }
  const bytes = Buffer.from(digest, digest.includes('-') || digest.includes('_') ? 'base64url' : 'base64');
  const from = digest.includes('-') || digest.includes('_') ? 'base64url' : 'base64';
  return [[from, 'hex', bytes.toString('hex')]];
}

export const signatureMistakes: readonly Mistake[] = [
  signatureMistake('signature-encoding', ({ header, prefix, digest }) =>
    reencodings(digest).map(([from, to, value]) => [
      `${prefix}${value}`,
      `The ${header} digest is written in ${from} but the receiver reads ${to}: the signer and the ` +
        `receiver disagree on the encoding; make them match (hmac(): signature.encoding '${from}').`,
    ]),
  ),
  signatureMistake('signature-prefix-missing', ({ header, prefix, digest }) =>
    prefix !== ''
      ? []
      : PREFIXES.map((missing) => [
          `${missing}${digest}`,
          `The ${header} value lacks the "${missing}" prefix the receiver expects: write it as ` +
            `${missing}<digest> (or, for a sender without one, drop the prefix from the receiver's scheme).`,
        ]),
  ),
  signatureMistake('signature-prefix-unexpected', ({ header, prefix, digest }) =>
    prefix === ''
      ? []
      : [
          [
            digest,
            `The ${header} value carries a "${prefix}" prefix the receiver does not expect: drop it, or ` +
              `declare it in the receiver's scheme (hmac(): signature.prefix '${prefix}').`,
          ],
        ],
  ),
];
