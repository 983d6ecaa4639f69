import { createReceiver, onebot } from '@hookguard/core';
import { expressWebhook } from '@hookguard/express';
import { redisDedupeStore, redisInbox } from '@hookguard/redis';
import express from 'express';
import { Redis } from 'ioredis';

// No offline queue: during a Redis outage, requests get a prompt 503 (senders retry) instead
// of waiting past the sender's timeout. The worker waits for Redis and resumes on its own.
const redis = new Redis(process.env.REDIS_URL!, { enableOfflineQueue: false });
const inbox = redisInbox(redis);
const receiver = createReceiver(onebot({ secret: process.env.ONEBOT_SECRET! }), {
  dedupe: redisDedupeStore(redis),
  inbox, // implies mode: 'ack-first'
}).on('message.group', async (event, context) => {
  // Your work goes here; a throw is retried with backoff, then kept in the dead letters.
  console.log(`handled message ${event.message_id} from group ${event.group_id} (${context.deliveryKey})`);
});

const app = express();
app.all('/onebot', expressWebhook(receiver));
const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => console.log(`listening on port ${port}`));
const worker = inbox.startWorker(receiver, { concurrency: 8 });

process.on('SIGTERM', async () => {
  server.close(); // no new connections; requests already in progress are still answered
  await receiver.close(); // new posts get 503 + Retry-After; waits for writes in progress
  await worker.close(); // waits for running handlers; the rest is taken over by other workers
  await redis.quit();
});
