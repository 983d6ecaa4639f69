import { z } from 'zod';

/**
 * zod schemas for the messages DingTalk posts to an enterprise robot's HTTP message URL, keyed by
 * `msgtype`. Open schemas: `msgtype` and `msgId` are required, the documented fields typed where
 * present, and fields DingTalk adds kept.
 * https://open.dingtalk.com/document/ (机器人接收消息)
 */
const atUser = z.looseObject({ dingtalkId: z.string(), staffId: z.string().optional() });

const common = {
  msgId: z.string(),
  /** Unix milliseconds. */
  createAt: z.number().optional(),
  /** `"1"` a one-to-one chat, `"2"` a group. */
  conversationType: z.string().optional(),
  conversationId: z.string().optional(),
  conversationTitle: z.string().optional(),
  senderId: z.string().optional(),
  senderNick: z.string().optional(),
  senderStaffId: z.string().optional(),
  senderCorpId: z.string().optional(),
  chatbotUserId: z.string().optional(),
  chatbotCorpId: z.string().optional(),
  robotCode: z.string().optional(),
  atUsers: z.array(atUser).optional(),
  isInAtList: z.boolean().optional(),
  isAdmin: z.boolean().optional(),
  /** Where to POST replies later, until `sessionWebhookExpiredTime`: a credential while it lasts. */
  sessionWebhook: z.string().optional(),
  sessionWebhookExpiredTime: z.number().optional(),
};

function message<Type extends string, Shape extends z.core.$ZodLooseShape>(type: Type, shape: Shape) {
  return z.looseObject({ msgtype: z.literal(type), ...common, ...shape });
}

const download = { downloadCode: z.string().optional() };

export const dingtalkRobotEventSchemas = {
  text: message('text', { text: z.looseObject({ content: z.string() }) }),
  richText: message('richText', {
    content: z.looseObject({ richText: z.array(z.looseObject({})) }),
  }),
  picture: message('picture', { content: z.looseObject({ ...download }) }),
  audio: message('audio', {
    content: z.looseObject({
      ...download,
      recognition: z.string().optional(),
      duration: z.number().optional(),
    }),
  }),
  video: message('video', { content: z.looseObject({ ...download, duration: z.number().optional() }) }),
  file: message('file', { content: z.looseObject({ ...download, fileName: z.string().optional() }) }),
};

export type DingtalkRobotEventName = keyof typeof dingtalkRobotEventSchemas;
export type DingtalkRobotEventOf<N extends DingtalkRobotEventName> = z.output<
  (typeof dingtalkRobotEventSchemas)[N]
>;
