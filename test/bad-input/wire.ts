import { connect } from 'node:net';

/** A step of a hand-written request: bytes to write, or a pause (for slow and lying clients). */
export type WireStep = Uint8Array | string | { readonly pauseMs: number };

export interface WireAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** Whether the server closed the connection within a moment of answering. */
  readonly closed: boolean;
}

/**
 * Writes exactly these bytes to the server, for requests no HTTP client will send (a
 * Content-Length that lies, a body that drips, a header too long), and reads the first answer.
 * Writing stops as soon as an answer arrives; the socket is always destroyed before returning.
 */
export function exchange(baseUrl: string, steps: readonly WireStep[], timeoutMs = 5000): Promise<WireAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = Buffer.alloc(0);
    let answer: Omit<WireAnswer, 'closed'> | undefined;
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled || !answer) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...answer, closed });
    };
    const timer = setTimeout(() => {
      if (answer) return finish(false);
      settled = true;
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      answer ??= parseFirstResponse(received);
      // Give the server a moment to close, which is what a refusal with Connection: close promises.
      if (answer) setTimeout(() => finish(socket.readableEnded || socket.destroyed), 200);
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => {
      // EPIPE/ECONNRESET after the server refused and closed: the answer, if any, is what counts.
      if (answer) finish(true);
    });
    socket.once('connect', async () => {
      for (const step of steps) {
        if (answer || socket.destroyed) return;
        if (typeof step === 'object' && 'pauseMs' in step) {
          await new Promise((done) => setTimeout(done, step.pauseMs));
        } else socket.write(step);
      }
    });
  });
}

/** Parses the status line, headers and (by Content-Length) body of the first response, once complete. */
function parseFirstResponse(bytes: Buffer): Omit<WireAnswer, 'closed'> | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] =
      headers[name] === undefined
        ? line.slice(colon + 1).trim()
        : `${headers[name]}, ${line.slice(colon + 1).trim()}`;
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = bytes.subarray(end + 4);
  const chunked = headers['transfer-encoding'] !== undefined;
  if (chunked ? body.indexOf('0\r\n\r\n') === -1 : body.length < length) return undefined;
  const text = chunked ? dechunk(body) : body.subarray(0, length).toString('utf8');
  return { status: Number(statusLine?.split(' ')[1]), headers, text };
}

/** Enough of chunked decoding for the short answers these tests read. */
function dechunk(body: Buffer): string {
  const out: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd === -1) break;
    const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    out.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(out).toString('utf8');
}

/** A request head, written by hand: every header exactly as given, in order, repeats allowed. */
export function head(
  method: string,
  target: string,
  headers: readonly (readonly [string, string])[],
): string {
  const lines = [`${method} ${target} HTTP/1.1`, 'host: 127.0.0.1', ...headers.map(([n, v]) => `${n}: ${v}`)];
  return `${lines.join('\r\n')}\r\n\r\n`;
}
