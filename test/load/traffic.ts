import {
  githubFixtures,
  goJson,
  onebotFixtures,
  signGithub,
  signOnebot,
  signWhatsapp,
  tencentChatFixtures,
  tencentChatUrl,
  whatsappFixtures,
} from '@hookguard/core/testing';

/** Secrets shared by the soak server and its traffic; loopback only, never real ones. */
export const SOAK_SECRETS = {
  onebot: 'soak-onebot',
  whatsapp: 'soak-gowa',
  tencentChat: 'soak-tencent',
  github: 'soak-github',
} as const;
export type SoakSender = keyof typeof SOAK_SECRETS;

/** Every adapter serves one path; the `sender` query parameter picks the receiver behind it. */
export const SOAK_PATH = '/hook';

/** A request as autocannon builds it. */
export interface OutgoingRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Per-connection state autocannon hands to every step; reset each time the mix starts over. */
export interface StepContext {
  serial?: number;
  last?: OutgoingRequest;
}

/**
 * One kind of request in the mix. `valid` steps carry a fresh serial (their delivery key ends
 * with it), `replay` resends the previous valid request byte for byte, `invalid` must be refused
 * with exactly `status`.
 */
export type TrafficStep =
  | { readonly kind: 'valid'; readonly sender: SoakSender; build(serial: number): OutgoingRequest }
  | { readonly kind: 'replay'; readonly sender: SoakSender }
  | { readonly kind: 'invalid'; readonly name: string; readonly status: number; build(): OutgoingRequest };

const path = (sender: SoakSender) => `${SOAK_PATH}?sender=${sender}`;
const post = (sender: SoakSender, headers: Record<string, string>, body: string): OutgoingRequest => ({
  method: 'POST',
  path: path(sender),
  headers,
  body,
});

function onebotMessage(serial: number, secret: string = SOAK_SECRETS.onebot): OutgoingRequest {
  const body = JSON.stringify({ ...onebotFixtures['message.group.normal'], message_id: serial });
  return post('onebot', signOnebot(body, secret), body);
}

export function whatsappMessage(serial: number): OutgoingRequest {
  const event = whatsappFixtures.message as { payload: Record<string, unknown> };
  const body = goJson({ ...event, payload: { ...event.payload, id: `SOAK${serial}` } });
  return post('whatsapp', signWhatsapp(body, SOAK_SECRETS.whatsapp), body);
}

function tencentMessage(serial: number, requestTime = Math.floor(Date.now() / 1000)): OutgoingRequest {
  const command = 'C2C.CallbackAfterSendMsg';
  const body = JSON.stringify({ ...tencentChatFixtures[command], MsgKey: `soak_${serial}` });
  const url = tencentChatUrl(command, {
    token: SOAK_SECRETS.tencentChat,
    requestTime,
    path: path('tencentChat'),
  });
  return { method: 'POST', path: url, headers: {}, body };
}

export function githubIssue(serial: number): OutgoingRequest {
  const body = JSON.stringify(githubFixtures['issues.opened']);
  return post(
    'github',
    {
      'content-type': 'application/json',
      'x-github-event': 'issues',
      'x-github-delivery': `soak-${serial}`,
      ...signGithub(body, SOAK_SECRETS.github),
    },
    body,
  );
}

/**
 * The mix each connection cycles through: 4 senders' valid events (3 of them replayed at once,
 * as a retrying sender would), and 8 kinds of refusals. Every valid event has its own serial.
 */
export const trafficMix: readonly TrafficStep[] = [
  { kind: 'valid', sender: 'onebot', build: (serial) => onebotMessage(serial) },
  { kind: 'replay', sender: 'onebot' },
  { kind: 'invalid', name: 'onebot, wrong secret', status: 401, build: () => onebotMessage(0, 'not-it') },
  { kind: 'valid', sender: 'whatsapp', build: whatsappMessage },
  {
    kind: 'invalid',
    name: 'whatsapp, unsigned',
    status: 401,
    build: () => post('whatsapp', { 'content-type': 'application/json' }, '{"event":"message"}'),
  },
  { kind: 'valid', sender: 'tencentChat', build: (serial) => tencentMessage(serial) },
  { kind: 'replay', sender: 'tencentChat' },
  {
    kind: 'invalid',
    name: 'tencentChat, RequestTime 10 minutes old',
    status: 401,
    build: () => tencentMessage(0, Math.floor(Date.now() / 1000) - 600),
  },
  { kind: 'valid', sender: 'github', build: githubIssue },
  { kind: 'replay', sender: 'github' },
  {
    kind: 'invalid',
    name: 'github, body changed after signing',
    status: 401,
    build: () => {
      const request = githubIssue(0);
      return { ...request, body: String(request.body).replace('"opened"', '"closed"') };
    },
  },
  {
    kind: 'invalid',
    name: 'onebot, text/plain',
    status: 415,
    build: () => ({
      ...onebotMessage(0),
      headers: { ...onebotMessage(0).headers, 'content-type': 'text/plain' },
    }),
  },
  {
    kind: 'invalid',
    name: 'onebot, GET',
    status: 405,
    build: () => ({ ...onebotMessage(0), method: 'GET', body: '' }),
  },
  {
    kind: 'invalid',
    name: 'onebot, signed body that is not JSON',
    status: 400,
    build: () => post('onebot', signOnebot('{"post_type":', SOAK_SECRETS.onebot), '{"post_type":'),
  },
  {
    kind: 'invalid',
    name: 'tencentChat, Sign twice',
    status: 401,
    build: () => {
      const request = tencentMessage(0);
      const sign = new URL(request.path, 'http://x').searchParams.get('Sign');
      return { ...request, path: `${request.path}&Sign=${sign}` };
    },
  },
];
