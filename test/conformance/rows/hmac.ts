import { randomUUID } from 'node:crypto';
import { createReceiver, type HmacSchemeOptions, hmac } from '@hookguard/core';
import { signHmac } from '@hookguard/core/testing';
import { type Delivery, type ProviderRow, widen } from '../row.js';

const SECRET = 'conformance-hmac';
/** A made-up CI sender: base64 signature over `{timestamp}.{body}`, event and id in headers. */
const scheme: HmacSchemeOptions = {
  signature: { header: 'x-ci-signature', prefix: 'v1=', encoding: 'base64' },
  signed: '{timestamp}.{body}',
  timestamp: { header: 'x-ci-timestamp' },
};
const build = { name: 'build.finished', payload: { build: 42, status: 'passed' } };

function delivery(body: string, name: string, secret: string | undefined): Delivery {
  const signed =
    secret === undefined
      ? { headers: { 'content-type': 'application/json' } }
      : signHmac(scheme, secret, { body });
  return { headers: { ...signed.headers, 'x-ci-event': name, 'x-ci-delivery': randomUUID() }, body };
}

export const hmacRow: ProviderRow = {
  name: 'hmac',
  path: '/ci',
  receiver: (options) =>
    widen(
      createReceiver(
        hmac({
          ...scheme,
          secret: SECRET,
          name: 'ci',
          event: { header: 'x-ci-event' },
          id: { header: 'x-ci-delivery' },
        }),
        options,
      ),
    ),
  serialise: (payload) => JSON.stringify(payload),
  deliver: (body, name) => delivery(body, name, SECRET),
  forged: { deliver: (body, name) => delivery(body, name, 'other'), code: 'SIGNATURE_MISMATCH' },
  unsigned: { deliver: (body, name) => delivery(body, name, undefined), code: 'SIGNATURE_MISSING' },
  sample: build,
  // No event header value: nothing names it, so it goes to `unknown` handlers.
  unknownEvent: { name: '', payload: { something: 'else' } },
  noReply: { status: 204 },
  replies: [
    { name: 'acknowledged', event: build, on: 'build.finished', reply: undefined, expect: { status: 204 } },
  ],
};
