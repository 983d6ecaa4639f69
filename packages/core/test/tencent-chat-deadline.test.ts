import { setTimeout as sleep } from 'node:timers/promises';
import { createReceiver, tencent, tencentChat } from '@hookguard/core';
import { tencentChatFixtures, tencentChatRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const TOKEN = 'deadline-token';
const request = (command: keyof typeof tencentChatFixtures) =>
  tencentChatRequest(tencentChatFixtures[command], { token: TOKEN });
const ALLOWED = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';

/** A handler that answers only after `ms`, and says when it finished. */
function slowHandler<T>(ms: number, answer: T) {
  let finish!: (aborted: boolean) => void;
  const finished = new Promise<boolean>((resolve) => {
    finish = resolve;
  });
  const handler = async (_event: unknown, context: { signal: AbortSignal }) => {
    await sleep(ms);
    finish(context.signal.aborted);
    return answer;
  };
  return { handler, finished };
}

describe('tencentChat() deadline', () => {
  it("answers a 3 s before-callback with the fallback (allow) at 1.5 s, before Tencent's 2 s, and the handler completes", async () => {
    const provider = tencentChat({ token: TOKEN });
    expect(provider.deadlineMs).toBe(1500);
    const onError = vi.fn();
    const { handler, finished } = slowHandler(3000, tencent.reject());
    const receiver = createReceiver(provider, { onError }).on('C2C.CallbackBeforeSendMsg', handler);
    const started = performance.now();
    const response = await receiver.handle(request('C2C.CallbackBeforeSendMsg'));
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(response.body).toBe(ALLOWED);
    expect(elapsed).toBeGreaterThanOrEqual(1490);
    // What matters is that Tencent still reads it: its timeout is 2 s. (A tighter bound only
    // measured how loaded the machine running the test was.)
    expect(elapsed).toBeLessThan(2000);
    // The handler goes on in the background, told through its signal that the answer has gone.
    expect(await finished).toBe(true);
    expect(onError).not.toHaveBeenCalled();
  }, 10_000);

  it('answers reject at the deadline when the user chose it, per command if a function is given', async () => {
    const receiver = createReceiver(
      tencentChat({
        token: TOKEN,
        deadlineMs: 50,
        onDeadline: (command) => (command === 'Group.CallbackBeforeCreateGroup' ? 'reject' : 'allow'),
      }),
    )
      .on('Group.CallbackBeforeCreateGroup', slowHandler(300, undefined).handler)
      .on('Group.CallbackBeforeSendMsg', slowHandler(300, undefined).handler);
    expect((await receiver.handle(request('Group.CallbackBeforeCreateGroup'))).body).toBe(
      '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":1}',
    );
    expect((await receiver.handle(request('Group.CallbackBeforeSendMsg'))).body).toBe(ALLOWED);
  });

  it('refuses every requested friend at the deadline under onDeadline: "reject"', async () => {
    const receiver = createReceiver(tencentChat({ token: TOKEN, deadlineMs: 50, onDeadline: 'reject' })).on(
      'Sns.CallbackPrevFriendAdd',
      slowHandler(300, undefined).handler,
    );
    const body = JSON.parse((await receiver.handle(request('Sns.CallbackPrevFriendAdd'))).body);
    expect(body.ErrorCode).toBe(0);
    expect(body.ResultItem).toEqual([
      { To_Account: 'id1', ResultCode: 38000, ResultInfo: '' },
      { To_Account: 'id2', ResultCode: 38000, ResultInfo: '' },
    ]);
  });

  it('takes the receiver’s deadlineMs over the provider’s, and acknowledges after-callbacks at it', async () => {
    const { handler, finished } = slowHandler(400, undefined);
    const receiver = createReceiver(tencentChat({ token: TOKEN }), { deadlineMs: 100 }).on('Group', handler);
    const started = performance.now();
    const response = await receiver.handle(request('Group.CallbackAfterSendMsg'));
    expect(performance.now() - started).toBeLessThan(300);
    expect(response.body).toBe('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}');
    await finished;
  });

  it('reports a handler that fails after the deadline to onError', async () => {
    const failure = new Error('database down');
    const reported = new Promise<unknown>((resolve) => {
      const receiver = createReceiver(tencentChat({ token: TOKEN, deadlineMs: 50 }), {
        onError: (error) => resolve(error),
      }).on('C2C.CallbackBeforeSendMsg', async () => {
        await sleep(150);
        throw failure;
      });
      void receiver.handle(request('C2C.CallbackBeforeSendMsg')).then((response) => {
        expect(response.body).toBe(ALLOWED);
      });
    });
    expect(await reported).toBe(failure);
  });

  it('answers a fast handler’s decision, not the fallback', async () => {
    const receiver = createReceiver(tencentChat({ token: TOKEN })).on(
      'C2C.CallbackBeforeSendMsg',
      async () => {
        await sleep(20);
        return tencent.discard();
      },
    );
    expect(JSON.parse((await receiver.handle(request('C2C.CallbackBeforeSendMsg'))).body).ErrorCode).toBe(2);
  });

  it('refuses a deadline that is not a positive number, and warns about one Tencent would not wait for', () => {
    expect(() => tencentChat({ token: TOKEN, deadlineMs: 0 })).toThrow(/deadlineMs/);
    expect(() => tencentChat({ token: TOKEN, deadlineMs: Number.NaN })).toThrow(/deadlineMs/);
    // @ts-expect-error only 'allow' or 'reject'
    expect(() => tencentChat({ token: TOKEN, onDeadline: 'discard' })).toThrow(/onDeadline/);
    expect(tencentChat({ token: TOKEN, deadlineMs: 2500 }).configWarnings).toEqual([
      expect.stringMatching(/2 s timeout/),
    ]);
    expect(tencentChat({ token: TOKEN }).configWarnings).toEqual([]);
  });
});
