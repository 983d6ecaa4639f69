/**
 * One body per event `wechat()` types, shaped as WeChat's message and event pages show them
 * (https://developers.weixin.qq.com/doc/service/en/guide/product/message/Receiving_standard_messages.html,
 * .../Receiving_event_pushes.html): every value text, as it is in the XML.
 */
const base = {
  ToUserName: 'gh_0123456789ab',
  FromUserName: 'oUser0123456789abcdefghijk',
  CreateTime: '1700000000',
};
const message = (type: string, msgId: string) => ({ ...base, MsgType: type, MsgId: msgId });
const event = (name: string) => ({ ...base, MsgType: 'event', Event: name });

export const wechatFixtures: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  text: { ...message('text', '7300000000000000001'), Content: '你好 hookguard' },
  image: {
    ...message('image', '7300000000000000002'),
    PicUrl: 'https://mmbiz.qpic.cn/demo.png',
    MediaId: 'media_1',
  },
  voice: { ...message('voice', '7300000000000000003'), MediaId: 'media_2', Format: 'amr' },
  video: { ...message('video', '7300000000000000004'), MediaId: 'media_3', ThumbMediaId: 'thumb_3' },
  shortvideo: {
    ...message('shortvideo', '7300000000000000005'),
    MediaId: 'media_4',
    ThumbMediaId: 'thumb_4',
  },
  location: {
    ...message('location', '7300000000000000006'),
    Location_X: '23.134521',
    Location_Y: '113.358803',
    Scale: '20',
    Label: '广州市海珠区',
  },
  link: {
    ...message('link', '7300000000000000007'),
    Title: 'hookguard',
    Description: 'receiver-side webhook middleware',
    Url: 'https://example.com/hookguard',
  },
  'event.subscribe': event('subscribe'),
  'event.unsubscribe': event('unsubscribe'),
  'event.SCAN': { ...event('SCAN'), EventKey: '123', Ticket: 'gQH47joAAAAAAAAAASxodHRw' },
  'event.LOCATION': {
    ...event('LOCATION'),
    Latitude: '23.137466',
    Longitude: '113.352425',
    Precision: '119.385040',
  },
  'event.CLICK': { ...event('CLICK'), EventKey: 'menu_help' },
  'event.VIEW': { ...event('VIEW'), EventKey: 'https://example.com/menu' },
};
