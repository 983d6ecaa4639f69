import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebhookRequest } from '@hookguard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Background, jsonLines, runCli, startCli } from '../../packages/cli/test/support/cli.js';
import { CASE_NOW, mistakeCases } from './cases.js';

const folder = mkdtempSync(join(tmpdir(), 'hookguard-doctor-'));
let saved = 0;

/** The request as the line `hookguard listen --json` prints for it. */
function listenLine(request: WebhookRequest, at: number): string {
  const rawHeaders = Object.entries(request.headers).map(([name, value]) => [name, String(value)]);
  return JSON.stringify({
    at: new Date(at).toISOString(),
    method: request.method,
    url: request.url,
    rawHeaders,
    bodyBase64: Buffer.from(request.body).toString('base64'),
  });
}

function save(contents: string | Uint8Array): string {
  const file = join(folder, `request-${saved++}`);
  writeFileSync(file, contents);
  return file;
}

describe('hookguard doctor names each mistake, from a saved listen --json line', () => {
  it.each(mistakeCases)('%s', async (_name, example) => {
    const file = save(listenLine(example.request, example.receivedAt ?? CASE_NOW));
    const scheme = example.scheme ? ['--scheme', JSON.stringify(example.scheme)] : [];
    const secrets = example.secrets.flatMap((secret) => ['--secret', secret]);
    const run = await runCli(['doctor', example.provider, file, ...secrets, ...scheme]);
    const json = await runCli(['doctor', example.provider, file, ...secrets, ...scheme, '--json']);
    const diagnosis = JSON.parse(json.stdout) as { verdict: string; mistake?: string; message: string };
    if (example.mistake === undefined && example.says === undefined) {
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('✓ The request verifies: nothing to diagnose.\n');
      return;
    }
    expect(diagnosis.mistake).toBe(example.mistake);
    expect(run.code).toBe(example.mistake === undefined ? 1 : 0);
    expect(run.stdout).toMatch(/^✗ refused [A-Z_]+ {2}.+\n[→?] .+\n$/);
    expect(run.stdout).toMatch(example.says!);
    expect(run.stderr).toBe('');
    for (const secret of example.secrets) {
      if (/^x{3,4}y{3,4}$/.test(secret)) continue; // Tencent's public documentation tokens
      expect(run.stdout + json.stdout).not.toContain(secret.trim());
    }
  });
});

describe('hookguard doctor reads a raw HTTP request and refuses bad command lines', () => {
  const [, reserialised] = mistakeCases.find(([, c]) => c.mistake === 'body-reserialised')!;

  it('a raw HTTP/1.1 request, CRLF head, body bytes as they are', async () => {
    const { request } = reserialised;
    const head = [
      `POST ${request.url} HTTP/1.1`,
      ...Object.entries(request.headers).map(([name, value]) => `${name}: ${String(value)}`),
    ].join('\r\n');
    const file = save(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), request.body]));
    const run = await runCli(['doctor', 'github', file, '--at', String(CASE_NOW / 1000)], {
      env: { HOOKGUARD_SECRET: reserialised.secrets[0]! },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('JSON.stringify(JSON.parse(…))');
  });

  it('usage errors exit 2 with one line', async () => {
    const file = save('not a request');
    expect((await runCli(['doctor', 'github', file, '--secret', 's'])).code).toBe(2);
    expect((await runCli(['doctor', 'github'])).stderr).toContain('a request file');
    expect((await runCli(['doctor', 'github', file])).stderr).toContain('github needs --secret');
    expect((await runCli(['doctor', 'nosuch', file])).code).toBe(2);
  });
});

describe('listen prints the diagnosis under a refused delivery', () => {
  let listener: Background | undefined;
  afterEach(async () => {
    await listener?.stop();
    listener = undefined;
  });

  it('a listener whose secret has a trailing newline: the doctor says so, and --json carries it', async () => {
    listener = startCli(['listen', 'github', '--port', '0', '--secret', 'it is a secret\n']);
    const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
    const sent = await runCli([
      'send',
      'github',
      'push',
      '--url',
      `${url}/github`,
      '--secret',
      'it is a secret',
    ]);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(1);
    await listener.waitFor(/doctor:/);
    expect(listener.stdout.text).toMatch(
      /✗ refused SIGNATURE_MISMATCH[\s\S]*\n {2}doctor: The secret given has/,
    );
    // The secret typed on the command line is echoed in listen's example line, never by the doctor.
    const [doctorLine] = listener.stdout.text.match(/ {2}doctor: .*/) ?? [''];
    expect(doctorLine).not.toContain('it is a secret');

    const json = startCli(['listen', 'github', '--port', '0', '--json', '--secret', 'it is a secret\n']);
    try {
      const [, jsonUrl] = await json.waitFor(/"listening":"([^"]+)"/);
      await runCli(['send', 'github', 'push', '--url', `${jsonUrl}/github`, '--secret', 'it is a secret']);
      await json.waitFor(/"diagnosis"/);
      const [, delivery] = jsonLines(json.stdout.text) as [unknown, Record<string, unknown>];
      expect(delivery['diagnosis']).toMatchObject({ verdict: 'explained', mistake: 'secret-whitespace' });
      // The line itself is a request file for hookguard doctor.
      const file = save(JSON.stringify(delivery));
      const run = await runCli(['doctor', 'github', file, '--secret', 'it is a secret\n']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('The secret given has surrounding whitespace');
    } finally {
      await json.stop();
    }
  });

  it('a verified delivery gets no diagnosis', async () => {
    listener = startCli(['listen', 'github', '--port', '0', '--json', '--secret', 'same']);
    const [, url] = await listener.waitFor(/"listening":"([^"]+)"/);
    await runCli(['send', 'github', 'push', '--url', `${url}/github`, '--secret', 'same']);
    await listener.waitFor(/"reading"/);
    const [, delivery] = jsonLines(listener.stdout.text) as [unknown, Record<string, unknown>];
    expect(delivery['verified']).toBe(true);
    expect(delivery).not.toHaveProperty('diagnosis');
  });
});
