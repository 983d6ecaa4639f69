import { emptyResponse, jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';

/** Whom a text or markdown reply mentions. */
export interface DingtalkAt {
  readonly atUserIds?: readonly string[];
  readonly atMobiles?: readonly string[];
  readonly isAtAll?: boolean;
}

/**
 * A message written back in the response, in the robot message JSON DingTalk posts to a
 * conversation: text, markdown, actionCard or feedCard.
 */
export type DingtalkRobotReply =
  | { readonly msgtype: 'text'; readonly text: { readonly content: string }; readonly at?: DingtalkAt }
  | {
      readonly msgtype: 'markdown';
      readonly markdown: { readonly title: string; readonly text: string };
      readonly at?: DingtalkAt;
    }
  | {
      readonly msgtype: 'actionCard';
      readonly actionCard: {
        readonly title: string;
        readonly text: string;
        readonly singleTitle?: string;
        readonly singleURL?: string;
        readonly btnOrientation?: '0' | '1';
        readonly btns?: readonly { readonly title: string; readonly actionURL: string }[];
      };
    }
  | {
      readonly msgtype: 'feedCard';
      readonly feedCard: {
        readonly links: readonly {
          readonly title: string;
          readonly messageURL: string;
          readonly picURL: string;
        }[];
      };
    };

const BODY_KEY: Readonly<Record<string, string>> = {
  text: 'text',
  markdown: 'markdown',
  actionCard: 'actionCard',
  feedCard: 'feedCard',
};

/** Nothing to say: an empty 200. A message: its JSON, checked for the part its `msgtype` names. */
export function serialiseRobotReply(reply: unknown): WebhookResponse {
  if (reply === undefined || reply === null) return emptyResponse(200);
  const value = reply as { msgtype?: unknown } & Record<string, unknown>;
  const key =
    typeof value.msgtype === 'string' && Object.hasOwn(BODY_KEY, value.msgtype) ? value.msgtype : '';
  const part = key ? value[BODY_KEY[key]!] : undefined;
  if (typeof part !== 'object' || part === null || Array.isArray(part)) {
    throw new TypeError(
      'dingtalkRobot: a reply is { msgtype: "text" | "markdown" | "actionCard" | "feedCard", <msgtype>: {...} }',
    );
  }
  if (key === 'text' && typeof (part as { content?: unknown }).content !== 'string') {
    throw new TypeError('dingtalkRobot: a text reply needs text.content');
  }
  return jsonResponse(200, reply);
}
