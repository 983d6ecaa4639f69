import { createReceiver, dingtalk, silentLogger } from '@hookguard/core';
import { dingtalkFixtures, signDingtalk } from '@hookguard/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wxBizMsgCrypt } from '../../packages/core/src/sender-toolkit/wx-biz-msg-crypt.js';
import { post, type RawResponse } from '../support/http.js';
import { adapters } from './adapters.js';

/**
 * DingTalk's event subscription over real HTTP through every adapter: the official check_url
 * push (DingCallbackCrypto3.py's `__main__` in https://github.com/open-dingtalk/DingTalk-Callback-Crypto),
 * every answer the encrypted `success` decrypted back with the same key and its signature
 * recomputed, typed events, retries encrypted afresh, and the refusals.
 */
const SAMPLE = {
  token: 'mryue',
  aesKey: 'Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7',
  appKey: 'ding6ccabc44d2c8d38b',
};
const CHECK_URL_ENCRYPT =
  '0vJiX6vliEpwG3U45CtXqi+m8PXbQRARJ8p8BbDuD1EMTDf0jKpQ79QS93qEk7XHpP6u+oTTrd15NRPvNvmBKyDCYxxOK+HZeKju4yhELOFchzNukR+t8SB/qk4ROMu3';
const CHECK_URL_BODY = JSON.stringify({ encrypt: CHECK_URL_ENCRYPT });
const CHECK_URL_SIGNATURE = '03044561471240d4a14bb09372dfcfd4fd0e40cb';
const JSON_TYPE = { 'content-type': 'application/json' };

const crypt = wxBizMsgCrypt({
  token: SAMPLE.token,
  encodingAESKey: SAMPLE.aesKey,
  receiveId: SAMPLE.appKey,
  label: 'test',
});

interface Answer {
  readonly msg_signature: string;
  readonly timeStamp: string;
  readonly nonce: string;
  readonly encrypt: string;
}

/** The answer as DingTalk reads it: exactly its four fields, the signature recomputed, decrypted. */
function openAnswer(response: RawResponse): { readonly answer: Answer; readonly message: string } {
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  const answer = response.json() as Answer;
  expect(Object.keys(answer).sort()).toEqual(['encrypt', 'msg_signature', 'nonce', 'timeStamp']);
  const parts = { timestamp: answer.timeStamp, nonce: answer.nonce, encrypt: answer.encrypt };
  expect(answer.msg_signature).toBe(crypt.signature(parts));
  const opened = crypt.decrypt(answer.encrypt);
  if (!opened.ok) throw opened.error;
  return { answer, message: opened.message };
}

function push(url: string, event: unknown, options: { readonly appKey?: string } = {}) {
  const signed = signDingtalk(JSON.stringify(event), { ...SAMPLE, ...options });
  const query = new URLSearchParams(signed.query as [string, string][]).toString();
  return post(`${url}/dingtalk?${query}`, signed.body, { headers: JSON_TYPE });
}

for (const adapter of adapters) {
  describe(`dingtalk() through ${adapter.name}`, () => {
    const seen: unknown[] = [];
    const receiver = createReceiver(dingtalk(SAMPLE), { logger: silentLogger })
      .on('user_add_org', (event, context) => {
        seen.push([event.EventType, event.UserId, context.meta.timestamp]);
      })
      .on('bpms_instance_change', (event) => {
        seen.push([event.EventType, event.processInstanceId]);
        return (event.title === 'reply' ? { msgtype: 'text' } : undefined) as never;
      })
      .on('unknown', (event) => {
        seen.push(['unknown', event.name]);
      });
    let server: Awaited<ReturnType<typeof adapter.serve>>;
    beforeAll(async () => {
      server = await adapter.serve(receiver, '/dingtalk');
    });
    afterAll(() => server.close());

    it('answers the official check_url push with success, encrypted afresh and signed, in either query spelling', async () => {
      seen.length = 0;
      const spellings = [
        `signature=${CHECK_URL_SIGNATURE}&timestamp=1608001896814&nonce=WL4PK6yA`,
        `msg_signature=${CHECK_URL_SIGNATURE}&timeStamp=1608001896814&nonce=WL4PK6yA`,
      ];
      const answers: Answer[] = [];
      for (const query of spellings) {
        const response = await post(`${server.url}/dingtalk?${query}`, CHECK_URL_BODY, {
          headers: JSON_TYPE,
        });
        const { answer, message } = openAnswer(response);
        expect(message).toBe('success');
        // Milliseconds, as DingTalk's own samples answer.
        expect(answer.timeStamp).toMatch(/^\d{13}$/);
        answers.push(answer);
      }
      // Fresh random bytes and nonce each time: no two answers are the same bytes.
      expect(answers[0]!.encrypt).not.toBe(answers[1]!.encrypt);
      expect(answers[0]!.nonce).not.toBe(answers[1]!.nonce);
      expect(seen).toEqual([]);
    });

    it('types an event by EventType, answers it with the encrypted success, and dedupes a retry encrypted afresh', async () => {
      seen.length = 0;
      const event = { ...dingtalkFixtures['user_add_org'], TimeStamp: '1700000000123' };
      for (let attempt = 0; attempt < 2; attempt++) {
        const { message } = openAnswer(await push(server.url, event));
        expect(message).toBe('success');
      }
      expect(seen).toEqual([
        ['user_add_org', ['manager4220', '0346051246941567'], expect.stringMatching(/^\d{13}$/)],
      ]);
      // Another event (another TimeStamp) is another delivery.
      await push(server.url, { ...event, TimeStamp: '1700000000124' });
      expect(seen).toHaveLength(2);
    });

    it('gives an EventType it has no schema for to unknown handlers, still answered with success', async () => {
      seen.length = 0;
      const { message } = openAnswer(await push(server.url, { EventType: 'label_user_change', CorpId: 'x' }));
      expect([message, seen]).toEqual(['success', [['unknown', 'label_user_change']]]);
    });

    it('refuses a handler reply: DingTalk reads only success (500)', async () => {
      const event = { ...dingtalkFixtures['bpms_instance_change'], title: 'reply' };
      const response = await push(server.url, event);
      expect([response.status, response.json()]).toMatchObject([500, { error: { code: 'INVALID_REPLY' } }]);
    });

    it('refuses a wrong or missing signature, another AppKey and bad ciphertext before any handler', async () => {
      seen.length = 0;
      const query = `timestamp=1608001896814&nonce=WL4PK6yA`;
      const wrong = await post(
        `${server.url}/dingtalk?signature=${'0'.repeat(40)}&${query}`,
        CHECK_URL_BODY,
        {
          headers: JSON_TYPE,
        },
      );
      expect([wrong.status, wrong.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISMATCH' } }]);
      const tampered = CHECK_URL_BODY.replace('0vJi', '0vJj');
      const altered = await post(
        `${server.url}/dingtalk?signature=${CHECK_URL_SIGNATURE}&${query}`,
        tampered,
        {
          headers: JSON_TYPE,
        },
      );
      expect([altered.status, altered.json()]).toMatchObject([
        401,
        { error: { code: 'SIGNATURE_MISMATCH' } },
      ]);
      const missing = await post(`${server.url}/dingtalk?${query}`, CHECK_URL_BODY, { headers: JSON_TYPE });
      expect([missing.status, missing.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISSING' } }]);
      const plain = await post(
        `${server.url}/dingtalk?signature=${CHECK_URL_SIGNATURE}&${query}`,
        JSON.stringify(dingtalkFixtures['user_add_org']),
        { headers: JSON_TYPE },
      );
      expect([plain.status, plain.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISSING' } }]);

      const foreign = await push(server.url, dingtalkFixtures['user_add_org'], { appKey: 'dingotherapp' });
      expect([foreign.status, foreign.json()]).toMatchObject([401, { error: { code: 'SENDER_MISMATCH' } }]);

      // Signed correctly, but not whole AES blocks.
      const short = 'AAAA';
      const signature = crypt.signature({ timestamp: '1', nonce: '2', encrypt: short });
      const undecryptable = await post(
        `${server.url}/dingtalk?signature=${signature}&timestamp=1&nonce=2`,
        JSON.stringify({ encrypt: short }),
        { headers: JSON_TYPE },
      );
      expect([undecryptable.status, undecryptable.json()]).toMatchObject([
        400,
        { error: { code: 'DECRYPTION_FAILED' } },
      ]);
      expect(seen).toEqual([]);
    });

    it('refuses a signature, timestamp or nonce sent twice (401 SIGNATURE_MALFORMED), as every sender does', async () => {
      seen.length = 0;
      const signed = signDingtalk(JSON.stringify(dingtalkFixtures['user_add_org']), SAMPLE);
      const [signature, timestamp, nonce] = signed.query.map(([, value]) => value);
      // The authentic value first: a receiver reading the first copy would accept the request.
      const repeats = [
        `signature=${signature}&signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=${nonce}`,
        `msg_signature=${signature}&msg_signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=${nonce}`,
        `signature=${signature}&timestamp=${timestamp}&timestamp=1&nonce=${nonce}`,
        `signature=${signature}&timeStamp=${timestamp}&timeStamp=1&nonce=${nonce}`,
        `signature=${signature}&timestamp=${timestamp}&nonce=${nonce}&nonce=x`,
        // Both spellings at once are a repeat too: which one counts would be a guess.
        `signature=${signature}&msg_signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=${nonce}`,
        `signature=${signature}&timestamp=${timestamp}&timeStamp=1&nonce=${nonce}`,
      ];
      for (const query of repeats) {
        const response = await post(`${server.url}/dingtalk?${query}`, signed.body, { headers: JSON_TYPE });
        expect([query, response.status, response.json()]).toMatchObject([
          query,
          401,
          { error: { code: 'SIGNATURE_MALFORMED' } },
        ]);
      }
      expect(seen).toEqual([]);
    });

    it('accepts POST only: GET gets 405 with Allow', async () => {
      const response = await post(`${server.url}/dingtalk`, '', { method: 'GET' });
      expect([response.status, response.headers.allow]).toEqual([405, 'POST']);
    });
  });
}
