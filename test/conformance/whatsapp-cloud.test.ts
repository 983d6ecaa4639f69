import { createReceiver, silentLogger, whatsappCloud } from '@hookguard/core';
import {
  signWhatsappCloud,
  whatsappCloudDelivery,
  whatsappCloudFixtures,
  whatsappCloudJson,
} from '@hookguard/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, post } from '../support/http.js';
import { adapters } from './adapters.js';

/** whatsappCloud() over real HTTP: Meta's GET check, its escaped-unicode signatures, its batches. */
const APP_SECRET = 'meta-app-secret';
const VERIFY_TOKEN = 'my-verify-token';
const text = whatsappCloudFixtures['messages.text'];

const signedHeaders = (bytes: string | Uint8Array) => ({
  'content-type': 'application/json',
  'x-hub-signature-256': signWhatsappCloud(bytes, APP_SECRET),
});

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))(
  'whatsappCloud() through %s',
  (_, adapter) => {
    const seen: { name: string; key: string | undefined; meta: unknown; payload: unknown }[] = [];
    let server: Listening;
    let url: string;
    beforeAll(async () => {
      const receiver = createReceiver(whatsappCloud({ appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN }), {
        logger: silentLogger,
      }).on('*', (event, context) => {
        seen.push({ name: context.name, key: context.deliveryKey, meta: context.meta, payload: event });
      });
      server = await adapter.serve(receiver, '/whatsapp');
      url = `${server.url}/whatsapp`;
    });
    afterAll(() => server.close());

    const check = (query: Record<string, string>) =>
      post(`${url}?${new URLSearchParams(query)}`, '', { method: 'GET' });

    it("answers Meta's GET check 200 text/plain with the challenge exactly", async () => {
      const response = await check({
        'hub.mode': 'subscribe',
        'hub.challenge': '1158201444',
        'hub.verify_token': VERIFY_TOKEN,
      });
      expect(response.status).toBe(200);
      expect(response.text).toBe('1158201444');
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    });

    it('refuses a wrong or missing verify token 403, never echoing the challenge', async () => {
      for (const token of ['guess', undefined]) {
        const response = await check({
          'hub.mode': 'subscribe',
          'hub.challenge': '1158201444',
          ...(token === undefined ? {} : { 'hub.verify_token': token }),
        });
        expect(response.status, String(token)).toBe(403);
        expect(response.text).not.toContain('1158201444');
      }
    });

    it('accepts non-ASCII text sent as \\u escapes and signed as sent, and refuses a signature over re-serialised JSON', async () => {
      seen.length = 0;
      const wire = whatsappCloudJson(text);
      expect(wire).toContain('Gr\\u00fc\\u00df dich, sch\\u00f6n \\ud83e\\udd28');
      const accepted = await post(url, wire, { headers: signedHeaders(wire) });
      expect(accepted.status).toBe(200);
      expect(seen.map((one) => one.name)).toEqual(['messages.text']);
      expect((seen[0]!.payload as { text: { body: string } }).text.body).toBe('Grüß dich, schön \u{1F928}');
      // What a body parser hands on: the same JSON, re-serialised as UTF-8, signed over those bytes.
      const reserialised = JSON.stringify(JSON.parse(wire));
      const refused = await post(url, wire, { headers: signedHeaders(reserialised) });
      expect(refused.status).toBe(401);
      expect(refused.json()).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
      expect(seen).toHaveLength(1);
    });

    it('dispatches each change of a delivery on its own: messages by wamid, statuses by id and status, with the number and contact', async () => {
      seen.length = 0;
      const delivery = {
        object: 'whatsapp_business_account',
        entry: [
          ...whatsappCloudFixtures['messages.image'].entry,
          ...whatsappCloudFixtures['statuses.sent'].entry,
          ...whatsappCloudFixtures['statuses.delivered'].entry,
          ...whatsappCloudFixtures.message_template_status_update.entry,
        ],
      };
      const wire = whatsappCloudJson(delivery);
      expect((await post(url, wire, { headers: signedHeaders(wire) })).status).toBe(200);
      const [image, sent, delivered, template] = seen;
      expect(seen.map((one) => one.name)).toEqual([
        'messages.image',
        'statuses.sent',
        'statuses.delivered',
        'message_template_status_update',
      ]);
      const wamid = whatsappCloudFixtures['messages.image'].entry[0]!.changes[0] as {
        value: { messages: { id: string }[] };
      };
      expect(image!.key).toBe(wamid.value.messages[0]!.id);
      expect(image!.meta).toMatchObject({
        businessAccountId: '102290129340398',
        field: 'messages',
        phoneNumberId: '106540352242922',
        contact: { wa_id: '16505551234', profile: { name: 'Zoë Müller' } },
      });
      expect(sent!.key).toMatch(/:sent$/);
      expect(delivered!.key).toBe(sent!.key!.replace(/:sent$/, ':delivered'));
      expect(template!.key).toBeUndefined();
      // Meta retries the whole delivery: the events that ran are not run again.
      seen.length = 0;
      const again = whatsappCloudJson({ ...delivery, entry: delivery.entry.slice(0, 3) });
      expect((await post(url, again, { headers: signedHeaders(again) })).status).toBe(200);
      expect(seen).toEqual([]);
    });

    it('reads an empty change list as a delivery with nothing to run', async () => {
      seen.length = 0;
      const wire = whatsappCloudJson(whatsappCloudDelivery());
      expect((await post(url, wire, { headers: signedHeaders(wire) })).status).toBe(200);
      expect(seen).toEqual([]);
    });
  },
);
