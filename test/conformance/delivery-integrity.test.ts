import { createReceiver, github, onebot } from '@hookguard/core';
import {
  githubFixtures,
  githubRequest,
  napcatGroupMessage,
  onebotStandardPrivateMessage,
  signOnebot,
} from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { post } from '../support/http.js';
import { failOnProcessCrash } from '../support/thrown-values.js';
import { adapters } from './adapters.js';

/**
 * Over real HTTP through every adapter: dedupe never answers one delivery with another's reply,
 * a thrown value that cannot be printed still gets 500 HANDLER_FAILED, and a handler failing
 * after the ack deadline is run again on redelivery.
 */
const SECRET = 'integrity-secret';
const SHARED_ID = 424242;
const threeChats = [
  { ...napcatGroupMessage, group_id: 111, message_id: SHARED_ID, raw_message: 'in group 111' },
  { ...napcatGroupMessage, group_id: 222, message_id: SHARED_ID, raw_message: 'in group 222' },
  { ...onebotStandardPrivateMessage, message_id: SHARED_ID, raw_message: 'in private' },
];

function postOneBot(url: string, event: unknown) {
  const body = JSON.stringify(event);
  return post(`${url}/onebot`, body, { headers: signOnebot(body, SECRET) });
}

function postGitHub(url: string, delivery: string) {
  const request = githubRequest('push', githubFixtures.push, SECRET, { delivery });
  return post(`${url}/github`, request.body, { headers: request.headers as Record<string, string> });
}

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))('%s', (_, adapter) => {
  failOnProcessCrash();

  it('answers three messages sharing a NapCat message_id each with its own reply, retries from the store', async () => {
    const handler = vi.fn((event: { raw_message: string }) => ({ reply: `re: ${event.raw_message}` }));
    const receiver = createReceiver(onebot({ secret: SECRET })).on('message', handler);
    const server = await adapter.serve(receiver, '/onebot');
    try {
      for (const round of [1, 2]) {
        for (const event of threeChats) {
          const answer = await postOneBot(server.url, event);
          expect(answer.status, `round ${round}`).toBe(200);
          expect(answer.json()).toEqual({ reply: `re: ${event.raw_message}` });
        }
      }
      expect(handler).toHaveBeenCalledTimes(3);
    } finally {
      await server.close();
    }
  });

  it('answers 500 HANDLER_FAILED for a thrown Object.create(null), calls onError, then serves the next request', async () => {
    const thrown = Object.create(null);
    const onError = vi.fn();
    let calls = 0;
    const receiver = createReceiver(onebot({ secret: SECRET }), { onError }).on('message', () => {
      if (++calls === 1) throw thrown;
      return { reply: 'fine' };
    });
    const server = await adapter.serve(receiver, '/onebot');
    try {
      const failed = await postOneBot(server.url, { ...napcatGroupMessage, message_id: 1 });
      expect(failed.status).toBe(500);
      expect(failed.json()).toMatchObject({ error: { code: 'HANDLER_FAILED' } });
      expect(onError.mock.calls[0]![0]).toBe(thrown);
      const next = await postOneBot(server.url, { ...napcatGroupMessage, message_id: 2 });
      expect(next.json()).toEqual({ reply: 'fine' });
    } finally {
      await server.close();
    }
  });

  it('runs a GitHub redelivery again when the handler failed after the deadline', async () => {
    const onError = vi.fn();
    let calls = 0;
    const receiver = createReceiver(github({ secret: SECRET }), { deadlineMs: 30, onError }).on(
      'push',
      async () => {
        if (++calls > 1) return;
        await new Promise((resolve) => setTimeout(resolve, 80));
        throw new Error('failed after the deadline');
      },
    );
    const server = await adapter.serve(receiver, '/github');
    try {
      expect((await postGitHub(server.url, 'redeliver')).status).toBe(202);
      await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
      // The claim is released just after onError; the redelivery may race it by a tick.
      await vi.waitFor(async () => {
        expect((await postGitHub(server.url, 'redeliver')).status).toBe(204);
      });
      expect(calls).toBe(2);
    } finally {
      await server.close();
    }
  });
});
