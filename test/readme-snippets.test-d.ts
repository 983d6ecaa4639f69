/** The README's TypeScript snippets, kept compiling (`pnpm test` typechecks this file). */
import { createReceiver, msgText, tencent, tencentChat, whatsapp } from '@hookguard/core';

declare function store(value: unknown): Promise<void>;
const im = createReceiver(tencentChat({ token: process.env.TENCENT_TOKEN!, sdkAppId: 1400000000 })).on(
  'C2C.CallbackBeforeSendMsg',
  (event) => (msgText(event.MsgBody).includes('spam') ? tencent.reject(120001, 'blocked') : tencent.allow()),
);

const wa = createReceiver(whatsapp({ secret: process.env.GOWA_SECRET! })).on('message', async (event) => {
  if (event.event === 'message') await store(event.payload);
});

export { im, wa };

// Quick start
import { onebot } from '@hookguard/core';
import { expressWebhook } from '@hookguard/express';
import { fastifyWebhook } from '@hookguard/fastify';
import { koaWebhook } from '@hookguard/koa';
import Router from '@koa/router';
import express from 'express';
import Fastify from 'fastify';

const bot = createReceiver(onebot({ secret: process.env.ONEBOT_SECRET! }))
  .on('message.group', (event) => {
    if (event.raw_message === 'ping') return { reply: 'pong', at_sender: true };
  })
  .on('request.friend', () => ({ approve: true }));

const app = express();
app.all('/onebot', expressWebhook(bot));
const router = new Router();
router.all('/onebot', koaWebhook(bot));
Fastify().register(fastifyWebhook, { receiver: bot, path: '/onebot' });
export const POST = (request: Request) => bot.fetch(request);

// packages/core/README.md, "Lower level": serving a receiver from plain node:http with the adapter plumbing
import { createServer } from 'node:http';
import { nodeRequestHead, writeNodeResponse } from '@hookguard/core/adapter';

export const server = createServer((request, response) => {
  bot.handleStream(nodeRequestHead(request), request).then((answer) => writeNodeResponse(response, answer));
});

// packages/core/README.md, "Slack"; docs/senders.md, "Slack"
import { type SlackOption, slack } from '@hookguard/core';

declare function queueReply(channel: string, text: string, retry: number | undefined): void;
declare function servicesMatching(text: string): SlackOption[];
{
  const slackBot = createReceiver(slack({ signingSecret: process.env.SLACK_SIGNING_SECRET! }))
    .on('command', (command) => ({ response_type: 'in_channel', text: `Deploying ${command.text}` }))
    .on('event.app_mention', (body) => console.log(body.event.user, body.event.text));
  app.all('/slack', expressWebhook(slackBot));

  createReceiver(slack({ signingSecret: process.env.SLACK_SIGNING_SECRET! }))
    .on('event.app_mention', (body, context) =>
      queueReply(body.event.channel, body.event.text, context.meta.retryNum),
    )
    .on('command', (command) => ({ response_type: 'in_channel', text: `Deploying ${command.text}` }))
    .on('view_submission', (body) =>
      body.view.state?.values['note']
        ? undefined
        : { response_action: 'errors', errors: { note: 'Required' } },
    )
    .on('block_suggestion', (body) => ({ options: servicesMatching(body.value) }));
}
