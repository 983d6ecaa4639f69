/**
 * One real delivery per sender (and two forgeries), signed as each sender signs, with the answer
 * the example must give. The example tests and demos of every framework send these same requests.
 */
import {
  githubFixtures,
  napcatGroupMessage,
  onebotFixtures,
  onebotStandardPrivateMessage,
  signGithub,
  signHmac,
  signOnebot,
  signStandardWebhooks,
  signWhatsapp,
  tencentChatFixtures,
  tencentChatUrl,
  whatsappFixtures,
} from '@hookguard/core/testing';
import { ACME_CI, type ExampleConfig } from './receivers.js';

export interface ExampleDelivery {
  readonly name: string;
  /** Path and query. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly expect: { readonly status: number; readonly json?: unknown };
}

const json = JSON.stringify;

export function exampleDeliveries(config: ExampleConfig): ExampleDelivery[] {
  const onebotPost = (
    name: string,
    event: unknown,
    expect: ExampleDelivery['expect'],
    secret = config.onebotSecret,
  ) => {
    const body = json(event);
    return { name, url: '/onebot', headers: signOnebot(body, secret), body, expect };
  };
  // Its own message_id: dedupe (on by default) answers a second delivery of one id as the first.
  const groupPing = {
    ...napcatGroupMessage,
    message_id: 1868130,
    message: [{ type: 'text', data: { text: 'ping' } }],
    raw_message: 'ping',
  };
  const privatePing = { ...onebotStandardPrivateMessage, message: 'ping', raw_message: 'ping' };

  const tencentPost = (name: string, msgKey: string, text: string, expect: ExampleDelivery['expect']) => {
    const event = {
      ...tencentChatFixtures['C2C.CallbackBeforeSendMsg'],
      // Each message has its own MsgKey, the key dedupe recognises a retried callback by.
      MsgKey: msgKey,
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
    };
    return {
      name,
      url: tencentChatUrl(event.CallbackCommand, { token: config.tencentToken }),
      headers: {},
      body: json(event),
      expect,
    };
  };
  const tencentAnswer = (ErrorCode: number, ErrorInfo: string) => ({
    status: 200,
    json: { ActionStatus: 'OK', ErrorCode, ErrorInfo },
  });

  const whatsappBody = json(whatsappFixtures.message);
  const githubBody = json(githubFixtures['issues.opened']);
  const standardBody = json({ type: 'invoice.paid', data: { id: 'in_1' } });
  const hmacBody = json({ event: 'build.finished', build: 42 });
  const gitlabBody = json({ object_kind: 'push', ref: 'refs/heads/main' });
  const hmacSigned = signHmac(ACME_CI, config.hmacSecret, { body: hmacBody });

  return [
    onebotPost('onebot: "ping" in a group', groupPing, {
      status: 200,
      json: { reply: 'pong', at_sender: true },
    }),
    onebotPost('onebot: "ping" in a private chat', privatePing, { status: 200, json: { reply: 'pong' } }),
    onebotPost('onebot: friend request', onebotFixtures['request.friend'], {
      status: 200,
      json: { approve: true },
    }),
    onebotPost('onebot: other message', napcatGroupMessage, { status: 204 }),
    onebotPost('onebot: wrong secret', groupPing, { status: 401 }, 'not-the-secret'),
    {
      name: 'whatsapp: message',
      url: '/whatsapp',
      headers: signWhatsapp(whatsappBody, config.whatsappSecret),
      body: whatsappBody,
      expect: { status: 200, json: { ok: true } },
    },
    tencentPost('tencent: message allowed', '1_1_1700000000', 'hello', tencentAnswer(0, '')),
    tencentPost(
      'tencent: message blocked',
      '2_2_1700000000',
      'a forbidden word',
      tencentAnswer(120001, 'message blocked'),
    ),
    {
      name: 'github: issue opened',
      url: '/github',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issues',
        'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
        ...signGithub(githubBody, config.githubSecret),
      },
      body: githubBody,
      expect: { status: 204 },
    },
    {
      name: 'standard webhooks: invoice.paid',
      url: '/standard-webhooks',
      headers: signStandardWebhooks(standardBody, config.standardWebhooksSecret),
      body: standardBody,
      expect: { status: 204 },
    },
    {
      name: 'hmac (Acme CI): build.finished',
      url: '/hmac',
      headers: hmacSigned.headers,
      body: hmacBody,
      expect: { status: 204 },
    },
    {
      name: 'gitlab: push',
      url: '/gitlab',
      headers: { 'content-type': 'application/json', 'x-gitlab-token': config.gitlabToken },
      body: gitlabBody,
      expect: { status: 204 },
    },
    {
      name: 'gitlab: wrong token',
      url: '/gitlab',
      headers: { 'content-type': 'application/json', 'x-gitlab-token': 'guess' },
      body: gitlabBody,
      expect: { status: 401 },
    },
  ];
}
