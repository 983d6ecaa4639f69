import type { IncomingMessage, ServerResponse } from 'node:http';
import { nodeRequestHead, writeNodeResponse } from '@hookguard/core';
import type { Variant } from '../variants.js';
import {
  githubReceiver,
  handWrittenVerifyAndParse,
  octokitMiddleware,
  readAll,
  standardReceiver,
  standardWebhooksVerifier,
} from './pieces.js';
import { listenLoopback, type Running } from './running.js';

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

function answer(response: ServerResponse, status: number): void {
  response.statusCode = status;
  response.end();
}

/** Plain node:http; hookguard goes through `receiver.handleStream`, the call every adapter makes. */
function listenerFor(variant: Variant): Listener {
  switch (variant) {
    case 'a':
      return (request, response) => {
        readAll(request).then(() => answer(response, 204));
      };
    case 'b':
      return (request, response) => {
        readAll(request).then((body) => {
          const event = handWrittenVerifyAndParse(body, request.headers['x-hub-signature-256']);
          answer(response, event === undefined ? 401 : 204);
        });
      };
    case 'c':
    case 'c-sw': {
      const receiver = variant === 'c' ? githubReceiver() : standardReceiver();
      return (request, response) => {
        receiver
          .handleStream(nodeRequestHead(request), request)
          .then((result) => writeNodeResponse(response, result));
      };
    }
    case 'd': {
      const middleware = octokitMiddleware();
      return (request, response) => {
        middleware(request, response);
      };
    }
    case 'e': {
      const verify = standardWebhooksVerifier();
      return (request, response) => {
        readAll(request).then((body) => answer(response, verify(body, request) ? 204 : 401));
      };
    }
  }
}

export function serveNode(variant: Variant): Promise<Running> {
  return listenLoopback(listenerFor(variant));
}
