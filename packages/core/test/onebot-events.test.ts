import { createReceiver, type HandlerContext, type OneBotMeta, onebot, verify } from '@hookguard/core';
import { onebotEventSchemas } from '@hookguard/core/schemas';
import {
  napcatGroupMessage,
  onebotFixtures,
  onebotRequest,
  onebotStandardPrivateMessage,
} from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const provider = onebot({ secret: 'secret' });

describe('onebot() events', () => {
  it('has an example body for every typed event', () => {
    expect(Object.keys(onebotFixtures).sort()).toEqual(Object.keys(onebotEventSchemas).sort());
  });

  it.each(Object.entries(onebotFixtures))('parses %s into its typed event', async (name, body) => {
    const result = await verify(provider, onebotRequest(body, 'secret'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event.issues).toEqual([]);
    expect(result.event).toMatchObject({ name, known: true });
    expect(result.event.payload).toEqual(body);
  });

  it('parses the examples of NapCat (built as its code builds them) and of the OneBot 11 standard', async () => {
    for (const [body, name] of [
      [napcatGroupMessage, 'message.group.normal'],
      [onebotStandardPrivateMessage, 'message.private.friend'],
    ] as const) {
      const result = await verify(provider, onebotRequest(body, 'secret'));
      expect(result.ok && result.event.name).toBe(name);
    }
  });

  it('delivers an authentic body with an unknown post_type to "unknown", with the zod issues', async () => {
    const unknown = vi.fn();
    const typed = vi.fn();
    const receiver = createReceiver(provider).on('unknown', unknown).on('message', typed);
    const body = { time: 1, self_id: 2, post_type: 'message_reaction', reaction: '👍' };
    const response = await receiver.handle(onebotRequest(body, 'secret'));
    expect(response.status).toBe(204);
    expect(typed).not.toHaveBeenCalled();
    expect(unknown).toHaveBeenCalledOnce();
    const [event, context] = unknown.mock.calls[0]!;
    expect(event).toMatchObject({ name: 'message_reaction', payload: body });
    expect(event.issues[0].message).toMatch(/no schema/);
    expect((context as HandlerContext).name).toBe('unknown');
  });

  it('delivers a known event with new fields to its handler, keeping the new fields', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(provider).on('message.group', handler);
    const body = { ...napcatGroupMessage, brand_new_field: { nested: true } };
    await receiver.handle(onebotRequest(body, 'secret'));
    expect(handler).toHaveBeenCalledOnce();
    expect(handler.mock.calls[0]![0]).toMatchObject({ brand_new_field: { nested: true } });
  });

  it('delivers a known type with a new sub_type to "unknown", not to a typed handler', async () => {
    const unknown = vi.fn();
    const notice = vi.fn();
    const receiver = createReceiver(provider).on('notice', notice).on('unknown', unknown);
    const body = { ...onebotFixtures['notice.group_ban.ban'], sub_type: 'timed_ban' };
    await receiver.handle(onebotRequest(body, 'secret'));
    expect(notice).not.toHaveBeenCalled();
    expect(unknown.mock.calls[0]![0]).toMatchObject({ name: 'notice.group_ban.timed_ban' });
  });

  it('keeps segments of types it does not know instead of rejecting the message', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(provider).on('message.group.normal', handler);
    const message = [
      { type: 'future_segment', data: { x: 1 } },
      { type: 'text', data: { text: 'hi' } },
    ];
    await receiver.handle(onebotRequest({ ...napcatGroupMessage, message }, 'secret'));
    expect(handler.mock.calls[0]![0].message).toEqual(message);
  });

  it('puts X-Self-ID on the handler context', async () => {
    const handler = vi.fn();
    await createReceiver(provider).on('message', handler).handle(onebotRequest(napcatGroupMessage, 'secret'));
    expect((handler.mock.calls[0]![1] as HandlerContext<OneBotMeta>).meta.selfId).toBe('10001000');
  });

  it('dispatches by exact name, every dotted prefix and "*", in registration order', async () => {
    const calls: string[] = [];
    const receiver = createReceiver(provider)
      .on('*', () => void calls.push('*'))
      .on('message', () => void calls.push('message'))
      .on('message.group', () => void calls.push('message.group'))
      .on('message.group.normal', () => void calls.push('message.group.normal'))
      .on('message.private', () => void calls.push('message.private'))
      .on('message_sent', () => void calls.push('message_sent'));
    await receiver.handle(onebotRequest(napcatGroupMessage, 'secret'));
    expect(calls).toEqual(['*', 'message', 'message.group', 'message.group.normal']);
  });

  it('names the chat in a message delivery key, since NapCat message ids collide across chats', async () => {
    const keyOf = async (body: unknown) => {
      const result = await verify(provider, onebotRequest(body, 'secret'));
      if (!result.ok) throw result.error;
      return result.event.deliveryKey;
    };
    const id = { message_id: 99 };
    expect(await keyOf({ ...napcatGroupMessage, ...id })).toBe('message:10001000:group:114514:99');
    expect(await keyOf({ ...napcatGroupMessage, ...id, group_id: 222 })).toBe(
      'message:10001000:group:222:99',
    );
    expect(await keyOf({ ...onebotStandardPrivateMessage, ...id })).toBe(
      'message:10001000:private:12345678:99',
    );
    expect(await keyOf({ ...onebotFixtures['message_sent.private.friend'], ...id })).toBe(
      'message_sent:10001000:private:12345678:99',
    );
  });

  it('makes no key of an id that is not a string or a number, instead of failing on String() of it', async () => {
    const unprintable = { toString: 1, valueOf: 1 };
    const handler = vi.fn();
    const receiver = createReceiver(provider).on('*', handler);
    for (const body of [
      { ...napcatGroupMessage, message_id: unprintable },
      { ...napcatGroupMessage, group_id: unprintable },
      { ...onebotFixtures['request.friend'], self_id: unprintable },
    ]) {
      const answer = await receiver.handle(onebotRequest(body, 'secret'));
      expect(answer.status).toBe(204);
    }
    expect(handler).toHaveBeenCalledTimes(3);
    expect(handler.mock.calls.map(([, context]) => context.deliveryKey)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('rejects an event name no OneBot event has (a typo in plain JS)', () => {
    const receiver = createReceiver(provider);
    // @ts-expect-error not an event name
    expect(() => receiver.on('mesage.group', () => {})).toThrow(/not an event name/);
  });
});
