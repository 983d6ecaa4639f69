import { createReceiver, type Logger, onebot, silentLogger } from '@hookguard/core';
import { napcatGroupMessage, onebotRequest } from '@hookguard/core/testing';
import { type InboxWorker, redisInbox } from '@hookguard/redis';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type RedisProcess, redisProcess, redisServerInstalled } from './redis-process.js';

const message = (message_id: number) => onebotRequest({ ...napcatGroupMessage, message_id }, 'secret');

function capturingLogger() {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  const logger: Logger = { debug: () => {}, info: () => {}, warn: record('warn'), error: record('error') };
  return { logger, lines };
}

describe.skipIf(!redisServerInstalled() && process.env['CI'] !== 'true')(
  'the inbox worker outlives Redis outages',
  () => {
    let server: RedisProcess | undefined;
    const clients: Redis[] = [];
    const workers: InboxWorker[] = [];
    afterEach(async () => {
      await Promise.all(workers.splice(0).map((worker) => worker.close({ timeoutMs: 100 })));
      for (const client of clients.splice(0)) client.disconnect();
      await server?.kill();
    });

    /** The README's connection: no offline queue, connected on first use. */
    function readmeClient(url: string): Redis {
      const client = new Redis(url, { enableOfflineQueue: false, lazyConnect: true });
      client.on('error', () => {});
      clients.push(client);
      return client;
    }

    function setup(url: string) {
      const seen: number[] = [];
      const { logger, lines } = capturingLogger();
      const inbox = redisInbox(readmeClient(url));
      const receiver = createReceiver(onebot({ secret: 'secret' }), { inbox, logger: silentLogger }).on(
        'message.group',
        (event) => {
          seen.push(event.message_id);
        },
      );
      workers.push(inbox.startWorker(receiver, { blockMs: 50, logger }));
      /** The sender's retries: 503 while Redis is away, 204 once the delivery is stored. */
      const deliver = (id: number) =>
        vi.waitFor(async () => expect((await receiver.handle(message(id))).status).toBe(204), {
          timeout: 15_000,
          interval: 100,
        });
      return { seen, lines, deliver };
    }

    it('a worker started before Redis is up starts consuming once it is', async () => {
      server = await redisProcess();
      const { seen, lines, deliver } = setup(server.url);
      await vi.waitFor(() => expect(lines[0]).toBe('error inbox worker cannot use Redis; retrying'));

      await server.start();
      await deliver(1);
      await vi.waitFor(() => expect(seen).toEqual([1]), { timeout: 15_000, interval: 50 });
      expect(lines).toContain('warn inbox worker reached Redis again and is consuming');
    }, 40_000);

    it('a worker whose Redis is killed and restarted resumes, and runs what arrives afterwards', async () => {
      server = await redisProcess();
      await server.start();
      const { seen, lines, deliver } = setup(server.url);
      await deliver(1);
      await vi.waitFor(() => expect(seen).toEqual([1]), { timeout: 15_000, interval: 50 });

      await server.kill();
      await vi.waitFor(() => expect(lines).toContain('error inbox worker cannot use Redis; retrying'), {
        timeout: 15_000,
        interval: 50,
      });
      // A restart without persistence: the stream and its consumer group are gone too.
      await server.start();
      await deliver(2);
      await vi.waitFor(() => expect(seen).toEqual([1, 2]), { timeout: 15_000, interval: 50 });
      expect(lines).toContain('warn inbox worker reached Redis again and is consuming');
    }, 40_000);
  },
);
