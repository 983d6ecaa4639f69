import {
  createReceiver,
  type HandlerContext,
  type UnknownEvent,
  verify,
  type WhatsAppMeta,
  whatsapp,
} from '@hookguard/core';
import { whatsappEventSchemas } from '@hookguard/core/schemas';
import {
  signWhatsapp,
  whatsappFixtures,
  whatsappMessageShapes,
  whatsappRequest,
} from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { WHATSAPP_DEADLINE_MS } from '../src/providers/whatsapp/index.js';
import { docExamples, docPayloadStructure, legacySeedExamples } from './whatsapp-examples.js';

const SECRET = 'gowa-secret';
const provider = whatsapp({ secret: SECRET });
const parse = async (body: unknown) => {
  const result = await verify(provider, whatsappRequest(body, SECRET));
  if (!result.ok) throw result.error;
  return result.event;
};

describe('whatsapp() events', () => {
  it('has a fixture for every typed event: the 16 of GOWA v8+ and the 5 legacy v7 message kinds', () => {
    const names = Object.keys(whatsappEventSchemas);
    expect(Object.keys(whatsappFixtures).sort()).toEqual([...names].sort());
    expect(names.filter((name) => !name.startsWith('legacy.'))).toHaveLength(16);
    expect(provider.eventNames).toEqual(names);
  });

  it.each(Object.entries(whatsappFixtures))(
    'parses the %s fixture into its typed event',
    async (name, body) => {
      const event = await parse(body);
      expect(event.issues).toEqual([]);
      expect(event).toMatchObject({ name, known: true });
      expect(event.payload).toEqual(body);
    },
  );

  it.each(Object.entries(whatsappMessageShapes))(
    'parses the "%s" message shape as a message',
    async (_, body) => {
      const event = await parse(body);
      expect(event.issues).toEqual([]);
      expect(event).toMatchObject({ name: 'message', known: true });
      expect(event.payload).toEqual(body);
    },
  );

  // GOWA's docs (https://github.com/aldinokemal/go-whatsapp-web-multidevice/blob/main/docs/webhook-payload.md) show two shapes its code never sends.
  const neverSent: Record<string, RegExp> = {
    // `predefined_id` is a protobuf int32 in the code; the docs show the string "1".
    'Label Events / Label Edit': /^payload\.predefined_id$/,
    // The code always sets the event's top-level `timestamp`; this doc example has none.
    'Call Events / Reject Call via API': /^timestamp$/,
  };

  it.each(docExamples)(
    'GOWA docs example "%s" parses as its event, or as unknown where the code differs',
    async (title, body) => {
      const event = await parse(body);
      expect(event.name).toBe(body['event']);
      const path = neverSent[title];
      if (path === undefined) {
        expect(event.issues).toEqual([]);
        expect(event.known).toBe(true);
        return;
      }
      expect(event.known).toBe(false);
      expect(event.issues.map((issue) => issue.path.join('.'))).toEqual([expect.stringMatching(path)]);
    },
  );

  it('answers 400 for the docs\' "Payload Structure" example, which is not JSON (it has a // comment)', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(provider).on('*', handler);
    const request = {
      method: 'POST',
      url: '/whatsapp',
      headers: signWhatsapp(docPayloadStructure, SECRET),
      body: Buffer.from(docPayloadStructure),
    };
    const response = await receiver.handle(request);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'INVALID_JSON' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each(legacySeedExamples)('parses the legacy v7 seed example "%s" as %s', async (_, name, body) => {
    const event = await parse(body);
    expect(event.issues).toEqual([]);
    expect(event).toMatchObject({ name, known: true });
    expect(event.payload).toEqual(body);
  });

  it('delivers a legacy flat message to a "legacy" handler, never to a v8 "message" handler', async () => {
    const legacy = vi.fn();
    const modern = vi.fn();
    const receiver = createReceiver(provider).on('legacy', legacy).on('message', modern);
    const response = await receiver.handle(
      whatsappRequest(whatsappFixtures['legacy.message.revoked'], SECRET),
    );
    expect(response.status).toBe(200);
    expect(modern).not.toHaveBeenCalled();
    expect(legacy.mock.calls[0]![0]).toMatchObject({
      action: 'message_revoked',
      revoked_message_id: '3EB0C127D7BACC83D6A3',
    });
    expect((legacy.mock.calls[0]![1] as HandlerContext).name).toBe('legacy.message.revoked');
  });

  it('hands the whole envelope to the handler, with device and session on the context', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(provider).on('message.revoked', handler);
    await receiver.handle(whatsappRequest(whatsappFixtures['message.revoked'], SECRET));
    const [event, context] = handler.mock.calls[0]! as [unknown, HandlerContext<WhatsAppMeta>];
    expect(event).toEqual(whatsappFixtures['message.revoked']);
    expect(context.meta).toEqual({ deviceId: '628987654321@s.whatsapp.net', sessionId: 'org_2' });
  });

  it('dispatches by exact name, dotted prefix and "*"; "message" covers every message.* event', async () => {
    const calls: string[] = [];
    const receiver = createReceiver(provider)
      .on('*', (_, context) => void calls.push(`* ${context.name}`))
      .on('message', (event) => void calls.push(`message ${event.event}`))
      .on('message.ack', () => void calls.push('message.ack'))
      .on('group', () => void calls.push('group'))
      .on('newsletter.message', () => void calls.push('newsletter.message'));
    for (const name of ['message', 'message.ack', 'group.participants', 'chat_presence'] as const) {
      await receiver.handle(whatsappRequest(whatsappFixtures[name], SECRET));
    }
    expect(calls).toEqual([
      '* message',
      'message message',
      '* message.ack',
      'message message.ack',
      'message.ack',
      '* group.participants',
      'group',
      '* chat_presence',
    ]);
  });

  it('delivers an authentic event of a kind GOWA adds later to "unknown", with the reason', async () => {
    const unknown = vi.fn();
    const receiver = createReceiver(provider).on('unknown', unknown).on('message', vi.fn());
    const body = { event: 'message.poll_vote', device_id: 'd', payload: { id: 'X', votes: ['A'] } };
    const response = await receiver.handle(whatsappRequest(body, SECRET));
    expect(response.status).toBe(200);
    const event = unknown.mock.calls[0]![0] as UnknownEvent;
    expect(event).toMatchObject({ name: 'message.poll_vote', payload: body });
    expect(event.issues[0]!.message).toMatch(/no schema for event "message.poll_vote"/);
  });

  it('delivers a known event whose fields changed type to "unknown", keeping the body whole', async () => {
    const typed = vi.fn();
    const unknown = vi.fn();
    const receiver = createReceiver(provider).on('message.ack', typed).on('unknown', unknown);
    const body = {
      ...whatsappFixtures['message.ack'],
      payload: { ...(whatsappFixtures['message.ack']['payload'] as object), receipt_type: 'played' },
    };
    await receiver.handle(whatsappRequest(body, SECRET));
    expect(typed).not.toHaveBeenCalled();
    const event = unknown.mock.calls[0]![0] as UnknownEvent;
    expect(event.name).toBe('message.ack');
    expect(event.issues.map((issue) => issue.path.join('.'))).toEqual(['payload.receipt_type']);
  });

  it('keeps fields GOWA adds to a known event', async () => {
    const body = {
      ...whatsappMessageShapes.text,
      payload: { ...whatsappMessageShapes.text.payload, poll: { q: 1 } },
    };
    const event = await parse(body);
    expect(event.known).toBe(true);
    expect(event.payload).toMatchObject({ payload: { poll: { q: 1 } } });
  });

  it.each([
    ['an array', [1, 2]],
    ['a string', 'hello'],
    ['an object naming no event', { hello: 'world' }],
    ['an empty event name', { event: '', payload: {} }],
    ['a numeric event name', { event: 7, payload: {} }],
  ])('delivers %s to "unknown" (authentic, so never dropped)', async (_, body) => {
    const event = await parse(body);
    expect(event).toMatchObject({ name: 'unknown', known: false, payload: body });
    expect(event.issues[0]!.message).toMatch(/does not name an event/);
  });

  it('answers 200 {"ok":true} whatever the handler returns, since GOWA reads no body', async () => {
    const receiver = createReceiver(provider)
      .on('message', () => undefined)
      // A plain-JS handler returning something must not turn a handled event into a retry.
      .on('call.offer', (() => ({ reply: 'ignored' })) as unknown as () => undefined);
    for (const name of ['message', 'call.offer', 'label.edit'] as const) {
      const response = await receiver.handle(whatsappRequest(whatsappFixtures[name], SECRET));
      expect(response).toEqual({
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: '{"ok":true}',
      });
    }
  });

  it('answers 500 when a handler throws, so GOWA retries, without the error text', async () => {
    const receiver = createReceiver(provider).on('message', () => {
      throw new Error('database down at 10.0.0.5');
    });
    const response = await receiver.handle(whatsappRequest(whatsappFixtures.message, SECRET));
    expect(response.status).toBe(500);
    expect(response.body).not.toContain('10.0.0.5');
  });

  it("acks before GOWA's 10 s attempt timeout while a slow handler goes on, so no retry re-runs it", async () => {
    vi.useFakeTimers();
    try {
      let finished = false;
      const receiver = createReceiver(provider).on('message', async () => {
        await new Promise((resolve) => setTimeout(resolve, 12_000));
        finished = true;
      });
      const pending = receiver.handle(whatsappRequest(whatsappFixtures.message, SECRET));
      await vi.advanceTimersByTimeAsync(WHATSAPP_DEADLINE_MS);
      expect(WHATSAPP_DEADLINE_MS).toBeLessThan(10_000);
      expect((await pending).status).toBe(200);
      expect(finished).toBe(false);
      await vi.advanceTimersByTimeAsync(12_000 - WHATSAPP_DEADLINE_MS);
      expect(finished).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
