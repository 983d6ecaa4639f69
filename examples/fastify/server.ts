import { configFromEnv, createReceivers } from '../common/receivers.js';
import { createApp } from './app.js';

const port = Number(process.env['PORT'] ?? 8080);
const { config, demo } = configFromEnv();
if (demo.length > 0)
  console.warn(`Public demo secrets in use for ${demo.join(', ')}: set them before deploying.`);
const mounts = createReceivers(config);
const app = createApp(mounts, { logger: true, trustProxy: process.env['TRUST_PROXY'] === '1' });
await app.listen({ port, host: process.env['HOST'] ?? '127.0.0.1' });
console.log(`hookguard Fastify example on port ${port}${mounts.map((m) => `\n  POST ${m.path}`).join('')}`);
