import { createReceiver, github } from '@hookguard/core';
import { githubFixtures, githubRequest } from '@hookguard/core/testing';
import { expressWebhook } from '@hookguard/express';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Listening, listen, post } from '../../../test/support/http.js';

const SECRET = 'gh-secret';
// Two of the `hooks` ranges GitHub publishes at https://api.github.com/meta.
const GITHUB_HOOKS = ['192.30.252.0/22', '2606:50c0::/32'];

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(allowFrom: readonly string[], trustProxy: string | false) {
  const handled = vi.fn();
  const receiver = createReceiver(github({ secret: SECRET, allowFrom })).on('push', (event, context) => {
    handled(event.ref, context.deliveryKey);
  });
  const app = express();
  app.set('trust proxy', trustProxy);
  app.post('/github', expressWebhook(receiver));
  server = await listen(app as unknown as Parameters<typeof listen>[0]);
  return { url: `${server.url}/github`, handled };
}

/** A real delivery as GitHub sends it, optionally through a proxy that adds X-Forwarded-For. */
function deliver(url: string, forwardedFor?: string) {
  const request = githubRequest('push', githubFixtures.push, SECRET, { delivery: `d-${Math.random()}` });
  const headers = { ...(request.headers as Record<string, string>) };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  return post(url, request.body, { headers });
}

describe('github() over real HTTP through expressWebhook(), with an address allowlist', () => {
  it('accepts a signed delivery from an allowed address (the loopback client, no proxy)', async () => {
    const { url, handled } = await serve(['127.0.0.0/8'], false);
    const response = await deliver(url);
    expect(response.status).toBe(204);
    expect(handled).toHaveBeenCalledWith('refs/heads/main', expect.stringMatching(/^d-/));
  });

  it('ignores X-Forwarded-For when Express does not trust the proxy, so a forged header gets nowhere', async () => {
    const { url, handled } = await serve(GITHUB_HOOKS, false);
    const response = await deliver(url, '192.30.252.10');
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'SOURCE_NOT_ALLOWED' } });
    expect(handled).not.toHaveBeenCalled();
  });

  it("uses the forwarded client address once 'trust proxy' trusts the proxy in front", async () => {
    const { url, handled } = await serve(GITHUB_HOOKS, 'loopback');
    expect((await deliver(url, '192.30.252.10')).status).toBe(204);
    expect((await deliver(url, '2606:50c0:8000::154')).status).toBe(204);
    expect(handled).toHaveBeenCalledTimes(2);
  });

  it('refuses a client outside the ranges behind a trusted proxy, before the signature is even checked', async () => {
    const { url, handled } = await serve(GITHUB_HOOKS, 'loopback');
    const response = await deliver(url, '203.0.113.9');
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'SOURCE_NOT_ALLOWED' } });
    expect(response.text).not.toContain('203.0.113.9');
    expect(handled).not.toHaveBeenCalled();
  });

  it('still demands the signature from an allowed address', async () => {
    const { url, handled } = await serve(['127.0.0.0/8'], false);
    const request = githubRequest('push', githubFixtures.push, 'wrong-secret');
    const response = await post(url, request.body, { headers: request.headers as Record<string, string> });
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
    expect(handled).not.toHaveBeenCalled();
  });
});
