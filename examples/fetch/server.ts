import { serve } from '@hono/node-server';
import { configFromEnv, createReceivers } from '../common/receivers.js';
import { createHandler } from './app.js';

const port = Number(process.env['PORT'] ?? 8080);
const { config, demo } = configFromEnv();
if (demo.length > 0)
  console.warn(`Public demo secrets in use for ${demo.join(', ')}: set them before deploying.`);
const mounts = createReceivers(config);
// @hono/node-server turns Node's requests into Web Requests; any fetch handler can be served by it.
serve({ fetch: createHandler(mounts), port }, () => {
  console.log(
    `hookguard fetch example on http://127.0.0.1:${port}${mounts.map((m) => `\n  POST ${m.path}`).join('')}`,
  );
});
