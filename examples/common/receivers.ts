/**
 * The bots every example mounts (Koa, Fastify, fetch): one receiver per provider hookguard has,
 * configured from environment variables. Only the mounting differs between the examples.
 */
import {
  consoleLogger,
  createReceiver,
  dingtalk,
  dingtalkRobot,
  discord,
  discordEvents,
  discordReply,
  feishu,
  github,
  type HmacOptions,
  hmac,
  line,
  matrix,
  msgText,
  onebot,
  plainText,
  qqBot,
  type ReceiverLike,
  type ReceiverOptions,
  slack,
  standardWebhooks,
  stripe,
  telegram,
  telegramMethod,
  tencent,
  tencentChat,
  token,
  wechat,
  wecom,
  wecomBot,
  whatsapp,
  whatsappCloud,
} from '@hookguard/core';

export interface ExampleConfig {
  /** NapCat http-client "token". */
  readonly onebotSecret: string;
  /** GOWA's --webhook-secret (WHATSAPP_WEBHOOK_SECRET). */
  readonly whatsappSecret: string;
  /** Tencent Cloud Chat callback-authentication token. */
  readonly tencentToken: string;
  readonly githubSecret: string;
  /** `whsec_...` from Svix or any Standard Webhooks sender. */
  readonly standardWebhooksSecret: string;
  /** The README's example HMAC sender, "Acme CI" (`X-Acme-Signature: v1=<hex>` over `<timestamp>.<body>`). */
  readonly hmacSecret: string;
  /** GitLab's "Secret token" (sent verbatim in X-Gitlab-Token). */
  readonly gitlabToken: string;
  /** The QQ bot's AppSecret (开发设置 in the QQ bot console). */
  readonly qqBotSecret: string;
  /** The Discord application's Public Key (General Information in the Developer Portal). */
  readonly discordPublicKey: string;
  /** The LINE channel secret ("Basic settings" in the LINE Developers Console). */
  readonly lineChannelSecret: string;
  /** The Stripe endpoint's signing secret (`whsec_…`, or the one `stripe listen` prints). */
  readonly stripeSecret: string;
  /** The `secret_token` given to Telegram's setWebhook. */
  readonly telegramSecretToken: string;
  /** The Slack app's Signing Secret (Basic Information → App Credentials). */
  readonly slackSigningSecret: string;
  /** The Feishu/Lark app's Encrypt Key and Verification Token (Events & Callbacks → Encryption Strategy). */
  readonly feishuEncryptKey: string;
  readonly feishuVerificationToken: string;
  /** The Meta app's App Secret (App Dashboard → App settings → Basic), for WhatsApp Cloud API webhooks. */
  readonly whatsappCloudAppSecret: string;
  /** The Verify token typed into the app's WhatsApp webhook configuration. */
  readonly whatsappCloudVerifyToken: string;
  /** The `hs_token` of the Matrix application service's registration file. */
  readonly matrixHsToken: string;
  /** The WeCom app's Token, EncodingAESKey ("接收消息" → "设置API接收") and the enterprise's CorpID. */
  readonly wecomToken: string;
  readonly wecomEncodingAESKey: string;
  readonly wecomCorpId: string;
  /** The WeCom smart bot's (智能机器人) Token and EncodingAESKey, from its "API模式" settings. */
  readonly wecomBotToken: string;
  readonly wecomBotEncodingAESKey: string;
  /** The Official Account's server-configuration Token (plain mode). */
  readonly wechatToken: string;
  /** The DingTalk app's event-subscription (事件订阅) signing token, aes_key and the app's AppKey. */
  readonly dingtalkToken: string;
  readonly dingtalkAesKey: string;
  readonly dingtalkAppKey: string;
  /** The DingTalk robot app's AppSecret, for its HTTP-mode message callback. */
  readonly dingtalkRobotAppSecret: string;
  readonly quiet?: boolean;
}

/**
 * Demo values, so the example starts without setup; each one is public, so never deploy them.
 * They are the CLI's demo secrets too, so `hookguard send <provider> <fixture> --secret <value>`
 * works against a freshly started example (examples/cli-agreement.test.ts checks it).
 */
const DEMO: Record<string, string> = {
  ONEBOT_SECRET: 'hookguard-demo-onebot',
  WHATSAPP_WEBHOOK_SECRET: 'hookguard-demo-whatsapp',
  TENCENT_CALLBACK_TOKEN: 'hookguard-demo-tencent',
  GITHUB_WEBHOOK_SECRET: 'hookguard-demo-github',
  STANDARD_WEBHOOKS_SECRET: `whsec_${Buffer.from('hookguard-demo-standard-webhooks').toString('base64')}`,
  HMAC_WEBHOOK_SECRET: 'hookguard-demo-hmac',
  GITLAB_WEBHOOK_TOKEN: 'hookguard-demo-gitlab',
  QQ_BOT_SECRET: 'hookguard-demo-qq-bot',
  // The public key of RFC 8032's first test seed, which `hookguard send discord` signs with.
  DISCORD_PUBLIC_KEY: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  LINE_CHANNEL_SECRET: 'hookguard-demo-line',
  STRIPE_WEBHOOK_SECRET: 'whsec_hookguard-demo-stripe',
  TELEGRAM_SECRET_TOKEN: 'hookguard-demo-telegram',
  SLACK_SIGNING_SECRET: 'hookguard-demo-slack',
  FEISHU_ENCRYPT_KEY: 'hookguard-demo-feishu',
  FEISHU_VERIFICATION_TOKEN: 'hookguard-demo-feishu-token',
  WHATSAPP_CLOUD_APP_SECRET: 'hookguard-demo-whatsapp-cloud',
  // The CLI checks Meta's GET with the secret it signs with, so the demo uses one value for both.
  WHATSAPP_CLOUD_VERIFY_TOKEN: 'hookguard-demo-whatsapp-cloud',
  MATRIX_HS_TOKEN: 'hookguard-demo-matrix',
  WECOM_TOKEN: 'hookguardDemoToken',
  WECOM_ENCODING_AES_KEY: 'hookguardDemoEncodingAESKey0123456789abcdef',
  WECOM_CORP_ID: 'ww0123456789abcdef',
  WECOM_BOT_TOKEN: 'hookguardDemoBotToken',
  WECOM_BOT_ENCODING_AES_KEY: 'hookguardDemoWecomBotAesKey0123456789abcdef',
  WECHAT_TOKEN: 'hookguardDemoWechatToken',
  DINGTALK_TOKEN: 'hookguardDemoDingTalkToken',
  DINGTALK_AES_KEY: 'hookguardDemoDingTalkAesKey0123456789abcdef',
  DINGTALK_APP_KEY: 'dinghookguarddemo',
  DINGTALK_ROBOT_APP_SECRET: 'hookguard-demo-dingtalk-robot',
};

/** Reads the secrets from the environment; `demo` lists the variables that fell back to a demo value. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): {
  config: ExampleConfig;
  demo: string[];
} {
  const demo: string[] = [];
  const read = (name: string): string => {
    const value = env[name];
    if (value) return value;
    demo.push(name);
    return DEMO[name]!;
  };
  const config: ExampleConfig = {
    onebotSecret: read('ONEBOT_SECRET'),
    whatsappSecret: read('WHATSAPP_WEBHOOK_SECRET'),
    tencentToken: read('TENCENT_CALLBACK_TOKEN'),
    githubSecret: read('GITHUB_WEBHOOK_SECRET'),
    standardWebhooksSecret: read('STANDARD_WEBHOOKS_SECRET'),
    hmacSecret: read('HMAC_WEBHOOK_SECRET'),
    gitlabToken: read('GITLAB_WEBHOOK_TOKEN'),
    qqBotSecret: read('QQ_BOT_SECRET'),
    discordPublicKey: read('DISCORD_PUBLIC_KEY'),
    lineChannelSecret: read('LINE_CHANNEL_SECRET'),
    stripeSecret: read('STRIPE_WEBHOOK_SECRET'),
    telegramSecretToken: read('TELEGRAM_SECRET_TOKEN'),
    slackSigningSecret: read('SLACK_SIGNING_SECRET'),
    feishuEncryptKey: read('FEISHU_ENCRYPT_KEY'),
    feishuVerificationToken: read('FEISHU_VERIFICATION_TOKEN'),
    whatsappCloudAppSecret: read('WHATSAPP_CLOUD_APP_SECRET'),
    whatsappCloudVerifyToken: read('WHATSAPP_CLOUD_VERIFY_TOKEN'),
    matrixHsToken: read('MATRIX_HS_TOKEN'),
    wecomToken: read('WECOM_TOKEN'),
    wecomEncodingAESKey: read('WECOM_ENCODING_AES_KEY'),
    wecomCorpId: read('WECOM_CORP_ID'),
    wecomBotToken: read('WECOM_BOT_TOKEN'),
    wecomBotEncodingAESKey: read('WECOM_BOT_ENCODING_AES_KEY'),
    wechatToken: read('WECHAT_TOKEN'),
    dingtalkToken: read('DINGTALK_TOKEN'),
    dingtalkAesKey: read('DINGTALK_AES_KEY'),
    dingtalkAppKey: read('DINGTALK_APP_KEY'),
    dingtalkRobotAppSecret: read('DINGTALK_ROBOT_APP_SECRET'),
  };
  return { config, demo };
}

/** "Acme CI" signs `<timestamp>.<body>` with HMAC-SHA256 and sends `X-Acme-Signature: v1=<hex>`. */
export const ACME_CI = {
  name: 'acme-ci',
  signature: { header: 'X-Acme-Signature', prefix: 'v1=' },
  signed: '{timestamp}.{body}',
  timestamp: { header: 'X-Acme-Timestamp', toleranceSeconds: 300 },
  id: { header: 'X-Acme-Delivery' },
  event: { body: 'event' },
} as const satisfies Omit<HmacOptions, 'secret'>;

export interface Mount {
  readonly path: string;
  readonly receiver: ReceiverLike;
  /** Answer `path` and every path below it: Matrix appends the spec's paths to its URL. */
  readonly prefix?: boolean;
}

/** One receiver per sender, each at its own path. */
export function createReceivers(config: ExampleConfig): Mount[] {
  const options: ReceiverOptions = {
    ...(config.quiet ? {} : { logger: consoleLogger }),
    onError: (error, context) =>
      console.error(`[${context.provider}] handler failed for ${context.name}:`, error),
  };
  const log = (...parts: unknown[]) => {
    if (!config.quiet) console.log(...parts);
  };

  const onebotBot = createReceiver(onebot({ secret: config.onebotSecret }), options)
    .on('message.private', (event) =>
      plainText(event.message).trim() === 'ping' ? { reply: 'pong' } : undefined,
    )
    .on('message.group', (event) =>
      plainText(event.message).trim() === 'ping' ? { reply: 'pong', at_sender: true } : undefined,
    )
    .on('request.friend', () => ({ approve: true }));

  // GOWA reads only the status; replies go through its REST API, outside the webhook.
  const whatsappBot = createReceiver(whatsapp({ secret: config.whatsappSecret }), options).on(
    'message',
    (event) => {
      log('whatsapp message from', event.payload.from, event.payload.body ?? '(no text)');
    },
  );

  // A before-send callback decides; the others only inform.
  const tencentBot = createReceiver(tencentChat({ token: config.tencentToken }), options)
    .on('C2C.CallbackBeforeSendMsg', (event) =>
      msgText(event.MsgBody).includes('forbidden')
        ? tencent.reject(120001, 'message blocked')
        : tencent.allow(),
    )
    .on('C2C.CallbackAfterSendMsg', (event) => {
      log('tencent message', event.From_Account, '→', event.To_Account);
    });

  const githubBot = createReceiver(github({ secret: config.githubSecret }), options).on(
    'issues.opened',
    (event) => {
      log('github issue opened:', event.issue.title);
    },
  );

  const standardBot = createReceiver(standardWebhooks({ secret: config.standardWebhooksSecret }), options).on(
    '*',
    (_event, context) => {
      log('standard webhook', context.name, context.deliveryKey);
    },
  );

  // The README's `hmac()` example sender, which `hookguard send hmac` speaks by default.
  const hmacBot = createReceiver(hmac({ ...ACME_CI, secret: config.hmacSecret }), options).on(
    '*',
    (_event, context) => {
      log('hmac sender event', context.name);
    },
  );

  const gitlabBot = createReceiver(
    token({
      name: 'gitlab',
      secret: config.gitlabToken,
      header: 'x-gitlab-token',
      event: { body: 'object_kind' },
      // GitLab ids each event; a retry carries the same id, so dedupe runs it once.
      id: { header: 'x-gitlab-event-uuid' },
    }),
    options,
  ).on('*', (_event, context) => {
    log('gitlab event', context.name);
  });

  // QQ reads only the ACK; the bot answers through QQ's OpenAPI. The URL validation answers itself.
  const qqBotReceiver = createReceiver(qqBot({ secret: config.qqBotSecret }), options).on(
    'C2C_MESSAGE_CREATE',
    (event) => {
      log('qq message from', event.d.author.user_openid, event.d.content);
    },
  );

  // Discord's PING answers itself; a command gets a message, anything slower than 2.5 s is deferred.
  const discordBot = createReceiver(discord({ publicKey: config.discordPublicKey }), options).on(
    'application_command',
    (interaction) => discordReply.message(`pong (/${interaction.data.name})`),
  );

  // The application's second URL: Webhook Events, answered 204 (its PING too), signed alike.
  const discordEventsReceiver = createReceiver(
    discordEvents({ publicKey: config.discordPublicKey }),
    options,
  ).on('APPLICATION_AUTHORIZED', (body) => log('discord app authorized by', body.event.data.user.id));
  // LINE batches events: each reaches its handler on its own; replies go through the reply API.
  const lineBot = createReceiver(line({ channelSecret: config.lineChannelSecret }), options)
    .on('message.text', (event) => {
      log('line message', event.message.text);
    })
    .on('follow', (event) => {
      log('line follow from', event.source?.userId);
    });

  // Stripe reads only the status; `other` is every event type without its own schema.
  const stripeBot = createReceiver(stripe({ secret: config.stripeSecret }), options)
    .on('checkout.session.completed', (event) => {
      log('stripe checkout completed:', event.data.object.id, event.data.object.amount_total);
    })
    .on('other', (event) => {
      log('stripe event', event.type, event.id);
    });

  // A method call returned by a handler is run by Telegram; its result never comes back.
  const telegramBot = createReceiver(telegram({ secretToken: config.telegramSecretToken }), options)
    .on('message', (update) =>
      update.message.text === '/ping'
        ? telegramMethod('sendMessage', { chat_id: update.message.chat.id, text: 'pong' })
        : undefined,
    )
    .on('callback_query', (update) =>
      telegramMethod('answerCallbackQuery', { callback_query_id: update.callback_query.id }),
    );

  // url_verification and ssl_check answer themselves; a slash command is answered in the channel.
  const slackBot = createReceiver(slack({ signingSecret: config.slackSigningSecret }), options)
    .on('command', (command) => ({
      response_type: 'in_channel',
      text: `Running ${command.command} ${command.text}`,
    }))
    .on('event.app_mention', (body, context) => {
      log('slack mention', body.event.user, body.event.text, context.meta.retryNum ?? '');
    });

  // The URL check answers itself; a card button is answered with a toast, within Feishu's 3 s.
  const feishuBot = createReceiver(
    feishu({ encryptKey: config.feishuEncryptKey, verificationToken: config.feishuVerificationToken }),
    options,
  )
    .on('im.message.receive_v1', (body) => {
      log('feishu message', body.event.sender.sender_id.open_id ?? '', body.event.message.content);
    })
    .on('card.action.trigger', (body) => ({
      toast: { type: 'success', content: `Got ${body.event.action.tag}` },
    }));
  // Meta's GET check answers itself; each message and status of a delivery is its own event.
  const whatsappCloudBot = createReceiver(
    whatsappCloud({ appSecret: config.whatsappCloudAppSecret, verifyToken: config.whatsappCloudVerifyToken }),
    options,
  )
    .on('messages.text', (message, context) => {
      log('whatsapp cloud message', context.meta.contact?.profile?.name ?? message.from, message.text.body);
    })
    .on('statuses', (status) => {
      log('whatsapp cloud status', status.id, status.status);
    });

  // Mounted on a prefix: the homeserver PUTs /_matrix/app/v1/transactions/{txnId} below its URL.
  const matrixBot = createReceiver(matrix({ hsToken: config.matrixHsToken }), options)
    .on('m.room.message.m.text', (event, context) => {
      log('matrix message', event.sender, event.content.body, context.meta.txnId);
    })
    .on('m.room.member', (event) => {
      log('matrix membership', event.state_key, event.content.membership);
    });
  // The GET URL check answers itself; a text message gets an encrypted, signed passive reply.
  const wecomAppBot = createReceiver(
    wecom({
      token: config.wecomToken,
      encodingAESKey: config.wecomEncodingAESKey,
      corpId: config.wecomCorpId,
    }),
    options,
  )
    .on('text', (message) => ({ type: 'text', content: `echo: ${message.Content}` }))
    .on('event', (event) => {
      log('wecom event', event.Event, 'from', event.FromUserName);
    });

  // The GET URL check answers itself; a message gets a finished stream, encrypted and signed back
  // as {encrypt, msgsignature, timestamp, nonce}; a user opening the chat gets a welcome.
  const wecomSmartBot = createReceiver(
    wecomBot({ token: config.wecomBotToken, encodingAESKey: config.wecomBotEncodingAESKey }),
    options,
  )
    .on('text', (message) => ({
      msgtype: 'stream',
      stream: { id: message.msgid, finish: true, content: `echo: ${message.text.content}` },
    }))
    .on('event.enter_chat', () => ({ msgtype: 'text', text: { content: 'hello from hookguard' } }));

  // The GET server check answers itself; anything a handler leaves unanswered gets `success`.
  const wechatBot = createReceiver(wechat({ token: config.wechatToken }), options).on('text', (message) => ({
    type: 'text',
    content: `echo: ${message.Content}`,
  }));

  // check_url answers itself; every push, handled or not, is answered with the encrypted success.
  const dingtalkBot = createReceiver(
    dingtalk({ token: config.dingtalkToken, aesKey: config.dingtalkAesKey, appKey: config.dingtalkAppKey }),
    options,
  )
    .on('user_add_org', (event) => {
      log('dingtalk users joined', event.UserId);
    })
    .on('bpms_instance_change', (event) => {
      log('dingtalk approval', event.processInstanceId, event.type, event.result);
    });

  // The sign covers the timestamp only (SECURITY.md): the reply is written in the response.
  const dingtalkRobotBot = createReceiver(
    dingtalkRobot({ appSecret: config.dingtalkRobotAppSecret }),
    options,
  ).on('text', (message) => ({ msgtype: 'text', text: { content: `echo:${message.text.content}` } }));

  return [
    { path: '/onebot', receiver: onebotBot },
    { path: '/whatsapp', receiver: whatsappBot },
    { path: '/tencent', receiver: tencentBot },
    { path: '/github', receiver: githubBot },
    { path: '/standard-webhooks', receiver: standardBot },
    { path: '/hmac', receiver: hmacBot },
    { path: '/gitlab', receiver: gitlabBot },
    { path: '/qq', receiver: qqBotReceiver },
    { path: '/discord', receiver: discordBot },
    { path: '/discord-events', receiver: discordEventsReceiver },
    { path: '/line', receiver: lineBot },
    { path: '/stripe', receiver: stripeBot },
    { path: '/telegram', receiver: telegramBot },
    { path: '/slack', receiver: slackBot },
    { path: '/feishu', receiver: feishuBot },
    { path: '/whatsapp-cloud', receiver: whatsappCloudBot },
    { path: '/matrix', receiver: matrixBot, prefix: true },
    { path: '/wecom', receiver: wecomAppBot },
    { path: '/wecom-bot', receiver: wecomSmartBot },
    { path: '/wechat', receiver: wechatBot },
    { path: '/dingtalk', receiver: dingtalkBot },
    { path: '/dingtalk-robot', receiver: dingtalkRobotBot },
  ];
}
