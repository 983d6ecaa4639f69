import type { ReceiverLike } from '@hookguard/core';
import { nodeRequestHead, writeNodeResponse } from '@hookguard/core/adapter';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface ExpressWebhookOptions {
  /**
   * When another parser already read the stream, use `req.rawBody` if it holds the exact bytes
   * (a Buffer, as `express.json({ verify: (req, _res, buf) => { req.rawBody = buf } })` captures).
   * Default true. A string or a parsed object is never trusted.
   */
  readonly useCapturedRawBody?: boolean;
}

/**
 * Express 5 middleware: `app.post('/onebot', expressWebhook(receiver))`. Reads the body itself,
 * so no body parser is needed on this route; answers every case itself (never calls `next(err)`
 * for a webhook problem), with the same status and body as every other adapter.
 */
export function expressWebhook(receiver: ReceiverLike, options: ExpressWebhookOptions = {}): RequestHandler {
  const useCaptured = options.useCapturedRawBody ?? true;
  return function hookguardExpress(req: Request, res: Response, next: NextFunction): void {
    const head = nodeRequestHead(req, req.originalUrl, req.ip);
    const captured = (req as Request & { rawBody?: unknown }).rawBody;
    const streamRead = req.readableEnded || !req.readable;
    const answer =
      streamRead && useCaptured && Buffer.isBuffer(captured)
        ? receiver.handle({ ...head, body: captured })
        : receiver.handleStream(head, req);
    answer.then((response) => writeNodeResponse(res, response), next);
  };
}
