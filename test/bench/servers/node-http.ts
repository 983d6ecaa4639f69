import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Variant } from '../variants.js';
import { handWritten } from './hand-written.js';
import { readAll } from './raw.js';
import { listenLoopback, type Running } from './running.js';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

function answer(response: ServerResponse, status: number): void {
  response.statusCode = status;
  response.end();
}

/**
 * Plain node:http; hookguard goes through `receiver.handleStream`, the call every adapter makes.
 * Each variant imports only what it uses, so servers start fast.
 */
async function listenerFor(variant: Variant): Promise<Listener> {
  switch (variant) {
    case 'a':
      return (request, response) => {
        readAll(request).then(() => answer(response, 204));
      };
    case 'b':
    case 'b+zod': {
      const check = await handWritten(variant);
      return (request, response) => {
        readAll(request).then((body) => answer(response, check(body, request.headers) ? 204 : 401));
      };
    }
    case 'c':
    case 'c-sw': {
      const { nodeRequestHead, writeNodeResponse } = await import('@hookguard/core/adapter');
      const { githubReceiver, standardReceiver } = await import('./hookguard.js');
      const receiver = variant === 'c' ? githubReceiver() : standardReceiver();
      return (request, response) => {
        receiver
          .handleStream(nodeRequestHead(request), request)
          .then((result) => writeNodeResponse(response, result));
      };
    }
    case 'd': {
      const middleware = (await import('./peers.js')).octokitMiddleware();
      return (request, response) => {
        middleware(request, response);
      };
    }
    case 'e': {
      const verify = (await import('./peers.js')).standardWebhooksVerifier();
      return (request, response) => {
        readAll(request).then((body) => answer(response, verify(body, request) ? 204 : 401));
      };
    }
  }
}

export async function serveNode(variant: Variant): Promise<Running> {
  return listenLoopback(await listenerFor(variant));
}
