import {
  github,
  hmac,
  onebot,
  type Provider,
  standardWebhooks,
  tencentChat,
  token,
  whatsapp,
} from '@hookguard/core';
import {
  githubFixtures,
  onebotFixtures,
  signGithub,
  signHmac,
  signOnebot,
  signStandardWebhooks,
  signWhatsapp,
  tencentChatFixtures,
  tencentChatUrl,
  whatsappFixtures,
} from '@hookguard/core/testing';
import fc from 'fast-check';

/** A fixed clock for every fuzzed receiver, so senders with a timestamp window sign "now". */
export const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

export interface SignOptions {
  readonly secret?: string;
  readonly now?: number;
  /** The event name, for senders that carry it outside the body (GitHub's header, Tencent's query). */
  readonly event?: string | undefined;
}

export interface SignedParts {
  /** Path and query, with any proof the sender puts in the query string. */
  readonly url: string;
  readonly headers: Record<string, string>;
}

/**
 * One sender as the fuzzer sees it: a provider that demands a proof, how that sender signs a
 * body, and where its proof lives (so random values can be aimed at exactly those places).
 */
export interface FuzzSender {
  readonly name: string;
  readonly provider: () => Provider;
  /** Signs these exact bytes as the sender does, with the right secret at `NOW` unless told otherwise. */
  readonly sign: (body: Uint8Array, options?: SignOptions) => SignedParts;
  /** Headers that carry or shape the proof, lower-case. */
  readonly proofHeaders: readonly string[];
  /** False when the proof does not cover the body (Tencent's Sign, a token): a changed body still passes. */
  readonly bodyCovered: boolean;
  /** The sender's freshness window in ms, for senders whose proof carries a timestamp. */
  readonly windowMs?: number;
  /** Makes a random JSON value into a body this sender could send (Tencent repeats the command in it). */
  readonly shape?: (value: unknown, event: string | undefined) => unknown;
  /** Secrets this sender accepts the format of, other than the configured one. */
  readonly otherSecret?: fc.Arbitrary<string>;
  /** Real event bodies by name, mutated by the fuzzer to walk the schemas' edges. */
  readonly fixtures: readonly (readonly [event: string, body: Record<string, unknown>])[];
}

export const SECRET = 'fuzz-secret';

const entries = (fixtures: Readonly<Record<string, Record<string, unknown>>>) =>
  Object.entries(fixtures) as [string, Record<string, unknown>][];

export const onebotSender: FuzzSender = {
  name: 'onebot',
  provider: () => onebot({ secret: SECRET }),
  sign: (body, { secret = SECRET } = {}) => ({ url: '/hook', headers: signOnebot(body, secret) }),
  proofHeaders: ['x-signature', 'x-self-id'],
  bodyCovered: true,
  fixtures: entries(onebotFixtures),
};

const whatsappSender: FuzzSender = {
  name: 'whatsapp',
  provider: () => whatsapp({ secret: SECRET }),
  sign: (body, { secret = SECRET } = {}) => ({ url: '/hook', headers: signWhatsapp(body, secret) }),
  proofHeaders: ['x-hub-signature-256'],
  bodyCovered: true,
  fixtures: entries(whatsappFixtures),
};

const TENCENT_WINDOW_MS = 60_000;
const tencentSender: FuzzSender = {
  name: 'tencentChat',
  provider: () => tencentChat({ token: SECRET }),
  sign: (_body, { secret = SECRET, now = NOW, event } = {}) => ({
    url: tencentChatUrl(event ?? 'C2C.CallbackAfterSendMsg', {
      token: secret,
      requestTime: Math.floor(now / 1000),
      path: '/hook',
    }),
    headers: {},
  }),
  proofHeaders: [],
  bodyCovered: false,
  windowMs: TENCENT_WINDOW_MS,
  // Tencent always posts an object that repeats the query's CallbackCommand.
  shape: (value, event) => {
    const command = event ?? 'C2C.CallbackAfterSendMsg';
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { ...value, CallbackCommand: command }
      : { CallbackCommand: command, Data: value };
  },
  fixtures: entries(tencentChatFixtures as Readonly<Record<string, Record<string, unknown>>>),
};

const githubSender: FuzzSender = {
  name: 'github',
  provider: () => github({ secret: SECRET }),
  sign: (body, { secret = SECRET, event } = {}) => ({
    url: '/hook',
    headers: {
      'content-type': 'application/json',
      'x-github-event': (event ?? 'push').split('.', 1)[0]!,
      'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
      ...signGithub(body, secret),
    },
  }),
  proofHeaders: ['x-hub-signature-256', 'x-hub-signature', 'x-github-event', 'x-github-delivery'],
  bodyCovered: true,
  fixtures: entries(githubFixtures),
};

const STANDARD_SECRET = `whsec_${Buffer.from(SECRET).toString('base64')}`;
const standardSender: FuzzSender = {
  name: 'standardWebhooks',
  provider: () => standardWebhooks({ secret: STANDARD_SECRET }),
  sign: (body, { secret = STANDARD_SECRET, now = NOW } = {}) => ({
    url: '/hook',
    headers: signStandardWebhooks(body, secret, { id: 'msg_fuzz', timestamp: Math.floor(now / 1000) }),
  }),
  proofHeaders: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
  bodyCovered: true,
  windowMs: 300_000,
  otherSecret: fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((key) => `whsec_${Buffer.from(key).toString('base64')}`)
    .filter((secret) => secret !== STANDARD_SECRET),
  fixtures: [['invoice.paid', { type: 'invoice.paid', data: { id: 'in_1', amount: 1200 } }]],
};

/** A sender declared as data: Stripe-like `t.body` signing with the time and id in headers. */
const acmeScheme = {
  signature: { header: 'x-acme-signature', prefix: 'v1=' },
  signed: '{timestamp}.{body}',
  timestamp: { header: 'x-acme-timestamp' },
} as const;
const hmacSender: FuzzSender = {
  name: 'hmac',
  provider: () =>
    hmac({ secret: SECRET, ...acmeScheme, event: { body: 'type' }, id: { header: 'x-acme-id' } }),
  sign: (body, { secret = SECRET, now = NOW } = {}) => {
    const { headers } = signHmac(acmeScheme, secret, { body, now });
    return { url: '/hook', headers: { ...headers, 'x-acme-id': 'evt_1' } };
  },
  proofHeaders: ['x-acme-signature', 'x-acme-timestamp', 'x-acme-id'],
  bodyCovered: true,
  windowMs: 300_000,
  fixtures: [['build.finished', { type: 'build.finished', id: 42, ok: true }]],
};

/** GitLab's `X-Gitlab-Token`: the secret itself travels, so it proves the sender, not the body. */
const tokenSender: FuzzSender = {
  name: 'token',
  provider: () => token({ header: 'x-gitlab-token', secret: SECRET, event: { header: 'x-gitlab-event' } }),
  sign: (_body, { secret = SECRET, event } = {}) => ({
    url: '/hook',
    headers: {
      'content-type': 'application/json',
      'x-gitlab-token': secret,
      'x-gitlab-event': event ?? 'Push Hook',
    },
  }),
  proofHeaders: ['x-gitlab-token', 'x-gitlab-event'],
  bodyCovered: false,
  fixtures: [['Push Hook', { object_kind: 'push', ref: 'refs/heads/main' }]],
};

/** Every sender hookguard serves; each new provider adds its row here and is fuzzed everywhere. */
export const senders: readonly FuzzSender[] = [
  onebotSender,
  whatsappSender,
  tencentSender,
  githubSender,
  standardSender,
  hmacSender,
  tokenSender,
];

/** A provider that proves nothing (NapCat with an empty token): it must still never crash. */
export const unsignedOneBot = (): Provider => onebot({ allowUnsigned: true });
