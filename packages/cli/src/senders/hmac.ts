import { createReceiver, type HmacOptions, hmac } from '@hookguard/core';
import { signHmac } from '@hookguard/core/testing';
import { DEMO_SECRETS } from './demo-secrets.js';
import { utf8 } from './json-body.js';
import { parseSchemeOption } from './scheme-option.js';
import type { SenderProfile } from './sender-profile.js';
import { bodySpaceAdded, replayedLater, wrongSecret } from './tamperings.js';

/** `hmac()` options without the secret, as `--scheme` takes them (JSON). */
export type HmacScheme = Omit<HmacOptions, 'secret' | 'events' | 'respond' | 'allowFrom'>;

/**
 * The example sender of hookguard's hmac() docs: "Acme CI" signs `<timestamp>.<body>` with
 * HMAC-SHA256 and sends `X-Acme-Signature: v1=<hex>`. Used when no --scheme is given.
 */
export const EXAMPLE_SCHEME: HmacScheme = {
  name: 'acme-ci',
  signature: { header: 'X-Acme-Signature', prefix: 'v1=' },
  signed: '{timestamp}.{body}',
  timestamp: { header: 'X-Acme-Timestamp', toleranceSeconds: 300 },
  id: { header: 'X-Acme-Delivery' },
  event: { body: 'event' },
};

const build = { id: 1042, pipeline: 'main', commit: '0d1a26e67d8f', branch: 'main' };
/** Bodies for the example scheme: a sender described with hmac() defines its own events. */
const EXAMPLE_FIXTURES: Readonly<Record<string, Record<string, unknown>>> = {
  'build.started': { event: 'build.started', build },
  'build.finished': { event: 'build.finished', build: { ...build, status: 'passed', duration_s: 184 } },
  'deploy.failed': {
    event: 'deploy.failed',
    deploy: { id: 77, target: 'prod', error: 'health check <timeout>' },
  },
};
const DEMO_SECRET = DEMO_SECRETS.hmac;

/** Reads `--scheme`, checking it the way hmac() does, so a mistake is reported before anything is sent. */
export function parseHmacScheme(text: string): HmacScheme {
  return parseSchemeOption<HmacScheme>(text, 'hmac', '{"signature":{"header":"x-signature"}}', (scheme) =>
    hmac({ ...scheme, secret: 'check' }),
  );
}

/** Any HMAC-signing sender, as described by a scheme (default: the Acme CI example). */
export function hmacSender(scheme: HmacScheme = EXAMPLE_SCHEME): SenderProfile {
  const example = scheme === EXAMPLE_SCHEME;
  return {
    name: 'hmac',
    sender: example
      ? 'Acme CI (the hmac() example sender)'
      : `${scheme.name ?? 'a sender'} (described by --scheme)`,
    wire: example
      ? 'JSON body; X-Acme-Timestamp, X-Acme-Delivery, X-Acme-Signature: v1=<hex HMAC-SHA256(timestamp.body)>'
      : 'as --scheme describes',
    path: '/hmac',
    // A --scheme sender signs the same bodies; `hookguard fixtures hmac` lists them either way.
    fixtures: EXAMPLE_FIXTURES,
    secret: { optional: false, where: "the sender's signing secret" },
    encode: (payload) => utf8(JSON.stringify(payload)),
    sign({ body, secret, now }) {
      const signed = signHmac(scheme, secret ?? '', { body, now });
      return { query: [...signed.query], headers: Object.entries(signed.headers), body, chunked: false };
    },
    createProvider: (secret) => hmac({ ...scheme, secret: secret ?? '' }),
    withScheme: (text) => hmacSender(parseHmacScheme(text)),
    readReply(status) {
      if (status >= 200 && status < 300) return { delivered: true, summary: 'delivered' };
      return { delivered: false, summary: "failed; the sender's own retry policy decides what happens next" };
    },
    demo: {
      secret: DEMO_SECRET,
      showcase: 'build.finished',
      createReceiver: (options) =>
        createReceiver(hmac({ ...scheme, secret: DEMO_SECRET }), options).on('*', () => {}),
      expect: () => ({ status: 204, body: '' }),
      tamperings: [bodySpaceAdded(), wrongSecret(), replayedLater()],
    },
  };
}
