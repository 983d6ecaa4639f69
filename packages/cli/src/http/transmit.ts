import { type Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { gunzipSync } from 'node:zlib';
import { runtimeError, usageError } from '../cli-error.js';
import type { OutgoingRequest } from '../senders/sender-profile.js';

export interface Transmission {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** From the first byte written to the last byte of the answer read. */
  readonly latencyMs: number;
}

export interface TransmitOptions {
  readonly timeoutMs?: number;
  /** The demo reuses connections; a one-off `send` uses Node's default agent, as NapCat does. */
  readonly agent?: Agent | undefined;
}

/**
 * The receiver URL with the sender's own path appended (Matrix's `/_matrix/app/v1/transactions/…`
 * after the registration's URL) and its query parameters, as Tencent appends them.
 */
export function targetUrl(base: string, request: Pick<OutgoingRequest, 'query' | 'path'>): string {
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw usageError(`invalid --url "${base}"; expected something like http://127.0.0.1:8080/onebot`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw usageError(`invalid --url "${base}": only http: and https: are supported`);
  }
  if (request.path !== undefined) {
    parsed.pathname = `${parsed.pathname.replace(/\/$/, '')}${request.path}`;
    base = parsed.toString();
  }
  if (request.query.length === 0) return base;
  const query = new URLSearchParams(
    request.query.map(([name, value]): [string, string] => [name, value]),
  ).toString();
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

/**
 * Puts the request on the wire exactly as built: header names in their given case and order,
 * and either `req.write(body)` with no Content-Length (chunked, NapCat) or a Content-Length.
 */
export function transmit(
  base: string,
  outgoing: OutgoingRequest,
  options: TransmitOptions = {},
): Promise<Transmission> {
  const url = targetUrl(base, outgoing);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const headers: Record<string, string | number> = {};
  for (const [name, value] of outgoing.headers) headers[name] = value;
  // A GET (Meta's subscription check) carries no body, so no Content-Length either.
  if (!outgoing.chunked && outgoing.method !== 'GET') headers['Content-Length'] = outgoing.body.length;
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = send(
      url,
      { method: outgoing.method ?? 'POST', headers, ...(options.agent ? { agent: options.agent } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => reject(connectionError(url, error, timeoutMs)));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          // Go's client asks for gzip and unpacks it itself; so does this one, to show what Go reads.
          const bytes = res.headers['content-encoding'] === 'gzip' && raw.length > 0 ? gunzipSync(raw) : raw;
          resolve({
            url,
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers: res.headers,
            body: bytes.toString('utf8'),
            latencyMs: performance.now() - started,
          });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (error) => reject(connectionError(url, error, timeoutMs)));
    if (outgoing.chunked) {
      req.write(outgoing.body);
      req.end();
    } else {
      req.end(outgoing.body);
    }
  });
}

function connectionError(url: string, error: Error, timeoutMs: number): Error {
  const { host } = new URL(url);
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ECONNREFUSED':
      return runtimeError(`cannot reach ${host}: connection refused (is the receiver running?)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return runtimeError(`cannot reach ${host}: host not found`);
    case 'ETIMEDOUT':
      return runtimeError(`no answer from ${host} within ${timeoutMs / 1000} s`);
    case 'ECONNRESET':
      return runtimeError(`${host} closed the connection before answering`);
    default:
      return runtimeError(`cannot reach ${host}: ${error.message}`);
  }
}
