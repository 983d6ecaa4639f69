import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describeExample } from '../shared/describe-example.js';
import { createHandler } from './app.js';

describeExample('examples/fetch', async (mounts) => {
  const server = serve({ fetch: createHandler(mounts), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server: server as never,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
