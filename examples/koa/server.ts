import { configFromEnv, createReceivers } from '../common/receivers.js';
import { createApp } from './app.js';

const port = Number(process.env['PORT'] ?? 8080);
const { config, demo } = configFromEnv();
if (demo.length > 0)
  console.warn(`Public demo secrets in use for ${demo.join(', ')}: set them before deploying.`);
const mounts = createReceivers(config);
createApp(mounts).listen(port, () => {
  console.log(
    `hookguard Koa example on http://127.0.0.1:${port}${mounts.map((m) => `\n  POST ${m.path}`).join('')}`,
  );
});
