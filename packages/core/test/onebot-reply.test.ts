import { createReceiver, onebot, type ReceiverLike, segment } from '@hookguard/core';
import {
  napcatGroupMessage,
  onebotFixtures,
  onebotRequest,
  onebotStandardPrivateMessage,
} from '@hookguard/core/testing';
import JSON5 from 'json5';
import { describe, expect, it, vi } from 'vitest';

const provider = onebot({ secret: 'secret' });
const send = (receiver: ReceiverLike, body: unknown) => receiver.handle(onebotRequest(body, 'secret'));

describe('onebot() quick operations', () => {
  it('answers a group message with JSON that NapCat (json5) reads as the intended operation', async () => {
    const receiver = createReceiver(provider).on('message.group', (event) =>
      event.raw_message.endsWith('hi') ? { reply: 'pong', at_sender: true } : undefined,
    );
    const response = await send(receiver, napcatGroupMessage);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON5.parse(response.body)).toEqual({ reply: 'pong', at_sender: true });
  });

  it('answers 204 with an empty body when the handler returns nothing (NapCat: no operation)', async () => {
    const receiver = createReceiver(provider).on('message', () => undefined);
    const response = await send(receiver, onebotStandardPrivateMessage);
    expect(response).toMatchObject({ status: 204, body: '' });
  });

  it('answers 204 when no handler is registered for the event', async () => {
    const response = await send(createReceiver(provider), onebotFixtures['notice.group_upload']);
    expect(response.status).toBe(204);
  });

  it('sends segment arrays and non-ASCII text unchanged', async () => {
    const reply = [segment.reply(12), segment.text('你好，世界 & <ok>')];
    const receiver = createReceiver(provider).on('message.private', () => ({ reply, auto_escape: false }));
    const response = await send(receiver, onebotStandardPrivateMessage);
    expect(JSON5.parse(response.body)).toEqual({ reply, auto_escape: false });
  });

  it('approves a friend request and answers a group request with a reason', async () => {
    const receiver = createReceiver(provider)
      .on('request.friend', () => ({ approve: true }))
      .on('request.group', () => ({ approve: false, reason: '满员' }));
    expect(JSON5.parse((await send(receiver, onebotFixtures['request.friend'])).body)).toEqual({
      approve: true,
    });
    expect(JSON5.parse((await send(receiver, onebotFixtures['request.group.add'])).body)).toEqual({
      approve: false,
      reason: '满员',
    });
  });

  it('sends `reply_at` (from the NapCat docs) as the `at_sender` that implementations read', async () => {
    const receiver = createReceiver(provider).on('message.group', () => ({ reply: 'hi', reply_at: true }));
    expect(JSON5.parse((await send(receiver, napcatGroupMessage)).body)).toEqual({
      reply: 'hi',
      at_sender: true,
    });
  });

  it('fails with 500 INVALID_REPLY and calls onError when a plain-JS handler returns a reply the event cannot carry', async () => {
    const onError = vi.fn();
    const receiver = createReceiver(provider, { onError })
      .on('notice', (() => ({ reply: 'x' })) as unknown as () => undefined)
      .on('message.private', (() => ({ approve: true })) as unknown as () => undefined);
    const notice = await send(receiver, onebotFixtures['notice.friend_add']);
    expect(notice.status).toBe(500);
    expect(JSON.parse(notice.body)).toEqual({
      error: { code: 'INVALID_REPLY', message: 'The handler returned a reply this event cannot carry' },
    });
    const message = await send(receiver, onebotStandardPrivateMessage);
    expect(JSON.parse(message.body).error.code).toBe('INVALID_REPLY');
    expect(onError).toHaveBeenCalledTimes(2);
    expect(String(onError.mock.calls[1]![0])).toMatch(/approve/);
  });

  it('sends the first reply when several handlers match, and still runs the others', async () => {
    const later = vi.fn(() => ({ reply: 'second' }));
    const receiver = createReceiver(provider)
      .on('message', () => ({ reply: 'first' }))
      .on('message.private', later);
    const response = await send(receiver, onebotStandardPrivateMessage);
    expect(JSON.parse(response.body)).toEqual({ reply: 'first' });
    expect(later).toHaveBeenCalledOnce();
  });
});
