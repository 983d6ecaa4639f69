import { createHmac } from 'node:crypto';
import { createReceiver, silentLogger, slack, type WebhookRequest } from '@hookguard/core';
// The verifier alone: bolt's root entry also loads its HTTP client stack, which a test needs none of.
import { isValidSlackRequest } from '@slack/bolt/dist/receivers/verify-request.js';
import { describe, expect, it } from 'vitest';
import { slackFixtures } from '../src/providers/slack/kit/fixtures.js';
import { signSlack, slackBody, slackContentTypeOf } from '../src/providers/slack/kit/sign.js';

const SECRET = 'bolt-oracle-secret';
const TS = 1700000000;
const NOW = TS * 1000 + 5_000;

/** Slack's own SDK as the second opinion: `@slack/bolt`'s request verifier. */
function boltAccepts(body: string, signature: string, timestamp = TS): boolean {
  return isValidSlackRequest({
    signingSecret: SECRET,
    body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: NOW,
  });
}

/** A signature made the way bolt's own receiver tests make one: HMAC over the template string. */
function boltStyleSignature(body: string, timestamp = TS): string {
  return `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

async function hookguardAccepts(body: string, signature: string): Promise<number> {
  const receiver = createReceiver(slack({ signingSecret: SECRET }), {
    logger: silentLogger,
    now: () => NOW,
  }).on('*', () => undefined);
  const bytes = Buffer.from(body);
  const request: WebhookRequest = {
    method: 'POST',
    url: '/slack',
    headers: {
      'content-type': slackContentTypeOf(bytes),
      'x-slack-request-timestamp': String(TS),
      'x-slack-signature': signature,
    },
    body: bytes,
  };
  return (await receiver.handle(request)).status;
}

// Events (JSON with escapes), interactivity (form + JSON payload), a slash command (form fields).
const bodies = Object.entries(slackFixtures)
  .filter(([name]) => ['event.message', 'block_actions', 'view_submission', 'command'].includes(name))
  .map(([name, payload]) => [name, slackBody(payload).text] as const);

describe('slack() agrees with @slack/bolt verifySlackRequest', () => {
  it.each(bodies)('bolt accepts what the testing signer signs: %s', (_name, body) => {
    const signature = signSlack(body, { signingSecret: SECRET, timestamp: TS })['X-Slack-Signature']!;
    expect(boltAccepts(body, signature)).toBe(true);
    expect(signature).toBe(boltStyleSignature(body));
  });

  it.each(bodies)('hookguard accepts what a bolt-style signature signs: %s', async (_name, body) => {
    expect(await hookguardAccepts(body, boltStyleSignature(body))).toBe(200);
  });

  it.each(bodies)('both refuse the body changed by one byte after signing: %s', async (_name, body) => {
    const signature = boltStyleSignature(body);
    const tampered = `${body.slice(0, -1)}${body.endsWith('0') ? '1' : '0'}`;
    expect(boltAccepts(tampered, signature)).toBe(false);
    expect(await hookguardAccepts(tampered, signature)).toBe(401);
  });

  it('both refuse a signature older than five minutes', async () => {
    const body = bodies[0]![1];
    const old = TS - 400;
    expect(boltAccepts(body, boltStyleSignature(body, old), old)).toBe(false);
    const receiver = createReceiver(slack({ signingSecret: SECRET }), {
      logger: silentLogger,
      now: () => NOW,
    });
    const answer = await receiver.handle({
      method: 'POST',
      url: '/slack',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(old),
        'x-slack-signature': boltStyleSignature(body, old),
      },
      body: Buffer.from(body),
    });
    expect(answer.status).toBe(401);
  });
});
