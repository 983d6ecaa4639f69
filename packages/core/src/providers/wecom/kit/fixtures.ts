/**
 * One decrypted body per event `wecom()` types, shaped as WeCom's message and event pages show
 * them (https://developer.work.weixin.qq.com/document/path/90239, /90240, /90970): every value
 * text, as it is in the XML.
 */
const CORP = 'ww0123456789abcdef';
const base = { ToUserName: CORP, FromUserName: 'zhangsan', CreateTime: '1700000000' };
const message = (type: string) => ({ ...base, MsgType: type });
const event = (name: string) => ({ ...base, MsgType: 'event', Event: name });

export const WECOM_FIXTURE_CORP_ID = CORP;

export const wecomFixtures: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  text: { ...message('text'), Content: '你好 hookguard', MsgId: '7300000000000000001', AgentID: '1000002' },
  image: {
    ...message('image'),
    PicUrl: 'https://wework.qpic.cn/demo.png',
    MediaId: 'media_image_1',
    MsgId: '7300000000000000002',
    AgentID: '1000002',
  },
  voice: {
    ...message('voice'),
    MediaId: 'media_voice_1',
    Format: 'amr',
    MsgId: '7300000000000000003',
    AgentID: '1000002',
  },
  video: {
    ...message('video'),
    MediaId: 'media_video_1',
    ThumbMediaId: 'media_thumb_1',
    MsgId: '7300000000000000004',
    AgentID: '1000002',
  },
  location: {
    ...message('location'),
    Location_X: '23.134521',
    Location_Y: '113.358803',
    Scale: '20',
    Label: '广州市海珠区',
    MsgId: '7300000000000000005',
    AgentID: '1000002',
  },
  link: {
    ...message('link'),
    Title: 'hookguard',
    Description: 'receiver-side webhook middleware',
    Url: 'https://example.com/hookguard',
    PicUrl: 'https://example.com/hookguard.png',
    MsgId: '7300000000000000006',
    AgentID: '1000002',
  },
  'event.subscribe': { ...event('subscribe'), AgentID: '1000002' },
  'event.unsubscribe': { ...event('unsubscribe'), AgentID: '1000002' },
  'event.enter_agent': { ...event('enter_agent'), EventKey: '', AgentID: '1000002' },
  'event.click': { ...event('click'), EventKey: 'menu_help', AgentID: '1000002' },
  'event.view': { ...event('view'), EventKey: 'https://example.com/menu', AgentID: '1000002' },
  'event.LOCATION': {
    ...event('LOCATION'),
    Latitude: '23.104105',
    Longitude: '113.320107',
    Precision: '65.000000',
    AgentID: '1000002',
  },
  'event.scancode_push': {
    ...event('scancode_push'),
    EventKey: 'scan_1',
    ScanCodeInfo: { ScanType: 'qrcode', ScanResult: '1' },
    AgentID: '1000002',
  },
  'event.scancode_waitmsg': {
    ...event('scancode_waitmsg'),
    EventKey: 'scan_2',
    ScanCodeInfo: { ScanType: 'qrcode', ScanResult: '2' },
    AgentID: '1000002',
  },
  'event.change_contact.create_user': {
    ...event('change_contact'),
    FromUserName: 'sys',
    ChangeType: 'create_user',
    UserID: 'lisi',
    Name: '李四',
    Department: '1,2',
  },
  'event.change_contact.update_user': {
    ...event('change_contact'),
    FromUserName: 'sys',
    ChangeType: 'update_user',
    UserID: 'lisi',
    NewUserID: 'lisi2',
  },
  'event.change_contact.delete_user': {
    ...event('change_contact'),
    FromUserName: 'sys',
    ChangeType: 'delete_user',
    UserID: 'lisi2',
  },
  'event.change_contact.create_party': {
    ...event('change_contact'),
    FromUserName: 'sys',
    ChangeType: 'create_party',
    Id: '2',
    Name: '研发部',
    ParentId: '1',
  },
  'event.change_contact.update_party': {
    ...event('change_contact'),
    FromUserName: 'sys',
    ChangeType: 'update_party',
    Id: '2',
    Name: '研发中心',
  },
  'event.change_contact.delete_party': {
    ...event('change_contact'),
    FromUserName: 'sys',
    ChangeType: 'delete_party',
    Id: '2',
  },
  'event.change_contact.update_tag': {
    ...event('change_contact'),
    FromUserName: 'sys',
    ChangeType: 'update_tag',
    TagId: '1',
    AddUserItems: 'zhangsan,lisi',
  },
};
