import { consoleLogger, createReceiver, onebot, plainText } from '@hookguard/core';
import { expressWebhook } from '@hookguard/express';
import express from 'express';

export interface ExampleConfig {
  /** NapCat http-client "token". The demo default is for local trials only. */
  readonly onebotSecret: string;
  readonly quiet?: boolean;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ExampleConfig {
  return { onebotSecret: env['ONEBOT_SECRET'] ?? 'hookguard-demo-onebot' };
}

/** A NapCat bot: `ping` → `pong` in private and group chats, friend requests approved. */
export function createApp(config: ExampleConfig): express.Express {
  const bot = createReceiver(onebot({ secret: config.onebotSecret }), {
    ...(config.quiet ? {} : { logger: consoleLogger }),
    onError: (error, context) => console.error(`handler failed for ${context.name}:`, error),
  })
    .on('message.private', (event) =>
      plainText(event.message).trim() === 'ping' ? { reply: 'pong' } : undefined,
    )
    .on('message.group', (event) =>
      plainText(event.message).trim() === 'ping' ? { reply: 'pong', at_sender: true } : undefined,
    )
    .on('request.friend', () => ({ approve: true }));

  const app = express();
  // Mounted before any body parser: hookguard reads the exact bytes itself.
  // `all`, not `post`: a GET gets hookguard's JSON 405 with Allow: POST, like every other adapter.
  app.all('/onebot', expressWebhook(bot));
  // Other routes can use express.json() as usual.
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  return app;
}
