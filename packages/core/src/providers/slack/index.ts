import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import { emptyResponse } from '../../http/responses.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { positiveOption } from '../../sender-toolkit/positive-option.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { lateDeadlineWarnings, type SenderTimeout } from '../../sender-toolkit/sender-timeout.js';
import { acceptsSlackContentType, decodeSlackBody, SSL_CHECK } from './decode.js';
import { type SlackEventName, type SlackEventOf, slackEventName, slackEventSchemas } from './events.js';
import { slackHandshake } from './handshake.js';
import { type SlackMeta, slackMeta } from './meta.js';
import { type SlackReplyFor, serialiseSlackReply } from './replies.js';
import { SLACK_SIGNATURE_HEADER, verifySlack } from './verify.js';

export interface SlackOptions {
  /** The app's Signing Secret (Basic Information → App Credentials), or several during a rotation. */
  readonly signingSecret: Secret;
  /**
   * Budget for handlers before the empty 200 acknowledgement is sent. Default 2 500 ms, under
   * Slack's 3 s with room for the network; the receiver's own `deadlineMs` overrides it.
   */
  readonly deadlineMs?: number;
  /**
   * How many seconds ahead of this server's clock `X-Slack-Request-Timestamp` may be. Default 60.
   * The past is fixed at Slack's five minutes.
   */
  readonly futureSkewSeconds?: number;
  /**
   * Answer failures (a handler that throws, a bad reply) with `x-slack-no-retry: 1`, so Slack does
   * not deliver that event again. Default false: Slack retries up to three times.
   * https://docs.slack.dev/apis/events-api/#retries
   */
  readonly noRetry?: boolean;
}

export type SlackEvents = { readonly [N in SlackEventName]: EventDef<SlackEventOf<N>, SlackReplyFor<N>> };

export interface SlackProvider extends Provider<SlackEvents, SlackMeta> {
  readonly eventNames: readonly SlackEventName[];
  readonly deadlineMs: number;
}

const eventNames = Object.keys(slackEventSchemas) as SlackEventName[];
/** Slack's ack budget for events, interactivity and slash commands alike. */
const SLACK_TIMEOUT: SenderTimeout = {
  ms: 3000,
  name: "Slack's 3 s limit",
  consequence: 'Slack retries events it got no answer to.',
};
const DEFAULT_DEADLINE_MS = 2500;
const DEFAULT_FUTURE_SKEW_SECONDS = 60;

/**
 * A Slack app's Request URL: Events API, interactivity and slash commands on one route, signed with
 * the app's Signing Secret (https://docs.slack.dev/authentication/verifying-requests-from-slack).
 */
export function slack(options: SlackOptions): SlackProvider {
  const secrets = secretList(options?.signingSecret, 'slack(): signingSecret');
  if (secrets.length === 0) {
    throw new TypeError(
      "hookguard slack(): signingSecret is required: the Signing Secret from the app's Basic Information page (not a bot token)",
    );
  }
  const deadlineMs = positiveOption(options.deadlineMs ?? DEFAULT_DEADLINE_MS, 'slack()', 'deadlineMs');
  const futureMs =
    positiveOption(options.futureSkewSeconds ?? DEFAULT_FUTURE_SKEW_SECONDS, 'slack()', 'futureSkewSeconds') *
    1000;
  return {
    name: 'slack',
    proofNames: { headers: [SLACK_SIGNATURE_HEADER], query: [] },
    eventNames,
    deadlineMs,
    configWarnings: lateDeadlineWarnings(deadlineMs, SLACK_TIMEOUT, 'slack()'),
    failureHeaders: options.noRetry === true ? { 'x-slack-no-retry': '1' } : undefined,
    acceptsContentType: acceptsSlackContentType,
    verify: (input) => verifySlack(secrets, { futureMs }, input),
    decode: decodeSlackBody,
    handshake: slackHandshake,
    parse(payload, input): ParsedEvent<SlackMeta> {
      // The handshake answers every probe; this is the last guard that it never reaches a handler.
      if (payload === SSL_CHECK) throw new TypeError('slack: ssl_check reached parse');
      return parsedEvent(
        resolveEvent(slackEventSchemas, [slackEventName(payload)], payload),
        deliveryKey(payload),
        slackMeta(input.headers),
      );
    },
    respond: (reply, event) => serialiseSlackReply(reply, event.name),
    fallback: () => emptyResponse(200),
  };
}

/**
 * Events: `event_id`, which Slack keeps on its retries. Interactivity and slash commands: Slack
 * documents no retries for them; their `trigger_id` (unique per user action) makes a replayed
 * request recognisable. `block_suggestion` and `view_closed` carry none and are not deduplicated.
 */
function deliveryKey(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const body = payload as Record<string, unknown>;
  const key = body['type'] === 'event_callback' ? body['event_id'] : body['trigger_id'];
  return typeof key === 'string' && key !== '' ? key : undefined;
}
