import {
  createReceiver,
  type DedupeStore,
  discord,
  discordEvents,
  type WebhookRequest,
} from '@hookguard/core';
import { discordWebhookEventSchemas } from '@hookguard/core/schemas';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  discordEventsPing,
  discordInteractionFixtures,
  discordWebhookEventFixtures,
} from '../src/providers/discord/kit/fixtures.js';
import { discordPublicKeyOf, discordRequest } from '../src/providers/discord/kit/sign.js';

const SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const publicKey = discordPublicKeyOf(SEED);
const signed = (body: unknown, timestamp = 1700000000): WebhookRequest =>
  discordRequest(body, { privateKey: SEED, timestamp });

function countingStore(): DedupeStore & { claims: number } {
  const store = {
    claims: 0,
    claim: async () => {
      store.claims++;
      return { state: 'claimed' as const, token: 't' };
    },
    complete: async () => {},
    release: async () => {},
    waitForSettle: async () => {},
  };
  return store;
}

describe('discordEvents(): the Webhook Events URL', () => {
  afterEach(() => vi.useRealTimers());

  it('answers the PING 204 with no body: no handler, no dedupe record', async () => {
    const handler = vi.fn();
    const store = countingStore();
    const receiver = createReceiver(discordEvents({ publicKey }), { dedupe: { store } }).on('*', handler);
    const response = await receiver.handle(signed(discordEventsPing));
    expect(response).toEqual({ status: 204, headers: {}, body: '' });
    expect(handler).not.toHaveBeenCalled();
    expect(store.claims).toBe(0);
  });

  for (const [type, body] of Object.entries(discordWebhookEventFixtures)) {
    it(`types ${type} and answers it 204`, async () => {
      const seen = vi.fn();
      const receiver = createReceiver(discordEvents({ publicKey })).on(type as never, (event, context) => {
        seen(context.name, event, context.meta);
      });
      const response = await receiver.handle(signed(body));
      expect(response).toEqual({ status: 204, headers: {}, body: '' });
      expect(seen).toHaveBeenCalledWith(type, body, { timestamp: '1700000000' });
    });
  }

  it('has a schema for every event type Discord documents', () => {
    expect(Object.keys(discordWebhookEventSchemas).sort()).toEqual(
      [
        'APPLICATION_AUTHORIZED',
        'APPLICATION_DEAUTHORIZED',
        'ENTITLEMENT_CREATE',
        'ENTITLEMENT_UPDATE',
        'ENTITLEMENT_DELETE',
        'QUEST_USER_ENROLLMENT',
        'LOBBY_MESSAGE_CREATE',
        'LOBBY_MESSAGE_UPDATE',
        'LOBBY_MESSAGE_DELETE',
        'GAME_DIRECT_MESSAGE_CREATE',
        'GAME_DIRECT_MESSAGE_UPDATE',
        'GAME_DIRECT_MESSAGE_DELETE',
      ].sort(),
    );
  });

  it('delivers an event type it does not know, or a body that fits no schema, to `unknown`', async () => {
    const unknown = vi.fn();
    const receiver = createReceiver(discordEvents({ publicKey })).on('unknown', unknown);
    const future = {
      ...discordWebhookEventFixtures.APPLICATION_AUTHORIZED,
      event: { type: 'NEW_THING', timestamp: 'x' },
    };
    expect((await receiver.handle(signed(future))).status).toBe(204);
    const broken = {
      ...discordWebhookEventFixtures.APPLICATION_DEAUTHORIZED,
      event: { type: 'APPLICATION_DEAUTHORIZED', timestamp: 'y', data: {} },
    };
    expect((await receiver.handle(signed(broken))).status).toBe(204);
    expect(unknown.mock.calls.map(([event]) => event.name)).toEqual([
      'NEW_THING',
      'APPLICATION_DEAUTHORIZED',
    ]);
  });

  it('delivers authentic bodies that are not objects to `unknown`, answered 204', async () => {
    const unknown = vi.fn();
    const receiver = createReceiver(discordEvents({ publicKey })).on('unknown', unknown);
    for (const body of ['null', '[]', '"PING"', '{"version":1,"type":1,"event":null}']) {
      expect((await receiver.handle(signed(body))).status).toBe(204);
    }
    expect(unknown).toHaveBeenCalledTimes(4);
  });

  it('runs a retried event once: the retry is signed anew, the event (type, timestamp, data) is the same', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(discordEvents({ publicKey })).on('ENTITLEMENT_CREATE', handler);
    const event = discordWebhookEventFixtures.ENTITLEMENT_CREATE;
    expect((await receiver.handle(signed(event, 1700000000))).status).toBe(204);
    expect((await receiver.handle(signed(event, 1700000030))).status).toBe(204);
    expect(handler).toHaveBeenCalledOnce();
    // Another entitlement at the same instant is another event.
    const other = structuredClone(event) as { event: { data: { id: string } } };
    other.event.data.id = '1293304212040482858';
    await receiver.handle(signed(other, 1700000031));
    expect(handler).toHaveBeenCalledTimes(2);
    expect(handler.mock.calls[0]![1].deliveryKey).toMatch(
      /^1186634437890109510:ENTITLEMENT_CREATE:2024-10-08T20:49:38\.167841:[\w-]{43}$/,
    );
  });

  it('answers 204 by the deadline while a slow handler goes on (Discord retries what gets no 204 in 3 s)', async () => {
    vi.useFakeTimers();
    let done = false;
    const receiver = createReceiver(discordEvents({ publicKey })).on('LOBBY_MESSAGE_CREATE', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      done = true;
    });
    const answer = receiver.handle(signed(discordWebhookEventFixtures.LOBBY_MESSAGE_CREATE));
    await vi.advanceTimersByTimeAsync(2_500);
    expect(await answer).toEqual({ status: 204, headers: {}, body: '' });
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(done).toBe(true);
    await receiver.close();
  });

  it('refuses a handler reply with 500 INVALID_REPLY: Discord reads only the status', async () => {
    const receiver = createReceiver(discordEvents({ publicKey })).on('*', (() => ({ ok: true })) as never);
    const response = await receiver.handle(signed(discordWebhookEventFixtures.APPLICATION_DEAUTHORIZED));
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'INVALID_REPLY' } });
  });
});

describe('discord(): parsing interactions', () => {
  for (const [name, body] of Object.entries(discordInteractionFixtures)) {
    it(`names a ${name} and keys it by its id`, async () => {
      const seen = vi.fn();
      const receiver = createReceiver(discord({ publicKey })).on(name as never, (event, context) => {
        seen(context.name, context.deliveryKey, event);
      });
      await receiver.handle(signed(body));
      expect(seen).toHaveBeenCalledWith(name, body['id'], body);
    });
  }

  it('delivers authentic bodies that are not objects to `unknown`, deferred', async () => {
    const unknown = vi.fn();
    const receiver = createReceiver(discord({ publicKey })).on('unknown', unknown);
    for (const body of ['null', '[]', '"PING"', '{"type":"2"}']) {
      expect((await receiver.handle(signed(body))).body).toBe('{"type":5}');
    }
    expect(unknown).toHaveBeenCalledTimes(4);
  });

  it('answers the Webhook Events PING posted to the interactions URL as an unknown interaction, not a handshake', async () => {
    const unknown = vi.fn();
    const receiver = createReceiver(discord({ publicKey })).on('unknown', unknown);
    const response = await receiver.handle(signed(discordEventsPing));
    expect(response.body).toBe('{"type":5}');
    expect(unknown).toHaveBeenCalledOnce();
  });
});
