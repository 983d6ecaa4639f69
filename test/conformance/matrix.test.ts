import { createReceiver, matrix, silentLogger } from '@hookguard/core';
import { matrixFixtures, matrixJson, matrixPing } from '@hookguard/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, post } from '../support/http.js';
import { adapters } from './adapters.js';

/**
 * matrix() over real HTTP, mounted on a prefix as docs/senders.md shows for each framework: the
 * homeserver appends the spec's paths to the registration's URL, so one route answers them all.
 */
const TOKEN = 'hs-token-hs-token';
const text = matrixFixtures['m.room.message.m.text'];
const member = matrixFixtures['m.room.member'];
const typing = matrixFixtures['m.typing'];
const body = (value: unknown) => matrixJson(value);
const eventIdOf = (transaction: { events: object[] }) =>
  (transaction.events[0] as { event_id: string }).event_id;
const bearer = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))(
  'matrix() through %s',
  (_, adapter) => {
    const seen: { name: string; txnId: string | undefined; ephemeral: boolean; key: string | undefined }[] =
      [];
    let server: Listening;
    let base: string;
    beforeAll(async () => {
      const receiver = createReceiver(matrix({ hsToken: TOKEN }), { logger: silentLogger }).on(
        '*',
        (_event, context) => {
          seen.push({
            name: context.name,
            txnId: context.meta.txnId,
            ephemeral: context.meta.ephemeral,
            key: context.deliveryKey,
          });
        },
      );
      server = await adapter.serve(receiver, '/matrix', 'prefix');
      base = `${server.url}/matrix`;
    });
    afterAll(() => server.close());
    const put = (path: string, value: unknown, headers: Record<string, string> = bearer) =>
      post(`${base}${path}`, body(value), { method: 'PUT', headers });

    it('runs a transaction PUT to the v1 path, each event with the txnId, and answers 200 {}', async () => {
      seen.length = 0;
      const transaction = { events: [...text.events, ...member.events], ephemeral: typing.ephemeral };
      const response = await put('/_matrix/app/v1/transactions/txn%2F1', transaction);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({});
      expect(seen).toEqual([
        { name: 'm.room.message.m.text', txnId: 'txn/1', ephemeral: false, key: eventIdOf(text) },
        { name: 'm.room.member', txnId: 'txn/1', ephemeral: false, key: eventIdOf(member) },
        { name: 'm.typing', txnId: 'txn/1', ephemeral: true, key: 'txn/1:ephemeral:0' },
      ]);
    });

    it('answers a retried transaction 200 {} without running anything again', async () => {
      seen.length = 0;
      const transaction = { events: matrixFixtures['m.reaction'].events, ephemeral: typing.ephemeral };
      expect((await put('/_matrix/app/v1/transactions/retry-1', transaction)).status).toBe(200);
      const retried = await put('/_matrix/app/v1/transactions/retry-1', transaction);
      expect(retried.status).toBe(200);
      expect(retried.json()).toEqual({});
      expect(seen.map((one) => one.name)).toEqual(['m.reaction', 'm.typing']);
    });

    it('takes the legacy path and the legacy ?access_token=', async () => {
      seen.length = 0;
      const legacy = await post(
        `${base}/transactions/legacy-1?access_token=${TOKEN}`,
        body(matrixFixtures['m.room.name']),
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
        },
      );
      expect(legacy.status).toBe(200);
      expect(seen).toEqual([expect.objectContaining({ name: 'm.room.name', txnId: 'legacy-1' })]);
    });

    it('refuses a missing token 401 M_UNAUTHORIZED and a wrong one 403 M_FORBIDDEN, in Matrix error form', async () => {
      seen.length = 0;
      const missing = await put('/_matrix/app/v1/transactions/a', text, {
        'content-type': 'application/json',
      });
      expect(missing.status).toBe(401);
      expect(missing.json()).toEqual({ errcode: 'M_UNAUTHORIZED', error: expect.any(String) });
      const wrong = await put('/_matrix/app/v1/transactions/b', text, {
        ...bearer,
        authorization: 'Bearer guess',
      });
      expect(wrong.status).toBe(403);
      expect(wrong.json()).toEqual({ errcode: 'M_FORBIDDEN', error: expect.any(String) });
      // Both sent: both must match, whichever is wrong.
      const query = await post(`${base}/_matrix/app/v1/transactions/c?access_token=guess`, body(text), {
        method: 'PUT',
        headers: bearer,
      });
      expect(query.status).toBe(403);
      expect(query.json()).toMatchObject({ errcode: 'M_FORBIDDEN' });
      const header = await post(`${base}/_matrix/app/v1/transactions/d?access_token=${TOKEN}`, body(text), {
        method: 'PUT',
        headers: { ...bearer, authorization: 'Bearer guess' },
      });
      expect(header.status).toBe(403);
      expect(seen).toEqual([]);
    });

    it('answers the homeserver ping 200 {} with no handler', async () => {
      seen.length = 0;
      const ping = await post(`${base}/_matrix/app/v1/ping`, JSON.stringify(matrixPing), { headers: bearer });
      expect(ping.status).toBe(200);
      expect(ping.json()).toEqual({});
      expect(seen).toEqual([]);
    });

    it('answers every other application service path 404 M_UNRECOGNIZED, once the token is proved', async () => {
      seen.length = 0;
      for (const [method, path] of [
        ['GET', '/_matrix/app/v1/users/%40alice%3Aexample.org'],
        ['GET', '/_matrix/app/v1/rooms/%23room%3Aexample.org'],
        ['GET', '/_matrix/app/v1/thirdparty/protocol/irc'],
        ['POST', '/_matrix/app/v1/transactions/1'],
        ['PUT', '/_matrix/app/v1/rooms/x'],
      ] as const) {
        const response = await post(`${base}${path}`, method === 'GET' ? '' : '{}', {
          method,
          headers: bearer,
        });
        expect(response.status, path).toBe(404);
        expect(response.json(), path).toEqual({ errcode: 'M_UNRECOGNIZED', error: 'Unrecognized request' });
        const unsigned = await post(`${base}${path}`, method === 'GET' ? '' : '{}', { method });
        expect(unsigned.status, path).toBe(401);
      }
      expect(seen).toEqual([]);
    });

    it('answers a method no application service route takes 405 M_UNRECOGNIZED with Allow', async () => {
      const response = await post(`${base}/_matrix/app/v1/transactions/1`, '{}', {
        method: 'DELETE',
        headers: bearer,
      });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('PUT, POST, GET');
      expect(response.json()).toEqual({ errcode: 'M_UNRECOGNIZED', error: expect.any(String) });
    });
  },
);
