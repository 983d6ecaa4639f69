import { createReceiver, type DedupeStore, type Inbox, qqBot, silentLogger } from '@hookguard/core';
import { qqBotEventSchemas } from '@hookguard/core/schemas';
import { describe, expect, it, vi } from 'vitest';
import { qqBotFixtures } from '../src/providers/qq-bot/kit/fixtures.js';
import { qqBotRequest, qqBotValidation } from '../src/providers/qq-bot/kit/sign.js';

const SECRET = 'DG5g3B4j9X2KOErG';
const sign = (payload: unknown) => qqBotRequest(payload, { secret: SECRET, appId: '102012345' });
const provider = () => qqBot({ secret: SECRET, appId: '102012345' });

function spyStore(): DedupeStore & { claims: number } {
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

describe('qqBot() events', () => {
  it('has an example delivery for every event, and each one parses as that event', () => {
    expect(Object.keys(qqBotFixtures).sort()).toEqual(Object.keys(qqBotEventSchemas).sort());
    const qq = provider();
    for (const [name, fixture] of Object.entries(qqBotFixtures)) {
      const request = sign(fixture);
      const input = { ...request, path: '/', query: new URLSearchParams(), now: Date.now() };
      const event = qq.parse(JSON.parse(String(request.body)), input);
      expect({ name: event.name, known: event.known, issues: event.issues }).toEqual({
        name,
        known: true,
        issues: [],
      });
      expect(event.deliveryKey).toBe(fixture.id);
      expect(event.meta).toEqual({ appId: '102012345', timestamp: expect.any(Number) });
    }
  });

  it('hands handlers the whole envelope typed by t, fields QQ adds kept', async () => {
    const seen = vi.fn();
    const receiver = createReceiver(provider()).on('GROUP_AT_MESSAGE_CREATE', (event, context) =>
      seen(event, context.meta),
    );
    const fixture = qqBotFixtures.GROUP_AT_MESSAGE_CREATE;
    const withExtra = { ...fixture, d: { ...fixture.d, message_scene: { source: 'default' } } };
    const response = await receiver.handle(
      qqBotRequest(withExtra, { secret: SECRET, appId: '102012345', timestamp: 1725442341 }),
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ op: 12, d: 0 });
    expect(seen).toHaveBeenCalledWith(withExtra, { appId: '102012345', timestamp: 1725442341000 });
  });

  it('delivers an unknown t, or a dispatch that does not fit its schema, to unknown handlers', async () => {
    const unknown = vi.fn();
    const known = vi.fn();
    const receiver = createReceiver(provider(), { logger: silentLogger })
      .on('unknown', (event) => unknown(event.name))
      .on('C2C_MESSAGE_CREATE', known);
    const future = {
      id: 'SUBSCRIBE_MESSAGE_STATUS:1',
      op: 0,
      d: { result: 'accept' },
      s: 9,
      t: 'SUBSCRIBE_MESSAGE_STATUS',
    };
    expect((await receiver.handle(sign(future))).status).toBe(200);
    const broken = { ...qqBotFixtures.C2C_MESSAGE_CREATE, id: 'broken', d: { content: 7 } };
    expect((await receiver.handle(sign(broken))).status).toBe(200);
    expect(unknown.mock.calls).toEqual([['SUBSCRIBE_MESSAGE_STATUS'], ['C2C_MESSAGE_CREATE']]);
    expect(known).not.toHaveBeenCalled();
  });

  it('runs a delivery once per envelope id, whatever the signature timestamp', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(provider()).on('C2C_MESSAGE_CREATE', handler);
    const fixture = qqBotFixtures.C2C_MESSAGE_CREATE;
    const first = qqBotRequest(fixture, { secret: SECRET, appId: '102012345', timestamp: 1725442341 });
    const retry = qqBotRequest(fixture, { secret: SECRET, appId: '102012345', timestamp: 1725442399 });
    const next = qqBotRequest({ ...fixture, id: `${fixture.id}-2` }, { secret: SECRET, appId: '102012345' });
    for (const request of [first, retry, next]) {
      const response = await receiver.handle(request);
      expect(response.status).toBe(200);
      expect(response.body).toBe('{"op":12,"d":0}');
    }
    expect(handler).toHaveBeenCalledTimes(2);
  });

  for (const mode of ['reply', 'ack-first'] as const) {
    it(`answers op 13 in ${mode} mode without a handler, a dedupe claim or an inbox entry`, async () => {
      const store = spyStore();
      const handler = vi.fn();
      const receiver = createReceiver(provider(), { mode, dedupe: { store } }).on('*', handler);
      const response = await receiver.handle(sign(qqBotValidation('Arq0D5A61EgUu4OxUvOp', '1725442341')));
      expect(response.status).toBe(200);
      expect(Object.keys(JSON.parse(response.body))).toEqual(['plain_token', 'signature']);
      expect(handler).not.toHaveBeenCalled();
      expect(store.claims).toBe(0);
    });
  }

  it('never enqueues an op 13 validation on an inbox', async () => {
    const inbox: Inbox = { enqueue: vi.fn(async () => {}) };
    const receiver = createReceiver(provider(), { inbox });
    const response = await receiver.handle(sign(qqBotValidation('Arq0D5A61EgUu4OxUvOp', '1725442341')));
    expect(response.status).toBe(200);
    expect(inbox.enqueue).not.toHaveBeenCalled();
    await receiver.handle(sign(qqBotFixtures.FRIEND_ADD));
    expect(inbox.enqueue).toHaveBeenCalledTimes(1);
  });

  it('answers 500 when a handler fails, so the platform sees the failure, and runs the retry', async () => {
    let fail = true;
    const handler = vi.fn(() => {
      if (fail) throw new Error('database down: password=hunter2');
    });
    const receiver = createReceiver(provider(), { logger: silentLogger }).on('FRIEND_ADD', handler);
    const failed = await receiver.handle(sign(qqBotFixtures.FRIEND_ADD));
    expect(failed.status).toBe(500);
    expect(failed.body).not.toContain('hunter2');
    fail = false;
    const retried = await receiver.handle(sign(qqBotFixtures.FRIEND_ADD));
    expect(retried.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('refuses a handler reply with 500: QQ reads only the ACK', async () => {
    const receiver = createReceiver(provider(), { logger: silentLogger }).on(
      'C2C_MESSAGE_CREATE',
      () => 'hello' as never,
    );
    const response = await receiver.handle(sign(qqBotFixtures.C2C_MESSAGE_CREATE));
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body).error.code).toBe('INVALID_REPLY');
  });

  it('ACKs within its deadline while a slow handler goes on', async () => {
    vi.useFakeTimers();
    try {
      let finished = false;
      const receiver = createReceiver(provider(), { logger: silentLogger }).on(
        'C2C_MESSAGE_CREATE',
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 10_000));
          finished = true;
        },
      );
      expect(provider().deadlineMs).toBeLessThan(3_000);
      const pending = receiver.handle(sign(qqBotFixtures.C2C_MESSAGE_CREATE));
      await vi.advanceTimersByTimeAsync(provider().deadlineMs);
      const response = await pending;
      expect(response.body).toBe('{"op":12,"d":0}');
      expect(finished).toBe(false);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(finished).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
