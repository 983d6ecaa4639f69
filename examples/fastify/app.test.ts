import { describeExample } from '../shared/describe-example.js';
import { createApp } from './app.js';

describeExample('examples/fastify', async (mounts) => {
  const app = createApp(mounts);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, server: app.server, close: () => app.close() };
});
