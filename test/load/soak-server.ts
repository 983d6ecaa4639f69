/**
 * The soak's server process: one adapter (argv[2]) serving four senders' receivers on a loopback
 * port, counting every handler call by the serial its delivery key ends with. Run in its own
 * process so that the RSS it reports is the server's alone. Talks to the parent over IPC.
 */
import {
  createReceiver,
  github,
  onebot,
  type Receiver,
  type ReceiverLike,
  silentLogger,
  tencentChat,
  whatsapp,
} from '@hookguard/core';
import { queryOf } from '@hookguard/core/adapter';
import { adapters } from '../conformance/adapters.js';
import { SOAK_PATH, SOAK_SECRETS, type SoakSender } from './traffic.js';

export type ServerMessage =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'stats'; readonly id: number; readonly stats: ServerStats };

export interface ServerStats {
  readonly rssBytes: number;
  /** Highest RSS sampled (every 250 ms) since the server started. */
  readonly peakRssBytes: number;
  readonly heapUsedBytes: number;
  /** Memory outside the JS heap (Buffers, ArrayBuffers): where leaked request bodies would show. */
  readonly externalBytes: number;
  readonly handlerCalls: number;
  /** Handler calls whose delivery key carried no soak serial: must stay 0. */
  readonly strayCalls: number;
  /** Calls per serial, base64 of one byte each (saturating at 255). */
  readonly counts: string;
}

const adapterName = process.argv[2];
const maxSerial = Number(process.argv[3]);
const adapter = adapters.find((candidate) => candidate.name === adapterName);
if (!adapter || !Number.isSafeInteger(maxSerial)) {
  console.error(`usage: soak-server <${adapters.map((a) => a.name).join('|')}> <max serial>`);
  process.exit(2);
}

// Allocated once, so counting adds nothing to RSS while the soak runs.
const counts = new Uint8Array(maxSerial + 1);
let handlerCalls = 0;
let peakRss = process.memoryUsage.rss();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 250).unref();
let strayCalls = 0;

function count(_event: unknown, context: { deliveryKey: string | undefined }): undefined {
  handlerCalls++;
  const serial = Number(/(\d+)$/.exec(context.deliveryKey ?? '')?.[1] ?? Number.NaN);
  if (Number.isSafeInteger(serial) && serial > 0 && serial <= maxSerial) {
    counts[serial] = Math.min(255, counts[serial]! + 1);
  } else strayCalls++;
  return undefined;
}

const widen = (receiver: unknown) => receiver as Receiver;
// A smaller dedupe store than the default 10 000, so it is full (and memory flat) within the
// warm-up; a replay follows its original at once, so it is still remembered. The traffic forges
// requests on purpose, so their refusals are not logged.
const options = { dedupe: { maxEntries: 1000 }, logger: silentLogger };
const receivers: Record<SoakSender, Receiver> = {
  onebot: widen(createReceiver(onebot({ secret: SOAK_SECRETS.onebot }), options).on('*', count)),
  whatsapp: widen(createReceiver(whatsapp({ secret: SOAK_SECRETS.whatsapp }), options).on('*', count)),
  tencentChat: widen(
    createReceiver(tencentChat({ token: SOAK_SECRETS.tencentChat }), options).on('*', count),
  ),
  github: widen(createReceiver(github({ secret: SOAK_SECRETS.github }), options).on('*', count)),
};
const pick = (url: string): Receiver =>
  receivers[(queryOf(url).get('sender') ?? 'onebot') as SoakSender] ?? receivers.onebot;

const dispatcher: ReceiverLike = {
  handle: (request) => pick(request.url).handle(request),
  handleStream: (head, body, limits) => pick(head.url).handleStream(head, body, limits),
  fetch: (request) => pick(request.url).fetch(request),
};

const server = await adapter.serve(dispatcher, SOAK_PATH);
const send = (message: ServerMessage) => process.send?.(message);

process.on('message', (message: { type: string; id?: number }) => {
  if (message.type === 'stats') {
    // Two collections: the second frees what the first's finalisers released.
    globalThis.gc?.();
    globalThis.gc?.();
    const memory = process.memoryUsage();
    send({
      type: 'stats',
      id: message.id ?? 0,
      stats: {
        rssBytes: memory.rss,
        peakRssBytes: Math.max(peakRss, memory.rss),
        heapUsedBytes: memory.heapUsed,
        externalBytes: memory.external,
        handlerCalls,
        strayCalls,
        counts: Buffer.from(counts).toString('base64'),
      },
    });
  } else if (message.type === 'stop') {
    void server.close().finally(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));

send({ type: 'ready', port: Number(new URL(server.url).port) });
