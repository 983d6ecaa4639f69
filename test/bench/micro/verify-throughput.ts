import { createHmac, timingSafeEqual } from 'node:crypto';
import { github, onebot, standardWebhooks, type VerifyInput } from '@hookguard/core';
import { signGithub, signOnebot, signStandardWebhooks } from '@hookguard/core/testing';
import { Webhooks } from '@octokit/webhooks';
import { Webhook } from 'standardwebhooks';
import { GITHUB_SECRET, STANDARD_SECRET } from '../payloads.js';
import { type Contender, pairedRatio, type Timed, timeAlternating } from './timing.js';

const MIB = 1024 * 1024;

export interface VerifyRow {
  readonly scheme: string;
  readonly floor: Timed;
  readonly hookguard: Timed;
  /** hookguard ÷ floor time: 1.00 is the floor itself; the target is ≤ 1.10. */
  readonly ratio: number;
  readonly peers: readonly Timed[];
}

function input(headers: Record<string, string>, body: Uint8Array): VerifyInput {
  return {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/json', ...headers },
    query: new URLSearchParams(),
    body,
    now: Date.now(),
    remoteAddress: undefined,
  };
}

/** A 1 MiB JSON body (a string field padded), so the peers that parse after verifying can too. */
function oneMiB(): Buffer {
  const text = JSON.stringify({ type: 'push', pad: '' });
  return Buffer.from(text.replace('"pad":""', `"pad":"${'x'.repeat(MIB - text.length)}"`));
}

/**
 * Verify of a 1 MiB body against the floor: node's createHmac over the same bytes plus the
 * constant-time compare, nothing else. One row per HMAC scheme hookguard ships, and the peers'
 * own verify calls on the same bytes for comparison.
 */
export async function verifyThroughput(rounds: number, batchMs: number): Promise<VerifyRow[]> {
  const body = oneMiB();
  const rows: VerifyRow[] = [];

  const githubInput = input(signGithub(body, GITHUB_SECRET), body);
  const githubGiven = Buffer.from(githubInput.headers['x-hub-signature-256']!.toString().slice(7), 'hex');
  const provider = github({ secret: GITHUB_SECRET });
  const octokit = new Webhooks({ secret: GITHUB_SECRET });
  const bodyText = body.toString('utf8');
  const octokitMicros = await timeAsync(
    () => octokit.verify(bodyText, githubInput.headers['x-hub-signature-256'] as string),
    rounds,
  );
  rows.push(
    row(
      'GitHub (HMAC-SHA256, hex)',
      rounds,
      batchMs,
      {
        floor: () => timingSafeEqual(createHmac('sha256', GITHUB_SECRET).update(body).digest(), githubGiven),
        hookguard: () => provider.verify(githubInput),
      },
      [{ name: '@octokit/webhooks verify (string in)', micros: octokitMicros, rounds: [octokitMicros] }],
    ),
  );

  const standardHeaders = signStandardWebhooks(body, STANDARD_SECRET, {
    id: 'msg_1',
    timestamp: Math.floor(Date.now() / 1000),
  });
  const standardInput = input(standardHeaders, body);
  const key = Buffer.from(STANDARD_SECRET.slice(6), 'base64');
  const standardGiven = Buffer.from(standardHeaders['webhook-signature']!.slice(3), 'base64');
  const id = standardHeaders['webhook-id']!;
  const timestamp = standardHeaders['webhook-timestamp']!;
  const standardProvider = standardWebhooks({ secret: STANDARD_SECRET });
  const packageVerifier = new Webhook(STANDARD_SECRET);
  rows.push(
    row('Standard Webhooks (HMAC-SHA256 over id.timestamp.body, base64)', rounds, batchMs, {
      floor: () =>
        timingSafeEqual(
          createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest(),
          standardGiven,
        ),
      hookguard: () => standardProvider.verify(standardInput),
      peer: {
        name: 'standardwebhooks package verify (jsonParse off)',
        run: () => packageVerifier.verify(body, standardHeaders, { jsonParse: false }),
      },
    }),
  );

  const onebotInput = input(signOnebot(body, GITHUB_SECRET), body);
  const onebotGiven = Buffer.from(String(onebotInput.headers['x-signature']).slice(5), 'hex');
  const onebotProvider = onebot({ secret: GITHUB_SECRET });
  rows.push(
    row('OneBot (HMAC-SHA1, hex)', rounds, batchMs, {
      floor: () => timingSafeEqual(createHmac('sha1', GITHUB_SECRET).update(body).digest(), onebotGiven),
      hookguard: () => onebotProvider.verify(onebotInput),
    }),
  );
  return rows;
}

function row(
  scheme: string,
  rounds: number,
  batchMs: number,
  runs: { floor: () => unknown; hookguard: () => { ok: boolean }; peer?: Contender },
  extra: Timed[] = [],
): VerifyRow {
  if (!runs.hookguard().ok) throw new Error(`${scheme}: hookguard refused the bench's own signature`);
  const contenders: Contender[] = [
    { name: 'floor', run: runs.floor },
    { name: 'hookguard', run: runs.hookguard },
    ...(runs.peer ? [runs.peer] : []),
  ];
  const [floor, hookguard, ...peers] = timeAlternating(contenders, rounds, batchMs);
  return {
    scheme,
    floor: floor!,
    hookguard: hookguard!,
    ratio: pairedRatio(hookguard!, floor!),
    peers: [...peers, ...extra],
  };
}

/** octokit's verify is async; timed on its own, a few calls per round. */
async function timeAsync(run: () => Promise<boolean>, rounds: number): Promise<number> {
  if (!(await run())) throw new Error('octokit refused the bench signature');
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let call = 0; call < 10; call++) await run();
    times.push(((performance.now() - started) * 1000) / 10);
  }
  return times.sort((a, b) => a - b)[times.length >> 1]!;
}
