import { createReceiver, type Receiver, type ReceiverLike, silentLogger } from '@hookguard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from '../conformance/adapters.js';
import { expectNoPrototypePollution } from '../fuzz/expectations.js';
import {
  envelopedSenders,
  type FuzzSender,
  jsonEventSenders,
  NOW,
  SECRET,
  senders,
} from '../fuzz/senders.js';
import type { Listening } from '../support/http.js';
import { post } from '../support/http.js';
import {
  type BadInputRow,
  bearerSender,
  bodyRows,
  envelopeRows,
  feishuRows,
  githubRows,
  handshakeRows,
  PATH,
  queryTokenSender,
  repeatedProofRows,
  type Seen,
  slackRows,
  tencentRows,
  transportRows,
} from './rows.js';
import { exchange, type WireAnswer } from './wire.js';

/**
 * The bad-input matrix: every row through every adapter (Express, Koa, Fastify, fetch via Hono)
 * over real HTTP on loopback. Body rows run for every sender; transport rows with onebot (the
 * body reader and Node's parser are shared); Tencent's query rows with tencentChat; GitHub's
 * form-encoded rows with github; Slack's form and SSL-probe rows with slack; the envelope rows
 * (proof in the query, XML bodies or encrypted JSON) with the enveloped senders. The body rows run
 * for the encrypted JSON senders too, their bytes sealed in the envelope.
 */
const onebot = senders.find((sender) => sender.name === 'onebot')!;
const tencent = senders.find((sender) => sender.name === 'tencent-chat')!;
const github = senders.find((sender) => sender.name === 'github')!;
const slack = senders.find((sender) => sender.name === 'slack')!;
const feishu = senders.find((sender) => sender.name === 'feishu')!;

const cells: readonly (readonly [FuzzSender, readonly BadInputRow[]])[] = [
  ...jsonEventSenders.map(
    (sender) => [sender, bodyRows.filter((row) => row.appliesTo?.(sender) ?? true)] as const,
  ),
  [onebot, transportRows],
  [tencent, tencentRows],
  [github, githubRows],
  [slack, slackRows],
  [feishu, feishuRows],
  ...[...senders, bearerSender, queryTokenSender]
    .map((sender) => [sender, repeatedProofRows.filter((row) => row.appliesTo?.(sender) ?? true)] as const)
    .filter(([, rows]) => rows.length > 0),
  ...[...senders, ...envelopedSenders]
    .map((sender) => [sender, handshakeRows.filter((row) => row.appliesTo?.(sender) ?? true)] as const)
    .filter(([, rows]) => rows.length > 0),
  ...envelopedSenders.map(
    (sender) => [sender, envelopeRows.filter((row) => row.appliesTo?.(sender) ?? true)] as const,
  ),
];

/** One server per adapter and sender; each row swaps in a fresh receiver, so rows cannot interfere. */
function swappable(): { target: ReceiverLike; use(receiver: Receiver): void } {
  let current: Receiver | undefined;
  const active = () => {
    if (!current) throw new Error('no receiver for this row');
    return current;
  };
  return {
    target: {
      handle: (request) => active().handle(request),
      handleStream: (head, body, limits) => active().handleStream(head, body, limits),
      fetch: (request) => active().fetch(request),
    },
    use(receiver) {
      current = receiver;
    },
  };
}

async function send(row: BadInputRow, sender: FuzzSender, baseUrl: string): Promise<WireAnswer> {
  const request = row.request(sender);
  if ('wire' in request) return exchange(baseUrl, request.wire);
  const response = await post(`${baseUrl}${request.url}`, request.body, {
    headers: { ...request.headers },
    ...(request.method ? { method: request.method } : {}),
  });
  const headers = Object.fromEntries(
    Object.entries(response.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : String(value),
    ]),
  );
  return { status: response.status, headers, text: response.text, closed: false };
}

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))(
  'bad input through %s',
  (_, adapter) => {
    describe.each(cells.map(([sender, rows]) => [sender.name, sender, rows] as const))(
      '%s',
      (_name, sender, rows) => {
        const slot = swappable();
        let server: Listening;
        beforeAll(async () => {
          server = await adapter.serve(slot.target, PATH, sender.mount);
        });
        afterAll(async () => {
          await server.close();
        });

        it.each(rows.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
          const seen: Seen[] = [];
          const reply = row.reply?.(sender);
          const receiver = createReceiver(sender.provider(), {
            logger: silentLogger,
            now: () => NOW,
            ...row.options,
          }).on('*', (event, context) => {
            seen.push({ event, name: context.name });
            return reply as never;
          });
          slot.use(receiver);
          const answer = await send(row, sender, server.url);
          const expected = row.expect(sender);

          if (expected.status === 'accepted') {
            expect(answer.status, answer.text).toBeGreaterThanOrEqual(200);
            expect(answer.status, answer.text).toBeLessThan(300);
          } else {
            expect(answer.status, answer.text).toBe(expected.status);
          }
          if (expected.code !== undefined) {
            expect(JSON.parse(answer.text)).toMatchObject(
              sender.errorBody(expected.code, expect.any(String)) as object,
            );
            expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
          }
          for (const [name, value] of Object.entries(expected.headers ?? {})) {
            expect(answer.headers[name], name).toBe(value);
          }
          // Nothing in any answer names the secret or shows a stack.
          expect(answer.text).not.toContain(SECRET);
          expect(answer.text).not.toMatch(/\n\s+at /);
          expect(seen).toHaveLength(row.handlerCalls);
          row.check?.(seen, answer.text, answer.headers);
          expectNoPrototypePollution();
        });
      },
    );
  },
);
