import {
  createReceiver,
  type HandlerContext,
  isMsgElement,
  msgText,
  type TencentChatMeta,
  tencentChat,
  verify,
} from '@hookguard/core';
import { tencentChatEventSchemas } from '@hookguard/core/schemas';
import {
  tencentChatDocSamples,
  tencentChatFixtures,
  tencentChatLaterSamples,
  tencentChatRequest,
} from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const TOKEN = 'event-token';
const provider = tencentChat({ token: TOKEN });
const send = (body: Record<string, unknown>, options: Parameters<typeof tencentChatRequest>[1] = {}) =>
  tencentChatRequest(body, { token: TOKEN, ...options });

/** What a handler sees for a body: the body itself, with EventTime always a number. */
const asDelivered = (body: Record<string, unknown>) =>
  body['EventTime'] === undefined ? body : { ...body, EventTime: Number(body['EventTime']) };

describe('tencentChat() events', () => {
  it('has an example body for every typed command, and a schema for every example', () => {
    expect(Object.keys(tencentChatFixtures).sort()).toEqual(Object.keys(tencentChatEventSchemas).sort());
    // The 2024 list (29 commands) plus Group.CallbackAfterRecallMsg, and the 7 later additions.
    expect(Object.keys(tencentChatDocSamples)).toHaveLength(30);
    expect(Object.keys(tencentChatLaterSamples)).toHaveLength(7);
  });

  it.each(Object.entries(tencentChatFixtures))(
    'parses the sample body of %s as that command',
    async (command, body) => {
      const result = await verify(provider, send(body));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.event.issues).toEqual([]);
      expect(result.event).toMatchObject({ name: command, known: true });
      expect(result.event.payload).toEqual(asDelivered(body));
    },
  );

  it('gives EventTime as a number whether Tencent sent a number or a numeric string', async () => {
    const group = await verify(provider, send(tencentChatFixtures['Group.CallbackAfterGroupFull']));
    const state = await verify(provider, send(tencentChatFixtures['State.StateChange']));
    expect(group.ok && (group.event.payload as { EventTime: unknown }).EventTime).toBe(1670574414123);
    expect(state.ok && (state.event.payload as { EventTime: unknown }).EventTime).toBe(1629883332497);
    const bad = { ...tencentChatFixtures['Group.CallbackAfterGroupFull'], EventTime: 'yesterday' };
    const result = await verify(provider, send(bad));
    expect(result.ok && result.event.known).toBe(false);
  });

  it('delivers an authentic callback with an unknown command to "unknown", and acknowledges it', async () => {
    const unknown = vi.fn();
    const typed = vi.fn();
    const receiver = createReceiver(provider).on('unknown', unknown).on('Group', typed);
    const body = { CallbackCommand: 'Group.CallbackAfterSomethingNew', GroupId: '@TGS#1', EventTime: 1 };
    const response = await receiver.handle(send(body));
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}');
    expect(typed).not.toHaveBeenCalled();
    expect(unknown).toHaveBeenCalledOnce();
    const [event, context] = unknown.mock.calls[0]!;
    expect(event).toMatchObject({ name: 'Group.CallbackAfterSomethingNew', payload: body });
    expect(event.issues[0].message).toMatch(/no schema/);
    expect((context as HandlerContext).name).toBe('unknown');
  });

  it('delivers a known command whose body no longer fits to "unknown", with the zod issues', async () => {
    const unknown = vi.fn();
    const receiver = createReceiver(provider).on('unknown', unknown);
    const body = { ...tencentChatFixtures['C2C.CallbackAfterSendMsg'], MsgSeq: 'not a number' };
    await receiver.handle(send(body));
    const [event] = unknown.mock.calls[0]!;
    expect(event.name).toBe('C2C.CallbackAfterSendMsg');
    expect(event.issues.some((issue: { path: unknown[] }) => issue.path[0] === 'MsgSeq')).toBe(true);
  });

  it('keeps fields Tencent adds, and message elements of types it does not know yet', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(provider).on('C2C.CallbackBeforeSendMsg', (event) => {
      handler(
        event,
        msgText(event.MsgBody),
        event.MsgBody.filter((el) => isMsgElement(el, 'TIMTextElem')).length,
      );
    });
    const body = {
      ...tencentChatFixtures['C2C.CallbackBeforeSendMsg'],
      MsgId: '144115233406643804-1727580296-4026038328',
      SomethingNew: { a: 1 },
      MsgBody: [
        { MsgType: 'TIMTextElem', MsgContent: { Text: 'red ' } },
        { MsgType: 'TIMStreamElem', MsgContent: { Chunks: ['x'] } },
        { MsgType: 'TIMFaceElem', MsgContent: { Index: 1, Data: 'smile' } },
        { MsgType: 'TIMTextElem', MsgContent: { Text: 'packet' } },
      ],
    };
    const response = await receiver.handle(send(body));
    expect(response.status).toBe(200);
    const [event, text, textCount] = handler.mock.calls[0]!;
    expect(event).toEqual(body);
    expect(text).toBe('red packet');
    expect(textCount).toBe(2);
  });

  it('parses every message element type of the message format docs', async () => {
    const MsgBody = [
      { MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } },
      { MsgType: 'TIMLocationElem', MsgContent: { Desc: 'somewhere', Latitude: 22.5, Longitude: 113.9 } },
      { MsgType: 'TIMFaceElem', MsgContent: { Index: 1, Data: 'content' } },
      {
        MsgType: 'TIMCustomElem',
        MsgContent: { Data: 'message', Desc: 'notification', Ext: 'url', Sound: 'dingdong.aiff' },
      },
      {
        MsgType: 'TIMSoundElem',
        MsgContent: { Url: 'https://x/a.m4a', UUID: 'u1', Size: 62351, Second: 1, Download_Flag: 2 },
      },
      {
        MsgType: 'TIMImageElem',
        MsgContent: {
          UUID: '1853095_D61040894AC3DE44CDFFFB3EC7EB720F',
          ImageFormat: 1,
          ImageInfoArray: [{ Type: 1, Size: 1853095, Width: 2448, Height: 3264, URL: 'https://x/a.jpg' }],
        },
      },
      {
        MsgType: 'TIMFileElem',
        MsgContent: {
          Url: 'https://x/f',
          UUID: 'u2',
          FileSize: 1773552,
          FileName: 'file:///x',
          Download_Flag: 2,
        },
      },
      {
        MsgType: 'TIMVideoFileElem',
        MsgContent: {
          VideoUrl: 'https://x/v',
          VideoUUID: 'u3',
          VideoSize: 1,
          VideoSecond: 5,
          VideoFormat: 'mp4',
          VideoDownloadFlag: 2,
        },
      },
      {
        MsgType: 'TIMRelayElem',
        MsgContent: {
          Title: 'Chat history',
          MsgNum: 1,
          CompatibleText: 'upgrade to view',
          AbstractList: ['a: hi'],
          MsgList: [
            {
              From_Account: 'a',
              MsgSeq: 1,
              MsgRandom: 2,
              MsgTimeStamp: 3,
              MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }],
            },
          ],
        },
      },
    ];
    const result = await verify(
      provider,
      send({ ...tencentChatFixtures['Group.CallbackAfterSendMsg'], MsgBody }),
    );
    expect(result.ok && result.event.known).toBe(true);
    expect(result.ok && (result.event.payload as { MsgBody: unknown }).MsgBody).toEqual(MsgBody);
  });

  it('puts the query metadata on the handler context, with State.StateChange’s IOS written iOS', async () => {
    const seen: TencentChatMeta[] = [];
    const raw: (string | null)[] = [];
    const receiver = createReceiver(provider).on('*', (_event, context) => {
      seen.push(context.meta);
      raw.push(context.query.get('OptPlatform'));
    });
    const requestTime = Math.floor(Date.now() / 1000);
    await receiver.handle(
      send(tencentChatFixtures['State.StateChange'], {
        optPlatform: 'IOS',
        clientIp: '203.0.113.7',
        sdkAppId: 1400000042,
        requestTime,
      }),
    );
    await receiver.handle(send(tencentChatFixtures['Sns.CallbackFriendAdd'], { optPlatform: 'Android' }));
    expect(seen[0]).toEqual({
      sdkAppId: '1400000042',
      command: 'State.StateChange',
      clientIp: '203.0.113.7',
      optPlatform: 'iOS',
      requestTime,
    });
    expect(seen[1]?.optPlatform).toBe('Android');
    expect(raw).toEqual(['IOS', 'Android']);
  });

  it('routes a handler on Group, C2C, Sns, State, Profile or Follow to the commands under that prefix', async () => {
    const calls: string[] = [];
    const receiver = createReceiver(provider);
    for (const prefix of ['Group', 'C2C', 'Sns', 'State', 'Profile', 'Follow'] as const) {
      receiver.on(prefix, (_event, context) => {
        calls.push(`${prefix}:${context.name}`);
      });
    }
    for (const body of Object.values(tencentChatFixtures)) await receiver.handle(send(body));
    const commands = Object.keys(tencentChatFixtures);
    expect(calls.sort()).toEqual(commands.map((command) => `${command.split('.')[0]}:${command}`).sort());
    expect(() => receiver.on('Grop' as 'Group', () => undefined)).toThrow(/not an event name/);
  });

  it('gives messages a delivery key from their ids, so a retried after-callback is recognisable', async () => {
    const c2c = await verify(
      provider,
      send(tencentChatFixtures['C2C.CallbackAfterSendMsg'], { sdkAppId: 1400000001 }),
    );
    const group = await verify(provider, send(tencentChatFixtures['Group.CallbackAfterSendMsg']));
    const before = await verify(provider, send(tencentChatFixtures['C2C.CallbackBeforeSendMsg']));
    const state = await verify(provider, send(tencentChatFixtures['State.StateChange']));
    expect(c2c.ok && c2c.event.deliveryKey).toBe(
      'C2C.CallbackAfterSendMsg:1400000001:48374_2837546_1557481126',
    );
    expect(group.ok && group.event.deliveryKey).toMatch(
      /^Group\.CallbackAfterSendMsg:.*@TGS#2J4SZEAEL.*:123$/,
    );
    expect(before.ok && before.event.deliveryKey).not.toBe(c2c.ok && c2c.event.deliveryKey);
    expect(state.ok && state.event.deliveryKey).toBeUndefined();
  });
});
