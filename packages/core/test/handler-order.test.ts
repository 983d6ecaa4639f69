import { createReceiver, type Logger, onebot } from '@hookguard/core';
import { napcatGroupMessage, onebotRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

// Handlers may be plain functions or async ones, mixed on one event. The receiver answers
// synchronous handlers without a deadline timer; these tests pin that both kinds keep the same
// order, the same first-reply rule and the same failure handling.
const provider = onebot({ secret: 'secret' });
const request = () => onebotRequest(napcatGroupMessage, 'secret');
const replyOf = (response: { body: string }) => JSON.parse(response.body).reply;

function warnings(): Logger & { warned: string[] } {
  const warned: string[] = [];
  return { warned, debug() {}, info() {}, error() {}, warn: (message: string) => void warned.push(message) };
}

describe('handlers on one event, sync and async mixed', () => {
  it('runs them in registration order, each after the previous one finished', async () => {
    const order: string[] = [];
    const receiver = createReceiver(provider)
      .on('message', () => void order.push('sync 1'))
      .on('message.group', async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push('async 2');
      })
      .on('message.group.normal', () => void order.push('sync 3'))
      .on('*', async () => void order.push('async 4'));
    expect((await receiver.handle(request())).status).toBe(204);
    expect(order).toEqual(['sync 1', 'async 2', 'sync 3', 'async 4']);
  });

  it.each([
    ['sync then async', (r: string) => () => ({ reply: r }), (r: string) => async () => ({ reply: r })],
    ['async then sync', (r: string) => async () => ({ reply: r }), (r: string) => () => ({ reply: r })],
    ['sync then sync', (r: string) => () => ({ reply: r }), (r: string) => () => ({ reply: r })],
  ])('sends the first reply and warns about the second (%s)', async (_, first, second) => {
    const logger = warnings();
    const receiver = createReceiver(provider, { logger })
      .on('message', first('first'))
      .on('message', second('second'));
    const response = await receiver.handle(request());
    expect(response.status).toBe(200);
    expect(replyOf(response)).toBe('first');
    expect(logger.warned).toContain('a second handler returned a reply; only the first is sent');
  });

  it('takes the reply from a later handler when the earlier ones return nothing', async () => {
    const receiver = createReceiver(provider)
      .on('message', () => undefined)
      .on('message', async () => undefined)
      .on('message', () => ({ reply: 'third' }));
    expect(replyOf(await receiver.handle(request()))).toBe('third');
  });

  it('awaits a thenable that is not a native Promise', async () => {
    const receiver = createReceiver(provider).on('message', (() => ({
      // biome-ignore lint/suspicious/noThenProperty: a hand-made thenable is what this test is about
      then(resolve: (value: unknown) => void) {
        setTimeout(() => resolve({ reply: 'from a thenable' }), 1);
      },
    })) as never);
    expect(replyOf(await receiver.handle(request()))).toBe('from a thenable');
  });

  it.each([
    [
      'a synchronous throw',
      () => {
        throw new Error('boom');
      },
    ],
    [
      'an async rejection',
      async () => {
        throw new Error('boom');
      },
    ],
  ])('answers 500 and reports %s, and stops at the failing handler', async (_, failing) => {
    const onError = vi.fn();
    const after = vi.fn();
    const receiver = createReceiver(provider, { onError }).on('message', failing).on('message', after);
    const response = await receiver.handle(request());
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body).error.code).toBe('HANDLER_FAILED');
    expect(response.body).not.toContain('boom');
    expect(after).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0]![0] as Error).message).toBe('boom');
    expect(onError.mock.calls[0]![1]).toMatchObject({ name: 'message.group.normal', provider: 'onebot' });
  });

  it('fails a delivery whose synchronous handler returns a reply the event cannot carry', async () => {
    const onError = vi.fn();
    const receiver = createReceiver(provider, { onError }).on('message', (() => ({
      approve: true,
    })) as never);
    const response = await receiver.handle(request());
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body).error.code).toBe('INVALID_REPLY');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('gives a synchronous handler a context whose signal is live', async () => {
    let aborted: boolean | undefined;
    const receiver = createReceiver(provider).on('message', (_event, context) => {
      aborted = context.signal.aborted;
      expect(context.deliveryKey).toMatch(/^message:/);
      expect(context.meta.selfId).toBe(String(napcatGroupMessage.self_id));
    });
    await receiver.handle(request());
    expect(aborted).toBe(false);
  });

  it('lets close() wait for an async handler but not hang on synchronous ones', async () => {
    let release!: () => void;
    const receiver = createReceiver(provider)
      .on('message.group', () => undefined)
      .on('message', () => new Promise<void>((resolve) => (release = resolve)));
    const answer = receiver.handle(request());
    await new Promise((resolve) => setTimeout(resolve, 5));
    const closing = receiver.close({ timeoutMs: 2_000 });
    release();
    expect((await answer).status).toBe(204);
    expect(await closing).toMatchObject({ completed: 1, unfinished: 0 });

    const syncOnly = createReceiver(provider).on('message', () => undefined);
    expect((await syncOnly.handle(request())).status).toBe(204);
    expect(await syncOnly.close({ timeoutMs: 2_000 })).toMatchObject({ completed: 0, unfinished: 0 });
  });

  it('after the deadline, reports a failing handler through onError, aborts its signal, and close() waits for it', async () => {
    const onError = vi.fn();
    let signal: AbortSignal | undefined;
    const receiver = createReceiver(provider, { deadlineMs: 30, onError }).on(
      'message',
      async (_e, context) => {
        signal = context.signal;
        await new Promise((resolve) => setTimeout(resolve, 120));
        throw new Error('late failure');
      },
    );
    const response = await receiver.handle(request());
    expect(response.status).toBe(204);
    expect(signal?.aborted).toBe(true);
    expect(onError).not.toHaveBeenCalled();
    const report = await receiver.close({ timeoutMs: 2_000 });
    expect(report).toMatchObject({ unfinished: 0 });
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0]![0] as Error).message).toBe('late failure');
  });

  it('after the deadline, reports a late reply the event cannot carry instead of dropping it silently', async () => {
    const onError = vi.fn();
    const receiver = createReceiver(provider, { deadlineMs: 30, onError }).on('message', (async () => {
      await new Promise((resolve) => setTimeout(resolve, 80));
      return { approve: true };
    }) as never);
    expect((await receiver.handle(request())).status).toBe(204);
    await receiver.close({ timeoutMs: 2_000 });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(String((onError.mock.calls[0]![0] as Error).message)).not.toBe('');
  });
});
