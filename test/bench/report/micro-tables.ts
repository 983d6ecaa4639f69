import type { MicroResult } from '../micro/main.js';
import { renderTable } from './tables.js';

const micros = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));
const mbPerSecond = (microsPerMiB: number) => (1_048_576 / microsPerMiB).toFixed(0);

/** Verify of 1 MiB: the HMAC floor, hookguard, the ratio (target ≤ 1.10), and the peers. */
export function verifyTable(result: MicroResult, markdown: boolean): string {
  const rows = result.verify.map((row) => [
    row.scheme,
    `${micros(row.floor.micros)} µs (${mbPerSecond(row.floor.micros)} MB/s)`,
    `${micros(row.hookguard.micros)} µs (${mbPerSecond(row.hookguard.micros)} MB/s)`,
    `${row.ratio.toFixed(3)}${row.ratio <= 1.1 ? ' ✓' : ' ✗'}`,
    row.peers.map((peer) => `${peer.name}: ${micros(peer.micros)} µs`).join('; ') || '–',
  ]);
  return renderTable(
    [
      'scheme (1 MiB body)',
      'floor: createHmac + timingSafeEqual',
      'hookguard provider.verify',
      'ratio (≤ 1.10)',
      'peers',
    ],
    rows,
    markdown,
  );
}

/** Per event: JSON.parse alone, with zod on the fresh object, and hookguard's decode + parse. */
export function parseTable(result: MicroResult, markdown: boolean): string {
  const rows = result.parse.map((row) => [
    `${row.event}, ${row.size}`,
    micros(row.jsonParse.micros),
    micros(row.jsonParseAndZod.micros),
    micros(row.zod.micros),
    micros(row.parseJsonBody.micros),
    micros(row.decodeAndParse.micros),
    `${row.ratio.toFixed(2)}×`,
  ]);
  return renderTable(
    [
      'event',
      'JSON.parse µs',
      'JSON.parse + zod µs',
      'zod alone, warm object µs',
      'parseJsonBody µs (strict UTF-8, depth guard)',
      'hookguard decode + parse µs',
      'hookguard ÷ JSON.parse',
    ],
    rows,
    markdown,
  );
}

/** Bytes allocated per request and body-sized buffers made, (b) against (c). */
export function memoryTable(result: MicroResult, markdown: boolean): string {
  const rows = result.memory.map((row) => [
    row.size,
    row.variant === 'b' ? '(b) hand-written' : '(c) hookguard handleStream',
    Math.round(row.heapBytesPerRequest).toString(),
    Math.round(row.externalBytesPerRequest).toString(),
    String(row.bodySizedBuffers),
    `${row.requests}${row.gcRuns > 0 ? ` (${row.gcRuns} GC: lower bound)` : ''}`,
  ]);
  return renderTable(
    [
      'body',
      'variant',
      'JS heap bytes/request',
      'Buffer bytes/request',
      'body-sized buffers/request',
      'requests',
    ],
    rows,
    markdown,
  );
}

/** In process, per request: (b) and (c) whole, then stage by stage, so the gap has names. */
export function pipelineTable(result: MicroResult, markdown: boolean): string {
  const rows = result.pipeline.flatMap((row) => [
    [
      row.size,
      '**whole request** (stream of 16 KiB chunks → answer)',
      micros(row.whole.b.micros),
      micros(row.whole.c.micros),
      micros(row.whole.c.micros - row.whole.b.micros),
    ],
    ...row.stages.map((stage) => [
      row.size,
      stage.stage,
      stage.b ? micros(stage.b.micros) : '–',
      micros(stage.c.micros),
      stage.b ? micros(stage.c.micros - stage.b.micros) : '–',
    ]),
  ]);
  return renderTable(['body', 'stage', '(b) µs', '(c) hookguard µs', 'difference µs'], rows, markdown);
}
