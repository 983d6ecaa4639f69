import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { senders } from '@hookguard/cli';
import { afterEach, describe, expect, it } from 'vitest';
import { type Background, jsonLines, runCli, startCli } from './support/cli.js';

const exec = promisify(execFile);
let listener: Background | undefined;
afterEach(async () => {
  await listener?.stop();
  listener = undefined;
});

const secretOf = (name: string) => senders.find((sender) => sender.name === name)!.secret.demo;

describe('sign', () => {
  it('signs a file byte for byte as given, trailing newline included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hookguard-sign-'));
    const file = join(dir, 'event.json');
    const bytes = '{ "post_type": "meta_event", "self_id": 42 }\n';
    await writeFile(file, bytes);
    const run = await runCli(['sign', 'onebot', file, '--secret', 'tok', '--json']);
    expect(run.code).toBe(0);
    const signed = JSON.parse(run.stdout);
    expect(signed.body).toBe(bytes);
    expect(signed.headers).toEqual({
      'Content-Type': 'application/json',
      'x-self-id': '42',
      'x-signature': `sha1=${createHmac('sha1', 'tok').update(bytes).digest('hex')}`,
    });
    expect(signed.curl).toContain(`--data-binary @${file}`);
  });

  it("prints Tencent's proof as a query string, not headers", async () => {
    const run = await runCli(['sign', 'tencent-chat', 'State.StateChange', '--secret', 'xxxxyyyy']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^query\n {2}SdkAppid=\d+\n {2}CallbackCommand=State\.StateChange\n/m);
    expect(run.stdout).toMatch(/^ {2}Sign=[0-9a-f]{64}$/m);
    expect(run.stdout).toMatch(/^curl -X POST 'http:\/\/127\.0\.0\.1:8080\/tencent\?SdkAppid=/m);
  });

  it.each(senders.map((sender) => sender.name))(
    '%s: the printed curl line delivers a request the receiver verifies',
    async (name) => {
      const sender = senders.find((one) => one.name === name)!;
      listener = startCli(['listen', name, '--port', '0', '--secret', secretOf(name), '--json']);
      const [, url] = await listener.waitFor(/"listening":"([^"]+)"/);
      const signed = await runCli([
        'sign',
        name,
        sender.demo.showcase,
        '--secret',
        secretOf(name),
        '--url',
        `${url}${sender.path}`,
        '--json',
      ]);
      expect(signed.code).toBe(0);
      await exec('sh', ['-c', `${JSON.parse(signed.stdout).curl} --silent --show-error`]);
      await listener.waitFor(/"verified":/);
      await listener.stop();
      const [, delivery] = jsonLines(listener.stdout.text);
      expect(delivery).toMatchObject({ verified: true, event: sender.demo.showcase });
      // curl sends exactly the sender's headers: none of its own, chunked where the sender is.
      const headerNames = (delivery!['rawHeaders'] as [string, string][]).map(([header]) =>
        header.toLowerCase(),
      );
      expect(headerNames).not.toContain('accept');
      expect(delivery!['chunked']).toBe(name === 'onebot');
      listener = undefined;
    },
  );
});
