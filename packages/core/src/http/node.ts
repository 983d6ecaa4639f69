import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHead, WebhookResponse } from './types.js';

/** The head of a Node request, for adapters; `url` should be the original URL when a router rewrote it. */
export function nodeRequestHead(request: IncomingMessage, url?: string, remoteAddress?: string): RequestHead {
  return {
    method: request.method ?? 'GET',
    url: url ?? request.url ?? '/',
    headers: withEveryCopy(request),
    remoteAddress: remoteAddress ?? request.socket?.remoteAddress,
  };
}

/** Headers Node already keeps every copy of, in forms of their own (an array; `; `-joined). */
const KEPT_BY_NODE = new Set(['set-cookie', 'cookie']);

/**
 * Node keeps only the first copy of some headers (Authorization, Content-Type, User-Agent and the
 * rest of the list under `message.headers` in Node's HTTP docs) and joins the copies of others
 * with ", ", as Fetch's `Headers` does for all of them. Left alone, an Authorization sent twice
 * would be "first wins" through Express, Koa and Fastify and refused through `fetch`. Here every
 * repeated header is joined as Fetch joins it, so a proof sent twice reads as "a, b" and gets the
 * same answer on every adapter. A request without repeats (the usual case) is passed through as
 * it is: counting its header names is all the extra work.
 */
function withEveryCopy(request: IncomingMessage): IncomingHttpHeaders {
  const headers = request.headers;
  const raw = request.rawHeaders;
  let names = 0;
  for (const _ in headers) names++;
  if (names * 2 === raw.length) return headers;
  const copies = new Map<string, string[]>();
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index]!.toLowerCase();
    const values = copies.get(name);
    if (values) values.push(raw[index + 1]!);
    else copies.set(name, [raw[index + 1]!]);
  }
  const joined: IncomingHttpHeaders = { ...headers };
  for (const [name, values] of copies) {
    if (values.length > 1 && !KEPT_BY_NODE.has(name)) joined[name] = values.join(', ');
  }
  return joined;
}

/** Writes a pipeline answer to a Node response exactly as given. */
export function writeNodeResponse(response: ServerResponse, answer: WebhookResponse): void {
  response.statusCode = answer.status;
  const headers = answer.headers;
  for (const name in headers) response.setHeader(name, headers[name] as string);
  if (answer.body === '') {
    response.end();
    return;
  }
  response.setHeader('content-length', Buffer.byteLength(answer.body));
  response.end(answer.body);
}
