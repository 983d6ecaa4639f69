/**
 * One decrypted push per event `dingtalk()` types, shaped as DingTalk's event pages show them
 * (https://open.dingtalk.com/document/): `EventType`, the millisecond `TimeStamp`, the `CorpId`,
 * and the event's own fields.
 */
const CORP = 'ding0123456789abcdef';
const base = (type: string) => ({ EventType: type, TimeStamp: '1700000000000', CorpId: CORP });
const users = (type: string) => ({ ...base(type), UserId: ['manager4220', '0346051246941567'] });
const chat = (type: string) => ({
  ...base(type),
  ChatId: 'chat0123456789abcdef0123456789ab',
  Operator: 'manager4220',
  UserId: ['0346051246941567'],
});
const approval = {
  processInstanceId: 'a171de6c-8b5c-4f44-8e6b-1cb2a0a4dcbe',
  corpId: CORP,
  createTime: 1700000000000,
  title: '张三提交的请假',
  staffId: 'manager4220',
  processCode: 'PROC-FF6Y4BE1N2-PXZ3Q2YF4E3VCRVDLLFE1-6BN2BQ1I-2',
};

export const DINGTALK_FIXTURE_APP_KEY = 'dinghookguarddemo';

export const dingtalkFixtures: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  user_add_org: users('user_add_org'),
  user_modify_org: users('user_modify_org'),
  user_leave_org: users('user_leave_org'),
  user_active_org: users('user_active_org'),
  org_admin_add: users('org_admin_add'),
  org_admin_remove: users('org_admin_remove'),
  org_dept_create: { ...base('org_dept_create'), DeptId: [1, 2] },
  org_dept_modify: { ...base('org_dept_modify'), DeptId: [2] },
  org_dept_remove: { ...base('org_dept_remove'), DeptId: [2] },
  chat_add_member: chat('chat_add_member'),
  chat_remove_member: chat('chat_remove_member'),
  chat_quit: chat('chat_quit'),
  chat_update_owner: chat('chat_update_owner'),
  chat_update_title: { ...chat('chat_update_title'), Title: 'hookguard 发布群' },
  chat_disband: chat('chat_disband'),
  bpms_task_change: {
    EventType: 'bpms_task_change',
    ...approval,
    type: 'finish',
    result: 'agree',
    remark: '同意',
    finishTime: 1700000060000,
  },
  bpms_instance_change: {
    EventType: 'bpms_instance_change',
    ...approval,
    type: 'start',
    url: 'https://aflow.dingtalk.com/dingtalk/mobile/homepage.htm',
  },
};
