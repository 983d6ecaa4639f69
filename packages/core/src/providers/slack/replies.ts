import { emptyResponse, jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';
import type { SlackEventName } from './events.js';

type Json = Readonly<Record<string, unknown>>;

/**
 * What a `view_submission` handler may answer: show field errors, replace or push a view, or close
 * every view. Nothing closes just this one. https://docs.slack.dev/surfaces/modals
 */
export type SlackViewSubmissionReply =
  | { readonly response_action: 'errors'; readonly errors: Readonly<Record<string, string>> }
  | { readonly response_action: 'update' | 'push'; readonly view: Json }
  | { readonly response_action: 'clear' };

export interface SlackPlainText {
  readonly type: 'plain_text';
  readonly text: string;
  readonly emoji?: boolean;
}

export interface SlackOption {
  readonly text: SlackPlainText;
  readonly value: string;
  readonly description?: SlackPlainText;
}

/** The choices for an external select (`block_suggestion`). https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element */
export type SlackOptionsReply =
  | { readonly options: readonly SlackOption[] }
  | {
      readonly option_groups: readonly {
        readonly label: SlackPlainText;
        readonly options: readonly SlackOption[];
      }[];
    };

/**
 * A slash command's answer: text, or a message (`response_type: "in_channel"` shows it to the
 * channel; the default is ephemeral, only to the user who typed it).
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export type SlackCommandReply =
  | string
  | {
      readonly text?: string;
      readonly blocks?: readonly Json[];
      readonly attachments?: readonly Json[];
      readonly response_type?: 'ephemeral' | 'in_channel';
      readonly [field: string]: unknown;
    };

/**
 * What a handler of each event may return. Everything else is acknowledged with an empty 200:
 * Slack reads no answer to events, button clicks, shortcuts or closed modals.
 */
export type SlackReplyFor<N extends SlackEventName> = N extends 'view_submission'
  ? SlackViewSubmissionReply
  : N extends 'block_suggestion'
    ? SlackOptionsReply
    : N extends 'command'
      ? SlackCommandReply
      : never;

const RESPONSE_ACTIONS = ['errors', 'update', 'push', 'clear'];
const TEXT_TYPE = 'text/plain; charset=utf-8';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The handler's reply as Slack reads it; a TypeError for one the event cannot carry. */
export function serialiseSlackReply(reply: unknown, eventName: string): WebhookResponse {
  if (reply === undefined || reply === null) return emptyResponse(200);
  if (eventName === 'command') {
    if (typeof reply === 'string')
      return { status: 200, headers: { 'content-type': TEXT_TYPE }, body: reply };
    if (isObject(reply)) return jsonResponse(200, reply);
  }
  if (eventName === 'view_submission' && isViewSubmissionReply(reply)) return jsonResponse(200, reply);
  if (
    eventName === 'block_suggestion' &&
    isObject(reply) &&
    (Array.isArray(reply['options']) || Array.isArray(reply['option_groups']))
  ) {
    return jsonResponse(200, reply);
  }
  throw new TypeError(
    `slack: a ${eventName} handler cannot reply with this; only view_submission, block_suggestion and command handlers answer Slack`,
  );
}

function isViewSubmissionReply(reply: unknown): boolean {
  if (!isObject(reply) || !RESPONSE_ACTIONS.includes(reply['response_action'] as string)) return false;
  if (reply['response_action'] === 'errors') return isObject(reply['errors']);
  if (reply['response_action'] === 'clear') return true;
  return isObject(reply['view']);
}
