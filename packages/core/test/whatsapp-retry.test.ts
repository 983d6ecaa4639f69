import { createReceiver, verify, whatsapp } from '@hookguard/core';
import { whatsappFixtures, whatsappRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const SECRET = 'gowa-secret';
const provider = whatsapp({ secret: SECRET });
type Body = Record<string, unknown>;
const withPayload = (name: keyof typeof whatsappFixtures, changes: Body): Body => {
  const fixture = whatsappFixtures[name];
  return { ...fixture, payload: { ...(fixture['payload'] as Body), ...changes } };
};
const keyOf = async (body: unknown) => {
  const result = await verify(provider, whatsappRequest(body, SECRET));
  if (!result.ok) throw result.error;
  return result.event.deliveryKey;
};

// GOWA makes up to 5 attempts per event (https://github.com/aldinokemal/go-whatsapp-web-multidevice/blob/main/src/infrastructure/whatsapp/webhook.go), resending the very same bytes.
describe('whatsapp() under GOWA retries', () => {
  it.each(Object.keys(whatsappFixtures) as (keyof typeof whatsappFixtures)[])(
    'runs the handler once for a %s delivered five times, answering 2xx each time',
    async (name) => {
      const handler = vi.fn();
      const receiver = createReceiver(provider).on('*', handler);
      const request = whatsappRequest(whatsappFixtures[name], SECRET);
      const answers = [];
      for (let attempt = 0; attempt < 5; attempt++) answers.push(await receiver.handle(request));
      expect(handler).toHaveBeenCalledOnce();
      for (const answer of answers) expect(answer).toMatchObject({ status: 200, body: '{"ok":true}' });
    },
  );

  it('runs a failed delivery again on the retry, then never again', async () => {
    const handler = vi.fn().mockRejectedValueOnce(new Error('db down')).mockResolvedValue(undefined);
    const receiver = createReceiver(provider).on('message', handler);
    const request = whatsappRequest(whatsappFixtures.message, SECRET);
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await receiver.handle(request)).status);
    expect(statuses).toEqual([500, 200, 200, 200, 200]);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('keys a message by device, chat and message id, so a re-sent body with new display data is still one event', async () => {
    const first = await keyOf(whatsappFixtures.message);
    expect(first).toBe(
      'message|628987654321@s.whatsapp.net|628987654321@s.whatsapp.net|3EB0A0000000000000001',
    );
    expect(await keyOf(withPayload('message', { sender_display_name: 'Renamed contact' }))).toBe(first);
    expect(await keyOf({ ...whatsappFixtures.message, device_id: 'other@s.whatsapp.net' })).not.toBe(first);
    expect(await keyOf(withPayload('message', { chat_id: '120363402106000001@g.us' }))).not.toBe(first);
  });

  it('tells a reaction, an edit and a revoke apart from the message even when ids coincide', async () => {
    const id = { id: '3EB0A0000000000000001' };
    const keys = await Promise.all([
      keyOf(whatsappFixtures.message),
      keyOf(withPayload('message.reaction', id)),
      keyOf(withPayload('message.edited', id)),
      keyOf({ ...withPayload('message.revoked', id), session_id: undefined }),
    ]);
    expect(new Set(keys).size).toBe(4);
  });

  it('keys receipts by who acknowledged which ids and how: each is a real event of its own', async () => {
    const read = await keyOf(whatsappFixtures['message.ack']);
    const sameAgain = await keyOf({
      ...whatsappFixtures['message.ack'],
      timestamp: '2026-02-05T12:00:09+07:00',
    });
    const delivered = await keyOf(withPayload('message.ack', { receipt_type: 'delivered' }));
    const otherMember = await keyOf(withPayload('message.ack', { from: '628555@s.whatsapp.net' }));
    const otherIds = await keyOf(withPayload('message.ack', { ids: ['3EB00106E8BE0F407E88EC'] }));
    expect(sameAgain).toBe(read);
    expect(new Set([read, delivered, otherMember, otherIds]).size).toBe(4);
  });

  it('keys id-less events (presence, groups, labels, newsletters) by their exact bytes', async () => {
    for (const name of ['chat_presence', 'group.participants', 'label.edit', 'newsletter.message'] as const) {
      const key = await keyOf(whatsappFixtures[name]);
      expect(key).toMatch(new RegExp(`^${name.replace('.', '\\.')}\\|[0-9a-f]{64}$`));
      expect(await keyOf(whatsappFixtures[name])).toBe(key);
      expect(await keyOf({ ...whatsappFixtures[name], timestamp: '2026-02-05T12:00:01+07:00' })).not.toBe(
        key,
      );
    }
  });

  it('keys calls by call id and v7 messages by chat and message id', async () => {
    expect(await keyOf(whatsappFixtures['call.offer'])).toBe(
      'call.offer|628987654321@s.whatsapp.net|ABC123DEF456',
    );
    expect(await keyOf(whatsappFixtures['legacy.message'])).toBe(
      'legacy.message||628987654321|3EB0C127D7BACC83D6A3',
    );
  });

  it('escapes the separator, so crafted ids cannot make two events share a key', async () => {
    const a = await keyOf(withPayload('message', { chat_id: 'x|y', id: 'z' }));
    const b = await keyOf(withPayload('message', { chat_id: 'x', id: 'y|z' }));
    expect(a).not.toBe(b);
  });

  it("runs both of two distinct group members' read receipts for the same message", async () => {
    const handler = vi.fn();
    const receiver = createReceiver(provider).on('message.ack', handler);
    await receiver.handle(whatsappRequest(whatsappFixtures['message.ack'], SECRET));
    await receiver.handle(
      whatsappRequest(withPayload('message.ack', { from: '628555@s.whatsapp.net' }), SECRET),
    );
    expect(handler).toHaveBeenCalledTimes(2);
  });
});
