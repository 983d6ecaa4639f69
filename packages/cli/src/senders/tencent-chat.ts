import { BEFORE_CALLBACKS, createReceiver, tencent, tencentChat } from '@hookguard/core';
import { tencentChatFixtures, tencentChatUrl } from '@hookguard/core/testing';
import { DEMO_SECRETS } from './demo-secrets.js';
import { fieldOf, tryParseJson, utf8 } from './json-body.js';
import type { ReplyReading, SenderProfile } from './sender-profile.js';
import { bodySpaceAdded, replayedLater, wrongSecret } from './tamperings.js';

const DEMO_TOKEN = DEMO_SECRETS.tencentChat;

/** Tencent Cloud Chat callbacks (https://www.tencentcloud.com/document/product/1047/34354). */
export const tencentChatSender: SenderProfile = {
  name: 'tencent-chat',
  sender: 'Tencent Cloud Chat (IM) callbacks',
  wire: 'JSON body with Content-Length; SdkAppid, CallbackCommand, Sign=sha256(token+RequestTime)… in the query',
  path: '/tencent',
  fixtures: tencentChatFixtures,
  secret: { optional: true, where: 'the callback authentication token in the Chat console' },
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret, now, event }) {
    const fromBody = fieldOf(tryParseJson(body), 'CallbackCommand');
    const command = typeof fromBody === 'string' ? fromBody : (event ?? '');
    // Reuses the signer's URL builder, so the parameters come out in Tencent's order.
    const url = tencentChatUrl(command, {
      path: '',
      requestTime: Math.floor(now / 1000),
      ...(secret ? { token: secret } : {}),
    });
    const query = [...new URLSearchParams(url.slice(url.indexOf('?') + 1))];
    // Tencent documents no headers but Host and Content-Length: no Content-Type.
    return { query, headers: [], body, chunked: false };
  },
  createProvider: (secret) =>
    secret ? tencentChat({ token: secret }) : tencentChat({ allowUnsigned: true }),
  readReply,
  demo: {
    secret: DEMO_TOKEN,
    showcase: 'C2C.CallbackBeforeSendMsg',
    createReceiver: (options) =>
      createReceiver(tencentChat({ token: DEMO_TOKEN }), options)
        .on('C2C.CallbackBeforeSendMsg', () =>
          tencent.modify({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '[filtered]' } }] }),
        )
        .on('Group.CallbackBeforeSendMsg', () => tencent.discard())
        .on('Group.CallbackBeforeCreateGroup', () => tencent.reject(10100, 'no new groups today')),
    expect(event) {
      const body = DEMO_ANSWERS[event];
      return body === undefined ? { status: 200 } : { status: 200, body };
    },
    // The Sign covers only the token and RequestTime: a changed body still verifies.
    tamperings: [bodySpaceAdded(200, ', not signed'), wrongSecret(), replayedLater()],
  },
};

const ACK = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}';
const DEMO_ANSWERS: Readonly<Record<string, string>> = {
  'C2C.CallbackBeforeSendMsg':
    '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"[filtered]"}}]}',
  'Group.CallbackBeforeSendMsg': '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":2}',
  'Group.CallbackBeforeCreateGroup':
    '{"ActionStatus":"OK","ErrorInfo":"no new groups today","ErrorCode":10100}',
  'C2C.CallbackAfterSendMsg': ACK,
  'Group.CallbackAfterNewMemberJoin': ACK,
  'State.StateChange': ACK,
};

function isBeforeCallback(command: string | undefined): boolean {
  return (
    command !== undefined &&
    (Object.hasOwn(BEFORE_CALLBACKS, command) || /\.Callback(Before|Prev)/.test(command))
  );
}

/** Tencent counts anything but a 200 with a JSON body as a failure (§4.4). */
function readReply(status: number, body: string, command: string | undefined): ReplyReading {
  const before = isBeforeCallback(command);
  const onFailure = before ? 'the action goes ahead (default timeout policy)' : 'no retry by default';
  if (status !== 200) return { delivered: false, summary: `failure (status ${status}): ${onFailure}` };
  let decoded: unknown;
  try {
    decoded = JSON.parse(body);
  } catch {
    return { delivered: false, summary: `failure (body is not JSON): ${onFailure}` };
  }
  if (!before)
    return { delivered: true, summary: 'acknowledged (Tencent ignores after-callback answers)', decoded };
  return { delivered: true, summary: describeDecision(decoded), decoded };
}

function describeDecision(decoded: unknown): string {
  const code = fieldOf(decoded, 'ErrorCode');
  const info = fieldOf(decoded, 'ErrorInfo');
  if (code === 1) return 'reject';
  if (code === 2) return 'discard silently (the sender sees success)';
  if (typeof code === 'number' && code !== 0)
    return `reject with code ${code}${info ? ` "${String(info)}"` : ''}`;
  if (code !== 0) return 'ErrorCode missing: Tencent cannot read a decision';
  const changes = ['MsgBody', 'CloudCustomData', 'RefusedMembers_Account', 'ResultItem'].filter(
    (key) => fieldOf(decoded, key) !== undefined,
  );
  const results = fieldOf(decoded, 'ResultItem');
  if (Array.isArray(results)) {
    const refused = results.filter((item) => fieldOf(item, 'ResultCode') !== 0).length;
    return `friend verdicts: ${results.length - refused} allowed, ${refused} refused`;
  }
  return changes.length > 0 ? `allow, with new ${changes.join(' and ')}` : 'allow';
}
