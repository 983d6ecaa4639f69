import {
  createReceiver,
  type DedupeStore,
  type Inbox,
  onebot,
  type Provider,
  verify,
  type WebhookRequest,
} from '@hookguard/core';
import {
  napcatGroupMessage,
  onebotRequest,
  requestLine,
  type SenderKit,
  senderKits,
} from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../src/http/responses.js';

/**
 * A provider whose sender checks the endpoint with a signed `{"type":"ping"}` before delivering,
 * as Discord and QQ do: built on onebot() so the proof is a real one.
 */
const pinged: Provider = {
  ...(onebot({ secret: 'secret' }) as Provider),
  handshake: (payload) =>
    (payload as { type?: unknown }).type === 'ping' ? jsonResponse(200, { type: 'pong' }) : undefined,
};
const ping = { type: 'ping', message_id: 7 };

function spyStore(): DedupeStore & { claims: number } {
  const store = {
    claims: 0,
    claim: async () => {
      store.claims++;
      return { state: 'claimed' as const, token: 't' };
    },
    complete: async () => {},
    release: async () => {},
    waitForSettle: async () => {},
  };
  return store;
}

describe('a provider handshake', () => {
  for (const mode of ['reply', 'ack-first'] as const) {
    it(`is answered by the provider in ${mode} mode: no handler, no dedupe record`, async () => {
      const store = spyStore();
      const handler = vi.fn();
      const receiver = createReceiver(pinged, { mode, dedupe: { store } }).on('*', handler);
      const response = await receiver.handle(onebotRequest(ping, 'secret'));
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ type: 'pong' });
      expect(handler).not.toHaveBeenCalled();
      expect(store.claims).toBe(0);
      // An ordinary delivery on the same receiver still runs and claims.
      await receiver.handle(onebotRequest(napcatGroupMessage, 'secret'));
      expect(handler).toHaveBeenCalledTimes(1);
      expect(store.claims).toBe(1);
    });
  }

  it('is never enqueued on an inbox', async () => {
    const inbox: Inbox = { enqueue: vi.fn(async () => {}) };
    const receiver = createReceiver(pinged, { inbox });
    const response = await receiver.handle(onebotRequest(ping, 'secret'));
    expect(JSON.parse(response.body)).toEqual({ type: 'pong' });
    expect(inbox.enqueue).not.toHaveBeenCalled();
  });

  it('is verified first: a forged or unsigned handshake is refused with 401', async () => {
    const handshake = vi.spyOn(pinged, 'handshake');
    const receiver = createReceiver(pinged);
    const forged = await receiver.handle(onebotRequest(ping, 'other secret'));
    expect(forged.status).toBe(401);
    const { 'x-signature': _, ...unsigned } = onebotRequest(ping, 'secret').headers as Record<string, string>;
    const bare = await receiver.handle({ ...onebotRequest(ping, 'secret'), headers: unsigned });
    expect(bare.status).toBe(401);
    expect(handshake).not.toHaveBeenCalled();
    handshake.mockRestore();
  });
});

describe('verify() and handshakes, for every sender kit that declares some', () => {
  const withHandshakes = senderKits.filter((kit) => (kit.answers.handshakes ?? []).length > 0);

  it('covers the senders that check their endpoint', () => {
    expect(withHandshakes.map((kit) => kit.name)).toEqual(expect.arrayContaining(['discord', 'qq-bot']));
  });

  // A GET is answered only by a handshake: a kit that leaves its GET check out leaves it out of
  // the conformance, bad-input and fuzz matrices too. (Matrix's GETs are queries on paths of its
  // own below a prefix, answered by parse, not endpoint checks.)
  it('declares a GET check for every sender on one path whose provider takes a GET', () => {
    const takesGet = senderKits.filter(
      (kit) => kit.mount !== 'prefix' && kit.provider(kit.secret.demo).methods?.includes('GET'),
    );
    for (const kit of takesGet) {
      const methods = (kit.answers.handshakes ?? []).map(
        (form) =>
          kit.sign({
            body: kit.encode(form.event.payload),
            secret: kit.secret.demo,
            now: 0,
            event: form.event.name,
          }).method,
      );
      expect(methods, kit.name).toContain('GET');
    }
  });

  /** The kit's signed request, as `verify()` takes it. */
  function signed(kit: SenderKit, payload: unknown, event?: string): WebhookRequest {
    const now = Date.now();
    const request = kit.sign({ body: kit.encode(payload), secret: kit.secret.demo, now, event });
    return {
      // The sender's method and path where it has its own (Meta's GET check, Matrix's PUT).
      ...requestLine(request, kit.path),
      headers: Object.fromEntries(request.headers.map(([name, value]) => [name.toLowerCase(), value])),
      body: request.body,
    };
  }

  for (const kit of withHandshakes) {
    for (const form of kit.answers.handshakes ?? []) {
      it(`${kit.name}: ${form.name} comes back with the answer the provider gives it`, async () => {
        const result = await verify(
          kit.provider(kit.secret.demo),
          signed(kit, form.event.payload, form.event.name),
        );
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.handshake?.status).toBe(form.expect.status);
        if (form.expect.json !== undefined)
          expect(JSON.parse(result.handshake!.body)).toEqual(form.expect.json);
        if (form.expect.text !== undefined) expect(result.handshake!.body).toBe(form.expect.text);
        if (form.expect.opened !== undefined)
          expect(kit.openAnswer?.(result.handshake!.body)).toBe(form.expect.opened);
      });
    }
    it(`${kit.name}: an ordinary delivery has no handshake`, async () => {
      const { sample } = kit.answers;
      const result = await verify(kit.provider(kit.secret.demo), signed(kit, sample.payload, sample.name));
      expect(result).toMatchObject({ ok: true, event: { name: sample.name } });
      expect(result.ok && result.handshake).toBeUndefined();
    });
  }
});
