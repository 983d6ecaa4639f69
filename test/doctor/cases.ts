import type { WebhookRequest } from '@hookguard/core';
import { findSenderKit, type OutgoingRequest, type SenderKit } from '@hookguard/core/testing';

/** A saved request and what `diagnose()` and `hookguard doctor` must say about it. */
export interface MistakeCase {
  /** The mistake `diagnose()` must name; undefined: nothing explains it. */
  readonly mistake: string | undefined;
  /** The provider, and `--scheme` for a sender described by data. */
  readonly provider: string;
  readonly scheme?: Record<string, unknown>;
  readonly request: WebhookRequest;
  /** What the user gives the doctor. */
  readonly secrets: readonly string[];
  readonly receivedAt?: number;
  /** Words the one-sentence fix must contain. */
  readonly says?: RegExp;
}

const NOW = Date.parse('2026-11-30T12:00:00Z');
const SECRET = 'correct horse battery';
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const issue = { action: 'opened', issue: { number: 7, title: 'a <b> & "c"' }, repository: { id: 1 } };
const compact = utf8(JSON.stringify(issue));
const pretty = utf8(JSON.stringify(issue, null, 2));

export function kitOf(provider: string, scheme?: Record<string, unknown>): SenderKit {
  const kit = findSenderKit(provider);
  if (!kit) throw new Error(`no kit ${provider}`);
  return scheme && kit.withScheme ? kit.withScheme(scheme) : kit;
}

/** The request a kit's sender makes, as a receiver sees it (lower-case header names). */
export function requestOf(kit: SenderKit, sent: OutgoingRequest, body = sent.body): WebhookRequest {
  const query = new URLSearchParams(
    sent.query.map(([name, value]): [string, string] => [name, value]),
  ).toString();
  return {
    method: 'POST',
    url: query === '' ? kit.path : `${kit.path}?${query}`,
    headers: {
      'content-type': 'application/json',
      ...Object.fromEntries(sent.headers.map(([name, value]) => [name.toLowerCase(), value])),
    },
    body,
  };
}

interface Signing {
  readonly provider: string;
  readonly scheme?: Record<string, unknown>;
  /** The bytes the sender signed. */
  readonly signed: Uint8Array;
  /** The bytes that arrived; default the signed ones. */
  readonly arrived?: Uint8Array;
  readonly secret?: string;
  readonly now?: number;
  readonly event?: string;
}

/** Signs `signed` as the sender does and delivers `arrived` with that proof. */
export function signed(signing: Signing): WebhookRequest {
  const kit = kitOf(signing.provider, signing.scheme);
  const sent = kit.sign({
    body: signing.signed,
    secret: signing.secret ?? SECRET,
    now: signing.now ?? NOW,
    event: signing.event ?? (signing.provider === 'github' ? 'issues' : undefined),
  });
  return requestOf(kit, sent, signing.arrived ?? signing.signed);
}

function withHeader(request: WebhookRequest, name: string, value: string): WebhookRequest {
  return { ...request, headers: { ...request.headers, [name]: value } };
}

const githubSigned = signed({ provider: 'github', signed: compact });
const githubSignature = String(githubSigned.headers['x-hub-signature-256']);
const whsecBytes = Buffer.from('0123456789abcdef0123456789abcdef', 'utf8');
const whsec = `whsec_${whsecBytes.toString('base64')}`;
const goBody = findSenderKit('whatsapp')!.encode({
  event: 'message',
  payload: { body: 'a <b> & c', from: '628123@s.whatsapp.net' },
});
const acme = kitOf('hmac');
const acmeSent = acme.sign({ body: compact, secret: SECRET, now: NOW, event: undefined });
const acmeHex = String(requestOf(acme, acmeSent).headers['x-acme-signature']);
const bare = { signature: { header: 'x-signature' } };
const sha1Scheme = { signature: { header: 'x-signature' }, algorithm: 'sha1' };

/** One case for every mistake `diagnose()` knows, and the ones it must not invent. */
export const mistakeCases: readonly (readonly [string, MistakeCase])[] = [
  ['verifies as it is', { mistake: undefined, provider: 'github', request: githubSigned, secrets: [SECRET] }],
  [
    'a random signature',
    {
      mistake: undefined,
      provider: 'github',
      request: withHeader(githubSigned, 'x-hub-signature-256', `sha256=${'ab12'.repeat(16)}`),
      secrets: [SECRET],
      says: /No known mistake explains this/,
    },
  ],
  [
    'a body parser re-serialised pretty JSON compactly',
    {
      mistake: 'body-pretty-printed',
      provider: 'github',
      request: signed({ provider: 'github', signed: pretty, arrived: compact }),
      secrets: [SECRET],
      says: /pretty-printed.*raw bytes/,
    },
  ],
  [
    'signed JSON.stringify(JSON.parse(body)), sent other bytes',
    {
      mistake: 'body-reserialised',
      provider: 'github',
      request: signed({ provider: 'github', signed: compact, arrived: pretty }),
      secrets: [SECRET],
      says: /JSON\.stringify\(JSON\.parse/,
    },
  ],
  [
    "a body re-serialised by JSON.stringify, signed by Go's encoder",
    {
      mistake: 'body-reencoded',
      provider: 'whatsapp',
      request: signed({
        provider: 'whatsapp',
        signed: goBody,
        arrived: utf8(JSON.stringify(JSON.parse(Buffer.from(goBody).toString()))),
      }),
      secrets: [SECRET],
      says: /body parser ran first/,
    },
  ],
  [
    'a trailing newline removed',
    {
      mistake: 'body-newline-removed',
      provider: 'github',
      request: signed({ provider: 'github', signed: Buffer.concat([compact, utf8('\n')]), arrived: compact }),
      secrets: [SECRET],
      says: /trailing newline/,
    },
  ],
  [
    'a trailing newline added',
    {
      mistake: 'body-newline-added',
      provider: 'github',
      request: signed({ provider: 'github', signed: compact, arrived: Buffer.concat([compact, utf8('\n')]) }),
      secrets: [SECRET],
      says: /without its trailing newline/,
    },
  ],
  [
    'a BOM added',
    {
      mistake: 'body-bom-added',
      provider: 'standard-webhooks',
      request: signed({
        provider: 'standard-webhooks',
        signed: compact,
        arrived: Buffer.concat([BOM, compact]),
        secret: whsec,
      }),
      secrets: [whsec],
      says: /byte order mark/,
    },
  ],
  [
    'a BOM stripped',
    {
      mistake: 'body-bom-removed',
      provider: 'github',
      request: signed({ provider: 'github', signed: Buffer.concat([BOM, compact]), arrived: compact }),
      secrets: [SECRET],
      says: /byte order mark/,
    },
  ],
  [
    'the secret read with its newline',
    {
      mistake: 'secret-whitespace',
      provider: 'github',
      request: githubSigned,
      secrets: [`${SECRET}\n`],
      says: /trim/,
    },
  ],
  [
    "the sender's secret ends in a newline",
    {
      mistake: 'secret-trailing-newline',
      provider: 'onebot',
      request: signed({ provider: 'onebot', signed: compact, secret: `${SECRET}\n` }),
      secrets: [SECRET],
      says: /followed by a newline/,
    },
  ],
  [
    'the whsec_ prefix left off',
    {
      mistake: 'secret-prefix-missing',
      provider: 'github',
      request: signed({ provider: 'github', signed: compact, secret: 'whsec_abc123' }),
      secrets: ['abc123'],
      says: /whsec_/,
    },
  ],
  [
    'a whsec_ prefix added',
    {
      mistake: 'secret-prefix-added',
      provider: 'github',
      request: signed({ provider: 'github', signed: compact, secret: 'abc123' }),
      secrets: ['whsec_abc123'],
      says: /drop the prefix/,
    },
  ],
  [
    'the secret given as hex',
    {
      mistake: 'secret-hex-decoded',
      provider: 'standard-webhooks',
      request: signed({ provider: 'standard-webhooks', signed: compact, secret: whsec }),
      secrets: [whsecBytes.toString('hex')],
      says: /hex form/,
    },
  ],
  [
    'the secret given as base64',
    {
      mistake: 'secret-base64-decoded',
      provider: 'github',
      request: githubSigned,
      secrets: [Buffer.from(SECRET).toString('base64')],
      says: /base64 form/,
    },
  ],
  [
    'the sender keys with the hex of the secret',
    {
      mistake: 'secret-encoded',
      provider: 'github',
      request: signed({ provider: 'github', signed: compact, secret: Buffer.from(SECRET).toString('hex') }),
      secrets: [SECRET],
      says: /encoding of this secret/,
    },
  ],
  [
    'a base64 digest where the receiver reads hex',
    {
      mistake: 'signature-encoding',
      provider: 'hmac',
      request: withHeader(
        requestOf(acme, acmeSent),
        'x-acme-signature',
        `v1=${Buffer.from(acmeHex.slice(3), 'hex').toString('base64')}`,
      ),
      secrets: [SECRET],
      says: /base64 but the receiver reads hex/,
    },
  ],
  [
    'the sha256= prefix missing',
    {
      mistake: 'signature-prefix-missing',
      provider: 'github',
      request: withHeader(githubSigned, 'x-hub-signature-256', githubSignature.slice('sha256='.length)),
      secrets: [SECRET],
      says: /lacks the "sha256=" prefix/,
    },
  ],
  [
    'a prefix the receiver does not expect',
    {
      mistake: 'signature-prefix-unexpected',
      provider: 'hmac',
      scheme: bare,
      request: (() => {
        const request = signed({ provider: 'hmac', scheme: bare, signed: compact });
        return withHeader(request, 'x-signature', `sha256=${String(request.headers['x-signature'])}`);
      })(),
      secrets: [SECRET],
      says: /"sha256=" prefix the receiver does not expect/,
    },
  ],
  [
    'HMAC-SHA1 where SHA-256 is configured',
    {
      mistake: 'hmac-algorithm',
      provider: 'hmac',
      scheme: bare,
      request: signed({ provider: 'hmac', scheme: sha1Scheme, signed: compact }),
      secrets: [SECRET],
      says: /HMAC-SHA1, not HMAC-SHA256/,
    },
  ],
  [
    "Tencent's English example token",
    {
      mistake: 'tencent-doc-token',
      provider: 'tencent-chat',
      request: signed({
        provider: 'tencent-chat',
        signed: utf8(JSON.stringify({ CallbackCommand: 'State.StateChange' })),
        secret: 'xxxxyyyy',
        now: 1669872112_000,
      }),
      secrets: ['xxxyyy'],
      receivedAt: NOW,
      says: /"xxxxyyyy", not "xxxyyy".*also \d+ s behind/,
    },
  ],
  [
    'a timestamp ten minutes old',
    {
      mistake: 'timestamp-window',
      provider: 'standard-webhooks',
      request: signed({ provider: 'standard-webhooks', signed: compact, secret: whsec, now: NOW - 600_000 }),
      secrets: [whsec],
      receivedAt: NOW,
      says: /600 s behind the receiving clock \(the window is 300 s\)/,
    },
  ],
  [
    'a clock two minutes ahead',
    {
      mistake: 'timestamp-window',
      provider: 'tencent-chat',
      request: signed({
        provider: 'tencent-chat',
        signed: utf8(JSON.stringify({ CallbackCommand: 'State.StateChange' })),
        now: NOW + 120_000,
      }),
      secrets: [SECRET],
      receivedAt: NOW,
      says: /120 s ahead of the receiving clock/,
    },
  ],
  [
    'a signature copied from an example body',
    {
      mistake: 'example-body',
      provider: 'github',
      request: (() => {
        const kit = kitOf('github');
        const example = kit.encode(Object.values(kit.fixtures)[0]);
        return { ...signed({ provider: 'github', signed: example }), body: compact };
      })(),
      secrets: [SECRET],
      says: /example body/,
    },
  ],
  [
    "signed with hookguard's demo secret",
    {
      mistake: 'demo-secret',
      provider: 'github',
      request: signed({ provider: 'github', signed: compact, secret: kitOf('github').secret.demo }),
      secrets: [SECRET],
      says: /demo secret/,
    },
  ],
];

export const CASE_NOW = NOW;
