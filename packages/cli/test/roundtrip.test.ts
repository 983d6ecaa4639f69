import { senders } from '@hookguard/cli';
import { errorBodyOf, type SenderKit as SenderProfile } from '@hookguard/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Background, jsonLines, runCli, startCli } from './support/cli.js';

let listener: Background | undefined;
afterEach(async () => {
  await listener?.stop();
  listener = undefined;
});

const senderNamed = (name: string) => senders.find((sender) => sender.name === name)!;
const secretOf = (name: string) => senderNamed(name).secret.demo;
/** Another secret in the form the sender takes (a whsec_ key, an Ed25519 seed, or any string). */
const wrongSecretOf = (name: string) => {
  const { fromBytes } = senderNamed(name).secret;
  return fromBytes?.(Buffer.from('someone else')) ?? 'someone-else';
};

async function listenFor(name: string): Promise<string> {
  listener = startCli(['listen', name, '--port', '0', '--secret', secretOf(name), '--json']);
  const [, url] = await listener.waitFor(/"listening":"([^"]+)"/);
  return url!;
}

/** The method a sender delivers with: POST, or its own (Matrix PUTs). */
function methodOf(sender: SenderProfile): string {
  return (
    sender.sign({ body: new Uint8Array(), secret: sender.secret.demo, now: 0, event: undefined }).method ??
    'POST'
  );
}

/** A wrong secret's answer: 401 SIGNATURE_MISMATCH, or the sender's own (Matrix: 403 M_FORBIDDEN). */
function forgedAnswerOf(sender: SenderProfile): { status: number; statusLine: string; code: string } {
  const status = sender.answers.forgedStatus ?? 401;
  const body = errorBodyOf(sender, 'SIGNATURE_MISMATCH', '') as { errcode?: string };
  return {
    status,
    statusLine: status === 403 ? '403 Forbidden' : '401 Unauthorized',
    code: body.errcode ?? 'SIGNATURE_MISMATCH',
  };
}

describe.each(senders.map((sender) => [sender.name, sender] as const))(
  'send → listen, %s',
  (name, sender) => {
    it('every fixture arrives verified, named as its fixture, with its typed payload', async () => {
      const url = `${await listenFor(name)}${sender.path}`;
      const fixtures = Object.keys(sender.fixtures);
      expect(fixtures.length).toBeGreaterThan(0);
      for (const fixture of fixtures) {
        const sent = await runCli(['send', name, fixture, '--url', url, '--secret', secretOf(name)]);
        expect(sent.stderr, fixture).toBe('');
        expect(sent.code, `${fixture}: ${sent.stdout}`).toBe(0);
      }
      await listener!.stop();
      const deliveries = jsonLines(listener!.stdout.text).slice(1);
      expect(deliveries.map((delivery) => delivery['event'])).toEqual(fixtures);
      for (const [index, delivery] of deliveries.entries()) {
        expect(delivery, fixtures[index]).toMatchObject({
          verified: true,
          known: true,
          method: methodOf(sender),
        });
        // The typed payload: zod may normalise values (Tencent's string EventTime), never drop a field.
        // A batched sender's fixture is a delivery of one event: the payload is that event.
        const body = sender.fixtures[fixtures[index]!];
        const fixture = (sender.batch?.eventsOf(body)?.[0] ?? body) as Record<string, unknown>;
        expect(Object.keys(delivery['payload'] as object)).toEqual(
          expect.arrayContaining(Object.keys(fixture)),
        );
      }
    });

    it('a delivery signed with another secret is refused, and send says the sender failed', async () => {
      const url = `${await listenFor(name)}${sender.path}`;
      const sent = await runCli([
        'send',
        name,
        sender.demo.showcase,
        '--url',
        url,
        '--secret',
        wrongSecretOf(name),
      ]);
      const { status, statusLine, code } = forgedAnswerOf(sender);
      expect(sent.code).toBe(1);
      expect(sent.stdout).toMatch(new RegExp(`^${statusLine}`, 'm'));
      expect(sent.stdout).toContain(code);
      await listener!.stop();
      const [delivery] = jsonLines(listener!.stdout.text).slice(1);
      expect(delivery).toMatchObject({
        verified: false,
        error: { code },
        response: { status },
        reading: { delivered: false },
      });
      expect(delivery?.['payload']).toBeUndefined();
    });
  },
);

describe('listen', () => {
  it('answers with --reply, and send reads it as NapCat does', async () => {
    listener = startCli([
      'listen',
      'onebot',
      '--port',
      '0',
      '--secret',
      's',
      '--reply',
      '{"reply":"pong","ban":true}',
    ]);
    const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
    const sent = await runCli([
      'send',
      'onebot',
      'message.group.normal',
      '--url',
      `${url}/onebot`,
      '--secret',
      's',
    ]);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain('{"reply":"pong","ban":true}');
    expect(sent.stdout).toContain('NapCat: reply "pong" (ignores ban)');
    await listener.waitFor(/reply 200/);
    expect(listener.stdout.text).toMatch(/✓ verified {2}message\.group\.normal/);
    // The headers as NapCat wrote them, letter case included, and how the body travelled.
    expect(listener.stdout.text).toMatch(/^ {2}x-signature: sha1=[0-9a-f]{40}$/m);
    expect(listener.stdout.text).toContain('chunked, no Content-Length');
    expect(listener.stdout.text).toContain('"raw_message": "[CQ:at,qq=10001000] hi"');
  });

  it('reports an authentic body no schema knows as an unknown event, not a refusal', async () => {
    listener = startCli(['listen', 'onebot', '--port', '0', '--secret', 's']);
    const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
    const body = JSON.stringify({ time: 1, self_id: 1, post_type: 'message', message_type: 'channel' });
    const sent = await runCli(['send', 'onebot', '-', '--url', url!, '--secret', 's'], { stdin: body });
    expect(sent.code).toBe(0);
    await listener.waitFor(/reply 204/);
    expect(listener.stdout.text).toContain('✓ verified  unknown event');
  });

  it('a GET is answered 405 and shown as refused', async () => {
    listener = startCli(['listen', 'whatsapp', '--port', '0', '--secret', 's']);
    const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
    const response = await fetch(`${url}/whatsapp`);
    expect(response.status).toBe(405);
    await listener.waitFor(/refused METHOD_NOT_ALLOWED/);
  });

  it('without --secret, GOWA listens with its default secret and says so', async () => {
    listener = startCli(['listen', 'whatsapp', '--port', '0']);
    const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
    expect(listener.stderr.text).toContain('using whatsapp\'s default "secret"');
    const sent = await runCli(['send', 'whatsapp', 'message', '--url', `${url}/whatsapp`]);
    expect(sent.code).toBe(0);
    await listener.waitFor(/✓ verified {2}message/);
  });
});

describe('listen --reply that the event cannot carry', () => {
  it('shows the delivery as verified and the 500 with the reason', async () => {
    listener = startCli(['listen', 'onebot', '--port', '0', '--secret', 's', '--reply', '{"approve":true}']);
    const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
    const sent = await runCli(['send', 'onebot', 'message.private.friend', '--url', url!, '--secret', 's']);
    expect(sent.code).toBe(1);
    await listener.waitFor(/INVALID_REPLY: /);
    expect(listener.stdout.text).toMatch(/✓ verified {2}message\.private\.friend/);
    expect(listener.stdout.text).toMatch(/reply 500 \{"error":\{"code":"INVALID_REPLY"/);
  });
});
