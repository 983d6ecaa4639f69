import { createReceiver } from '../../../receiver/create-receiver.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, replayedLater, wrongSecret } from '../../../testing/tamperings.js';
import { slack } from '../index.js';
import { slackFixtures, slackSslCheck, slackUrlVerification } from './fixtures.js';
import { SLACK_USER_AGENT, signSlack, slackBody, slackContentTypeOf } from './sign.js';

const DEMO_SECRET = 'hookguard-demo-slack';
const mention = { name: 'event.app_mention', payload: slackFixtures['event.app_mention'] };
const command = { name: 'command', payload: slackFixtures.command };
const submission = { name: 'view_submission', payload: slackFixtures.view_submission };
const suggestion = { name: 'block_suggestion', payload: slackFixtures.block_suggestion };
const OPTIONS = { options: [{ text: { type: 'plain_text', text: 'pay-api' }, value: 'pay-api' }] };

/**
 * A Slack app's Request URL (Events API, interactivity, slash commands): JSON or a form with
 * Content-Length, `X-Slack-Request-Timestamp` and `X-Slack-Signature`
 * (https://docs.slack.dev/authentication/verifying-requests-from-slack).
 */
export const slackKit: SenderKit = {
  name: 'slack',
  aliases: ['slack-events'],
  sender: 'Slack (Events API, interactivity, slash commands)',
  wire: 'JSON (events) or form (interactivity payload=, slash command fields) with Content-Length; X-Slack-Signature: v0=hex HMAC-SHA256("v0:" + timestamp + ":" + body), X-Slack-Request-Timestamp',
  path: '/slack',
  secret: {
    demo: DEMO_SECRET,
    optional: false,
    where: 'the Signing Secret under Basic Information → App Credentials in the Slack app settings',
  },
  fixtures: slackFixtures,
  encode: (payload) => utf8(slackBody(payload).text),
  sign({ body, secret, now }) {
    const timestamp = String(Math.floor(now / 1000));
    const signed =
      secret === undefined
        ? { 'X-Slack-Request-Timestamp': timestamp }
        : signSlack(body, { signingSecret: secret, timestamp });
    return {
      query: [],
      headers: [
        ['Content-Type', slackContentTypeOf(body)],
        ['User-Agent', SLACK_USER_AGENT],
        ...Object.entries(signed),
      ],
      body,
      chunked: false,
    };
  },
  provider: (secret) => slack({ signingSecret: secret ?? '' }),
  proof: {
    header: 'x-slack-signature',
    timestampHeader: 'x-slack-request-timestamp',
    relatedHeaders: [],
    coversBody: true,
    windowMs: 5 * 60_000,
  },
  tamperings: [bodySpaceAdded(), wrongSecret(), replayedLater()],
  readReply: statusReading(
    'acknowledged (a reply body is shown to the user for commands and modals)',
    'retried up to 3 times for events (unless x-slack-no-retry: 1); the user sees an error for commands and actions',
  ),
  answers: {
    sample: mention,
    unknownEvent: {
      name: 'event.channel_created',
      payload: { ...mention.payload, event: { type: 'channel_created', channel: { id: 'C024BE91L' } } },
    },
    // Slack reads no body for events; a bare 200 acknowledges.
    noReply: { status: 200 },
    deadlineFallback: { status: 200 },
    replies: [
      {
        name: 'a slash command answered with a message',
        event: command,
        on: 'command',
        reply: { response_type: 'in_channel', text: 'Deploying pay-api' },
        expect: { status: 200, json: { response_type: 'in_channel', text: 'Deploying pay-api' } },
      },
      {
        name: 'a modal submission answered with field errors',
        event: submission,
        on: 'view_submission',
        reply: { response_action: 'errors', errors: { note: 'Too short' } },
        expect: { status: 200, json: { response_action: 'errors', errors: { note: 'Too short' } } },
      },
      {
        name: 'an external select answered with options',
        event: suggestion,
        on: 'block_suggestion',
        reply: OPTIONS,
        expect: { status: 200, json: OPTIONS },
      },
      {
        name: 'events cannot reply',
        event: mention,
        on: 'event',
        reply: { text: 'hi' },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      {
        name: 'url_verification',
        event: { name: 'url_verification', payload: slackUrlVerification },
        expect: { status: 200, json: { challenge: slackUrlVerification.challenge } },
      },
      {
        name: 'ssl_check',
        event: { name: 'ssl_check', payload: slackSslCheck },
        expect: { status: 200 },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'command',
    createReceiver: (options) =>
      createReceiver(slack({ signingSecret: DEMO_SECRET }), options)
        .on('command', (event) => `Running ${event.command} ${event.text}`)
        .on('block_suggestion', () => ({ options: [] }))
        .on('*', () => undefined),
    expect: (event) => {
      if (event === 'command') return { status: 200, body: 'Running /deploy pay-api to production' };
      if (event === 'block_suggestion') return { status: 200, body: '{"options":[]}' };
      return { status: 200, body: '' };
    },
  },
};
