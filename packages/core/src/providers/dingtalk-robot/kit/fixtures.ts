/**
 * One message per `msgtype` `dingtalkRobot()` types, shaped as DingTalk posts them to a robot's
 * HTTP message URL (https://open.dingtalk.com/document/, 机器人接收消息).
 */
const base = (msgtype: string, msgId: string) => ({
  conversationId: 'cidhookguardDemoConversation==',
  atUsers: [{ dingtalkId: '$:LWCP_v1:$hookguardRobot' }],
  chatbotCorpId: 'dinghookguardcorp',
  chatbotUserId: '$:LWCP_v1:$hookguardRobot',
  msgId,
  senderNick: '张三',
  isAdmin: true,
  senderStaffId: 'manager4220',
  sessionWebhookExpiredTime: 1700005400000,
  createAt: 1700000000000,
  senderCorpId: 'dinghookguardcorp',
  conversationType: '2',
  senderId: '$:LWCP_v1:$hookguardSender',
  conversationTitle: 'hookguard 发布群',
  isInAtList: true,
  sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=hookguard-demo',
  robotCode: 'dinghookguardrobot',
  msgtype,
});

export const dingtalkRobotFixtures: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  text: { ...base('text', 'msgHookguardText0001'), text: { content: ' deploy pay-api' } },
  richText: {
    ...base('richText', 'msgHookguardRich0001'),
    content: {
      richText: [{ text: '看这张图' }, { pictureDownloadCode: 'pic-code-1', downloadCode: 'dl-code-1' }],
    },
  },
  picture: {
    ...base('picture', 'msgHookguardPic00001'),
    content: { pictureDownloadCode: 'pic-code-2', downloadCode: 'dl-code-2' },
  },
  audio: {
    ...base('audio', 'msgHookguardAudio001'),
    content: { duration: 4000, downloadCode: 'dl-code-3', recognition: '发布支付服务' },
  },
  video: {
    ...base('video', 'msgHookguardVideo001'),
    content: { duration: 12, downloadCode: 'dl-code-4', videoType: 'mp4' },
  },
  file: {
    ...base('file', 'msgHookguardFile0001'),
    content: { spaceId: '1', fileName: 'report.pdf', downloadCode: 'dl-code-5', fileId: '2' },
  },
};
