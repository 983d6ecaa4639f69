import { configFromEnv, createApp } from './app.js';

const port = Number(process.env['PORT'] ?? 8080);
const config = configFromEnv();
if (!process.env['ONEBOT_SECRET'])
  console.warn('ONEBOT_SECRET is not set: using the demo token. Do not deploy this.');
createApp(config).listen(port, () => {
  console.log(`NapCat http-client → http://127.0.0.1:${port}/onebot (token: the ONEBOT_SECRET value)`);
});
