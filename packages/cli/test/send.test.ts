import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  githubFixtures,
  goJson,
  onebotFixtures,
  standardWebhooksFixtures,
  tencentChatFixtures,
  whatsappFixtures,
} from '@hookguard/core/testing';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { type Received, recordingServer, runCli } from './support/cli.js';

type Recorder = Awaited<ReturnType<typeof recordingServer>>;
let server: Recorder | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function record(answer?: Parameters<typeof recordingServer>[0]): Promise<Recorder> {
  server = await recordingServer(answer);
  return server;
}

const names = (received: Received) => received.rawHeaders.map(([name]) => name);
const header = (received: Received, name: string) => received.rawHeaders.find(([n]) => n === name)?.[1];
const hmacHex = (algorithm: string, key: string, body: Buffer) =>
  createHmac(algorithm, key).update(body).digest('hex');

describe('send puts each sender exact request on the wire', () => {
  it('NapCat: JSON.stringify body, chunked with no Content-Length, its header names, sha1 signature', async () => {
    const { url, received } = await record();
    const sent = await runCli([
      'send',
      'onebot',
      'onebot:notice.group_increase.approve',
      '--url',
      url,
      '--secret',
      'tok',
    ]);
    expect(sent.code).toBe(0);
    const [request] = received;
    expect(request!.body.toString()).toBe(JSON.stringify(onebotFixtures['notice.group_increase.approve']));
    expect(names(request!)).toEqual(expect.arrayContaining(['Content-Type', 'x-self-id', 'x-signature']));
    expect(request!.headers['transfer-encoding']).toBe('chunked');
    expect(request!.headers['content-length']).toBeUndefined();
    expect(request!.headers['user-agent']).toBeUndefined();
    expect(header(request!, 'x-self-id')).toBe('10001000');
    expect(header(request!, 'x-signature')).toBe(`sha1=${hmacHex('sha1', 'tok', request!.body)}`);
  });

  it('NapCat without a token sends no x-signature at all, and says it sends unsigned', async () => {
    const { url, received } = await record();
    const sent = await runCli(['send', 'onebot', 'meta_event.heartbeat', '--url', url]);
    expect(sent.code).toBe(0);
    expect(sent.stderr).toContain('unsigned');
    expect(received[0]!.headers['x-signature']).toBeUndefined();
  });

  it('NapCat reads the answer with JSON5 and acts only on the fields it implements', async () => {
    const { url } = await record(() => ({
      status: 200,
      body: "{reply: 'pong', at_sender: true, kick: true,}",
    }));
    const sent = await runCli(['send', 'onebot', 'message.group.normal', '--url', url, '--secret', 't']);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain('✓ NapCat: reply "pong", at_sender (ignores kick)');
  });

  it('NapCat cannot read a reply that is not JSON5: send exits 1', async () => {
    const { url } = await record(() => ({ status: 200, body: 'pong' }));
    const sent = await runCli([
      'send',
      'onebot',
      'message.group.normal',
      '--url',
      url,
      '--secret',
      't',
      '--json',
    ]);
    expect(sent.code).toBe(1);
    expect(JSON.parse(sent.stdout).reading.summary).toMatch(/^json5 cannot parse it/);
  });

  it('GOWA: Go encoding/json bytes with Content-Length, Go header names, sha256 signature', async () => {
    const { url, received } = await record();
    const sent = await runCli(['send', 'whatsapp', 'message', '--url', url, '--secret', 'gowa']);
    expect(sent.code).toBe(0);
    const [request] = received;
    expect(request!.body.toString()).toBe(goJson(whatsappFixtures.message));
    // Go escapes <, > and & in strings and sorts keys: what JSON.stringify would not write.
    expect(request!.body.toString()).toContain('Hello \\u003cb\\u003e \\u0026');
    expect(request!.headers['content-length']).toBe(String(request!.body.length));
    expect(request!.headers['transfer-encoding']).toBeUndefined();
    expect(names(request!)).toEqual(
      expect.arrayContaining(['User-Agent', 'Content-Type', 'X-Hub-Signature-256']),
    );
    expect(header(request!, 'User-Agent')).toBe('Go-http-client/1.1');
    expect(header(request!, 'X-Hub-Signature-256')).toBe(
      `sha256=${hmacHex('sha256', 'gowa', request!.body)}`,
    );
  });

  it('GOWA: a file is re-encoded as Go would (sorted keys), unless --raw', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hookguard-cli-'));
    const file = join(dir, 'event.json');
    await writeFile(file, '{\n  "event": "message",\n  "payload": {"z": 1, "a": "<&>"}\n}\n');
    const { url, received } = await record();
    expect((await runCli(['send', 'whatsapp', file, '--url', url, '--secret', 's'])).code).toBe(0);
    expect((await runCli(['send', 'whatsapp', file, '--url', url, '--secret', 's', '--raw'])).code).toBe(0);
    expect(received[0]!.body.toString()).toBe(
      '{"event":"message","payload":{"a":"\\u003c\\u0026\\u003e","z":1}}',
    );
    expect(received[1]!.body.toString()).toBe(
      '{\n  "event": "message",\n  "payload": {"z": 1, "a": "<&>"}\n}\n',
    );
  });

  it('GOWA counts only a 2xx; anything else means five attempts: send exits 1', async () => {
    const { url } = await record(() => ({ status: 500 }));
    const sent = await runCli(['send', 'whatsapp', 'message', '--url', url, '--secret', 's']);
    expect(sent.code).toBe(1);
    expect(sent.stdout).toContain('✗ GOWA: retries: 5 attempts in all');
  });

  it('Tencent: the proof in the query in Tencent order, Sign = sha256(token + RequestTime), no Content-Type', async () => {
    const { url, received } = await record(() => ({
      status: 200,
      body: '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":1}',
    }));
    const before = Math.floor(Date.now() / 1000);
    const sent = await runCli([
      'send',
      'tencent-chat',
      'Group.CallbackBeforeSendMsg',
      '--url',
      `${url}/im?x=1`,
      '--secret',
      'xxxxyyyy',
    ]);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain('✓ Tencent Cloud Chat: reject');
    const [request] = received;
    const query = new URL(request!.url, url).searchParams;
    expect([...query.keys()]).toEqual([
      'x',
      'SdkAppid',
      'CallbackCommand',
      'contenttype',
      'ClientIP',
      'OptPlatform',
      'Sign',
      'RequestTime',
    ]);
    expect(query.get('CallbackCommand')).toBe('Group.CallbackBeforeSendMsg');
    const requestTime = Number(query.get('RequestTime'));
    expect(requestTime - before).toBeGreaterThanOrEqual(0);
    expect(requestTime - before).toBeLessThan(5);
    expect(query.get('Sign')).toBe(createHash('sha256').update(`xxxxyyyy${requestTime}`).digest('hex'));
    expect(request!.headers['content-type']).toBeUndefined();
    expect(request!.body.toString()).toBe(JSON.stringify(tencentChatFixtures['Group.CallbackBeforeSendMsg']));
  });

  it('Tencent counts a 200 whose body is not JSON as a failure', async () => {
    const { url } = await record(() => ({ status: 200, body: 'OK' }));
    const sent = await runCli([
      'send',
      'tencent-chat',
      'C2C.CallbackBeforeSendMsg',
      '--url',
      url,
      '--secret',
      't',
    ]);
    expect(sent.code).toBe(1);
    expect(sent.stdout).toContain('failure (body is not JSON): the action goes ahead');
  });

  it('GitHub: X-GitHub-Event is the name before the action; both signature headers', async () => {
    const { url, received } = await record();
    const sent = await runCli([
      'send',
      'github',
      'issues.opened',
      '--url',
      url,
      '--secret',
      "It's a Secret to Everybody",
    ]);
    expect(sent.code).toBe(0);
    const [request] = received;
    expect(request!.body.toString()).toBe(JSON.stringify(githubFixtures['issues.opened']));
    expect(header(request!, 'X-GitHub-Event')).toBe('issues');
    expect(header(request!, 'X-GitHub-Delivery')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(header(request!, 'X-Hub-Signature-256')).toBe(
      `sha256=${hmacHex('sha256', "It's a Secret to Everybody", request!.body)}`,
    );
    expect(header(request!, 'X-Hub-Signature')).toBe(
      `sha1=${hmacHex('sha1', "It's a Secret to Everybody", request!.body)}`,
    );
    expect(header(request!, 'User-Agent')).toMatch(/^GitHub-Hookshot\//);
  });

  it('Standard Webhooks: the standardwebhooks package verifies what send signs', async () => {
    const secret = `whsec_${Buffer.from('a shared key of some length').toString('base64')}`;
    const { url, received } = await record();
    const sent = await runCli([
      'send',
      'standard-webhooks',
      'contact.created',
      '--url',
      url,
      '--secret',
      secret,
    ]);
    expect(sent.code).toBe(0);
    const [request] = received;
    const headers = Object.fromEntries(request!.rawHeaders);
    expect(new Webhook(secret).verify(request!.body.toString(), headers)).toEqual(
      standardWebhooksFixtures['contact.created'],
    );
  });

  it('hmac: --scheme describes the sender; a signature in the query, sha1', async () => {
    const { url, received } = await record();
    const scheme = JSON.stringify({ signature: { query: 'sig' }, algorithm: 'sha1' });
    const sent = await runCli(['send', 'hmac', '-', '--url', url, '--secret', 'k', '--scheme', scheme], {
      stdin: '{"hello":"world"}',
    });
    expect(sent.code).toBe(0);
    const [request] = received;
    const sig = new URL(request!.url, url).searchParams.get('sig');
    expect(sig).toBe(hmacHex('sha1', 'k', request!.body));
  });
});

describe('send for a token sender', () => {
  it('GitLab by default: the token itself in X-Gitlab-Token, the event in X-Gitlab-Event', async () => {
    const { url, received } = await record();
    expect((await runCli(['send', 'token', 'merge_request', '--url', url, '--secret', 'glpat'])).code).toBe(
      0,
    );
    expect(header(received[0]!, 'X-Gitlab-Token')).toBe('glpat');
    expect(header(received[0]!, 'X-Gitlab-Event')).toBe('Merge Request Hook');
  });

  it('--scheme moves it: a Bearer token in Authorization', async () => {
    const { url, received } = await record();
    const scheme = JSON.stringify({ header: 'Authorization', prefix: 'Bearer ' });
    const sent = await runCli(['send', 'token', '-', '--url', url, '--secret', 't0k', '--scheme', scheme], {
      stdin: '{}',
    });
    expect(sent.code).toBe(0);
    expect(header(received[0]!, 'Authorization')).toBe('Bearer t0k');
    expect(header(received[0]!, 'X-Gitlab-Token')).toBeUndefined();
  });
});

describe('send output', () => {
  it('prints the request, the status with its latency, the reply and the reading; --json for scripts', async () => {
    const { url } = await record(() => ({
      status: 200,
      body: '{"approve":true}',
      headers: { 'content-type': 'application/json' },
    }));
    const human = await runCli(['send', 'onebot', 'request.friend', '--url', url, '--secret', 's']);
    expect(human.stdout).toMatch(new RegExp(`^POST ${url} {2}onebot:request\\.friend as NapCat`, 'm'));
    expect(human.stdout).toMatch(/^200 OK {2}\d+(\.\d)? ms$/m);
    expect(human.stdout).toContain('✓ NapCat: approve');
    const json = await runCli(['send', 'onebot', 'request.friend', '--url', url, '--secret', 's', '--json']);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.response.status).toBe(200);
    expect(parsed.response.latencyMs).toBeGreaterThan(0);
    expect(parsed.reading).toEqual({ delivered: true, summary: 'approve', decoded: { approve: true } });
    expect(parsed.request.chunked).toBe(true);
  });
});
