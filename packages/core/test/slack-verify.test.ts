import {
  createReceiver,
  type ReceiverOptions,
  silentLogger,
  slack,
  type WebhookRequest,
} from '@hookguard/core';
import { describe, expect, it, vi } from 'vitest';
import { slackFixtures, slackSslCheck, slackUrlVerification } from '../src/providers/slack/kit/fixtures.js';
import { signSlack, slackJson, slackRequest } from '../src/providers/slack/kit/sign.js';

const SECRET = 'slack-test-secret';
const TS = 1700000000;
const NOW = TS * 1000;

// Slack's worked example on https://docs.slack.dev/authentication/verifying-requests-from-slack
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_TIMESTAMP = '1531420618';
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

function receiverFor(
  options: Partial<Parameters<typeof slack>[0]> = {},
  receiverOptions: ReceiverOptions = {},
) {
  const handler = vi.fn((_event: unknown, _context: unknown): unknown => undefined);
  const receiver = createReceiver(slack({ signingSecret: SECRET, ...options }), {
    logger: silentLogger,
    now: () => NOW,
    ...receiverOptions,
  })
    .on('*', handler as never)
    .on('unknown', handler as never);
  return { receiver, handler };
}

const request = (payload: unknown, timestamp: number = TS, secret = SECRET): WebhookRequest =>
  slackRequest(payload, { signingSecret: secret, timestamp });

const form = (text: string, headers: Record<string, string> = {}): WebhookRequest => ({
  method: 'POST',
  url: '/slack',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: Buffer.from(text),
});

const json = (response: { body?: string | Uint8Array }) =>
  JSON.parse(Buffer.from(response.body ?? '').toString());

describe('slack() signature', () => {
  it("accepts Slack's documented example, signed the same by the testing signer, as a slash command", async () => {
    expect(
      signSlack(DOC_BODY, { signingSecret: DOC_SECRET, timestamp: DOC_TIMESTAMP })['X-Slack-Signature'],
    ).toBe(DOC_SIGNATURE);
    const handler = vi.fn();
    const receiver = createReceiver(slack({ signingSecret: DOC_SECRET }), {
      logger: silentLogger,
      now: () => Number(DOC_TIMESTAMP) * 1000 + 30_000,
    }).on('command', handler);
    const answer = await receiver.handle(
      form(DOC_BODY, { 'x-slack-request-timestamp': DOC_TIMESTAMP, 'x-slack-signature': DOC_SIGNATURE }),
    );
    expect(answer.status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
    expect(handler.mock.calls[0]![0]).toMatchObject({
      command: '/webhook-collect',
      text: '',
      team_id: 'T1DC2JH3J',
      response_url: 'https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN',
    });
  });

  it('refuses a timestamp more than five minutes old, and one further ahead than the future skew', async () => {
    const { receiver, handler } = receiverFor();
    const payload = slackFixtures['event.app_mention'];
    expect((await receiver.handle(request(payload, TS - 299))).status).toBe(200);
    const stale = await receiver.handle(request(payload, TS - 301));
    expect(stale.status).toBe(401);
    expect(json(stale)).toMatchObject({ error: { code: 'TIMESTAMP_OUT_OF_RANGE' } });
    const ahead = await receiver.handle(request(payload, TS + 61));
    expect(json(ahead)).toMatchObject({ error: { code: 'TIMESTAMP_OUT_OF_RANGE' } });
    expect(handler).toHaveBeenCalledOnce();
    const lenient = receiverFor({ futureSkewSeconds: 120 });
    expect((await lenient.receiver.handle(request(payload, TS + 61))).status).toBe(200);
  });

  it('accepts every secret of a rotation and refuses another', async () => {
    const { receiver } = receiverFor({ signingSecret: ['old-secret', 'new-secret'] });
    const payload = slackFixtures['event.message'];
    expect((await receiver.handle(request(payload, TS, 'old-secret'))).status).toBe(200);
    expect((await receiver.handle(request(payload, TS, 'new-secret'))).status).toBe(200);
    const other = await receiver.handle(request(payload, TS, 'not-it'));
    expect(json(other)).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
  });

  it('refuses a malformed or repeated signature and a repeated timestamp', async () => {
    const { receiver, handler } = receiverFor();
    const good = request(slackFixtures['event.message']);
    const signature = good.headers['x-slack-signature'] as string;
    for (const [headers, code] of [
      [{ 'x-slack-signature': `${signature}, ${signature}` }, 'SIGNATURE_MALFORMED'],
      [{ 'x-slack-signature': signature.replace('v0=', 'v1=') }, 'SIGNATURE_MALFORMED'],
      [{ 'x-slack-request-timestamp': `${TS}, ${TS}` }, 'TIMESTAMP_OUT_OF_RANGE'],
      [{ 'x-slack-request-timestamp': undefined }, 'TIMESTAMP_MISSING'],
    ] as const) {
      const answer = await receiver.handle({ ...good, headers: { ...good.headers, ...headers } });
      expect(answer.status).toBe(401);
      expect(json(answer)).toMatchObject({ error: { code } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('verifies JSON as sent, with \\u escapes kept as bytes; the same JSON re-serialised is refused', async () => {
    const { receiver, handler } = receiverFor();
    const payload = slackFixtures['event.message'];
    const sent = slackJson(payload);
    expect(sent).toContain('\\ud83e\\udd28');
    expect(sent).toContain('https:\\/\\/example.com');
    const signed = request(sent);
    expect((await receiver.handle(signed)).status).toBe(200);
    expect(handler.mock.calls[0]![0]).toMatchObject({
      event: { text: (payload['event'] as { text: string }).text },
    });
    const reserialised = await receiver.handle({ ...signed, body: Buffer.from(JSON.stringify(payload)) });
    expect(json(reserialised)).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
    expect(handler).toHaveBeenCalledOnce();
  });
});

describe('slack() form bodies', () => {
  it('reads an interactivity payload from the signed form and a slash command from its fields', async () => {
    const { receiver, handler } = receiverFor();
    expect((await receiver.handle(request(slackFixtures.block_actions))).status).toBe(200);
    expect((await receiver.handle(request(slackFixtures.command))).status).toBe(200);
    expect(handler.mock.calls.map(([, context]) => (context as { name: string }).name)).toEqual([
      'block_actions',
      'command',
    ]);
    expect(handler.mock.calls[0]![0]).toMatchObject({ actions: [{ action_id: 'approve' }] });
  });

  it('answers a signed form whose payload is not JSON with 400 INVALID_JSON, and runs no handler', async () => {
    const { receiver, handler } = receiverFor();
    for (const text of ['payload=%7Bnot+json', 'payload=', 'payload=%5B'.padEnd(2000, '%5B')]) {
      const answer = await receiver.handle(request(text));
      expect(answer.status).toBe(400);
      expect(json(answer)).toMatchObject({ error: { code: 'INVALID_JSON' } });
    }
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('slack() handshakes', () => {
  it('answers a signed url_verification with its challenge as JSON; unsigned or forged is 401', async () => {
    const { receiver, handler } = receiverFor();
    const answer = await receiver.handle(request(slackUrlVerification));
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(`{"challenge":"${slackUrlVerification.challenge}"}`);
    const unsigned = request(slackUrlVerification);
    const { ['x-slack-signature']: _, ...headers } = unsigned.headers;
    expect((await receiver.handle({ ...unsigned, headers })).status).toBe(401);
    expect((await receiver.handle(request(slackUrlVerification, TS, 'forged'))).status).toBe(401);
    const broken = await receiver.handle(request({ type: 'url_verification', challenge: 7 }));
    expect(json(broken)).toMatchObject({ error: { code: 'INVALID_JSON' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers the unsigned ssl_check with an empty 200 and nothing else, whatever the form carries', async () => {
    const { receiver, handler } = receiverFor({ noRetry: true });
    const smuggled = `ssl_check=1&token=x&payload=${encodeURIComponent(JSON.stringify(slackFixtures.block_actions))}`;
    for (const text of ['ssl_check=1&token=XXYYZZ', smuggled, `command=%2Fdeploy&text=x&${smuggled}`]) {
      const answer = await receiver.handle(form(text));
      expect(answer).toEqual({ status: 200, headers: {}, body: '' });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an unsigned form that is not the SSL probe, and an ssl_check with a wrong signature', async () => {
    const { receiver, handler } = receiverFor();
    for (const text of ['ssl_check=0&token=x', 'ssl_check=true', 'payload=%7B%7D&ssl_check=']) {
      const answer = await receiver.handle(form(text));
      expect(json(answer)).toMatchObject({ error: { code: 'SIGNATURE_MISSING' } });
    }
    const unsignedJson = await receiver.handle({
      ...form(JSON.stringify(slackSslCheck)),
      headers: { 'content-type': 'application/json' },
    });
    expect(json(unsignedJson)).toMatchObject({ error: { code: 'SIGNATURE_MISSING' } });
    const forged = await receiver.handle(request(slackSslCheck, TS, 'forged'));
    expect(json(forged)).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('slack() deliveries', () => {
  it('puts X-Slack-Retry-Num and X-Slack-Retry-Reason on the meta, and runs a retried event_id once', async () => {
    const { receiver, handler } = receiverFor();
    const first = request(slackFixtures['event.message']);
    const retry = request(slackFixtures['event.message'], TS + 60);
    expect((await receiver.handle(first)).status).toBe(200);
    const retried = await receiver.handle({
      ...retry,
      headers: { ...retry.headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retried.status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
    expect(handler.mock.calls[0]![1]).toMatchObject({
      meta: { timestamp: String(TS), retryNum: undefined, retryReason: undefined },
    });

    const other = { ...slackFixtures['event.message'], event_id: 'Ev0OTHER' };
    const next = request(other);
    await receiver.handle({
      ...next,
      headers: { ...next.headers, 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' },
    });
    expect(handler.mock.calls[1]![1]).toMatchObject({ meta: { retryNum: 2, retryReason: 'http_error' } });
  });

  it('with noRetry, answers a failed handler with x-slack-no-retry: 1, and never a refusal', async () => {
    for (const noRetry of [true, false]) {
      const receiver = createReceiver(slack({ signingSecret: SECRET, noRetry }), {
        logger: silentLogger,
        now: () => NOW,
      }).on('event', () => {
        throw new Error('database down');
      });
      const failed = await receiver.handle(request(slackFixtures['event.message']));
      expect(failed.status).toBe(500);
      expect(failed.headers['x-slack-no-retry']).toBe(noRetry ? '1' : undefined);
      expect(json(failed)).toEqual({
        error: { code: 'HANDLER_FAILED', message: 'The webhook handler failed' },
      });
      const forged = await receiver.handle(request(slackFixtures['event.message'], TS, 'forged'));
      expect(forged.status).toBe(401);
      expect(forged.headers['x-slack-no-retry']).toBeUndefined();
    }
  });

  it('answers a slash command with text or a message, a modal with response_action; refuses other replies', async () => {
    const receiver = createReceiver(slack({ signingSecret: SECRET }), {
      logger: silentLogger,
      now: () => NOW,
    })
      .on('command', (event) =>
        event.text === 'text' ? 'plain answer' : { text: 'in channel', response_type: 'in_channel' },
      )
      .on('view_submission', () => ({ response_action: 'bogus' }) as never);
    const text = await receiver.handle(request({ ...slackFixtures.command, text: 'text', trigger_id: 't1' }));
    expect(text).toMatchObject({ status: 200, body: 'plain answer' });
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    const message = await receiver.handle(request(slackFixtures.command));
    expect(json(message)).toEqual({ text: 'in channel', response_type: 'in_channel' });
    const bad = await receiver.handle(request(slackFixtures.view_submission));
    expect(bad.status).toBe(500);
    expect(json(bad)).toMatchObject({ error: { code: 'INVALID_REPLY' } });
  });

  it('refuses a configuration without a signing secret, or with a bad deadline or skew', () => {
    expect(() => slack({ signingSecret: '' })).toThrow(/Signing Secret/);
    expect(() => slack({ signingSecret: SECRET, deadlineMs: 0 })).toThrow(/deadlineMs/);
    expect(() => slack({ signingSecret: SECRET, futureSkewSeconds: Number.NaN })).toThrow(
      /futureSkewSeconds/,
    );
  });
});
