import { z } from 'zod';

/**
 * zod schemas for what Slack posts to a Request URL, keyed by hookguard's event name:
 *
 * - Events API (`type: "event_callback"`, JSON): `event.<inner event type>` (`event.message`,
 *   `event.app_mention`), so `on('event')` takes every event and `on('event.message')` one kind.
 *   https://docs.slack.dev/apis/events-api/
 * - Interactivity (a form with a JSON `payload` field): the payload's `type` (`block_actions`,
 *   `view_submission`, ...). https://docs.slack.dev/interactivity/handling-user-interaction
 * - Slash commands (plain form fields): `command`; the command itself is `payload.command`.
 *   https://docs.slack.dev/interactivity/implementing-slash-commands
 *
 * Only fields Slack documents as always sent are required; objects are loose, so every other
 * field is kept as sent.
 */
const authorization = z.looseObject({
  team_id: z.string().nullish(),
  user_id: z.string().optional(),
  is_bot: z.boolean().optional(),
  enterprise_id: z.string().nullish(),
});

/** The Events API's outer envelope, around one inner `event`. */
function eventCallback<Inner extends z.core.$ZodLooseShape>(inner: Inner) {
  return z.looseObject({
    type: z.literal('event_callback'),
    token: z.string().optional(),
    team_id: z.string(),
    api_app_id: z.string(),
    /** "Globally unique across all workspaces": the delivery key retries are recognised by. */
    event_id: z.string(),
    event_time: z.number(),
    authorizations: z.array(authorization).optional(),
    event: z.looseObject(inner),
  });
}

const eventTs = { event_ts: z.string() };

const slackEvents = {
  // https://docs.slack.dev/reference/events/message
  'event.message': eventCallback({
    type: z.literal('message'),
    channel: z.string(),
    user: z.string().optional(),
    text: z.string().optional(),
    ts: z.string(),
    subtype: z.string().optional(),
    thread_ts: z.string().optional(),
    channel_type: z.string().optional(),
    bot_id: z.string().optional(),
    ...eventTs,
  }),
  // https://docs.slack.dev/reference/events/app_mention
  'event.app_mention': eventCallback({
    type: z.literal('app_mention'),
    user: z.string(),
    text: z.string(),
    ts: z.string(),
    channel: z.string(),
    thread_ts: z.string().optional(),
    ...eventTs,
  }),
  // https://docs.slack.dev/reference/events/reaction_added
  'event.reaction_added': eventCallback({
    type: z.literal('reaction_added'),
    user: z.string(),
    reaction: z.string(),
    item: z.looseObject({ type: z.string() }),
    item_user: z.string().optional(),
    ...eventTs,
  }),
  'event.reaction_removed': eventCallback({
    type: z.literal('reaction_removed'),
    user: z.string(),
    reaction: z.string(),
    item: z.looseObject({ type: z.string() }),
    item_user: z.string().optional(),
    ...eventTs,
  }),
  // https://docs.slack.dev/reference/events/member_joined_channel
  'event.member_joined_channel': eventCallback({
    type: z.literal('member_joined_channel'),
    user: z.string(),
    channel: z.string(),
    channel_type: z.string().optional(),
    team: z.string().optional(),
    inviter: z.string().optional(),
    event_ts: z.string().optional(),
  }),
  // https://docs.slack.dev/reference/events/app_home_opened
  'event.app_home_opened': eventCallback({
    type: z.literal('app_home_opened'),
    user: z.string(),
    channel: z.string(),
    tab: z.string(),
    view: z.looseObject({ id: z.string() }).optional(),
    ...eventTs,
  }),
  // Sent instead of events while the app is over its rate limit (no event_id, nothing to retry).
  app_rate_limited: z.looseObject({
    type: z.literal('app_rate_limited'),
    team_id: z.string(),
    api_app_id: z.string().optional(),
    minute_rate_limited: z.number(),
  }),
};

const user = z.looseObject({
  id: z.string(),
  username: z.string().optional(),
  team_id: z.string().optional(),
});
// `null` for some org-wide apps.
const team = z.looseObject({ id: z.string(), domain: z.string().optional() }).nullable();
const view = z.looseObject({
  id: z.string(),
  type: z.string(),
  callback_id: z.string().optional(),
  hash: z.string().optional(),
  private_metadata: z.string().optional(),
  state: z.looseObject({ values: z.record(z.string(), z.unknown()) }).optional(),
});
const action = z.looseObject({
  type: z.string(),
  action_id: z.string(),
  block_id: z.string(),
  action_ts: z.string().optional(),
});

/** https://docs.slack.dev/reference/interaction-payloads/ */
const interactivity = {
  block_actions: z.looseObject({
    type: z.literal('block_actions'),
    user,
    team,
    api_app_id: z.string().optional(),
    trigger_id: z.string().optional(),
    container: z.looseObject({ type: z.string() }).optional(),
    actions: z.array(action),
    response_url: z.string().optional(),
    channel: z.looseObject({ id: z.string() }).optional(),
    message: z.looseObject({ ts: z.string() }).optional(),
    view: view.optional(),
  }),
  view_submission: z.looseObject({
    type: z.literal('view_submission'),
    user,
    team,
    api_app_id: z.string().optional(),
    trigger_id: z.string().optional(),
    view,
  }),
  view_closed: z.looseObject({
    type: z.literal('view_closed'),
    user,
    team,
    api_app_id: z.string().optional(),
    view,
    is_cleared: z.boolean(),
  }),
  shortcut: z.looseObject({
    type: z.literal('shortcut'),
    user,
    team,
    callback_id: z.string(),
    trigger_id: z.string(),
    action_ts: z.string().optional(),
  }),
  message_action: z.looseObject({
    type: z.literal('message_action'),
    user,
    team,
    callback_id: z.string(),
    trigger_id: z.string(),
    channel: z.looseObject({ id: z.string() }),
    message: z.looseObject({ ts: z.string() }),
    message_ts: z.string().optional(),
    response_url: z.string().optional(),
  }),
  block_suggestion: z.looseObject({
    type: z.literal('block_suggestion'),
    user,
    team,
    action_id: z.string(),
    block_id: z.string(),
    value: z.string(),
    container: z.looseObject({ type: z.string() }).optional(),
    view: view.optional(),
  }),
};

/** Every form field Slack sends is text; `text` is empty for a bare `/command`. */
const command = z.looseObject({
  command: z.string(),
  text: z.string(),
  team_id: z.string(),
  channel_id: z.string(),
  user_id: z.string(),
  response_url: z.string(),
  trigger_id: z.string(),
  token: z.string().optional(),
  team_domain: z.string().optional(),
  channel_name: z.string().optional(),
  user_name: z.string().optional(),
  api_app_id: z.string().optional(),
  enterprise_id: z.string().optional(),
});

export const slackEventSchemas = { ...slackEvents, ...interactivity, command };

export type SlackEventName = keyof typeof slackEventSchemas;
export type SlackEventOf<N extends SlackEventName> = z.output<(typeof slackEventSchemas)[N]>;

/** The interactivity payload types: posted as a form whose `payload` field is the JSON. */
export const SLACK_INTERACTIVITY_TYPES: readonly string[] = Object.keys(interactivity);

/** The event name of a decoded body, from where each kind of request keeps it. */
export function slackEventName(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const body = payload as Record<string, unknown>;
  if (body['type'] === 'event_callback') {
    const inner = body['event'] as { type?: unknown } | null | undefined;
    const type = typeof inner === 'object' && inner !== null ? inner.type : undefined;
    return typeof type === 'string' && type !== '' ? `event.${type}` : 'event';
  }
  if (typeof body['type'] === 'string' && body['type'] !== '') return body['type'];
  // A slash command's fields carry no type.
  return typeof body['command'] === 'string' ? 'command' : undefined;
}
