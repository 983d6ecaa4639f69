import { describe, expect, it } from 'vitest';
import type { Delivery } from '../src/listen/delivery.js';
import { createDeliveryStore } from '../src/listen/ui/store.js';
import { verdictOf } from '../src/listen/ui/verdict.js';
import { escapeBytes, prettyJson } from '../src/listen/ui/view.js';

/** A delivery as `receiveDelivery` builds it; only what the store and its filters read differs. */
function delivery(kind: 'verified' | 'refused' | 'unverified' | 'handshake', event?: string): Delivery {
  const refused = kind === 'refused';
  return {
    at: new Date(0),
    method: 'POST',
    url: '/hook',
    rawHeaders: [['Content-Type', 'application/json']],
    chunked: false,
    bytes: 2,
    bodyBase64: Buffer.from('{}').toString('base64'),
    verified: kind === 'verified' || kind === 'handshake',
    unverified: kind === 'unverified' ? 'no secret' : undefined,
    error: refused ? { code: 'SIGNATURE_MISMATCH', message: 'no match' } : undefined,
    handshake: kind === 'handshake',
    event: kind === 'handshake' ? undefined : event,
    known: true,
    payload: {},
    issues: [],
    response: { status: refused ? 401 : 200, headers: {}, body: '' },
    reading: { delivered: !refused, summary: 'done' },
  };
}

describe('the inspector store: the last --keep deliveries', () => {
  it('keeps at most `keep`, dropping the oldest first; a dropped one is gone', () => {
    const store = createDeliveryStore(3);
    for (let index = 0; index < 7; index++) store.add(delivery('verified', `e${index}`), index);
    expect(store.list().map((stored) => stored.id)).toEqual([5, 6, 7]);
    expect(store.list().map((stored) => stored.delivery.event)).toEqual(['e4', 'e5', 'e6']);
    expect(store.get(4)).toBeUndefined();
    expect(store.get(5)?.delivery.event).toBe('e4');
    expect(store.get(8)).toBeUndefined();
    expect(store.eventNames()).toEqual(['e4', 'e5', 'e6']);
  });

  it('holds each delivery once: the stored value is the one listen printed, not a copy', () => {
    const store = createDeliveryStore(2);
    const printed = delivery('verified', 'push');
    expect(store.add(printed, 3).delivery).toBe(printed);
    expect(store.get(1)?.ms).toBe(3);
  });

  it('filters by verdict and by event name, oldest first', () => {
    const store = createDeliveryStore(10);
    store.add(delivery('verified', 'push'), 1);
    store.add(delivery('refused', 'push'), 1);
    store.add(delivery('unverified', 'issues'), 1);
    store.add(delivery('handshake'), 1);
    store.add(delivery('verified', 'issues'), 1);
    const ids = (filter: Parameters<typeof store.list>[0]) => store.list(filter).map((stored) => stored.id);
    expect(ids({ verdict: 'verified' })).toEqual([1, 5]);
    expect(ids({ verdict: 'refused' })).toEqual([2]);
    expect(ids({ verdict: 'unverified' })).toEqual([3]);
    expect(ids({ verdict: 'handshake' })).toEqual([4]);
    expect(ids({ event: 'push' })).toEqual([1, 2]);
    expect(ids({ verdict: 'verified', event: 'issues' })).toEqual([5]);
    expect(ids({})).toEqual([1, 2, 3, 4, 5]);
  });

  it('tells each subscriber of each delivery added, until it unsubscribes', () => {
    const store = createDeliveryStore(2);
    const seen: number[] = [];
    const unsubscribe = store.subscribe((stored) => seen.push(stored.id));
    store.add(delivery('verified', 'a'), 1);
    unsubscribe();
    store.add(delivery('verified', 'b'), 1);
    expect(seen).toEqual([1]);
  });

  it('refuses a keep that is not a whole number of at least 1', () => {
    expect(() => createDeliveryStore(0)).toThrow(RangeError);
    expect(() => createDeliveryStore(1.5)).toThrow(RangeError);
  });

  it('the verdict is the one listen prints: a refused handshake is refused', () => {
    expect(verdictOf({ ...delivery('handshake'), verified: false })).toBe('refused');
    expect(verdictOf({ ...delivery('handshake'), verified: false, unverified: 'no secret' })).toBe(
      'handshake',
    );
  });
});

describe('the body as the page shows it', () => {
  it('raw: every byte that is not printable ASCII is visible as an escape, a backslash doubled', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"a":"é\\\t"}\r\n', 'utf8'),
      Buffer.from([0x00, 0xff]),
    ]);
    expect(escapeBytes(bytes)).toBe('\\xef\\xbb\\xbf{"a":"\\xc3\\xa9\\\\\\t"}\\r\\n\n\\x00\\xff');
  });

  it('pretty: JSON indented when it parses, nothing when it does not', () => {
    expect(prettyJson(Buffer.from('{"a":[1]}'))).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson(Buffer.from('a=1&b=2'))).toBeUndefined();
    expect(prettyJson(Buffer.from([0x7b, 0xff, 0x7d]))).toBeUndefined();
  });
});
