import { z } from 'zod';

/**
 * zod schemas for what Feishu/Lark posts to an event Request URL, keyed by hookguard's event name:
 * schema 2.0's `header.event_type` (`im.message.receive_v1`, `card.action.trigger`), and for the
 * older 1.0 envelope (`"type":"event_callback"`, `uuid`) its `event.type` (`app_ticket`).
 * https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/subscription-event-case
 * https://open.larksuite.com/document/server-docs/event-subscription-guide/event-list
 *
 * Objects are loose and only fields the documentation shows on every delivery are required, so
 * new fields and kinds arrive as sent.
 */
const userId = z.looseObject({
  union_id: z.string().optional(),
  user_id: z.string().optional(),
  open_id: z.string().optional(),
});

const header = <Type extends string>(type: Type) =>
  z.looseObject({
    /** Unique per event and kept on retries: the delivery key. */
    event_id: z.string(),
    event_type: z.literal(type),
    /** Milliseconds since the epoch, as a string. */
    create_time: z.string(),
    token: z.string().optional(),
    app_id: z.string(),
    tenant_key: z.string(),
  });

function v2<Type extends string, Event extends z.ZodType>(type: Type, event: Event) {
  return z.looseObject({ schema: z.literal('2.0'), header: header(type), event });
}

const chatMembership = {
  chat_id: z.string(),
  operator_id: userId,
  external: z.boolean(),
  operator_tenant_key: z.string(),
  name: z.string().optional(),
  i18n_names: z.record(z.string(), z.string()).optional(),
};

/** The answer to a card button or form, carried by `card.action.trigger`. */
const cardAction = z.looseObject({
  value: z.unknown().optional(),
  tag: z.string(),
  option: z.string().optional(),
  options: z.array(z.string()).optional(),
  timezone: z.string().optional(),
  name: z.string().optional(),
  form_value: z.record(z.string(), z.unknown()).optional(),
  input_value: z.string().optional(),
  checked: z.boolean().optional(),
});

const v2Events = {
  // https://open.feishu.cn/document/server-docs/im-v1/message/events/receive
  'im.message.receive_v1': v2(
    'im.message.receive_v1',
    z.looseObject({
      sender: z.looseObject({
        sender_id: userId,
        sender_type: z.string(),
        tenant_key: z.string().optional(),
      }),
      message: z.looseObject({
        message_id: z.string(),
        root_id: z.string().optional(),
        parent_id: z.string().optional(),
        create_time: z.string(),
        update_time: z.string().optional(),
        chat_id: z.string(),
        thread_id: z.string().optional(),
        /** `p2p` or `group`. */
        chat_type: z.string(),
        /** `text`, `post`, `image`, `file`, `interactive`, ... */
        message_type: z.string(),
        /** The message's content as a JSON string, shaped by `message_type`. */
        content: z.string(),
        mentions: z
          .array(
            z.looseObject({
              key: z.string(),
              id: userId,
              name: z.string(),
              tenant_key: z.string().optional(),
            }),
          )
          .optional(),
        user_agent: z.string().optional(),
      }),
    }),
  ),
  // https://open.feishu.cn/document/server-docs/im-v1/message/events/message_read
  'im.message.message_read_v1': v2(
    'im.message.message_read_v1',
    z.looseObject({
      reader: z.looseObject({ reader_id: userId, read_time: z.string(), tenant_key: z.string().optional() }),
      message_id_list: z.array(z.string()),
    }),
  ),
  // https://open.feishu.cn/document/server-docs/group/chat-member/event/added-2
  'im.chat.member.bot.added_v1': v2('im.chat.member.bot.added_v1', z.looseObject(chatMembership)),
  // https://open.feishu.cn/document/server-docs/group/chat-member/event/deleted-2
  'im.chat.member.bot.deleted_v1': v2('im.chat.member.bot.deleted_v1', z.looseObject(chatMembership)),
  // https://open.feishu.cn/document/server-docs/group/chat-member/event/added
  'im.chat.member.user.added_v1': v2(
    'im.chat.member.user.added_v1',
    z.looseObject({
      ...chatMembership,
      users: z.array(
        z.looseObject({ name: z.string().optional(), tenant_key: z.string().optional(), user_id: userId }),
      ),
    }),
  ),
  // https://open.feishu.cn/document/server-docs/contact-v3/user/events/created
  'contact.user.created_v3': v2(
    'contact.user.created_v3',
    z.looseObject({
      object: z.looseObject({
        open_id: z.string(),
        union_id: z.string().optional(),
        user_id: z.string().optional(),
        name: z.string().optional(),
        en_name: z.string().optional(),
        email: z.string().optional(),
        mobile: z.string().optional(),
        department_ids: z.array(z.string()).optional(),
      }),
    }),
  ),
  // https://open.feishu.cn/document/client-docs/bot-v3/events/menu
  'application.bot.menu_v6': v2(
    'application.bot.menu_v6',
    z.looseObject({
      operator: z.looseObject({ operator_name: z.string().optional(), operator_id: userId }),
      event_key: z.string(),
      timestamp: z.number(),
    }),
  ),
  // https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-callback-communication
  'card.action.trigger': v2(
    'card.action.trigger',
    z.looseObject({
      operator: z.looseObject({
        tenant_key: z.string().optional(),
        user_id: z.string().optional(),
        open_id: z.string(),
        union_id: z.string().optional(),
      }),
      /** The card's update token (valid 30 minutes), not the Verification Token. */
      token: z.string().optional(),
      action: cardAction,
      host: z.string().optional(),
      delivery_type: z.string().optional(),
      context: z
        .looseObject({
          url: z.string().optional(),
          preview_token: z.string().optional(),
          open_message_id: z.string().optional(),
          open_chat_id: z.string().optional(),
        })
        .optional(),
    }),
  ),
};

const v1Events = {
  // The 1.0 envelope; app_ticket is sent to store apps every hour in this form.
  // https://open.feishu.cn/document/server-docs/authentication-management/access-token/event/app_ticket-events
  app_ticket: z.looseObject({
    uuid: z.string(),
    token: z.string().optional(),
    ts: z.string(),
    type: z.literal('event_callback'),
    event: z.looseObject({ type: z.literal('app_ticket'), app_id: z.string(), app_ticket: z.string() }),
  }),
};

export const feishuEventSchemas = { ...v2Events, ...v1Events };

export type FeishuEventName = keyof typeof feishuEventSchemas;
export type FeishuEventOf<N extends FeishuEventName> = z.output<(typeof feishuEventSchemas)[N]>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Schema 2.0: `header.event_type`; 1.0: `event.type`. */
export function feishuEventName(payload: unknown): string | undefined {
  if (!isObject(payload)) return undefined;
  const type = isObject(payload['header'])
    ? payload['header']['event_type']
    : isObject(payload['event'])
      ? payload['event']['type']
      : undefined;
  return typeof type === 'string' && type !== '' ? type : undefined;
}

/** `header.event_id` (2.0) or `uuid` (1.0): kept by Feishu on its retries and duplicates. */
export function feishuDeliveryKey(payload: unknown): string | undefined {
  if (!isObject(payload)) return undefined;
  const key = isObject(payload['header']) ? payload['header']['event_id'] : payload['uuid'];
  return typeof key === 'string' && key !== '' ? key : undefined;
}
