import {
  createReceiver,
  discord,
  discordReply,
  type InboxDelivery,
  type LateReply,
  type Logger,
  onebot,
} from '@hookguard/core';
import {
  discordInteractionFixtures,
  discordPublicKeyOf,
  discordRequest,
  napcatGroupMessage,
  onebotRequest,
} from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const command = discordInteractionFixtures.application_command;
const signing = { privateKey: SEED, timestamp: Math.floor(Date.now() / 1000) };

function recordingLogger() {
  const lines: { level: string; message: string; fields: unknown }[] = [];
  const record =
    (level: string) =>
    (message: string, fields?: unknown): void => {
      lines.push({ level, message, fields });
    };
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  return { logger, lines };
}

/** A handler that answers after `ms`, long past a short deadline. */
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('a reply that comes after the deadline', () => {
  it('Discord: the interaction is deferred in time, and onLateReply gets the reply with the interaction and its token', async () => {
    const late: LateReply[] = [];
    const { logger } = recordingLogger();
    const receiver = createReceiver(discord({ publicKey: discordPublicKeyOf(SEED), deadlineMs: 50 }), {
      logger,
      onLateReply: (reply) => {
        late.push(reply);
      },
    }).on('application_command', () => after(150, discordReply.message('the report is ready')));

    const response = await receiver.handle(discordRequest(command, signing));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ type: 5 });
    expect(late).toEqual([]);

    await vi.waitFor(() => expect(late).toHaveLength(1));
    expect(late[0]).toMatchObject({
      name: 'application_command',
      after: 'deadline',
      reply: { type: 4, data: { content: 'the report is ready' } },
      event: { id: command.id, token: command.token, application_id: command.application_id },
      context: { provider: 'discord', deliveryKey: command.id },
    });
  });

  it('without onLateReply, says per delivery that the reply was not sent, naming the event and key but not the reply', async () => {
    const { logger, lines } = recordingLogger();
    const receiver = createReceiver(discord({ publicKey: discordPublicKeyOf(SEED), deadlineMs: 50 }), {
      logger,
    }).on('application_command', () => after(150, discordReply.message('secret-ish content')));
    await receiver.handle(discordRequest(command, signing));
    await receiver.handle(discordRequest({ ...command, id: '2' }, signing));
    await vi.waitFor(() =>
      expect(lines.filter((line) => line.message.includes('was not sent'))).toHaveLength(2),
    );
    const warning = lines.find((line) => line.message.includes('was not sent'))!;
    expect(warning.level).toBe('warn');
    expect(warning.fields).toEqual({
      provider: 'discord',
      event: 'application_command',
      deliveryKey: command.id,
    });
    expect(JSON.stringify(lines)).not.toContain('secret-ish');
  });

  it('a handler that returns nothing late is not reported as a lost reply', async () => {
    const onLateReply = vi.fn();
    const { logger, lines } = recordingLogger();
    let finished = false;
    const receiver = createReceiver(discord({ publicKey: discordPublicKeyOf(SEED), deadlineMs: 50 }), {
      logger,
      onLateReply,
    }).on('application_command', async () => {
      await after(150, undefined);
      finished = true;
    });
    await receiver.handle(discordRequest(command, signing));
    await vi.waitFor(() => expect(finished).toBe(true));
    await receiver.close();
    expect(onLateReply).not.toHaveBeenCalled();
    expect(lines.filter((line) => line.message.includes('not sent'))).toEqual([]);
  });

  it('close() waits for onLateReply to finish, and a throwing hook is logged, not a crash', async () => {
    const { logger, lines } = recordingLogger();
    let hookDone = false;
    const receiver = createReceiver(discord({ publicKey: discordPublicKeyOf(SEED), deadlineMs: 20 }), {
      logger,
      onLateReply: async () => {
        await after(100, undefined);
        hookDone = true;
        throw new Error('Discord API unreachable');
      },
    }).on('application_command', () => after(50, discordReply.message('late')));
    await receiver.handle(discordRequest(command, signing));
    const report = await receiver.close({ timeoutMs: 5000 });
    expect(hookDone).toBe(true);
    expect(report).toMatchObject({ completed: 1, unfinished: 0 });
    const failure = lines.find((line) => line.message.startsWith('onLateReply threw'));
    expect(failure).toMatchObject({
      level: 'error',
      fields: {
        event: 'application_command',
        deliveryKey: command.id,
        error: expect.stringContaining('unreachable'),
      },
    });
  });

  it('an unusable late reply goes to onError, not onLateReply', async () => {
    const onLateReply = vi.fn();
    const onError = vi.fn();
    const receiver = createReceiver(discord({ publicKey: discordPublicKeyOf(SEED), deadlineMs: 20 }), {
      logger: recordingLogger().logger,
      onLateReply,
      onError,
    }).on('application_command', () => after(60, { type: 6 } as never));
    await receiver.handle(discordRequest(command, signing));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onLateReply).not.toHaveBeenCalled();
  });
});

describe('a reply in ack-first mode', () => {
  it('goes to onLateReply, after the sender already had its 204', async () => {
    const late: LateReply[] = [];
    const receiver = createReceiver(onebot({ secret: 's' }), {
      mode: 'ack-first',
      logger: recordingLogger().logger,
      onLateReply: (reply) => {
        late.push(reply);
      },
    }).on('message.group', () => ({ reply: 'pong' }));
    const response = await receiver.handle(onebotRequest(napcatGroupMessage, 's'));
    expect(response.status).toBe(204);
    await vi.waitFor(() => expect(late).toHaveLength(1));
    expect(late[0]).toMatchObject({
      name: 'message.group.normal',
      after: 'ack-first',
      reply: { reply: 'pong' },
      event: { message_id: napcatGroupMessage.message_id },
    });
  });

  it('without onLateReply, is reported once per receiver, not once per delivery', async () => {
    const { logger, lines } = recordingLogger();
    const receiver = createReceiver(onebot({ secret: 's' }), { mode: 'ack-first', logger }).on(
      'message.group',
      () => ({ reply: 'pong' }),
    );
    for (const message_id of [1, 2, 3]) {
      await receiver.handle(onebotRequest({ ...napcatGroupMessage, message_id }, 's'));
    }
    await receiver.close();
    const warnings = lines.filter((line) => line.message.includes('replies are dropped'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.level).toBe('warn');
  });

  it('from an inbox worker goes to onLateReply too: the 2xx went out when the delivery was stored', async () => {
    const stored: InboxDelivery[] = [];
    const late: LateReply[] = [];
    const receiver = createReceiver(onebot({ secret: 's' }), {
      inbox: { enqueue: async (delivery) => void stored.push(delivery) },
      logger: recordingLogger().logger,
      onLateReply: (reply) => {
        late.push(reply);
      },
    }).on('message.group', () => ({ reply: 'pong' }));
    expect((await receiver.handle(onebotRequest(napcatGroupMessage, 's'))).status).toBe(204);
    expect(late).toEqual([]);
    await receiver.process(stored[0]!);
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({
      name: 'message.group.normal',
      after: 'ack-first',
      reply: { reply: 'pong' },
    });
  });
});
