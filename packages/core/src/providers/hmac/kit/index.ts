import { createReceiver } from '../../../receiver/create-receiver.js';
import { compileHmacScheme } from '../../../sender-toolkit/scheme.js';
import type { RequestSource } from '../../../sender-toolkit/sources.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { ProofFacts, SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, replayedLater, wrongSecret } from '../../../testing/tamperings.js';
import { hmac } from '../hmac.js';
import { algorithmMistake } from './algorithm-mistake.js';
import { ACME_CI_SCHEME, type HmacScheme, hmacFixtures } from './fixtures.js';
import { signHmac } from './sign.js';

const DEMO_SECRET = 'hookguard-demo-hmac';
const finished = { name: 'build.finished', payload: hmacFixtures['build.finished'] };

/** The header a value travels in, lower-case; undefined when it travels in the query. */
function headerOf(source: RequestSource | undefined): string | undefined {
  return source !== undefined && 'header' in source ? source.header.toLowerCase() : undefined;
}

/** Where a scheme's proof travels: signature, signed timestamp, and the id (signed or not). */
function proofOf(scheme: HmacScheme): ProofFacts {
  const compiled = compileHmacScheme(scheme);
  const signsId = compiled.template.some((part) => 'field' in part && part.field === 'id');
  const id = headerOf(compiled.id);
  const header = headerOf(compiled.signature.source);
  const timestampHeader = headerOf(compiled.timestamp?.source);
  return {
    ...(header === undefined ? {} : { header }),
    ...(timestampHeader === undefined ? {} : { timestampHeader }),
    ...(signsId && id !== undefined ? { idHeader: id } : {}),
    relatedHeaders: !signsId && id !== undefined ? [id] : [],
    coversBody: true,
    ...(compiled.timestamp ? { windowMs: compiled.timestamp.toleranceMs } : {}),
  };
}

/** Any HMAC-signing sender, as a scheme describes it (default: the Acme CI example). */
export function hmacKitFor(scheme: HmacScheme): SenderKit {
  const example = scheme === ACME_CI_SCHEME;
  const signature = compileHmacScheme(scheme).signature.source;
  return {
    name: 'hmac',
    aliases: [],
    sender: example
      ? 'Acme CI (the hmac() example sender)'
      : `${scheme.name ?? 'a sender'} (described by --scheme)`,
    wire: example
      ? 'JSON body; X-Acme-Timestamp, X-Acme-Delivery, X-Acme-Signature: v1=<hex HMAC-SHA256(timestamp.body)>'
      : 'as --scheme describes',
    path: '/hmac',
    secret: { demo: DEMO_SECRET, optional: false, where: "the sender's signing secret" },
    // A sender described otherwise signs the same bodies.
    fixtures: hmacFixtures,
    encode: (payload) => utf8(JSON.stringify(payload)),
    sign({ body, secret, now }) {
      const signed = signHmac(scheme, secret ?? '', { body, now });
      // No secret, no signature: the timestamp and id still travel.
      const isProof = (where: 'header' | 'query', name: string) =>
        secret === undefined && (signature as Record<string, string>)[where] === name;
      return {
        query: [...signed.query].filter(([name]) => !isProof('query', name)),
        headers: Object.entries(signed.headers).filter(([name]) => !isProof('header', name)),
        body,
        chunked: false,
      };
    },
    provider: (secret) => hmac({ ...scheme, secret: secret ?? '' }),
    proof: proofOf(scheme),
    tamperings: [bodySpaceAdded(), wrongSecret(), replayedLater()],
    readReply: statusReading('delivered', "failed; the sender's own retry policy decides what happens next"),
    answers: {
      sample: finished,
      // No `event` field: nothing names it, so it goes to `unknown` handlers.
      unknownEvent: { name: '', payload: { something: 'else' } },
      noReply: { status: 204 },
      replies: [
        {
          name: 'acknowledged',
          event: finished,
          on: 'build.finished',
          reply: undefined,
          expect: { status: 204 },
        },
      ],
      forgedCode: 'SIGNATURE_MISMATCH',
      unsignedCode: 'SIGNATURE_MISSING',
    },
    demo: {
      showcase: 'build.finished',
      createReceiver: (options) =>
        createReceiver(hmac({ ...scheme, secret: DEMO_SECRET }), options).on('*', () => {}),
      expect: () => ({ status: 204, body: '' }),
    },
    withScheme(options) {
      const described = options as HmacScheme;
      hmac({ ...described, secret: DEMO_SECRET });
      return hmacKitFor(described);
    },
    schemeExample: '{"signature":{"header":"x-signature"}}',
    mistakes: [algorithmMistake(scheme)],
  };
}

/** The hmac() example sender, Acme CI. */
export const hmacKit: SenderKit = hmacKitFor(ACME_CI_SCHEME);
