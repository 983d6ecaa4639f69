import { createReceiver, type DedupeStore, matrix, silentLogger, slack } from '@hookguard/core';
import { matrixFixtures, matrixRequest, slackFixtures, slackRequest } from '@hookguard/core/testing';
import { describe, expect, it } from 'vitest';

/**
 * The 503s the receiver answers itself when its dedupe store or inbox fails (STORE_UNAVAILABLE)
 * are written like every other error: in the sender's own form where it has one, and never with
 * the headers a provider adds to failures of the delivery itself.
 */
const failingStore: DedupeStore = {
  claim: () => Promise.reject(new Error('connection refused')),
  complete: () => Promise.resolve(),
  release: () => Promise.resolve(),
  waitForSettle: () => Promise.resolve(),
};
const refusingInbox = { enqueue: () => Promise.reject(new Error('connection refused')) };

const HS_TOKEN = 'hs-token-for-tests';
const transaction = () => matrixRequest(matrixFixtures['m.room.message.m.text'], HS_TOKEN);
const MATRIX_503 = {
  errcode: 'M_UNKNOWN',
  error: 'The delivery store is unavailable; retry later',
};

describe('a failed dedupe store or inbox, answered in the sender form', () => {
  it('answers Matrix 503 {"errcode","error"} with Retry-After when the dedupe store fails', async () => {
    let ran = 0;
    const receiver = createReceiver(matrix({ hsToken: HS_TOKEN }), {
      dedupe: failingStore,
      logger: silentLogger,
    }).on('*', () => {
      ran++;
    });
    const answer = await receiver.handle(transaction());
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual(MATRIX_503);
    expect(answer.headers['retry-after']).toBe('5');
    expect(ran).toBe(0);
  });

  it('answers Matrix 503 in its form when the inbox cannot store the transaction', async () => {
    const receiver = createReceiver(matrix({ hsToken: HS_TOKEN }), {
      inbox: refusingInbox,
      logger: silentLogger,
    });
    const answer = await receiver.handle(transaction());
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual(MATRIX_503);
  });

  it("never adds Slack's X-Slack-No-Retry to a 503 that asks for the retry", async () => {
    const signingSecret = 'slack-signing-secret';
    const receiver = createReceiver(slack({ signingSecret, noRetry: true }), {
      dedupe: failingStore,
      logger: silentLogger,
    }).on('*', () => {});
    const answer = await receiver.handle(slackRequest(slackFixtures['event.message'], { signingSecret }));
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'STORE_UNAVAILABLE' } });
    expect(answer.headers['x-slack-no-retry']).toBeUndefined();
  });
});
