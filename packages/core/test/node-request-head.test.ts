import type { IncomingMessage } from 'node:http';
import { nodeRequestHead, type RequestHead } from '@hookguard/core/adapter';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange, head } from '../../../test/bad-input/wire.js';
import { type Listening, listen } from '../../../test/support/http.js';

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Sends exactly these header lines to a plain Node server and returns its request and the head built from it. */
async function headOf(lines: [string, string][]): Promise<{ request: IncomingMessage; head: RequestHead }> {
  let seen: { request: IncomingMessage; head: RequestHead } | undefined;
  server = await listen((request, response) => {
    seen = { request, head: nodeRequestHead(request) };
    response.end();
  });
  await exchange(server.url, [head('GET', '/hook', lines)]);
  return seen!;
}

describe('nodeRequestHead()', () => {
  it('reads every copy of a header Node keeps only once, joined as Fetch joins them', async () => {
    const { request, head } = await headOf([
      ['Authorization', 'Bearer first'],
      ['authorization', 'Bearer second'],
      ['x-signature', 'sha1=a'],
      ['X-Signature', 'sha1=b'],
    ]);
    // Node alone would answer "first wins" for Authorization.
    expect(request.headers.authorization).toBe('Bearer first');
    expect(head.headers['authorization']).toBe('Bearer first, Bearer second');
    expect(head.headers['x-signature']).toBe('sha1=a, sha1=b');
    expect(new Headers([...Object.entries(head.headers)] as [string, string][]).get('authorization')).toBe(
      new Headers([
        ['authorization', 'Bearer first'],
        ['authorization', 'Bearer second'],
      ]).get('authorization'),
    );
  });

  it('leaves the cookie header in the form Node gives it', async () => {
    const { head } = await headOf([
      ['cookie', 'a=1'],
      ['cookie', 'b=2'],
      ['authorization', 'x'],
      ['authorization', 'y'],
    ]);
    expect(head.headers['cookie']).toBe('a=1; b=2');
    expect(head.headers['authorization']).toBe('x, y');
  });

  it('passes the headers of a request without repeats through as Node built them (no copy)', async () => {
    const { request, head } = await headOf([
      ['authorization', 'Bearer only'],
      ['x-signature', 'sha1=a'],
    ]);
    expect(head.headers).toBe(request.headers);
  });
});
