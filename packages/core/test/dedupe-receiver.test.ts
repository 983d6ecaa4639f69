import { createReceiver, memoryDedupeStore, onebot } from '@hookguard/core';
import { napcatGroupMessage, onebotFixtures, onebotRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const provider = onebot({ secret: 'secret' });
/** A group message whose delivery key is `message:<self_id>:<id>`. */
const message = (message_id: number, text = 'ping') =>
  onebotRequest({ ...napcatGroupMessage, message_id, raw_message: text }, 'secret');

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('dedupe in the receiver', () => {
  it('runs concurrent duplicates once and gives every one the first answer', async () => {
    const release = gate();
    const handler = vi.fn(async () => {
      await release.opened;
      return { reply: 'pong' };
    });
    const receiver = createReceiver(provider).on('message.group', handler);
    const answers = Promise.all([
      receiver.handle(message(1)),
      receiver.handle(message(1)),
      receiver.handle(message(1)),
    ]);
    await vi.waitFor(() => expect(handler).toHaveBeenCalledTimes(1));
    release.open();
    const [first, second, third] = await answers;
    expect(handler).toHaveBeenCalledTimes(1);
    expect(first).toMatchObject({ status: 200 });
    expect(JSON.parse(first!.body)).toEqual({ reply: 'pong' });
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('gives a retry of a succeeded delivery the first answer without running the handler', async () => {
    let calls = 0;
    const receiver = createReceiver(provider).on('message.group', () => ({ reply: `run ${++calls}` }));
    const first = await receiver.handle(message(2));
    const retry = await receiver.handle(message(2));
    expect(JSON.parse(retry.body)).toEqual({ reply: 'run 1' });
    expect(retry).toEqual(first);
    expect(calls).toBe(1);
  });

  it('runs the retry of a failed delivery again (dedupe remembers success only)', async () => {
    let calls = 0;
    const onError = vi.fn();
    const receiver = createReceiver(provider, { onError }).on('message.group', () => {
      calls++;
      if (calls === 1) throw new Error('database down');
      return { reply: 'ok now' };
    });
    const failed = await receiver.handle(message(3));
    expect(failed.status).toBe(500);
    expect(onError).toHaveBeenCalledTimes(1);
    const retried = await receiver.handle(message(3));
    expect(JSON.parse(retried.body)).toEqual({ reply: 'ok now' });
    const again = await receiver.handle(message(3));
    expect(again).toEqual(retried);
    expect(calls).toBe(2);
  });

  it('lets a waiting duplicate take over when the first run fails, so the delivery still happens', async () => {
    const release = gate();
    let calls = 0;
    const receiver = createReceiver(provider).on('message.group', async () => {
      calls++;
      if (calls === 1) {
        await release.opened;
        throw new Error('first attempt failed');
      }
      return { reply: 'second attempt' };
    });
    const first = receiver.handle(message(4));
    await vi.waitFor(() => expect(calls).toBe(1));
    const duplicate = receiver.handle(message(4));
    release.open();
    expect((await first).status).toBe(500);
    expect(JSON.parse((await duplicate).body)).toEqual({ reply: 'second attempt' });
    expect(calls).toBe(2);
  });

  it('answers 503 with Retry-After when the first run outlasts the duplicate wait', async () => {
    const release = gate();
    const receiver = createReceiver(provider, { dedupe: { waitMs: 50 } }).on('message.group', async () => {
      await release.opened;
      return { reply: 'slow' };
    });
    const first = receiver.handle(message(5));
    const duplicate = await receiver.handle(message(5));
    expect(duplicate.status).toBe(503);
    expect(duplicate.headers['retry-after']).toBe('5');
    expect(JSON.parse(duplicate.body)).toEqual({
      error: { code: 'DELIVERY_IN_PROGRESS', message: 'This delivery is still being processed; retry later' },
    });
    release.open();
    expect(JSON.parse((await first).body)).toEqual({ reply: 'slow' });
  });

  it('keeps deliveries of different providers apart even when their keys are equal', async () => {
    const store = memoryDedupeStore();
    const other = { ...onebot({ secret: 'secret' }), name: 'other-bot' };
    const handler = vi.fn(() => ({ reply: 'hi' }));
    await createReceiver(provider, { dedupe: store }).on('message', handler).handle(message(6));
    await createReceiver(other, { dedupe: store }).on('message', handler).handle(message(6));
    expect(handler).toHaveBeenCalledTimes(2);
    expect(store.size).toBe(2);
  });

  it('runs every delivery without a key (OneBot notices carry none), and stores nothing for them', async () => {
    const store = memoryDedupeStore();
    const handler = vi.fn();
    const receiver = createReceiver(provider, { dedupe: store }).on('notice', handler);
    const notice = onebotFixtures['notice.group_increase.approve'];
    await receiver.handle(onebotRequest(notice, 'secret'));
    await receiver.handle(onebotRequest(notice, 'secret'));
    expect(handler).toHaveBeenCalledTimes(2);
    expect(store.size).toBe(0);
  });

  it('can be turned off', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(provider, { dedupe: false }).on('message', handler);
    await receiver.handle(message(7));
    await receiver.handle(message(7));
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('honours the memory bound given as options', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(provider, { dedupe: { maxEntries: 2 } }).on('message', handler);
    for (const id of [10, 11, 12]) await receiver.handle(message(id));
    await receiver.handle(message(12));
    expect(handler).toHaveBeenCalledTimes(3);
    await receiver.handle(message(10)); // evicted: the oldest success goes first
    expect(handler).toHaveBeenCalledTimes(4);
  });

  it('rejects dedupe options that cannot work', () => {
    expect(() => createReceiver(provider, { dedupe: { leaseMs: 0 } })).toThrow(TypeError);
    expect(() => createReceiver(provider, { dedupe: { waitMs: -5 } })).toThrow(TypeError);
  });
});
