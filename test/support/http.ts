import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type RequestListener,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Starts a handler on a free loopback port. */
export async function listen(handler: RequestListener | Server): Promise<Listening> {
  const server = typeof handler === 'function' ? createServer(handler) : handler;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  json(): unknown;
}

export interface PostOptions {
  readonly method?: string;
  /** A list sends the header once per entry (a duplicated header). */
  readonly headers?: Record<string, string | readonly string[]>;
  /** Write the body with `req.write()` and no Content-Length, as NapCat does (chunked). */
  readonly chunked?: boolean;
  /** With `chunked`: one `req.write()`, so one chunk on the wire, per this many bytes. */
  readonly chunkSize?: number;
}

/** A POST over real HTTP; chunked mode reproduces NapCat's exact request construction. */
export function post(
  url: string,
  body: string | Uint8Array,
  options: PostOptions = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number | string[]> = {};
    for (const [name, value] of Object.entries(options.headers ?? {}))
      headers[name] = typeof value === 'string' ? value : [...value];
    if (!options.chunked) headers['content-length'] = Buffer.byteLength(body);
    const req = httpRequest(url, { method: options.method ?? 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.chunked) {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const size = options.chunkSize ?? bytes.byteLength;
      for (let at = 0; at < bytes.byteLength; at += size) req.write(bytes.subarray(at, at + size));
    }
    req.end(options.chunked ? undefined : body);
  });
}
