import { createReceiver, type Inbox, type InboxDelivery, type Logger, onebot } from '@hookguard/core';
import { describeThrown } from '@hookguard/core/adapter';
import { napcatGroupMessage, onebotRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { awkwardThrownValues, failOnProcessCrash } from '../../../test/support/thrown-values.js';

const provider = onebot({ secret: 'secret' });
let serial = 0;
/** A fresh message each time, so dedupe never answers one from the store. */
const message = () => onebotRequest({ ...napcatGroupMessage, message_id: ++serial }, 'secret');

function recordingLogger() {
  const errors: { message: string; fields: Record<string, unknown> | undefined }[] = [];
  const nothing = () => {};
  const logger: Logger = {
    debug: nothing,
    info: nothing,
    warn: nothing,
    error: (text, fields) => errors.push({ message: text, fields }),
  };
  return { logger, errors };
}

/** Throws `value` the first time, replies afterwards; `late` makes it throw after a delay. */
function throwingOnce(value: unknown, delayMs?: number) {
  let calls = 0;
  return async () => {
    if (++calls > 1) return { reply: 'fine again' };
    if (delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, delayMs));
    throw value;
  };
}

describe.each(awkwardThrownValues())('a handler that throws %s', (_, value) => {
  failOnProcessCrash();

  it('answers 500 HANDLER_FAILED in reply mode, gives onError the value, and the next request succeeds', async () => {
    const onError = vi.fn();
    const { logger, errors } = recordingLogger();
    const receiver = createReceiver(provider, { onError, logger }).on('message.group', throwingOnce(value));
    const failed = await receiver.handle(message());
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body).error.code).toBe('HANDLER_FAILED');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBe(value);
    expect(errors[0]).toMatchObject({
      message: 'webhook handler failed',
      fields: { error: describeThrown(value) },
    });
    expect(JSON.parse((await receiver.handle(message())).body)).toEqual({ reply: 'fine again' });
  });

  it('is reported to onError in ack-first mode without ending the process', async () => {
    const onError = vi.fn();
    const receiver = createReceiver(provider, { onError, mode: 'ack-first' }).on(
      'message.group',
      throwingOnce(value),
    );
    expect((await receiver.handle(message())).status).toBe(204);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0]).toBe(value);
    expect((await receiver.close()).unfinished).toBe(0);
  });

  it('is reported to onError when thrown after the ack deadline, without ending the process', async () => {
    const onError = vi.fn();
    const receiver = createReceiver(provider, { onError, deadlineMs: 10 }).on(
      'message.group',
      throwingOnce(value, 40),
    );
    expect((await receiver.handle(message())).status).toBe(204);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0]).toBe(value);
    expect((await receiver.close()).unfinished).toBe(0);
  });

  it('rejects receiver.process() with HANDLER_FAILED and reaches onError (inbox workers)', async () => {
    const stored: InboxDelivery[] = [];
    const inbox: Inbox = { enqueue: async (delivery) => void stored.push(delivery) };
    const onError = vi.fn();
    const receiver = createReceiver(provider, { onError, inbox }).on('message.group', throwingOnce(value));
    expect((await receiver.handle(message())).status).toBe(204);
    await expect(receiver.process(stored[0]!)).rejects.toMatchObject({ code: 'HANDLER_FAILED' });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBe(value);
    await expect(receiver.process(stored[0]!)).resolves.toBeUndefined();
  });

  it('thrown by onError itself, is logged and changes nothing else, in every mode', async () => {
    const onError = () => {
      throw value;
    };
    const { logger, errors } = recordingLogger();
    const failing = () => {
      throw new Error('handler failed');
    };
    const reply = createReceiver(provider, { onError, logger }).on('message.group', failing);
    const answer = await reply.handle(message());
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body).error.code).toBe('HANDLER_FAILED');
    expect(errors).toContainEqual({
      message: 'onError itself threw',
      fields: { error: describeThrown(value) },
    });

    const ackFirst = createReceiver(provider, { onError, mode: 'ack-first' }).on('message.group', failing);
    expect((await ackFirst.handle(message())).status).toBe(204);
    expect((await ackFirst.close()).unfinished).toBe(0);

    const late = createReceiver(provider, { onError, deadlineMs: 10 }).on('message.group', async () => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      throw new Error('late failure');
    });
    expect((await late.handle(message())).status).toBe(204);
    expect((await late.close()).unfinished).toBe(0);
  });
});

describe('a handler whose reply throws when it is awaited', () => {
  failOnProcessCrash();

  /**
   * Returns an object whose `then` getter throws, so awaiting the reply throws before any value
   * exists. Cast: as in plain JavaScript, where the handler types do not stop it.
   */
  const trap = (() => ({
    // biome-ignore lint/suspicious/noThenProperty: the point is a thenable that throws when awaited
    get then(): never {
      throw new Error('then getter');
    },
  })) as unknown as () => undefined;

  it('fails the delivery as HANDLER_FAILED, like any throw, and onError gets what was thrown', async () => {
    const onError = vi.fn();
    const { logger, errors } = recordingLogger();
    const receiver = createReceiver(provider, { onError, logger }).on('message.group', trap);
    const answer = await receiver.handle(message());
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body).error.code).toBe('HANDLER_FAILED');
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0]![0] as Error).message).toBe('then getter');
    expect(errors.map((error) => error.message)).toEqual(['webhook handler failed']);
  });

  it('is reported once in ack-first mode, and the receiver closes with nothing unfinished', async () => {
    const onError = vi.fn();
    const receiver = createReceiver(provider, { onError, mode: 'ack-first' }).on('message.group', trap);
    expect((await receiver.handle(message())).status).toBe(204);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect((await receiver.close()).unfinished).toBe(0);
  });
});
