import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { shellQuote } from '../src/io/shell-quote.js';
import type { Delivery } from '../src/listen/delivery.js';
import { deliveryCurlLine } from '../src/listen/ui/copy-lines.js';
import { binPath, runCli, spawnCommand, tsxPath } from './support/cli.js';
import { deliveryDetail, type Inspecting, startInspecting, waitForDeliveries } from './support/inspector.js';

const folder = mkdtempSync(join(tmpdir(), 'hookguard-copy-lines-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let running: Inspecting | undefined;
afterEach(async () => {
  await running?.listener.stop();
  running = undefined;
});

/** Bodies a shell line gets wrong when it quotes carelessly. */
const BODIES: [string, Buffer][] = [
  [
    'JSON with quotes, $, backticks, a newline, a tab and UTF-8',
    Buffer.from(`{"a":"it's \`$HOME\` \\"x\\"\n\t中文 é"}\n`),
  ],
  [
    'bytes that are not text: a BOM, CR LF, NUL, 0x80, 0xff',
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"a":1}\r\n'),
      Buffer.from([0, 0x80, 0xff, 0x27]),
    ]),
  ],
  ['an empty body', Buffer.alloc(0)],
];

function deliveryWith(body: Buffer): Delivery {
  return {
    at: new Date(0),
    method: 'POST',
    url: '/hook?x=1',
    rawHeaders: [
      ['Host', '127.0.0.1:8080'],
      ['Content-Type', 'application/json'],
      ['X-Signature', "sha1=ab'cd"],
      ['Content-Length', String(body.length)],
      ['Connection', 'keep-alive'],
    ],
    chunked: false,
    bytes: body.length,
    bodyBase64: body.toString('base64'),
    verified: true,
    unverified: undefined,
    error: undefined,
    handshake: false,
    event: undefined,
    known: undefined,
    payload: undefined,
    issues: [],
    response: { status: 200, headers: {}, body: '' },
    reading: { delivered: true, summary: 'done' },
  };
}

describe('copy as curl: the line, run by a shell, hands curl the exact bytes', () => {
  // curl need not be installed: a shell function named curl records the argv and stdin it gets.
  it.each(BODIES)('%s', (_name, body) => {
    const line = deliveryCurlLine(deliveryWith(body), 'http://127.0.0.1:8080');
    const recorder = `curl() { printf '%s\\0' "$@" > ${shellQuote(join(folder, 'args'))}; cat > ${shellQuote(join(folder, 'stdin'))}; }`;
    const run = spawnSync('sh', ['-c', `${recorder}\n${line}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    expect(run.status, run.stderr.toString()).toBe(0);
    const argv = readFileSync(join(folder, 'args')).toString('latin1').split('\0').slice(0, -1);
    const data = argv[argv.indexOf('--data-binary') + 1]!;
    const sent = data === '@-' ? readFileSync(join(folder, 'stdin')) : Buffer.from(data, 'latin1');
    expect(sent.equals(body)).toBe(true);
    expect(argv.slice(0, 4)).toEqual(['-X', 'POST', 'http://127.0.0.1:8080/hook?x=1', '-H']);
    expect(argv).toContain("X-Signature: sha1=ab'cd");
    expect(argv).toContain('Content-Type: application/json');
    // One hop's headers stay behind: curl writes its own.
    expect(argv.some((word) => /^(Host|Content-Length|Connection):/i.test(word))).toBe(false);
  });
});

describe('copy as curl keeps the method', () => {
  it('a PUT (a Matrix transaction) is copied as -X PUT', () => {
    const line = deliveryCurlLine(
      { ...deliveryWith(Buffer.from('{}')), method: 'PUT' },
      'http://127.0.0.1:8080',
    );
    expect(line).toMatch(/^curl -X PUT /);
  });
});

const hasCurl = spawnSync('sh', ['-c', 'command -v curl']).status === 0;

describe('copied lines, pasted into a shell, deliver the same bytes to the listener', () => {
  it.skipIf(!hasCurl)('curl (real curl): a binary body arrives again byte for byte', async () => {
    running = await startInspecting(['onebot', '--secret', 's']);
    const file = join(folder, 'binary-body');
    writeFileSync(file, BODIES[1]![1]);
    await runCli(['send', 'onebot', file, '--raw', '--url', `${running.url}/onebot`, '--secret', 's']);
    const [first] = await waitForDeliveries(running.ui, 1);
    const original = await deliveryDetail(running.ui, first!.id);
    expect(Buffer.from(original.body.base64, 'base64').equals(BODIES[1]![1])).toBe(true);
    const run = await spawnCommand('sh', ['-c', `${original.copy.curl} --silent --output /dev/null`]);
    expect(run.code, run.stderr).toBe(0);
    const [, second] = await waitForDeliveries(running.ui, 2);
    const again = await deliveryDetail(running.ui, second!.id);
    expect(again.body.base64).toBe(original.body.base64);
    expect(again.headers.find(([name]) => name === 'x-signature')).toEqual(
      original.headers.find(([name]) => name === 'x-signature'),
    );
  });

  it('hookguard send for a sender that signs in the query (Tencent): the pasted line verifies', async () => {
    running = await startInspecting(['tencent-chat', '--secret', 'tencent token']);
    await runCli([
      'send',
      'tencent-chat',
      'C2C.CallbackBeforeSendMsg',
      '--url',
      `${running.url}/tencent`,
      '--secret',
      'tencent token',
    ]);
    const [first] = await waitForDeliveries(running.ui, 1);
    const original = await deliveryDetail(running.ui, first!.id);
    expect(original.verdict).toBe('verified');
    const line = original.copy.send!;
    // The listener's path only: send writes the signed query itself.
    expect(line).not.toContain('SdkAppid');
    const pasted = line.replace('| hookguard send ', `| ${shellQuote(tsxPath)} ${shellQuote(binPath)} send `);
    const run = await spawnCommand('sh', ['-c', pasted], { HOOKGUARD_SECRET: 'tencent token' });
    expect(run.code, run.stderr).toBe(0);
    const [, second] = await waitForDeliveries(running.ui, 2);
    expect(second).toMatchObject({ verdict: 'verified' });
    expect((await deliveryDetail(running.ui, second!.id)).body.base64).toBe(original.body.base64);
  });

  it('hookguard send (the real binary): the same body, signed afresh, verifies', async () => {
    running = await startInspecting(['github', '--secret', 'it is a secret']);
    await runCli(['send', 'github', 'push', '--url', `${running.url}/github`, '--secret', 'it is a secret']);
    const [first] = await waitForDeliveries(running.ui, 1);
    const original = await deliveryDetail(running.ui, first!.id);
    expect(original.verdict).toBe('verified');
    const line = original.copy.send!;
    expect(line).toContain('| hookguard send github - --raw --url ');
    expect(line).toContain('--event push --secret "$HOOKGUARD_SECRET"');
    const pasted = line.replace('| hookguard send ', `| ${shellQuote(tsxPath)} ${shellQuote(binPath)} send `);
    const run = await spawnCommand('sh', ['-c', pasted], { HOOKGUARD_SECRET: 'it is a secret' });
    expect(run.code, run.stderr).toBe(0);
    const [, second] = await waitForDeliveries(running.ui, 2);
    expect(second).toMatchObject({ verdict: 'verified', event: 'push' });
    expect((await deliveryDetail(running.ui, second!.id)).body.base64).toBe(original.body.base64);
  });
});
