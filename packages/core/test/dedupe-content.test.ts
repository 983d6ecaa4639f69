import {
  createReceiver,
  type Inbox,
  type InboxDelivery,
  type Logger,
  memoryDedupeStore,
  onebot,
} from '@hookguard/core';
import { napcatGroupMessage, onebotRequest, onebotStandardPrivateMessage } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const provider = onebot({ secret: 'secret' });

// NapCat's message_id is a 31-bit hash of the message: three different messages can share one.
const SHARED_ID = 424242;
const groupMessage = (group_id: number, text: string) => ({
  ...napcatGroupMessage,
  group_id,
  message_id: SHARED_ID,
  raw_message: text,
  message: [{ type: 'text', data: { text } }],
});
const threeChats = [
  groupMessage(111, 'hello from group 111'),
  groupMessage(222, 'hello from group 222'),
  {
    ...onebotStandardPrivateMessage,
    message_id: SHARED_ID,
    raw_message: 'hello in private',
    message: 'hello in private',
  },
];
/** Same chat, same message_id, different message: only the body digest tells them apart. */
const sameChat = [groupMessage(333, 'first text'), groupMessage(333, 'second text')];

function recordingLogger() {
  const lines: { level: string; message: string; fields: Record<string, unknown> | undefined }[] = [];
  const at =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, message, fields });
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** Replies with what it was sent, so an answer shows which message it belongs to. */
const echo = (event: { raw_message: string }) => ({ reply: `re: ${event.raw_message}` });

describe('dedupe tells deliveries that share a key apart by their bytes', () => {
  it('answers three messages sharing a message_id (two groups and a private chat) each with its own reply', async () => {
    const handler = vi.fn(echo);
    const receiver = createReceiver(provider).on('message', handler);
    for (const event of threeChats) {
      const answer = await receiver.handle(onebotRequest(event, 'secret'));
      expect(JSON.parse(answer.body)).toEqual({ reply: `re: ${event.raw_message}` });
    }
    expect(handler).toHaveBeenCalledTimes(3);
    // And each one's retry is still a retry: its own answer, no new run.
    for (const event of threeChats) {
      const retry = await receiver.handle(onebotRequest(event, 'secret'));
      expect(JSON.parse(retry.body)).toEqual({ reply: `re: ${event.raw_message}` });
    }
    expect(handler).toHaveBeenCalledTimes(3);
  });

  it('runs a different body under the same key, warns without the body, and keeps both run-once', async () => {
    const { logger, lines } = recordingLogger();
    const handler = vi.fn(echo);
    const receiver = createReceiver(provider, { logger }).on('message', handler);
    const [first, second] = sameChat.map((event) => onebotRequest(event, 'secret'));
    expect(JSON.parse((await receiver.handle(first!)).body)).toEqual({ reply: 're: first text' });
    expect(JSON.parse((await receiver.handle(second!)).body)).toEqual({ reply: 're: second text' });
    expect(handler).toHaveBeenCalledTimes(2);
    expect(JSON.parse((await receiver.handle(second!)).body)).toEqual({ reply: 're: second text' });
    expect(JSON.parse((await receiver.handle(first!)).body)).toEqual({ reply: 're: first text' });
    expect(handler).toHaveBeenCalledTimes(2);

    const warnings = lines.filter((line) =>
      line.message.includes('delivery key reused with different content'),
    );
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]).toMatchObject({
      level: 'warn',
      fields: { provider: 'onebot', key: `onebot:message:10001000:group:333:${SHARED_ID}` },
    });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('first text');
    expect(logged).not.toContain('second text');
  });

  it('does not make a different body wait for, or share, the run in flight under its key', async () => {
    const slow = gate();
    const calls: string[] = [];
    const receiver = createReceiver(provider).on('message', async (event) => {
      calls.push(event.raw_message);
      if (event.raw_message === 'first text') await slow.opened;
      return echo(event);
    });
    const [first, second] = sameChat.map((event) => onebotRequest(event, 'secret'));
    const firstAnswer = receiver.handle(first!);
    await vi.waitFor(() => expect(calls).toEqual(['first text']));
    // Answered while the first is still blocked: it did not wait for it.
    expect(JSON.parse((await receiver.handle(second!)).body)).toEqual({ reply: 're: second text' });
    slow.open();
    expect(JSON.parse((await firstAnswer).body)).toEqual({ reply: 're: first text' });
    expect(calls).toEqual(['first text', 'second text']);
  });

  it('still makes a true retry (identical bytes) wait for the run in flight and share its answer', async () => {
    const slow = gate();
    const handler = vi.fn(async (event: { raw_message: string }) => {
      await slow.opened;
      return echo(event);
    });
    const receiver = createReceiver(provider).on('message', handler);
    const request = onebotRequest(sameChat[0], 'secret');
    const answers = Promise.all([receiver.handle(request), receiver.handle(request)]);
    await vi.waitFor(() => expect(handler).toHaveBeenCalledTimes(1));
    slow.open();
    const [one, two] = await answers;
    expect(two).toEqual(one);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('runs each of them in ack-first mode too', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(provider, { mode: 'ack-first' }).on('message', handler);
    for (const event of [...sameChat, ...sameChat]) {
      expect((await receiver.handle(onebotRequest(event, 'secret'))).status).toBe(204);
    }
    await receiver.close();
    expect(handler.mock.calls.map(([event]) => event.raw_message)).toEqual(['first text', 'second text']);
  });

  it('enqueues each of them once in inbox mode', async () => {
    const stored: InboxDelivery[] = [];
    const inbox: Inbox = {
      async enqueue(delivery) {
        stored.push(delivery);
      },
    };
    const receiver = createReceiver(provider, { inbox });
    for (const event of [...sameChat, ...sameChat, ...threeChats, ...threeChats]) {
      expect((await receiver.handle(onebotRequest(event, 'secret'))).status).toBe(204);
    }
    expect(stored.map((one) => (one.payload as { raw_message: string }).raw_message)).toEqual([
      'first text',
      'second text',
      ...threeChats.map((event) => event.raw_message),
    ]);
  });
});

describe('memoryDedupeStore() keeps the body digest with each record', () => {
  it('reports the digest a key was claimed with, in flight and done', async () => {
    const store = memoryDedupeStore();
    const claim = await store.claim('k', 1000, 'digest-a');
    if (claim.state !== 'claimed') throw new Error('expected a claim');
    expect(await store.claim('k', 1000, 'digest-b')).toEqual({ state: 'in-flight', digest: 'digest-a' });
    await store.complete('k', claim.token, { status: 200, headers: {}, body: 'a' });
    expect(await store.claim('k', 1000, 'digest-b')).toEqual({
      state: 'done',
      response: { status: 200, headers: {}, body: 'a' },
      digest: 'digest-a',
    });
  });

  it('keeps working for callers that give no digest', async () => {
    const store = memoryDedupeStore();
    const claim = await store.claim('k', 1000);
    if (claim.state !== 'claimed') throw new Error('expected a claim');
    expect(await store.claim('k', 1000)).toEqual({ state: 'in-flight' });
  });
});
