import type { Attempt, DoctorCase, Mistake } from './mistake.js';

const HEX = /^(?:[0-9a-fA-F]{2}){8,}$/;
const BASE64 = /^[A-Za-z0-9+/_-]{11,}={0,2}$/;
const WHSEC = 'whsec_';

/**
 * A secret mistake: the sender signs with another form of the secret given. `variants` maps one
 * given secret to the forms to try; the attempt verifies the request unchanged.
 */
function secretMistake(
  name: string,
  explanation: string,
  variants: (secret: string, failed: DoctorCase) => readonly (string | undefined)[],
): Mistake {
  return {
    name,
    *attempts(failed) {
      for (const secret of failed.secrets) {
        for (const variant of variants(secret, failed)) {
          if (variant === undefined || variant === secret || variant.trim() === '') continue;
          const provider = failed.verifierFor(variant);
          if (provider) yield { provider, request: failed.request, explanation } satisfies Attempt;
        }
      }
    },
  };
}

/** The text these bytes spell in UTF-8, or undefined when they are not text a secret option can hold. */
function asText(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The secret's bytes as the sender might hold them: as text, or as the kit's own key format. */
function bytesForms(bytes: Buffer | undefined, failed: DoctorCase): (string | undefined)[] {
  if (bytes === undefined || bytes.length === 0) return [];
  return [asText(bytes), failed.kit.secret.fromBytes?.(bytes)];
}

function decodedFrom(secret: string, encoding: 'hex' | 'base64'): Buffer | undefined {
  const text = secret.startsWith(WHSEC) ? secret.slice(WHSEC.length) : secret;
  if (!(encoding === 'hex' ? HEX : BASE64).test(text)) return undefined;
  return Buffer.from(text, encoding === 'hex' ? 'hex' : 'base64');
}

export const secretMistakes: readonly Mistake[] = [
  secretMistake(
    'secret-whitespace',
    'The secret given has surrounding whitespace or a line break (a copied value, a file read with its ' +
      'newline); the sender signs with it trimmed: trim the secret where you load it.',
    (secret) => [secret.trim()],
  ),
  secretMistake(
    'secret-trailing-newline',
    "The sender signs with this secret followed by a newline: the sender's configured value ends in a line " +
      'break (a file written with echo); remove it there, or give the receiver the same bytes.',
    (secret) => [`${secret}\n`, `${secret}\r\n`],
  ),
  secretMistake(
    'secret-prefix-missing',
    'The sender signs with this secret written with its whsec_ prefix: give the secret exactly as the ' +
      'sender shows it, "whsec_<base64>".',
    (secret) => (secret.startsWith(WHSEC) ? [] : [`${WHSEC}${secret}`]),
  ),
  secretMistake(
    'secret-prefix-added',
    'The sender signs with this secret without its whsec_ prefix: drop the prefix.',
    (secret) => (secret.startsWith(WHSEC) ? [secret.slice(WHSEC.length)] : []),
  ),
  secretMistake(
    'secret-hex-decoded',
    'The secret given is the hex form of the key the sender signs with: configure the key in the form the ' +
      'sender shows it, not hex-encoded (or decode it from hex where you load it).',
    (secret, failed) => bytesForms(decodedFrom(secret, 'hex'), failed),
  ),
  secretMistake(
    'secret-base64-decoded',
    'The secret given is the base64 form of the key the sender signs with: configure the key in the form ' +
      'the sender shows it, not base64-encoded (or decode it from base64 where you load it).',
    (secret, failed) => bytesForms(decodedFrom(secret, 'base64'), failed),
  ),
  secretMistake(
    'secret-encoded',
    'The sender signs with the hex or base64 encoding of this secret, not its text: configure the secret ' +
      'exactly as the sender shows it (the encoded form).',
    (secret, failed) => {
      const bytes = Buffer.from(secret, 'utf8');
      const encoded = [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')];
      return [...encoded, failed.kit.secret.fromBytes?.(bytes)];
    },
  ),
];

/** Signed with hookguard's public demo secret (or the sender's default): not with the user's. */
export const demoSecretMistake: Mistake = {
  name: 'demo-secret',
  *attempts(failed) {
    const { demo, fallback } = failed.kit.secret;
    for (const [secret, whose] of [
      [demo, "hookguard's public demo secret"],
      [fallback, "the sender's built-in default secret"],
    ] as const) {
      if (secret === undefined || failed.secrets.includes(secret)) continue;
      const provider = failed.verifierFor(secret);
      if (!provider) continue;
      yield {
        provider,
        request: failed.request,
        explanation:
          `The request is signed with ${whose}, not with the secret given: ` +
          'the sender (or hookguard send without --secret) was not configured with your secret; set it there.',
      };
    }
  },
};
