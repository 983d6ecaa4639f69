import { Readable } from 'node:stream';
import { createReceiver, github, type VerifyInput } from '@hookguard/core';
import { describe, expect, it } from 'vitest';
import { countBodySizedAllocations } from './micro/count-copies.js';
import { GITHUB_SECRET, githubRequest } from './payloads.js';

/** A 64 KiB delivery as a socket hands it over: 16 KiB chunks. */
function chunked(body: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < body.length; at += 16 * 1024) chunks.push(body.subarray(at, at + 16 * 1024));
  return chunks;
}

describe('the body is read once and never copied', () => {
  it('verify and decode receive the very bytes the read produced', async () => {
    const seen: Uint8Array[] = [];
    const base = github({ secret: GITHUB_SECRET });
    const receiver = createReceiver(
      {
        ...base,
        verify(input: VerifyInput) {
          seen.push(input.body);
          return base.verify(input);
        },
        decode(input: VerifyInput) {
          seen.push(input.body);
          return base.decode!(input);
        },
      },
      { dedupe: false },
    ).on('push', () => {});
    const request = githubRequest('64k');
    const head = { method: 'POST', url: '/hook', headers: request.headers };
    const answer = await receiver.handleStream(head, Readable.from(chunked(request.body)));
    expect(answer.status).toBe(204);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(Buffer.compare(seen[0]!, request.body)).toBe(0);
  });

  it('one body-sized buffer per request: the chunks joined once, nothing after', async () => {
    const receiver = createReceiver(github({ secret: GITHUB_SECRET }), { dedupe: false }).on(
      'push',
      () => {},
    );
    const request = githubRequest('64k');
    const head = { method: 'POST', url: '/hook', headers: request.headers };
    const run = () => receiver.handleStream(head, Readable.from(chunked(request.body)));
    await run();
    const copies = await countBodySizedAllocations(request.body.length, async () => {
      for (let index = 0; index < 10; index++) expect((await run()).status).toBe(204);
    });
    expect(copies).toBe(10);
  });

  it('the counter sees a copy when there is one', async () => {
    const body = githubRequest('64k').body;
    expect(await countBodySizedAllocations(body.length, async () => Buffer.from(body))).toBe(1);
    const halves = [body.subarray(0, body.length / 2), body.subarray(body.length / 2)];
    expect(await countBodySizedAllocations(body.length, async () => Buffer.concat(halves))).toBe(1);
    expect(await countBodySizedAllocations(body.length, async () => body.slice(0, 100))).toBe(0);
    expect(await countBodySizedAllocations(body.length, async () => new Uint8Array(body).slice())).toBe(1);
  });
});
