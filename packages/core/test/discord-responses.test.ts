import {
  createReceiver,
  type DiscordInteractionName,
  DiscordMessageFlags,
  discord,
  discordReply,
} from '@hookguard/core';
import { InteractionResponseFlags, InteractionResponseType } from 'discord-interactions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  discordInteractionFixtures,
  discordModalFromComponent,
} from '../src/providers/discord/kit/fixtures.js';
import { discordPublicKeyOf, discordRequest } from '../src/providers/discord/kit/sign.js';

const SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const publicKey = discordPublicKeyOf(SEED);
const signed = (body: unknown) => discordRequest(body, { privateKey: SEED, timestamp: 1700000000 });

const message = { type: 4, data: { content: 'rolled **7**', flags: 64, embeds: [{ title: 'd20' }] } };
const deferred = { type: 5 };
const deferredEphemeral = { type: 5, data: { flags: 64 } };
const deferUpdate = { type: 6 };
const update = { type: 7, data: { content: 'rerolled', components: [] } };
const choices = {
  type: 8,
  data: {
    choices: [
      { name: '20', value: 20 },
      { name: 'twelve', value: '12' },
    ],
  },
};
const modal = {
  type: 9,
  data: {
    custom_id: 'feedback',
    title: 'Feedback',
    components: [{ type: 18, label: 'Comment', component: { type: 4, custom_id: 'comment', style: 2 } }],
  },
};
const launch = { type: 12 };
const every = { message, deferred, deferredEphemeral, deferUpdate, update, choices, modal, launch };

/** Which responses each interaction takes (Discord's table of response types). */
const takes: Record<string, readonly (keyof typeof every)[]> = {
  application_command: ['message', 'deferred', 'deferredEphemeral', 'modal', 'launch'],
  message_component: ['message', 'deferred', 'deferredEphemeral', 'deferUpdate', 'update', 'modal', 'launch'],
  application_command_autocomplete: ['choices'],
  modal_submit: ['message', 'deferred', 'deferredEphemeral', 'launch'],
  'modal_submit (opened from a component)': [
    'message',
    'deferred',
    'deferredEphemeral',
    'deferUpdate',
    'update',
    'launch',
  ],
};
const bodies: Record<string, Record<string, unknown>> = {
  ...discordInteractionFixtures,
  'modal_submit (opened from a component)': discordModalFromComponent,
};

function receiverReplying(reply: unknown) {
  const handler = vi.fn(() => reply);
  // The reply is checked at run time here: the type tests cover what the compiler refuses.
  const receiver = createReceiver(discord({ publicKey })).on('*', handler as never);
  return { receiver, handler };
}

describe('discord(): interaction responses', () => {
  for (const [interaction, allowed] of Object.entries(takes)) {
    for (const [name, reply] of Object.entries(every)) {
      if (allowed.includes(name as keyof typeof every)) {
        it(`${interaction} answers a ${name} (${reply.type}) exactly as returned`, async () => {
          const { receiver, handler } = receiverReplying(reply);
          const response = await receiver.handle(signed(bodies[interaction]));
          expect(response.status).toBe(200);
          expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
          expect(response.body).toBe(JSON.stringify(reply));
          expect(handler).toHaveBeenCalledOnce();
        });
      } else {
        it(`${interaction} refuses a ${name} (${reply.type}) with 500 INVALID_REPLY`, async () => {
          const { receiver } = receiverReplying(reply);
          const response = await receiver.handle(signed(bodies[interaction]));
          expect(response.status).toBe(500);
          expect(JSON.parse(response.body)).toEqual({
            error: { code: 'INVALID_REPLY', message: 'The handler returned a reply this event cannot carry' },
          });
        });
      }
    }
  }

  const malformed: [string, unknown][] = [
    ['a PONG (only the provider answers PING)', { type: 1 }],
    ['a message without its data object', { type: 4, content: 'hi' }],
    ['a message with an unknown flag', { type: 4, data: { content: 'hi', flags: 1 << 1 } }],
    [
      'a deferred answer with IS_COMPONENTS_V2',
      { type: 5, data: { flags: DiscordMessageFlags.IS_COMPONENTS_V2 } },
    ],
    ['a deferred answer with content', { type: 5, data: { content: 'hi' } }],
    [
      '26 autocomplete choices',
      { type: 8, data: { choices: Array.from({ length: 26 }, (_, i) => ({ name: `${i}`, value: i })) } },
    ],
    ['a modal without components', { type: 9, data: { custom_id: 'x', title: 'X', components: [] } }],
    ['an unknown response type', { type: 10 }],
    ['a string', 'pong'],
  ];
  for (const [name, reply] of malformed) {
    it(`refuses ${name} with 500 INVALID_REPLY`, async () => {
      const interaction = name.includes('autocomplete')
        ? 'application_command_autocomplete'
        : 'message_component';
      const { receiver } = receiverReplying(reply);
      const response = await receiver.handle(signed(discordInteractionFixtures[interaction]));
      expect(response.status).toBe(500);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'INVALID_REPLY' } });
    });
  }

  it('uses Discord’s numbers for flags and response types (as discord-interactions names them)', () => {
    expect(DiscordMessageFlags).toEqual({
      SUPPRESS_EMBEDS: 1 << 2,
      EPHEMERAL: InteractionResponseFlags.EPHEMERAL,
      SUPPRESS_NOTIFICATIONS: 1 << 12,
      IS_COMPONENTS_V2: InteractionResponseFlags.IS_COMPONENTS_V2,
    });
    expect(
      [message, deferred, deferUpdate, update, choices, modal, launch].map((reply) => reply.type),
    ).toEqual([
      InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE,
      InteractionResponseType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE,
      InteractionResponseType.DEFERRED_UPDATE_MESSAGE,
      InteractionResponseType.UPDATE_MESSAGE,
      InteractionResponseType.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT,
      InteractionResponseType.MODAL,
      InteractionResponseType.LAUNCH_ACTIVITY,
    ]);
  });

  it('the reply helpers build the documented responses', () => {
    expect(discordReply.message('hi')).toEqual({ type: 4, data: { content: 'hi' } });
    expect(discordReply.message({ content: 'hi', flags: 4 }, { ephemeral: true })).toEqual({
      type: 4,
      data: { content: 'hi', flags: 68 },
    });
    expect(discordReply.deferred()).toEqual({ type: 5 });
    expect(discordReply.deferred({ ephemeral: true })).toEqual({ type: 5, data: { flags: 64 } });
    expect(discordReply.deferUpdate()).toEqual({ type: 6 });
    expect(discordReply.update({ content: 'x' })).toEqual({ type: 7, data: { content: 'x' } });
    expect(discordReply.choices([{ name: 'a', value: 'a' }])).toEqual({
      type: 8,
      data: { choices: [{ name: 'a', value: 'a' }] },
    });
    expect(discordReply.modal(modal.data)).toEqual(modal);
    expect(discordReply.launchActivity()).toEqual({ type: 12 });
  });
});

describe('discord(): no reply, a late reply, and ack-first mode', () => {
  afterEach(() => vi.useRealTimers());

  const defaults: [DiscordInteractionName | 'modal_submit (opened from a component)', unknown][] = [
    ['application_command', { type: 5 }],
    ['message_component', { type: 6 }],
    ['application_command_autocomplete', { type: 8, data: { choices: [] } }],
    ['modal_submit', { type: 5 }],
    ['modal_submit (opened from a component)', { type: 5 }],
  ];

  for (const [interaction, expected] of defaults) {
    it(`a ${interaction} whose handler returns nothing is deferred: ${JSON.stringify(expected)}`, async () => {
      const { receiver } = receiverReplying(undefined);
      const response = await receiver.handle(signed(bodies[interaction]));
      expect(response.status).toBe(200);
      expect(response.body).toBe(JSON.stringify(expected));
    });
  }

  it('a slow command gets the deferred answer (type 5) within the deadline, and its handler goes on', async () => {
    vi.useFakeTimers();
    let finished = false;
    let aborted: boolean | undefined;
    const receiver = createReceiver(discord({ publicKey })).on('application_command', async (_, context) => {
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      aborted = context.signal.aborted;
      finished = true;
      return { type: 4, data: { content: 'too late' } };
    });
    const answer = receiver.handle(signed(discordInteractionFixtures.application_command));
    await vi.advanceTimersByTimeAsync(2_499);
    let settled = false;
    void answer.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const response = await answer;
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"type":5}');
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(finished).toBe(true);
    expect(aborted).toBe(true);
    await receiver.close();
  });

  it('a slow component gets 6 (acknowledged, no loading state); a slow autocomplete gets no choices', async () => {
    vi.useFakeTimers();
    const slow = () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 10_000));
    const receiver = createReceiver(discord({ publicKey, deadlineMs: 1_000 }))
      .on('message_component', slow)
      .on('application_command_autocomplete', slow);
    const component = receiver.handle(signed(discordInteractionFixtures.message_component));
    const autocomplete = receiver.handle(signed(discordInteractionFixtures.application_command_autocomplete));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await component).body).toBe('{"type":6}');
    expect((await autocomplete).body).toBe('{"type":8,"data":{"choices":[]}}');
    await vi.advanceTimersByTimeAsync(10_000);
    await receiver.close();
  });

  it('deferEphemeral makes the deferred answer ephemeral, so the follow-up is too', async () => {
    vi.useFakeTimers();
    const receiver = createReceiver(discord({ publicKey, deferEphemeral: true })).on(
      'application_command',
      () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 5_000)),
    );
    const answer = receiver.handle(signed(discordInteractionFixtures.application_command));
    await vi.advanceTimersByTimeAsync(2_500);
    expect((await answer).body).toBe('{"type":5,"data":{"flags":64}}');
    await vi.advanceTimersByTimeAsync(5_000);
    await receiver.close();
  });

  it('a fast handler’s reply wins over the deadline', async () => {
    const receiver = createReceiver(discord({ publicKey })).on('application_command', async () =>
      discordReply.message('fast'),
    );
    const response = await receiver.handle(signed(discordInteractionFixtures.application_command));
    expect(response.body).toBe('{"type":4,"data":{"content":"fast"}}');
  });

  it('ack-first mode answers every interaction with its deferred default at once', async () => {
    const handler = vi.fn(() => discordReply.message('dropped'));
    const receiver = createReceiver(discord({ publicKey }), { mode: 'ack-first' }).on('*', handler);
    expect((await receiver.handle(signed(discordInteractionFixtures.application_command))).body).toBe(
      '{"type":5}',
    );
    expect((await receiver.handle(signed(discordInteractionFixtures.message_component))).body).toBe(
      '{"type":6}',
    );
    await receiver.close();
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('an interaction type hookguard does not know reaches `unknown` handlers and is deferred', async () => {
    const unknown = vi.fn();
    const receiver = createReceiver(discord({ publicKey })).on('unknown', unknown);
    const body = { ...discordInteractionFixtures.application_command, type: 42 };
    const response = await receiver.handle(signed(body));
    expect(response.body).toBe('{"type":5}');
    expect(unknown).toHaveBeenCalledOnce();
  });

  it('dedupes on the interaction id: a replayed request gets the remembered answer, the handler runs once', async () => {
    const handler = vi.fn(() => discordReply.message('once'));
    const receiver = createReceiver(discord({ publicKey }), { dedupe: true }).on(
      'application_command',
      handler,
    );
    const request = signed(discordInteractionFixtures.application_command);
    const first = await receiver.handle(request);
    const replay = await receiver.handle(request);
    expect(replay.body).toBe(first.body);
    expect(handler).toHaveBeenCalledOnce();
  });
});
