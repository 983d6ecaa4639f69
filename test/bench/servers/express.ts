import express, { type RequestHandler } from 'express';
import type { Variant } from '../variants.js';
import { handWritten } from './hand-written.js';
import { PATH } from './raw.js';
import { listenLoopback, type Running } from './running.js';

/** Express's own raw capture, as a user would mount it for a signed route. */
const raw = express.raw({ type: 'application/json', limit: '1mb' });

async function routeFor(variant: Variant): Promise<RequestHandler[]> {
  switch (variant) {
    case 'a':
      return [raw, (_request, response) => void response.status(204).end()];
    case 'b':
    case 'b+zod': {
      const check = await handWritten(variant);
      return [
        raw,
        (request, response) =>
          void response.status(check(request.body as Buffer, request.headers) ? 204 : 401).end(),
      ];
    }
    case 'c':
    case 'c-sw': {
      const { expressWebhook } = await import('@hookguard/express');
      const { githubReceiver, standardReceiver } = await import('./hookguard.js');
      return [expressWebhook(variant === 'c' ? githubReceiver() : standardReceiver())];
    }
    case 'd': {
      const middleware = (await import('./peers.js')).octokitMiddleware();
      return [(request, response, next) => void middleware(request, response, next)];
    }
    case 'e': {
      const verify = (await import('./peers.js')).standardWebhooksVerifier();
      return [
        raw,
        (request, response) =>
          void response.status(verify(request.body as Buffer, request) ? 204 : 401).end(),
      ];
    }
  }
}

export async function serveExpress(variant: Variant): Promise<Running> {
  const app = express();
  app.post(PATH, ...(await routeFor(variant)));
  return listenLoopback(app as unknown as Parameters<typeof listenLoopback>[0]);
}
