import { createHash } from 'node:crypto';
import { createReceiver } from '../../../receiver/create-receiver.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, wrongSecret } from '../../../testing/tamperings.js';
import { discord } from '../index.js';
import { discordInteractionFixtures, discordPing } from './fixtures.js';
import { discordPublicKeyOf, signDiscord } from './sign.js';

/**
 * The kit's secret is what the sender signs with: the application's Ed25519 seed (64 hex digits).
 * Discord keeps the real one; this public demo seed is RFC 8032 §7.1 TEST 1's, so its public key
 * (`d75a9801…511a`) is the one Discord-derived test vectors use.
 */
const DEMO_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const command = { name: 'application_command', payload: discordInteractionFixtures.application_command };
const component = { name: 'message_component', payload: discordInteractionFixtures.message_component };

/**
 * Discord's Interactions Endpoint URL: JSON with Content-Length, `X-Signature-Ed25519` and
 * `X-Signature-Timestamp` over `timestamp ‖ body`
 * (https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint).
 */
export const discordKit: SenderKit = {
  name: 'discord',
  aliases: ['discord-interactions'],
  sender: 'Discord (Interactions Endpoint URL)',
  wire: 'JSON body with Content-Length; X-Signature-Ed25519: hex Ed25519(timestamp ‖ body), X-Signature-Timestamp',
  path: '/discord',
  secret: {
    demo: DEMO_SEED,
    optional: false,
    where:
      'Discord holds the private key; the receiver takes the Public Key from General Information in the Developer Portal',
    // Any bytes make a seed: 32 of them, as hex.
    fromBytes: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  },
  verifyKey: {
    where: 'the Public Key under General Information in the Developer Portal (64 hex digits)',
    fromSecret: discordPublicKeyOf,
    provider: (publicKey) => discord({ publicKey }),
  },
  fixtures: discordInteractionFixtures,
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret, now }) {
    const timestamp = String(Math.floor(now / 1000));
    const signed =
      secret === undefined
        ? { 'X-Signature-Timestamp': timestamp }
        : signDiscord(body, { privateKey: secret, timestamp });
    return {
      query: [],
      headers: [
        ['Content-Type', 'application/json'],
        ['User-Agent', 'Discord-Interactions/1.0 (+https://discord.com)'],
        ...Object.entries(signed),
      ],
      body,
      chunked: false,
    };
  },
  provider: (secret) => discord({ publicKey: discordPublicKeyOf(secret ?? DEMO_SEED) }),
  proof: {
    header: 'x-signature-ed25519',
    timestampHeader: 'x-signature-timestamp',
    relatedHeaders: [],
    coversBody: true,
  },
  tamperings: [bodySpaceAdded(), wrongSecret(createHash('sha256').update('not-the-seed').digest('hex'))],
  readReply: statusReading(
    'answered (the user sees the response)',
    '"This interaction failed"; a 401 to a signed request gets the endpoint removed',
  ),
  answers: {
    sample: command,
    unknownEvent: { name: 'unknown', payload: { ...command.payload, type: 99 } },
    // Nothing returned: the command is deferred ("thinking…") and the app follows up with its token.
    noReply: { status: 200, json: { type: 5 } },
    deadlineFallback: { status: 200, json: { type: 5 } },
    replies: [
      {
        name: 'a message',
        event: command,
        on: 'application_command',
        reply: { type: 4, data: { content: 'pong' } },
        expect: { status: 200, json: { type: 4, data: { content: 'pong' } } },
      },
      {
        name: 'a component acknowledged without a loading state',
        event: component,
        on: 'message_component',
        reply: undefined,
        expect: { status: 200, json: { type: 6 } },
      },
      {
        name: 'a response type the command cannot take',
        event: command,
        on: 'application_command',
        reply: { type: 7, data: { content: 'edited' } },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      {
        name: 'PING',
        event: { name: 'ping', payload: discordPing },
        expect: { status: 200, json: { type: 1 } },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'application_command',
    createReceiver: (options) =>
      createReceiver(discord({ publicKey: discordPublicKeyOf(DEMO_SEED) }), options).on(
        'application_command',
        () => ({ type: 4, data: { content: 'pong' } }),
      ),
    expect: (event) => {
      if (event === 'application_command')
        return { status: 200, body: '{"type":4,"data":{"content":"pong"}}' };
      if (event === 'message_component') return { status: 200, body: '{"type":6}' };
      if (event === 'application_command_autocomplete')
        return { status: 200, body: '{"type":8,"data":{"choices":[]}}' };
      return { status: 200, body: '{"type":5}' };
    },
  },
};
