import { jsonResponse, memoryDedupeStore } from '@hookguard/core';
import { describe, expect, it } from 'vitest';

const answer = (n: number) => jsonResponse(200, { n });

describe('memoryDedupeStore()', () => {
  it('claims a free key, then answers in-flight, then done with the stored response', async () => {
    const store = memoryDedupeStore();
    const first = await store.claim('onebot:1', 1000);
    expect(first.state).toBe('claimed');
    expect(await store.claim('onebot:1', 1000)).toEqual({ state: 'in-flight' });
    if (first.state !== 'claimed') throw new Error('unreachable');
    await store.complete('onebot:1', first.token, answer(1));
    expect(await store.claim('onebot:1', 1000)).toEqual({ state: 'done', response: answer(1) });
  });

  it('forgets a released claim, so the next claim runs it again', async () => {
    const store = memoryDedupeStore();
    const first = await store.claim('k', 1000);
    if (first.state !== 'claimed') throw new Error('expected a claim');
    await store.release('k', first.token);
    expect((await store.claim('k', 1000)).state).toBe('claimed');
  });

  it('stays within maxEntries under 100 000 distinct keys, keeping the newest', async () => {
    const maxEntries = 5000;
    const store = memoryDedupeStore({ maxEntries });
    let largest = 0;
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) {
      const claim = await store.claim(`key-${i}`, 60_000);
      if (claim.state !== 'claimed') throw new Error(`key-${i} should have been free`);
      largest = Math.max(largest, store.size);
      await store.complete(`key-${i}`, claim.token, answer(i));
      largest = Math.max(largest, store.size);
    }
    const perDelivery = (performance.now() - started) / 100_000;
    expect(largest).toBe(maxEntries);
    expect(store.size).toBe(maxEntries);
    expect(await store.claim('key-99999', 1000)).toEqual({ state: 'done', response: answer(99_999) });
    expect(await store.claim(`key-${100_000 - maxEntries}`, 1000)).toMatchObject({ state: 'done' });
    expect((await store.claim(`key-${99_999 - maxEntries}`, 1000)).state).toBe('claimed');
    // O(1) per operation: a scan of 5000 entries per call would cost milliseconds, not microseconds.
    expect(perDelivery).toBeLessThan(0.2);
  });

  it('forgets a success after ttlMs', async () => {
    let now = 1_000_000;
    const store = memoryDedupeStore({ ttlMs: 500, now: () => now });
    const claim = await store.claim('k', 1000);
    if (claim.state !== 'claimed') throw new Error('expected a claim');
    await store.complete('k', claim.token, answer(1));
    now += 499;
    expect((await store.claim('k', 1000)).state).toBe('done');
    now += 2;
    expect((await store.claim('k', 1000)).state).toBe('claimed');
  });

  it('expired successes leave the store on later claims, so an idle key costs nothing', async () => {
    let now = 0;
    const store = memoryDedupeStore({ ttlMs: 100, now: () => now });
    for (let i = 0; i < 50; i++) {
      const claim = await store.claim(`k${i}`, 1000);
      if (claim.state === 'claimed') await store.complete(`k${i}`, claim.token, answer(i));
    }
    expect(store.size).toBe(50);
    now = 101;
    await store.claim('fresh', 1000);
    expect(store.size).toBe(1);
  });

  it('frees a key whose owner never settled once the lease ends, and ignores the stale owner', async () => {
    let now = 0;
    const store = memoryDedupeStore({ now: () => now });
    const stale = await store.claim('k', 100);
    now = 150;
    const fresh = await store.claim('k', 100);
    if (stale.state !== 'claimed' || fresh.state !== 'claimed') throw new Error('expected two claims');
    await store.complete('k', stale.token, answer(1));
    expect(await store.claim('k', 100)).toEqual({ state: 'in-flight' });
    await store.complete('k', fresh.token, answer(2));
    expect(await store.claim('k', 100)).toEqual({ state: 'done', response: answer(2) });
  });

  it('wakes a waiting duplicate as soon as the owner settles', async () => {
    const store = memoryDedupeStore();
    const claim = await store.claim('k', 10_000);
    if (claim.state !== 'claimed') throw new Error('expected a claim');
    const started = Date.now();
    const waiting = store.waitForSettle('k', 5000);
    setTimeout(() => void store.complete('k', claim.token, answer(1)), 30);
    await waiting;
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await store.claim('k', 1000)).state).toBe('done');
  });

  it('refuses a new claim when every slot is a running delivery, instead of breaking its bound', async () => {
    const store = memoryDedupeStore({ maxEntries: 2 });
    await store.claim('a', 10_000);
    await store.claim('b', 10_000);
    await expect(store.claim('c', 10_000)).rejects.toThrow(/full/);
    expect(store.size).toBe(2);
  });

  it('rejects a bound that is not a positive number', () => {
    expect(() => memoryDedupeStore({ maxEntries: 0 })).toThrow(TypeError);
    expect(() => memoryDedupeStore({ ttlMs: -1 })).toThrow(TypeError);
  });
});
