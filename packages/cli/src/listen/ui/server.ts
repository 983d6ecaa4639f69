import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runtimeError } from '../../cli-error.js';
import type { SenderProfile } from '../../senders/sender-profile.js';
import { FORWARD_TIMEOUT_MS, sendDelivery } from '../forward.js';
import { deliveryCurlLine, deliverySendLine, type SendSecret } from './copy-lines.js';
import { refuseForeign } from './guard.js';
import type { DeliveryFilter, DeliveryStore, StoredDelivery } from './store.js';
import { VERDICTS, type Verdict } from './verdict.js';
import { detail, summarize } from './view.js';

/** What the inspector shows and how it replays; it holds no secret, only how `send` should name one. */
export interface InspectorSetup {
  readonly store: DeliveryStore;
  readonly sender: SenderProfile;
  /** The listener's loopback address, where a replay goes unless the page names another URL. */
  readonly listener: string;
  readonly secret: SendSecret;
  readonly scheme: string | undefined;
}

export interface Inspector {
  readonly url: string;
  close(): Promise<void>;
}

/** The page's files, shipped in the package beside `dist/` and `src/` (no bundler: served as written). */
const PAGE_DIR = new URL('../../../ui/', import.meta.url);
const FILES: Record<string, { readonly file: string; readonly type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/** Same-origin only, nothing inline: a body shown on the page can never run as code. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const REQUEST_LIMIT = 64 * 1024;

/**
 * `listen --ui`: the inspector page and its API on 127.0.0.1 only, on a port of its own. Never on
 * the listener's port: that one may face the network (`--host 0.0.0.0`), and every path on it
 * belongs to the sender.
 */
export async function startInspector(setup: InspectorSetup, port: number): Promise<Inspector> {
  const files = new Map(
    Object.entries(FILES).map(([path, { file, type }]) => [path, { type, body: readPageFile(file) }]),
  );
  let bound = 0;
  const server = createServer((req, res) => {
    const refusal = refuseForeign(req, bound);
    if (refusal !== undefined) return sendJson(res, refusal.status, { error: refusal.message });
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://inspector.invalid');
    const file = files.get(pathname);
    if (file !== undefined && req.method === 'GET') {
      res.writeHead(200, { ...PAGE_HEADERS, 'content-type': file.type });
      return res.end(file.body);
    }
    if (pathname === '/events' && req.method === 'GET') return streamDeliveries(req, res, setup);
    if (pathname === '/api/deliveries' && req.method === 'GET') {
      const filter = parseFilter(searchParams);
      if (filter === undefined)
        return sendJson(res, 400, { error: `verdict is one of ${VERDICTS.join(', ')}` });
      return sendJson(res, 200, {
        deliveries: setup.store.list(filter).map(summarize),
        events: setup.store.eventNames(),
      });
    }
    const one = /^\/api\/deliveries\/(\d+)$/.exec(pathname);
    if (one && req.method === 'GET') {
      const stored = setup.store.get(Number(one[1]));
      if (stored === undefined) return sendJson(res, 404, { error: 'no such delivery (no longer kept?)' });
      return sendJson(res, 200, detailOf(stored, setup));
    }
    if (pathname === '/api/replay' && req.method === 'POST') return replay(req, res, setup);
    return sendJson(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        runtimeError(
          error.code === 'EADDRINUSE'
            ? `port ${port} is already in use; choose another with --ui-port`
            : `cannot serve the inspector on 127.0.0.1:${port}: ${error.message}`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  bound = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${bound}/`, close: () => closeServer(server) };
}

function readPageFile(file: string): Buffer {
  try {
    return readFileSync(new URL(file, PAGE_DIR));
  } catch {
    throw runtimeError(`the inspector page is missing (${file}); reinstall @hookguard/cli`);
  }
}

function detailOf(stored: StoredDelivery, setup: InspectorSetup) {
  return detail(stored, {
    sender: setup.sender.sender,
    copy: {
      curl: deliveryCurlLine(stored.delivery, setup.listener),
      send: deliverySendLine(stored.delivery, setup),
    },
  });
}

function parseFilter(params: URLSearchParams): DeliveryFilter | undefined {
  const verdict = params.get('verdict') || undefined;
  if (verdict !== undefined && !VERDICTS.includes(verdict as Verdict)) return undefined;
  return { verdict: verdict as Verdict | undefined, event: params.get('event') || undefined };
}

/**
 * Server-Sent Events: the kept deliveries the page has not seen (all, or those after the
 * `Last-Event-ID` a reconnecting page sends), then each new one as `listen` prints it.
 */
function streamDeliveries(req: IncomingMessage, res: ServerResponse, setup: InspectorSetup): void {
  res.writeHead(200, {
    ...PAGE_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
  });
  const seen = Number(req.headers['last-event-id'] ?? 0) || 0;
  const send = (stored: StoredDelivery) =>
    res.write(`id: ${stored.id}\nevent: delivery\ndata: ${JSON.stringify(summarize(stored))}\n\n`);
  res.write(
    `retry: 1000\nevent: hello\ndata: ${JSON.stringify({ keep: setup.store.keep, sender: setup.sender.sender, listener: setup.listener })}\n\n`,
  );
  for (const stored of setup.store.list()) if (stored.id > seen) send(stored);
  const unsubscribe = setup.store.subscribe(send);
  // A comment now and then, so a proxy or the browser does not take a quiet stream for a dead one.
  const beat = setInterval(() => res.write(': \n\n'), 15_000).unref();
  res.once('close', () => {
    clearInterval(beat);
    unsubscribe();
  });
}

/** The delivery's exact bytes and headers, its original proof included, to the listener or a typed URL. */
async function replay(req: IncomingMessage, res: ServerResponse, setup: InspectorSetup): Promise<void> {
  let asked: { id?: unknown; url?: unknown };
  try {
    asked = JSON.parse((await readRequest(req)).toString('utf8')) as typeof asked;
  } catch (error) {
    return sendJson(res, (error as { status?: number }).status ?? 400, {
      error: 'send {"id": n, "url"?: "…"}',
    });
  }
  const stored = typeof asked.id === 'number' ? setup.store.get(asked.id) : undefined;
  if (stored === undefined) return sendJson(res, 404, { error: 'no such delivery (no longer kept?)' });
  let target: URL;
  try {
    target = new URL(
      typeof asked.url === 'string' && asked.url !== ''
        ? asked.url
        : `${setup.listener}${stored.delivery.url}`,
    );
  } catch {
    return sendJson(res, 400, { error: 'the replay URL is not a URL' });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return sendJson(res, 400, { error: 'the replay URL must be http or https' });
  }
  const started = Date.now();
  const result = await sendDelivery(target, stored.delivery, FORWARD_TIMEOUT_MS);
  const ms = Date.now() - started;
  if ('status' in result) {
    return sendJson(res, 200, {
      url: target.href,
      ms,
      status: result.status,
      headers: result.headers,
      body: result.body.toString('utf8'),
    });
  }
  return sendJson(res, 200, { url: target.href, ms, outcome: result.outcome, reason: result.reason });
}

function readRequest(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is read and dropped, so the 413 still reaches the page.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= REQUEST_LIMIT) chunks.push(chunk);
    });
    req.once('end', () =>
      size > REQUEST_LIMIT
        ? reject(Object.assign(new Error('too large'), { status: 413 }))
        : resolve(Buffer.concat(chunks)),
    );
    req.once('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...PAGE_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function closeServer(server: Server): Promise<void> {
  // The event streams never end on their own.
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
