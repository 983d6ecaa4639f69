import { createReceiver, type Inbox, type InboxDelivery, onebot } from '@hookguard/core';
import { napcatGroupMessage, onebotRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const provider = onebot({ secret: 'secret' });
const message = (message_id: number) => onebotRequest({ ...napcatGroupMessage, message_id }, 'secret');

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** An inbox kept in an array: the smallest real implementation of the seam. */
function arrayInbox(): Inbox & { readonly stored: InboxDelivery[] } {
  const stored: InboxDelivery[] = [];
  return {
    stored,
    async enqueue(delivery) {
      stored.push(structuredClone(delivery));
    },
  };
}

describe('receiver.close()', () => {
  it('waits for in-flight handlers and refuses new requests with 503 meanwhile', async () => {
    const release = gate();
    let finished = false;
    const receiver = createReceiver(provider).on('message', async () => {
      await release.opened;
      finished = true;
      return { reply: 'done' };
    });
    const inFlight = receiver.handle(message(1));
    const closing = receiver.close({ timeoutMs: 5000 });
    const refused = await receiver.handle(message(2));
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(JSON.parse(refused.body).error.code).toBe('SHUTTING_DOWN');
    let closed = false;
    void closing.then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    release.open();
    expect(await closing).toEqual({ completed: 1, unfinished: 0, unfinishedDeliveries: [] });
    expect(finished).toBe(true);
    expect(JSON.parse((await inFlight).body)).toEqual({ reply: 'done' });
  });

  it('refuses over the Web fetch() path too', async () => {
    const receiver = createReceiver(provider);
    await receiver.close();
    const request = message(3);
    const response = await receiver.fetch(
      new Request('http://localhost/onebot', {
        method: 'POST',
        headers: request.headers as Record<string, string>,
        body: request.body,
      }),
    );
    expect(response.status).toBe(503);
  });

  it('reports what it could not finish and aborts those handlers', async () => {
    let signal: AbortSignal | undefined;
    const receiver = createReceiver(provider).on('message', (_event, context) => {
      signal = context.signal;
      return new Promise(() => {});
    });
    void receiver.handle(message(4));
    await vi.waitFor(() => expect(signal).toBeDefined());
    const report = await receiver.close({ timeoutMs: 50 });
    expect(report).toEqual({
      completed: 0,
      unfinished: 1,
      unfinishedDeliveries: [
        { event: 'message.group.normal', deliveryKey: 'message:10001000:group:114514:4' },
      ],
    });
    expect(signal?.aborted).toBe(true);
  });

  it('waits for background work that started after close was called', async () => {
    const release = gate();
    let finished = false;
    const receiver = createReceiver(provider, { deadlineMs: 20 }).on('message', async () => {
      await release.opened;
      finished = true;
    });
    const answer = receiver.handle(message(5));
    const closing = receiver.close({ timeoutMs: 5000 });
    expect((await answer).status).toBe(204); // the deadline fallback
    setTimeout(release.open, 50);
    expect((await closing).unfinished).toBe(0);
    expect(finished).toBe(true);
  });
});

describe("mode: 'ack-first'", () => {
  it("answers the provider's no-reply 2xx at once and runs the handler afterwards", async () => {
    const release = gate();
    let finished = false;
    const receiver = createReceiver(provider, { mode: 'ack-first' }).on('message', async () => {
      await release.opened;
      finished = true;
      return { reply: 'dropped: the answer has gone' };
    });
    const response = await receiver.handle(message(10));
    expect(response).toEqual({ status: 204, headers: {}, body: '' });
    expect(finished).toBe(false);
    release.open();
    await receiver.close();
    expect(finished).toBe(true);
  });

  it('reports a failing background handler and lets the retry run it again', async () => {
    const onError = vi.fn();
    let calls = 0;
    const receiver = createReceiver(provider, { mode: 'ack-first', onError }).on('message', () => {
      calls++;
      if (calls === 1) throw new Error('boom');
    });
    expect((await receiver.handle(message(11))).status).toBe(204);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect((onError.mock.calls[0]![0] as Error).message).toBe('boom');
    expect((await receiver.handle(message(11))).status).toBe(204);
    await receiver.close();
    expect(calls).toBe(2);
  });

  it('acks a concurrent duplicate at once without running the handler twice', async () => {
    const release = gate();
    const handler = vi.fn(async () => {
      await release.opened;
      return undefined;
    });
    const receiver = createReceiver(provider, { mode: 'ack-first' }).on('message', handler);
    expect((await receiver.handle(message(12))).status).toBe(204);
    expect((await receiver.handle(message(12))).status).toBe(204);
    release.open();
    await receiver.close();
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('deadlines', () => {
  const slowProvider = { ...provider, deadlineMs: 30 };
  const slowReply = async () => {
    await new Promise((resolve) => setTimeout(resolve, 120));
    return { reply: 'slow but sure' };
  };

  it("answers with the fallback once the provider's budget passes", async () => {
    const receiver = createReceiver(slowProvider).on('message.group', slowReply);
    expect((await receiver.handle(message(20))).status).toBe(204);
    await receiver.close();
  });

  it("lets the receiver's deadlineMs override the provider's budget", async () => {
    const receiver = createReceiver(slowProvider, { deadlineMs: 2000 }).on('message.group', slowReply);
    expect(JSON.parse((await receiver.handle(message(21))).body)).toEqual({ reply: 'slow but sure' });
  });
});

describe('inbox', () => {
  it('stores the verified delivery before answering, without credentials', async () => {
    const inbox = arrayInbox();
    const handler = vi.fn();
    const receiver = createReceiver(provider, { inbox }).on('message', handler);
    const response = await receiver.handle(message(30));
    expect(response.status).toBe(204);
    expect(handler).not.toHaveBeenCalled();
    expect(inbox.stored).toHaveLength(1);
    const [delivery] = inbox.stored;
    expect(delivery).toMatchObject({
      provider: 'onebot',
      name: 'message.group.normal',
      known: true,
      deliveryKey: 'message:10001000:group:114514:30',
      meta: { selfId: '10001000' },
      secretIndex: 0,
      headers: { 'x-self-id': '10001000', 'content-type': 'application/json' },
    });
    expect(delivery!.headers['x-signature']).toBeUndefined();
  });

  it('stores a duplicate once and answers it with the same ack', async () => {
    const inbox = arrayInbox();
    const receiver = createReceiver(provider, { inbox });
    const first = await receiver.handle(message(31));
    expect(await receiver.handle(message(31))).toEqual(first);
    expect(inbox.stored).toHaveLength(1);
  });

  it('answers 503 when the inbox cannot store, and stores the retry', async () => {
    let down = true;
    const stored: InboxDelivery[] = [];
    const receiver = createReceiver(provider, {
      inbox: {
        async enqueue(delivery) {
          if (down) throw new Error('connection refused');
          stored.push(delivery);
        },
      },
    });
    const refused = await receiver.handle(message(32));
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.code).toBe('STORE_UNAVAILABLE');
    down = false;
    expect((await receiver.handle(message(32))).status).toBe(204);
    expect(stored).toHaveLength(1);
  });

  it('runs the same handlers for a stored delivery through receiver.process()', async () => {
    const inbox = arrayInbox();
    const seen: unknown[] = [];
    const receiver = createReceiver(provider, { inbox }).on('message.group', (event, context) => {
      seen.push([event.message_id, context.meta.selfId, context.headers['x-self-id'], context.deliveryKey]);
    });
    await receiver.handle(message(33));
    await receiver.process(inbox.stored[0]!);
    expect(seen).toEqual([[33, '10001000', '10001000', 'message:10001000:group:114514:33']]);
  });

  it('rejects from process() when a handler throws, so the inbox retries', async () => {
    const inbox = arrayInbox();
    const onError = vi.fn();
    const receiver = createReceiver(provider, { inbox, onError }).on('message', () => {
      throw new Error('handler broke');
    });
    await receiver.handle(message(34));
    await expect(receiver.process(inbox.stored[0]!)).rejects.toMatchObject({ code: 'HANDLER_FAILED' });
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("refuses another provider's delivery and refuses work once closed", async () => {
    const inbox = arrayInbox();
    const receiver = createReceiver(provider, { inbox });
    await receiver.handle(message(35));
    const delivery = inbox.stored[0]!;
    await expect(receiver.process({ ...delivery, provider: 'whatsapp' })).rejects.toThrow(TypeError);
    await receiver.close();
    await expect(receiver.process(delivery)).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
  });

  it("refuses an inbox with mode 'reply': a worker's reply could never reach the sender", () => {
    expect(() => createReceiver(provider, { inbox: arrayInbox(), mode: 'reply' })).toThrow(/ack-first/);
  });
});
