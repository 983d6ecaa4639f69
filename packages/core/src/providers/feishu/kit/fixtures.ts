/**
 * One body per event the provider types, shaped as the examples on Feishu's event pages (ids
 * shortened; the token is the app's Verification Token, here the kit's demo value).
 * https://open.feishu.cn/document/server-docs/im-v1/message/events/receive and the pages each
 * schema in `../events.ts` names.
 */
export const FEISHU_DEMO_TOKEN = 'hookguard-demo-feishu-token';
const APP_ID = 'cli_a1b2c3d4e5f60001';
const TENANT = '736588c9260f175d';
const CREATED = '1732000000000';

const header = (eventType: string, eventId: string) => ({
  event_id: eventId,
  token: FEISHU_DEMO_TOKEN,
  create_time: CREATED,
  event_type: eventType,
  tenant_key: TENANT,
  app_id: APP_ID,
});

const user = {
  union_id: 'on_8ed6aa67826108097d9ee143816345',
  user_id: 'e33ggbyz',
  open_id: 'ou_84aad35d084aa403a838cf73ee18467',
};

export const feishuFixtures = {
  'im.message.receive_v1': {
    schema: '2.0',
    header: header('im.message.receive_v1', '5e3702a84e847582be8db7fb73283c02'),
    event: {
      sender: { sender_id: user, sender_type: 'user', tenant_key: TENANT },
      message: {
        message_id: 'om_5ce6d572455d361153b7cb51da133945',
        root_id: '',
        parent_id: '',
        create_time: '1732000000000',
        update_time: '1732000000000',
        chat_id: 'oc_5ce6d572455d361153b7xx51da133945',
        thread_id: '',
        chat_type: 'group',
        message_type: 'text',
        content: '{"text":"@_user_1 部署 pay-api 到生产环境"}',
        mentions: [
          {
            key: '@_user_1',
            id: { union_id: 'on_bot', user_id: '', open_id: 'ou_bot' },
            name: 'hookguard',
            tenant_key: TENANT,
          },
        ],
        user_agent: 'Mozilla/5.0 Lark/7.30.0',
      },
    },
  },
  'im.message.message_read_v1': {
    schema: '2.0',
    header: header('im.message.message_read_v1', '1f2a3b4c5d6e7f8091a2b3c4d5e6f701'),
    event: {
      reader: { reader_id: user, read_time: '1732000001000', tenant_key: TENANT },
      message_id_list: ['om_5ce6d572455d361153b7cb51da133945'],
    },
  },
  'im.chat.member.bot.added_v1': {
    schema: '2.0',
    header: header('im.chat.member.bot.added_v1', '2a3b4c5d6e7f8091a2b3c4d5e6f70812'),
    event: {
      chat_id: 'oc_413871bd3dd3d9b6d6b15b1b6c5a0b12',
      operator_id: user,
      external: false,
      operator_tenant_key: TENANT,
      name: '发布群',
      i18n_names: { zh_cn: '发布群', en_us: 'Releases', ja_jp: 'リリース' },
    },
  },
  'im.chat.member.bot.deleted_v1': {
    schema: '2.0',
    header: header('im.chat.member.bot.deleted_v1', '3b4c5d6e7f8091a2b3c4d5e6f7081223'),
    event: {
      chat_id: 'oc_413871bd3dd3d9b6d6b15b1b6c5a0b12',
      operator_id: user,
      external: false,
      operator_tenant_key: TENANT,
      name: '发布群',
    },
  },
  'im.chat.member.user.added_v1': {
    schema: '2.0',
    header: header('im.chat.member.user.added_v1', '4c5d6e7f8091a2b3c4d5e6f708122334'),
    event: {
      chat_id: 'oc_413871bd3dd3d9b6d6b15b1b6c5a0b12',
      operator_id: user,
      external: false,
      operator_tenant_key: TENANT,
      users: [
        {
          name: '张三',
          tenant_key: TENANT,
          user_id: {
            union_id: 'on_cad4860e7af114fb4ff6c5d496d1dd76',
            user_id: 'e33ggbyz',
            open_id: 'ou_ff0b',
          },
        },
      ],
      name: '发布群',
    },
  },
  'contact.user.created_v3': {
    schema: '2.0',
    header: header('contact.user.created_v3', '5d6e7f8091a2b3c4d5e6f70812233445'),
    event: {
      object: {
        open_id: 'ou_7dab8a3d3cdcc9da365777c7ad535d62',
        union_id: 'on_576833b917gda3d939b9a3c2d53e72c8',
        user_id: 'e33ggbyz',
        name: '李四',
        en_name: 'Li Si',
        email: 'lisi@example.com',
        department_ids: ['od-4e6ac4d14bcd5071a37a39de902c7141'],
      },
    },
  },
  'application.bot.menu_v6': {
    schema: '2.0',
    header: header('application.bot.menu_v6', '6e7f8091a2b3c4d5e6f7081223344556'),
    event: {
      operator: { operator_name: '张三', operator_id: user },
      event_key: 'deploy_status',
      timestamp: 1732000002,
    },
  },
  'card.action.trigger': {
    schema: '2.0',
    header: header('card.action.trigger', '7f8091a2b3c4d5e6f708122334455667'),
    event: {
      operator: { tenant_key: TENANT, user_id: 'e33ggbyz', open_id: user.open_id, union_id: user.union_id },
      token: 'c-295ee57216a5dc9de90fefd0aadb4b1d7d337c7a',
      action: { value: { action: 'approve', deploy: 'pay-api' }, tag: 'button' },
      host: 'im_message',
      delivery_type: 'url_preview',
      context: {
        open_message_id: 'om_574d639e4a44e4dd646eaf628e2f11e8',
        open_chat_id: 'oc_e4d2605ca917e695f54f11aaf56aac31',
      },
    },
  },
  // The 1.0 envelope: store apps get their app_ticket in it every hour.
  app_ticket: {
    uuid: '4f2b6c9d0a1e4b7c8d9e0f1a2b3c4d5e',
    token: FEISHU_DEMO_TOKEN,
    ts: '1732000003.123456',
    type: 'event_callback',
    event: { app_id: APP_ID, app_ticket: 'ticket-xxx', type: 'app_ticket' },
  },
};

/** The URL check Feishu sends when the Request URL is saved (plaintext form). */
export const feishuUrlVerification = {
  challenge: 'ajls384kdjx98XX',
  token: FEISHU_DEMO_TOKEN,
  type: 'url_verification',
};
