import { createReceiver } from '../../../receiver/create-receiver.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { discordEvents } from '../discord-events.js';
import { discordEventsPing, discordWebhookEventFixtures } from './fixtures.js';
import { discordKit } from './interactions-kit.js';
import { discordPublicKeyOf } from './sign.js';

const authorized = {
  name: 'APPLICATION_AUTHORIZED',
  payload: discordWebhookEventFixtures.APPLICATION_AUTHORIZED,
};
const NO_CONTENT = { status: 204 };

/**
 * Discord's Webhook Events URL: the second URL of an application, signed exactly as interactions
 * are (so the encoding, signing, keys and tamperings are the interactions kit's), answered 204
 * (https://discord.com/developers/docs/events/webhook-events).
 */
export const discordEventsKit: SenderKit = {
  ...discordKit,
  name: 'discord-events',
  aliases: ['discordevents', 'discord-webhook-events'],
  sender: 'Discord (Webhook Events URL)',
  wire: 'JSON body with Content-Length; X-Signature-Ed25519 over timestamp ‖ body, as interactions; answered 204',
  path: '/discord-events',
  verifyKey: { ...discordKit.verifyKey!, provider: (publicKey) => discordEvents({ publicKey }) },
  fixtures: discordWebhookEventFixtures,
  provider: (secret) => discordEvents({ publicKey: discordPublicKeyOf(secret ?? discordKit.secret.demo) }),
  readReply: statusReading(
    'delivered (a 2xx within 3 s)',
    'not delivered: Discord retries with backoff for up to 10 minutes, then may disable the URL',
  ),
  answers: {
    sample: authorized,
    unknownEvent: {
      name: 'unknown',
      payload: {
        ...authorized.payload,
        event: { type: 'HOOKGUARD_NOT_AN_EVENT', timestamp: '2024-10-18T14:42:53.064834', data: {} },
      },
    },
    noReply: NO_CONTENT,
    deadlineFallback: NO_CONTENT,
    replies: [
      {
        name: 'acknowledged',
        event: authorized,
        on: 'APPLICATION_AUTHORIZED',
        reply: undefined,
        expect: NO_CONTENT,
      },
      {
        // Webhook Events take no answer but the 204.
        name: 'handlers cannot reply',
        event: authorized,
        on: 'APPLICATION_AUTHORIZED',
        reply: { type: 4, data: { content: 'hi' } },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      { name: 'PING (type 0)', event: { name: 'ping', payload: discordEventsPing }, expect: NO_CONTENT },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'APPLICATION_AUTHORIZED',
    createReceiver: (options) =>
      createReceiver(discordEvents({ publicKey: discordPublicKeyOf(discordKit.secret.demo) }), options).on(
        '*',
        () => {},
      ),
    expect: () => ({ status: 204 }),
  },
};
