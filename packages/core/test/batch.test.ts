import {
  createReceiver,
  type DedupeStore,
  type HandlerContext,
  type Inbox,
  type InboxDelivery,
  type LineMeta,
  line,
  memoryDedupeStore,
  silentLogger,
} from '@hookguard/core';
import { lineDelivery, lineFixtures, lineRequest, lineVerifyDelivery } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const SECRET = 'channel-secret';
const provider = () => line({ channelSecret: SECRET });
const [text] = lineFixtures['message.text'].events;
const [follow] = lineFixtures.follow.events;
const [postback] = lineFixtures.postback.events;
const idOf = (event: unknown) => (event as { webhookEventId: string }).webhookEventId;
/** The same event as LINE redelivers it: flagged, in a batch of its own. */
const redelivered = (event: object) => ({ ...event, deliveryContext: { isRedelivery: true } });
const send = (events: readonly object[]) => lineRequest(lineDelivery(...events), SECRET);

/** A receiver that records `<event name>:<webhookEventId>` per handler call, in order. */
function recording(options: Parameters<typeof createReceiver>[1] = {}) {
  const calls: string[] = [];
  const receiver = createReceiver(provider(), { logger: silentLogger, ...options }).on(
    '*',
    (event, context) => {
      calls.push(`${context.name}:${idOf(event)}`);
    },
  );
  return { receiver, calls };
}

function spyStore(): DedupeStore & { claims: string[] } {
  const inner = memoryDedupeStore();
  const claims: string[] = [];
  return {
    claims,
    claim: (key, leaseMs, digest) => {
      claims.push(key);
      return inner.claim(key, leaseMs, digest);
    },
    complete: (key, token, response) => inner.complete(key, token, response),
    release: (key, token) => inner.release(key, token),
    waitForSettle: (key, timeoutMs) => inner.waitForSettle(key, timeoutMs),
  };
}

describe('a batched delivery (line)', () => {
  it('dispatches each event to its own handlers, in order, typed by its own name', async () => {
    const seen: string[] = [];
    const receiver = createReceiver(provider(), { logger: silentLogger })
      .on('message.text', (event) => {
        seen.push(`text:${event.message.text}`);
      })
      .on('follow', (event) => {
        seen.push(`follow:${String(event.follow?.isUnblocked)}`);
      })
      .on('postback', (event) => {
        seen.push(`postback:${event.postback.data}`);
      });
    const response = await receiver.handle(send([text!, follow!, postback!]));
    expect(response).toEqual({ status: 200, headers: {}, body: '' });
    expect(seen).toEqual(['text:Hello, world \u{1F928}', 'follow:false', 'postback:action=buy&itemid=111']);
  });

  it('gives each handler its own event key and the delivery facts in meta', async () => {
    const contexts: HandlerContext<LineMeta>[] = [];
    const receiver = createReceiver(provider(), { logger: silentLogger }).on('*', (_event, context) => {
      contexts.push(context);
    });
    await receiver.handle(send([text!, redelivered(follow!)]));
    expect(contexts.map((context) => context.deliveryKey)).toEqual([idOf(text), idOf(follow)]);
    expect(contexts.map((context) => context.meta)).toEqual([
      { destination: lineVerifyDelivery.destination, isRedelivery: false },
      { destination: lineVerifyDelivery.destination, isRedelivery: true },
    ]);
  });

  it('answers 500 when one event fails, goes on with the rest, and on the retry runs only the failed one', async () => {
    const calls: string[] = [];
    let failing = true;
    const onError = vi.fn();
    const receiver = createReceiver(provider(), { logger: silentLogger, onError })
      .on('*', (_event, context) => {
        calls.push(context.name);
        if (context.name === 'follow' && failing) throw new Error('database down');
        return undefined;
      })
      .on('unknown', () => {});
    const delivery = send([text!, follow!, postback!]);
    const first = await receiver.handle(delivery);
    expect(first.status).toBe(500);
    expect(JSON.parse(first.body)).toEqual({
      error: { code: 'HANDLER_FAILED', message: 'The webhook handler failed' },
    });
    expect(calls).toEqual(['message.text', 'follow', 'postback']);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![1]).toMatchObject({ name: 'follow', deliveryKey: idOf(follow) });

    failing = false;
    const retry = await receiver.handle(delivery);
    expect(retry.status).toBe(200);
    expect(calls).toEqual(['message.text', 'follow', 'postback', 'follow']);
  });

  it('runs an event once across deliveries, even redelivered in another batch (dedupe per webhookEventId)', async () => {
    const { receiver, calls } = recording();
    expect((await receiver.handle(send([text!, follow!]))).status).toBe(200);
    expect((await receiver.handle(send([redelivered(follow!), postback!]))).status).toBe(200);
    expect((await receiver.handle(send([redelivered(text!)]))).status).toBe(200);
    expect(calls).toEqual([
      `message.text:${idOf(text)}`,
      `follow:${idOf(follow)}`,
      `postback:${idOf(postback)}`,
    ]);
  });

  it('runs every event again on a retry when dedupe is off', async () => {
    const { receiver, calls } = recording({ dedupe: false });
    await receiver.handle(send([text!, follow!]));
    await receiver.handle(send([text!, follow!]));
    expect(calls).toHaveLength(4);
  });

  it("answers the console's Verify (events: []) 200 with no handler, no dedupe claim, no inbox entry", async () => {
    const store = spyStore();
    const inbox: Inbox = { enqueue: vi.fn(async () => {}) };
    for (const options of [
      { dedupe: { store } },
      { mode: 'ack-first' as const, dedupe: { store } },
      { inbox },
    ]) {
      const { receiver, calls } = recording(options);
      const response = await receiver.handle(lineRequest(lineVerifyDelivery, SECRET));
      expect(response).toEqual({ status: 200, headers: {}, body: '' });
      expect(calls).toEqual([]);
    }
    expect(store.claims).toEqual([]);
    expect(inbox.enqueue).not.toHaveBeenCalled();
  });

  it('sends an event no schema knows to unknown handlers, beside the known ones', async () => {
    const names: string[] = [];
    const receiver = createReceiver(provider(), { logger: silentLogger })
      .on('*', (_event, context) => {
        names.push(context.name);
      })
      .on('unknown', (event) => {
        names.push(`unknown:${String(event.name)}`);
      });
    const hologram = {
      ...text!,
      webhookEventId: '01HGW2M5Z9ZK8Y6B3XQ4TPRHOL',
      message: { id: '9', type: 'hologram' },
    };
    await receiver.handle(send([hologram, follow!, 42 as unknown as object]));
    expect(names).toEqual(['unknown', 'unknown:message.hologram', 'follow', 'unknown', 'unknown:undefined']);
  });

  it('refuses a reply from a batched event: INVALID_REPLY, and the retry runs it again', async () => {
    let replies = 0;
    const receiver = createReceiver(provider(), { logger: silentLogger }).on('message.text', (() => {
      replies++;
      return { type: 'text', text: 'hi' };
    }) as never);
    const delivery = send([text!]);
    expect(JSON.parse((await receiver.handle(delivery)).body)).toMatchObject({
      error: { code: 'INVALID_REPLY' },
    });
    expect((await receiver.handle(delivery)).status).toBe(500);
    expect(replies).toBe(2);
  });

  it('applies the ack deadline to the whole delivery; the later events still run, and a late failure releases only its own event', async () => {
    const calls: string[] = [];
    const onError = vi.fn();
    const receiver = createReceiver(provider(), { logger: silentLogger, deadlineMs: 30, onError }).on(
      '*',
      async (_event, context) => {
        calls.push(context.name);
        await new Promise((resolve) => setTimeout(resolve, 25));
        if (context.name === 'postback') throw new Error('late failure');
      },
    );
    const delivery = send([text!, follow!, postback!]);
    const response = await receiver.handle(delivery);
    expect(response.status).toBe(200);
    // Answered at the deadline, before the third event began.
    expect(calls.length).toBeLessThan(3);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(calls).toEqual(['message.text', 'follow', 'postback']);
    // LINE's redelivery: the two that succeeded are remembered, the failed one runs again.
    await receiver.handle(delivery);
    await vi.waitFor(() => expect(calls).toHaveLength(4));
    expect(calls[3]).toBe('postback');
    await receiver.close({ timeoutMs: 1000 });
  });

  it('is waited for by close(), events not yet started included', async () => {
    const calls: string[] = [];
    const receiver = createReceiver(provider(), { logger: silentLogger, deadlineMs: 5 }).on(
      '*',
      async (_event, context) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        calls.push(context.name);
      },
    );
    expect((await receiver.handle(send([text!, follow!, postback!]))).status).toBe(200);
    const report = await receiver.close({ timeoutMs: 1000 });
    expect(report.unfinished).toBe(0);
    expect(calls).toEqual(['message.text', 'follow', 'postback']);
  });

  it('in ack-first mode answers at once and runs each event in the background, deduped on its own', async () => {
    const { receiver, calls } = recording({ mode: 'ack-first' });
    expect((await receiver.handle(send([text!, follow!]))).status).toBe(200);
    expect((await receiver.handle(send([redelivered(follow!), postback!]))).status).toBe(200);
    await receiver.close({ timeoutMs: 1000 });
    expect([...calls].sort()).toEqual(
      [`message.text:${idOf(text)}`, `follow:${idOf(follow)}`, `postback:${idOf(postback)}`].sort(),
    );
  });

  it('in ack-first mode runs a batch in order: an event starts after the one before it ended, failed or not', async () => {
    const log: string[] = [];
    let release: () => void = () => {};
    const firstMayEnd = new Promise<void>((resolve) => {
      release = resolve;
    });
    const onError = vi.fn();
    const receiver = createReceiver(provider(), { logger: silentLogger, mode: 'ack-first', onError }).on(
      '*',
      async (_event, context) => {
        log.push(`start:${context.name}`);
        if (context.name === 'message.text') await firstMayEnd;
        if (context.name === 'follow') throw new Error('follow handler failed');
        log.push(`end:${context.name}`);
      },
    );
    // The answer does not wait for the handlers: the first one has not ended yet.
    expect((await receiver.handle(send([text!, follow!, postback!]))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual(['start:message.text']);
    release();
    await receiver.close({ timeoutMs: 1000 });
    expect(log).toEqual([
      'start:message.text',
      'end:message.text',
      'start:follow',
      'start:postback',
      'end:postback',
    ]);
    expect(onError).toHaveBeenCalledOnce();
  });

  it('in ack-first mode, close() waits for the events after one already done whose claims were pending', async () => {
    const inner = memoryDedupeStore();
    // Every claim takes a while, as a shared store's round trip does.
    const slowStore: DedupeStore = {
      claim: async (key, leaseMs, digest) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return inner.claim(key, leaseMs, digest);
      },
      complete: (key, token, response) => inner.complete(key, token, response),
      release: (key, token) => inner.release(key, token),
      waitForSettle: (key, timeoutMs) => inner.waitForSettle(key, timeoutMs),
    };
    const { receiver, calls } = recording({ mode: 'ack-first', dedupe: { store: slowStore } });
    // The first event ran before; the redelivery regroups it with two new ones.
    await receiver.handle(send([text!]));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    const answered = receiver.handle(send([text!, follow!, postback!]));
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Closing while the first event's claim is pending: it comes back done, and nothing of this
    // delivery would be running at that moment if the later events were not held from the start.
    const report = await receiver.close({ timeoutMs: 2000 });
    const ranBeforeClosed = [...calls];
    expect((await answered).status).toBe(200);
    expect(report.unfinished).toBe(0);
    expect(ranBeforeClosed).toEqual([
      `message.text:${idOf(text)}`,
      `follow:${idOf(follow)}`,
      `postback:${idOf(postback)}`,
    ]);
  });

  it('with an inbox writes one entry per event, in order; after a refused write the retry writes only the rest', async () => {
    const stored: InboxDelivery[] = [];
    let refuse = 'follow';
    const inbox: Inbox = {
      enqueue: async (delivery) => {
        if (delivery.name === refuse) throw new Error('queue full');
        stored.push(delivery);
      },
    };
    const receiver = createReceiver(provider(), { logger: silentLogger, inbox });
    const delivery = send([text!, follow!, postback!]);
    const first = await receiver.handle(delivery);
    expect(first.status).toBe(503);
    expect(stored.map((entry) => entry.name)).toEqual(['message.text']);
    refuse = '';
    expect((await receiver.handle(delivery)).status).toBe(200);
    expect(stored.map((entry) => entry.name)).toEqual(['message.text', 'follow', 'postback']);
    expect(stored.map((entry) => entry.deliveryKey)).toEqual([idOf(text), idOf(follow), idOf(postback)]);
    // Each entry is one event, as a worker runs it; the proof is not stored.
    expect(stored[1]).toMatchObject({ provider: 'line', payload: { type: 'follow' } });
    expect(stored[1]!.headers['x-line-signature']).toBeUndefined();
    const worker = recording();
    for (const entry of stored) await worker.receiver.process(entry);
    expect(worker.calls).toEqual([
      `message.text:${idOf(text)}`,
      `follow:${idOf(follow)}`,
      `postback:${idOf(postback)}`,
    ]);
  });

  it('with an inbox is waited for by close() until every event is written', async () => {
    const stored: string[] = [];
    const inbox: Inbox = {
      enqueue: async (delivery) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        stored.push(delivery.name);
      },
    };
    const receiver = createReceiver(provider(), { logger: silentLogger, inbox });
    const answer = receiver.handle(send([text!, follow!, postback!]));
    await vi.waitFor(() => expect(stored).toHaveLength(1), { interval: 1 });
    const report = await receiver.close({ timeoutMs: 1000 });
    expect(stored).toEqual(['message.text', 'follow', 'postback']);
    expect(report.unfinished).toBe(0);
    expect((await answer).status).toBe(200);
  });
});
