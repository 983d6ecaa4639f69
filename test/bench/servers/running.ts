import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A bench server listening on a loopback port. */
export interface Running {
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 and an ephemeral port: the bench never leaves loopback. */
export async function listenLoopback(handler: RequestListener | Server): Promise<Running> {
  const server = typeof handler === 'function' ? createServer(handler) : handler;
  // Keep-alive above autocannon's run length, so connections are never recycled mid-run.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
