import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHead } from '../receiver/create-receiver.js';
import type { WebhookResponse } from './types.js';

/** The head of a Node request, for adapters; `url` should be the original URL when a router rewrote it. */
export function nodeRequestHead(request: IncomingMessage, url?: string, remoteAddress?: string): RequestHead {
  return {
    method: request.method ?? 'GET',
    url: url ?? request.url ?? '/',
    headers: request.headers,
    remoteAddress: remoteAddress ?? request.socket?.remoteAddress,
  };
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
