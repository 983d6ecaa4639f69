import { createReceiver, github, jsonResponse, memoryDedupeStore } from '@hookguard/core';
import { githubFixtures, githubRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const SECRET = 'deadline-secret';
const DEADLINE_MS = 30;

/** One GitHub delivery; a redelivery ("Redeliver" in GitHub's UI) repeats the same id and bytes. */
const delivery = (id: string) => githubRequest('push', githubFixtures.push, SECRET, { delivery: id });

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/**
 * A receiver whose first run outlives the deadline and then ends with `lateEnd` (throw, return an
 * unusable reply, or succeed); later runs succeed at once.
 */
function lateFirstRun(lateEnd: () => unknown) {
  const late = gate();
  const store = memoryDedupeStore();
  const onError = vi.fn();
  let calls = 0;
  const receiver = createReceiver(github({ secret: SECRET }), {
    deadlineMs: DEADLINE_MS,
    dedupe: store,
    onError,
  }).on('push', async () => {
    calls++;
    if (calls > 1) return undefined;
    await late.opened;
    return lateEnd() as undefined;
  });
  return { receiver, store, onError, finishLate: late.open, calls: () => calls };
}

describe('dedupe and a handler still running after the ack deadline', () => {
  it('forgets the fallback when the handler then throws, so the redelivery runs it again', async () => {
    const { receiver, store, onError, finishLate, calls } = lateFirstRun(() => {
      throw new Error('failed after the deadline');
    });
    expect((await receiver.handle(delivery('late-throw'))).status).toBe(202);
    // While the late work runs, a duplicate gets what the sender got and runs nothing.
    expect((await receiver.handle(delivery('late-throw'))).status).toBe(202);
    expect(calls()).toBe(1);
    finishLate();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(store.size).toBe(0));
    expect((await receiver.handle(delivery('late-throw'))).status).toBe(204);
    expect(calls()).toBe(2);
    // Now a success: remembered as usual.
    expect((await receiver.handle(delivery('late-throw'))).status).toBe(204);
    expect(calls()).toBe(2);
  });

  it('forgets the fallback when the late reply is one the sender cannot carry', async () => {
    const { receiver, store, onError, finishLate, calls } = lateFirstRun(() => ({ not: 'allowed' }));
    expect((await receiver.handle(delivery('late-bad-reply'))).status).toBe(202);
    finishLate();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(store.size).toBe(0));
    expect((await receiver.handle(delivery('late-bad-reply'))).status).toBe(204);
    expect(calls()).toBe(2);
  });

  it('keeps answering the fallback once the late handler succeeds', async () => {
    let lateDone = false;
    const { receiver, onError, finishLate, calls } = lateFirstRun(() => {
      lateDone = true;
      return undefined;
    });
    expect((await receiver.handle(delivery('late-success'))).status).toBe(202);
    finishLate();
    await vi.waitFor(() => expect(lateDone).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await receiver.handle(delivery('late-success'))).status).toBe(202);
    expect(calls()).toBe(1);
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('memoryDedupeStore().release() after complete', () => {
  it('forgets the success its own token stored', async () => {
    const store = memoryDedupeStore();
    const claim = await store.claim('k', 1000);
    if (claim.state !== 'claimed') throw new Error('expected a claim');
    await store.complete('k', claim.token, jsonResponse(202, {}));
    await store.release('k', claim.token);
    expect(store.size).toBe(0);
    expect((await store.claim('k', 1000)).state).toBe('claimed');
  });

  it('never erases a success written under another token', async () => {
    let now = 0;
    const store = memoryDedupeStore({ now: () => now });
    const stale = await store.claim('k', 10);
    if (stale.state !== 'claimed') throw new Error('expected a claim');
    now = 20; // the first owner's lease ran out; a retry takes the key over and succeeds
    const fresh = await store.claim('k', 1000);
    if (fresh.state !== 'claimed') throw new Error('expected the key to be free again');
    await store.complete('k', fresh.token, jsonResponse(200, { fresh: true }));
    await store.release('k', stale.token);
    await store.complete('k', stale.token, jsonResponse(200, { stale: true }));
    expect(await store.claim('k', 1000)).toEqual({
      state: 'done',
      response: jsonResponse(200, { fresh: true }),
    });
  });
});
