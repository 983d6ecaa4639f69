import { createReceiver, discord, discordEvents, discordReply, silentLogger } from '@hookguard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adapters } from '../../../test/conformance/adapters.js';
import { type Listening, post } from '../../../test/support/http.js';
import {
  discordEventsPing,
  discordInteractionFixtures,
  discordPing,
  discordWebhookEventFixtures,
} from '../src/providers/discord/kit/fixtures.js';
import { discordPublicKeyOf, signDiscord } from '../src/providers/discord/kit/sign.js';

const SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const publicKey = discordPublicKeyOf(SEED);

/** Discord's request: JSON, its user agent, its two signature headers as it names them. */
function signedPost(url: string, body: unknown, options: { chunked?: boolean; timestamp?: number } = {}) {
  const text = JSON.stringify(body);
  return post(url, text, {
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Discord-Interactions/1.0 (+https://discord.com)',
      ...signDiscord(text, { privateKey: SEED, timestamp: options.timestamp ?? 1700000000 }),
    },
    ...(options.chunked ? { chunked: true } : {}),
  });
}

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))(
  'discord() through %s',
  (_, adapter) => {
    let server: Listening | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    async function interactions(handler = vi.fn((): unknown => discordReply.message('rolled 7'))) {
      const receiver = createReceiver(discord({ publicKey }), { logger: silentLogger }).on(
        '*',
        handler as never,
      );
      server = await adapter.serve(receiver, '/discord/interactions');
      return { url: `${server.url}/discord/interactions`, handler };
    }

    it('answers the PING {"type":1} and runs no handler', async () => {
      const { url, handler } = await interactions();
      const response = await signedPost(url, discordPing);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.text).toBe('{"type":1}');
      expect(handler).not.toHaveBeenCalled();
    });

    it('answers a command with its handler’s response, exactly, for a chunked body too', async () => {
      const { url, handler } = await interactions();
      for (const chunked of [false, true]) {
        // A fresh id each time: the receiver's default dedupe would answer a repeated one from memory.
        const body = { ...discordInteractionFixtures.application_command, id: chunked ? '11' : '12' };
        const response = await signedPost(url, body, { chunked });
        expect(response.status).toBe(200);
        expect(response.text).toBe('{"type":4,"data":{"content":"rolled 7"}}');
      }
      expect(handler).toHaveBeenCalledTimes(2);
    });

    it('refuses a bad signature and a duplicated signature header with 401, and runs no handler', async () => {
      const { url, handler } = await interactions();
      const text = JSON.stringify(discordInteractionFixtures.application_command);
      const headers = signDiscord(text, { privateKey: SEED, timestamp: 1700000000 });
      const forged = await post(url, text, {
        headers: { 'content-type': 'application/json', ...headers, 'X-Signature-Timestamp': '1700000001' },
      });
      expect(forged.status).toBe(401);
      expect(forged.json()).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
      // Node sends an array as one header line per value: the signature arrives twice.
      const twice = {
        ...headers,
        'X-Signature-Ed25519': [headers['X-Signature-Ed25519'], headers['X-Signature-Ed25519']],
      };
      const duplicated = await post(url, text, {
        headers: { 'content-type': 'application/json', ...twice } as unknown as Record<string, string>,
      });
      expect(duplicated.status).toBe(401);
      expect(duplicated.json()).toMatchObject({ error: { code: 'SIGNATURE_MALFORMED' } });
      expect(handler).not.toHaveBeenCalled();
    });

    it('answers a refused reply with 500 INVALID_REPLY', async () => {
      const { url } = await interactions(vi.fn(() => discordReply.deferUpdate()));
      const response = await signedPost(url, discordInteractionFixtures.application_command);
      expect(response.status).toBe(500);
      expect(response.json()).toMatchObject({ error: { code: 'INVALID_REPLY' } });
    });

    it('answers Webhook Events: PING 204 empty, an event 204 after its handler ran', async () => {
      const handler = vi.fn();
      const receiver = createReceiver(discordEvents({ publicKey })).on('APPLICATION_AUTHORIZED', handler);
      server = await adapter.serve(receiver, '/discord/events');
      const url = `${server.url}/discord/events`;
      const ping = await signedPost(url, discordEventsPing);
      expect(ping.status).toBe(204);
      expect(ping.text).toBe('');
      expect(handler).not.toHaveBeenCalled();
      const event = await signedPost(url, discordWebhookEventFixtures.APPLICATION_AUTHORIZED, {
        chunked: true,
      });
      expect(event.status).toBe(204);
      expect(event.text).toBe('');
      expect(handler).toHaveBeenCalledOnce();
    });
  },
);
