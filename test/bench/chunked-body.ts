/**
 * `npx tsx test/bench/chunked-body.ts [--runs 5] [--kib 1024]`: how long one wrongly signed body
 * sent in one-byte chunks (chunked Transfer-Encoding, `1\r\nX\r\n`…) takes to be read and
 * refused, through every adapter, next to a bare node:http server that only copies the chunks
 * into one buffer (the floor: Node's parser emits one `data` event per byte whatever reads it).
 * One server at a time in this process, the client writing the whole request in one go; runs
 * alternate between servers so a load spike on a shared machine hits them alike. Runs against
 * the sources (no build needed). Prints a Markdown table: median, min–max and spread in ms.
 */
import { createServer } from 'node:http';
import { createReceiver, type ReceiverLike } from '@hookguard/core';
import { oneByteChunked, wronglySignedChunked } from '../bad-input/one-byte-chunks.js';
import { exchange } from '../bad-input/wire.js';
import { adapters } from '../conformance/adapters.js';
import { NOW, senders } from '../fuzz/senders.js';
import { type Listening, listen } from '../support/http.js';
import { summarise } from './report/stats.js';

const PATH = '/hook';
const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const runs = argument('--runs', 5);
const size = argument('--kib', 1024) * 1024;

/** The floor: every chunk copied into one buffer of the limit's size, then a 401. */
function copyIntoOneBuffer(): Promise<Listening> {
  return listen(
    createServer((request, response) => {
      const body = Buffer.allocUnsafe(size);
      let received = 0;
      request.on('data', (chunk: Buffer) => {
        if (received + chunk.length <= size) chunk.copy(body, received);
        received += chunk.length;
      });
      request.on('end', () => {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"signature"}');
      });
    }),
  );
}

async function main(): Promise<void> {
  const onebot = senders.find((sender) => sender.name === 'onebot')!;
  const receiver: ReceiverLike = createReceiver(onebot.provider(), { now: () => NOW }).on('*', () => {
    throw new Error('a wrongly signed body reached the handler');
  });
  const servers: { name: string; start: () => Promise<Listening> }[] = [
    { name: 'node:http, chunks copied into one buffer', start: copyIntoOneBuffer },
    ...adapters.map((adapter) => ({ name: adapter.name, start: () => adapter.serve(receiver, PATH) })),
  ];
  const body = oneByteChunked(size);
  const times = servers.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) {
    for (const [index, server] of servers.entries()) {
      const listening = await server.start();
      try {
        const started = performance.now();
        const answer = await exchange(listening.url, wronglySignedChunked(onebot, PATH, body), 120_000);
        times[index]!.push(performance.now() - started);
        if (answer.status !== 401)
          throw new Error(`${server.name} answered ${answer.status}: ${answer.text}`);
      } finally {
        await listening.close();
      }
    }
  }
  console.log(`${size / 1024} KiB in one-byte chunks, ${runs} runs each, Node ${process.version}\n`);
  console.log('| server | median ms | min–max ms | spread |');
  console.log('| --- | --- | --- | --- |');
  for (const [index, server] of servers.entries()) {
    const summary = summarise(times[index]!);
    console.log(
      `| ${server.name} | ${summary.median.toFixed(0)} | ${summary.min.toFixed(0)}–${summary.max.toFixed(0)} | ` +
        `${(summary.spread * 100).toFixed(0)}% |`,
    );
  }
}

await main();
