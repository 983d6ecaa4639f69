import { request } from 'node:http';
import type { DeliveryDetail, DeliverySummary } from '../../src/listen/ui/view.js';
import { type Background, startCli } from './cli.js';

/** `hookguard listen … --ui`, started in-process, with the two addresses it printed. */
export interface Inspecting {
  readonly listener: Background;
  /** The webhook port, as printed: `http://host:port`. */
  readonly url: string;
  /** The inspector page, as printed: `http://127.0.0.1:port/`. */
  readonly ui: string;
}

export async function startInspecting(
  argv: readonly string[],
  env: Record<string, string> = {},
): Promise<Inspecting> {
  const listener = startCli(['listen', ...argv, '--port', '0', '--ui'], env);
  const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
  const [, ui] = await listener.waitFor(/inspect at (http:\/\/\S+)/);
  return { listener, url: url!, ui: ui! };
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One request with exactly these headers (Host included, which fetch will not let a caller set). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The inspector's own page origin, as a browser on it sends it: `http://127.0.0.1:port`. */
export function originOf(ui: string): string {
  return new URL(ui).origin;
}

export async function listDeliveries(
  ui: string,
  query = '',
): Promise<{ deliveries: DeliverySummary[]; events: string[] }> {
  const answer = await rawRequest(`${ui}api/deliveries${query}`);
  if (answer.status !== 200) throw new Error(`list: ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body);
}

export async function deliveryDetail(ui: string, id: number): Promise<DeliveryDetail> {
  const answer = await rawRequest(`${ui}api/deliveries/${id}`);
  if (answer.status !== 200) throw new Error(`detail ${id}: ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body);
}

/** Polls the inspector until it keeps `count` deliveries (the store records after the doctor ran). */
export async function waitForDeliveries(
  ui: string,
  count: number,
  timeoutMs = 5000,
): Promise<DeliverySummary[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { deliveries } = await listDeliveries(ui);
    if (deliveries.length >= count) return deliveries;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${count} deliveries; have ${deliveries.length}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
