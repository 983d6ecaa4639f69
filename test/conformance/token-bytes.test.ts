import { createReceiver, type ReceiverLike, token } from '@hookguard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../bad-input/wire.js';
import type { Listening } from '../support/http.js';
import { adapters } from './adapters.js';

/**
 * token() with a non-ASCII token, over real HTTP through every adapter. A header's bytes reach
 * us as a Latin-1 string of the raw bytes; senders write non-ASCII text as UTF-8 (Go, curl) or
 * Latin-1 (Node's http client, fetch, Python's http.client); a query value is percent-decoded UTF-8.
 */
const TOKEN = 'jeton-spécial-ü'; // every character fits Latin-1, so both kinds of sender can send it
const WIDE = 'token-€-🎉'; // only a UTF-8 sender can send this one in a header
const body = Buffer.from(JSON.stringify({ object_kind: 'push' }));

/** Writes a POST with exactly these header bytes (`encoding` is how the client encodes the text). */
function rawPost(
  target: string,
  headers: readonly [string, string][],
  encoding: 'utf8' | 'latin1',
): Uint8Array {
  const lines = [`POST ${target} HTTP/1.1`, 'host: 127.0.0.1', 'content-type: application/json'];
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  lines.push(`content-length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, encoding), body]);
}

/** Percent-encodes the Latin-1 bytes of the text, as a client that is not UTF-8 would. */
const latin1Percent = (text: string) =>
  [...Buffer.from(text, 'latin1')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

const cases: readonly (readonly [string, string, Uint8Array, number])[] = [
  ['a UTF-8 header (Go, curl)', 'header', rawPost('/hook', [['x-gitlab-token', TOKEN]], 'utf8'), 204],
  [
    'a Latin-1 header (Node, fetch, Python)',
    'header',
    rawPost('/hook', [['x-gitlab-token', TOKEN]], 'latin1'),
    204,
  ],
  ['a UTF-8 bearer header', 'bearer', rawPost('/hook', [['authorization', `Bearer ${TOKEN}`]], 'utf8'), 204],
  [
    'a Latin-1 bearer header',
    'bearer',
    rawPost('/hook', [['authorization', `Bearer ${TOKEN}`]], 'latin1'),
    204,
  ],
  ['a UTF-8 header beyond Latin-1', 'wide', rawPost('/hook', [['x-gitlab-token', WIDE]], 'utf8'), 204],
  ['another token, UTF-8', 'header', rawPost('/hook', [['x-gitlab-token', 'jeton-spécial-u']], 'utf8'), 401],
  [
    'another token, Latin-1',
    'header',
    rawPost('/hook', [['x-gitlab-token', 'jeton-spécial-ÿ']], 'latin1'),
    401,
  ],
  // The token's UTF-8 bytes read as Latin-1 text and sent again as UTF-8: not what any sender means.
  [
    'the UTF-8 bytes sent as Latin-1 text in UTF-8',
    'header',
    rawPost('/hook', [['x-gitlab-token', Buffer.from(TOKEN, 'utf8').toString('latin1')]], 'utf8'),
    401,
  ],
  [
    'a percent-encoded UTF-8 query',
    'query',
    rawPost(`/hook?token=${encodeURIComponent(TOKEN)}`, [], 'utf8'),
    204,
  ],
  [
    'a percent-encoded UTF-8 query beyond Latin-1',
    'wide-query',
    rawPost(`/hook?token=${encodeURIComponent(WIDE)}`, [], 'utf8'),
    204,
  ],
  // %FC is not UTF-8: it decodes to U+FFFD, which is not the token.
  [
    'a percent-encoded Latin-1 query',
    'query',
    rawPost(`/hook?token=${latin1Percent(TOKEN)}`, [], 'utf8'),
    401,
  ],
];

const providers = {
  header: () => token({ header: 'x-gitlab-token', secret: TOKEN }),
  bearer: () => token({ header: 'authorization', prefix: 'Bearer ', secret: TOKEN }),
  wide: () => token({ header: 'x-gitlab-token', secret: WIDE }),
  query: () => token({ query: 'token', secret: TOKEN }),
  'wide-query': () => token({ query: 'token', secret: WIDE }),
} as const;

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))(
  'a non-ASCII token() secret through %s',
  (_, adapter) => {
    let current: ReceiverLike | undefined;
    let server: Listening;
    beforeAll(async () => {
      server = await adapter.serve(
        {
          handle: (request) => current!.handle(request),
          handleStream: (head, stream, limits) => current!.handleStream(head, stream, limits),
          fetch: (request) => current!.fetch(request),
        },
        '/hook',
      );
    });
    afterAll(async () => {
      await server.close();
    });

    it.each(cases)('%s', async (_title, kind, request, status) => {
      let calls = 0;
      current = createReceiver(providers[kind as keyof typeof providers]()).on('*', () => {
        calls++;
      });
      const answer = await exchange(server.url, [request]);
      expect(answer.status, answer.text).toBe(status);
      expect(calls).toBe(status === 204 ? 1 : 0);
      expect(answer.text).not.toContain(TOKEN);
    });
  },
);
