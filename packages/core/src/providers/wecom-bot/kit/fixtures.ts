/**
 * One decrypted callback per event `wecomBot()` types, shaped as WeCom's smart bot pages show
 * them (messages: https://developer.work.weixin.qq.com/document/path/100719, events:
 * https://developer.work.weixin.qq.com/document/path/101027): `msgid`, `aibotid`, the chat, the
 * sender, and the message's or event's own object. Download URLs are placeholders.
 */
const AIBOT = 'aibhookguarddemo';
const DOWNLOAD =
  'https://ww-aibot-img-1258476243.cos.ap-guangzhou.myqcloud.com/hookguard/demo?sign=placeholder';
const RESPONSE_URL = 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=hookguard-demo';

const group = (msgid: string) => ({
  msgid,
  aibotid: AIBOT,
  chatid: 'wrkSFfCgAAhookguard',
  chattype: 'group',
  from: { userid: 'zhangsan' },
  response_url: RESPONSE_URL,
});
const single = (msgid: string) => ({
  msgid,
  aibotid: AIBOT,
  chattype: 'single',
  from: { userid: 'lisi' },
  response_url: RESPONSE_URL,
});
const event = (msgid: string, eventtype: string, detail?: Record<string, unknown>) => ({
  msgid,
  create_time: 1700000000,
  aibotid: AIBOT,
  chattype: 'single',
  from: { userid: 'lisi' },
  msgtype: 'event',
  event: { eventtype, ...(detail === undefined ? {} : { [eventtype]: detail }) },
});

export const wecomBotFixtures: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  text: {
    ...group('CAIQ16HMjQYYhookguard01'),
    msgtype: 'text',
    text: { content: '@hookguard 今天的发布情况？' },
    quote: { msgtype: 'text', text: { content: '发布清单' } },
  },
  image: { ...single('CAIQz7hookguard02'), msgtype: 'image', image: { url: DOWNLOAD } },
  mixed: {
    ...group('CAIQrchookguard03'),
    msgtype: 'mixed',
    mixed: {
      msg_item: [
        { msgtype: 'text', text: { content: '@hookguard 这张图' } },
        { msgtype: 'image', image: { url: DOWNLOAD } },
      ],
    },
  },
  voice: { ...single('CAIQrchookguard04'), msgtype: 'voice', voice: { content: '语音转成的文字' } },
  file: { ...single('CAIQrchookguard05'), msgtype: 'file', file: { url: DOWNLOAD } },
  stream: {
    msgid: 'CAIQz7hookguard06',
    aibotid: AIBOT,
    chatid: 'wrkSFfCgAAhookguard',
    chattype: 'group',
    from: { userid: 'zhangsan' },
    msgtype: 'stream',
    stream: { id: 'hookguard-stream-1' },
  },
  'event.enter_chat': event('CAIQ16hookguard07', 'enter_chat'),
  'event.template_card_event': {
    ...event('CAIQ16hookguard08', 'template_card_event', {
      card_type: 'button_interaction',
      event_key: 'approve',
      task_id: 'hookguard-task-1',
      selected_items: {
        selected_item: [{ question_key: 'env', option_ids: { option_id: ['production'] } }],
      },
    }),
    response_url: RESPONSE_URL,
  },
  'event.feedback_event': event('CAIQ16hookguard09', 'feedback_event', {
    id: 'hookguard-feedback-1',
    type: 2,
    content: '能再详细一些么',
    inaccurate_reason_list: [2],
  }),
};
