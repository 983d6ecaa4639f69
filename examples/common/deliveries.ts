/**
 * One real delivery per sender (and two forgeries), signed as each sender signs, with the answer
 * the example must give. The example tests and demos of every framework send these same requests.
 */
import {
  githubFixtures,
  githubKit,
  hmacKit,
  napcatGroupMessage,
  onebotFixtures,
  onebotKit,
  onebotStandardPrivateMessage,
  type SenderKit,
  standardWebhooksKit,
  tencentChatFixtures,
  tencentChatKit,
  tokenKit,
  whatsappFixtures,
  whatsappKit,
} from '@hookguard/core/testing';
import type { ExampleConfig } from './receivers.js';

export interface ExampleDelivery {
  readonly name: string;
  /** Path and query. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly expect: { readonly status: number; readonly json?: unknown };
}

interface Post {
  readonly name: string;
  readonly payload: unknown;
  readonly secret: string;
  readonly expect: ExampleDelivery['expect'];
  /** For senders that name the event outside the body (GitHub). */
  readonly event?: string;
}

/** `payload` as `kit`'s sender encodes, signs and posts it to the sender's default path. */
function post(kit: SenderKit, { name, payload, secret, expect, event }: Post): ExampleDelivery {
  const body = kit.encode(payload);
  const request = kit.sign({ body, secret, now: Date.now(), event });
  const query = new URLSearchParams(request.query as [string, string][]).toString();
  return {
    name,
    url: query ? `${kit.path}?${query}` : kit.path,
    headers: Object.fromEntries(request.headers.map(([header, value]) => [header.toLowerCase(), value])),
    body: Buffer.from(body).toString('utf8'),
    expect,
  };
}

export function exampleDeliveries(config: ExampleConfig): ExampleDelivery[] {
  const onebot = (
    name: string,
    payload: unknown,
    expect: ExampleDelivery['expect'],
    secret = config.onebotSecret,
  ) => post(onebotKit, { name, payload, secret, expect });
  // Its own message_id: dedupe (on by default) answers a second delivery of one id as the first.
  const groupPing = {
    ...napcatGroupMessage,
    message_id: 1868130,
    message: [{ type: 'text', data: { text: 'ping' } }],
    raw_message: 'ping',
  };
  const privatePing = { ...onebotStandardPrivateMessage, message: 'ping', raw_message: 'ping' };

  const tencent = (name: string, msgKey: string, text: string, expect: ExampleDelivery['expect']) => {
    const payload = {
      ...tencentChatFixtures['C2C.CallbackBeforeSendMsg'],
      // Each message has its own MsgKey, the key dedupe recognises a retried callback by.
      MsgKey: msgKey,
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
    };
    return post(tencentChatKit, { name, payload, secret: config.tencentToken, expect });
  };
  const tencentAnswer = (ErrorCode: number, ErrorInfo: string) => ({
    status: 200,
    json: { ActionStatus: 'OK', ErrorCode, ErrorInfo },
  });
  const gitlabPush = { object_kind: 'push', ref: 'refs/heads/main' };

  return [
    onebot('onebot: "ping" in a group', groupPing, { status: 200, json: { reply: 'pong', at_sender: true } }),
    onebot('onebot: "ping" in a private chat', privatePing, { status: 200, json: { reply: 'pong' } }),
    onebot('onebot: friend request', onebotFixtures['request.friend'], {
      status: 200,
      json: { approve: true },
    }),
    onebot('onebot: other message', napcatGroupMessage, { status: 204 }),
    onebot('onebot: wrong secret', groupPing, { status: 401 }, 'not-the-secret'),
    post(whatsappKit, {
      name: 'whatsapp: message',
      payload: whatsappFixtures.message,
      secret: config.whatsappSecret,
      expect: { status: 200, json: { ok: true } },
    }),
    tencent('tencent: message allowed', '1_1_1700000000', 'hello', tencentAnswer(0, '')),
    tencent(
      'tencent: message blocked',
      '2_2_1700000000',
      'a forbidden word',
      tencentAnswer(120001, 'message blocked'),
    ),
    post(githubKit, {
      name: 'github: issue opened',
      payload: githubFixtures['issues.opened'],
      event: 'issues.opened',
      secret: config.githubSecret,
      expect: { status: 204 },
    }),
    post(standardWebhooksKit, {
      name: 'standard webhooks: invoice.paid',
      payload: { type: 'invoice.paid', data: { id: 'in_1' } },
      secret: config.standardWebhooksSecret,
      expect: { status: 204 },
    }),
    post(hmacKit, {
      name: 'hmac (Acme CI): build.finished',
      payload: { event: 'build.finished', build: 42 },
      secret: config.hmacSecret,
      expect: { status: 204 },
    }),
    post(tokenKit, {
      name: 'gitlab: push',
      payload: gitlabPush,
      secret: config.gitlabToken,
      expect: { status: 204 },
    }),
    post(tokenKit, {
      name: 'gitlab: wrong token',
      payload: gitlabPush,
      secret: 'guess',
      expect: { status: 401 },
    }),
  ];
}
