import { createReceiver, silentLogger, slack } from '@hookguard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adapters } from '../../../test/conformance/adapters.js';
import { type Listening, post } from '../../../test/support/http.js';
import { slackFixtures, slackUrlVerification } from '../src/providers/slack/kit/fixtures.js';
import { SLACK_USER_AGENT, signSlack, slackBody } from '../src/providers/slack/kit/sign.js';

const SECRET = 'slack-http-secret';

/** Slack's request: its content type, user agent and two signature headers as it names them. */
function signedPost(
  url: string,
  payload: unknown,
  options: { chunked?: boolean; extra?: Record<string, string> } = {},
) {
  const { contentType, text } = slackBody(payload);
  return post(url, text, {
    headers: {
      'Content-Type': contentType,
      'User-Agent': SLACK_USER_AGENT,
      ...signSlack(text, { signingSecret: SECRET }),
      ...options.extra,
    },
    ...(options.chunked ? { chunked: true, chunkSize: 7 } : {}),
  });
}

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))(
  'slack() through %s',
  (_, adapter) => {
    let server: Listening | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    async function serve(options: { noRetry?: boolean } = {}, handler = vi.fn((): unknown => undefined)) {
      const receiver = createReceiver(slack({ signingSecret: SECRET, ...options }), { logger: silentLogger })
        .on('*', handler as never)
        .on('unknown', handler as never);
      server = await adapter.serve(receiver, '/slack');
      return { url: `${server.url}/slack`, handler };
    }

    it('answers url_verification with {"challenge"} and the unsigned ssl_check with an empty 200; no handler', async () => {
      const { url, handler } = await serve();
      const verification = await signedPost(url, slackUrlVerification);
      expect(verification.status).toBe(200);
      expect(verification.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(verification.json()).toEqual({ challenge: slackUrlVerification.challenge });
      const probe = await post(url, 'ssl_check=1&token=XXYYZZ', {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': SLACK_USER_AGENT },
      });
      expect(probe.status).toBe(200);
      expect(probe.text).toBe('');
      expect(handler).not.toHaveBeenCalled();
    });

    it('delivers an event, an interactivity form and a slash command, chunked too', async () => {
      const { url, handler } = await serve();
      for (const chunked of [false, true]) {
        const id = chunked ? 'b' : 'a';
        const event = { ...slackFixtures['event.message'], event_id: `Ev${id}` };
        const action = { ...slackFixtures.block_actions, trigger_id: `t-action-${id}` };
        const command = { ...slackFixtures.command, trigger_id: `t-command-${id}` };
        for (const payload of [event, action, command]) {
          const response = await signedPost(url, payload, { chunked });
          expect(response.status).toBe(200);
          expect(response.text).toBe('');
        }
      }
      expect(handler).toHaveBeenCalledTimes(6);
      expect((handler.mock.calls[1] as unknown[])[0]).toMatchObject({ actions: [{ action_id: 'approve' }] });
    });

    it('refuses a repeated signature or timestamp header with 401', async () => {
      const { url, handler } = await serve();
      const { text } = slackBody(slackFixtures['event.message']);
      const signed = signSlack(text, { signingSecret: SECRET });
      for (const name of ['X-Slack-Signature', 'X-Slack-Request-Timestamp'] as const) {
        const response = await post(url, text, {
          headers: { 'Content-Type': 'application/json', ...signed, [name]: [signed[name]!, signed[name]!] },
        });
        expect(response.status).toBe(401);
      }
      expect(handler).not.toHaveBeenCalled();
    });

    it('answers a form whose payload is not JSON with 400 INVALID_JSON', async () => {
      const { url, handler } = await serve();
      const text = 'payload=%7B%22type%22%3A';
      const response = await post(url, text, {
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          ...signSlack(text, { signingSecret: SECRET }),
        },
      });
      expect(response.status).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'INVALID_JSON' } });
      expect(handler).not.toHaveBeenCalled();
    });

    it('with noRetry, sends x-slack-no-retry: 1 on a handler failure', async () => {
      const { url } = await serve(
        { noRetry: true },
        vi.fn(() => {
          throw new Error('boom');
        }),
      );
      const response = await signedPost(url, slackFixtures['event.app_mention']);
      expect(response.status).toBe(500);
      expect(response.headers['x-slack-no-retry']).toBe('1');
    });
  },
);
