import { z } from 'zod';

/**
 * zod schemas for what DingTalk's HTTP event subscription (事件订阅) pushes, decrypted, keyed by
 * the body's `EventType`. Open schemas: only `EventType` is required, the fields DingTalk's pages
 * show are typed where present, and fields DingTalk adds are kept. Ids and times are taken as
 * text or numbers, as DingTalk writes both across its events.
 * Names and fields as DingTalk's event pages (通讯录事件, 群会话事件, 审批事件) list them:
 * https://open.dingtalk.com/document/
 */
const idOrTime = z.union([z.string(), z.number()]);

function event<Type extends string, Shape extends z.core.$ZodLooseShape>(type: Type, shape: Shape) {
  return z.looseObject({
    EventType: z.literal(type),
    /** When DingTalk raised the event, Unix milliseconds. */
    TimeStamp: idOrTime.optional(),
    CorpId: z.string().optional(),
    ...shape,
  });
}

const users = { UserId: z.array(z.string()).optional() };
const departments = { DeptId: z.array(idOrTime).optional() };
const chatMembers = {
  ChatId: z.string().optional(),
  Operator: z.string().optional(),
  UserId: z.array(z.string()).optional(),
};

/** Fields an approval's instance and task events share (lower camel case, as DingTalk writes them). */
const approval = {
  processInstanceId: z.string().optional(),
  processCode: z.string().optional(),
  corpId: z.string().optional(),
  title: z.string().optional(),
  /** `start`, `finish`, `terminate` (instances) or `cancel` (tasks). */
  type: z.string().optional(),
  /** `agree` or `refuse`, once finished. */
  result: z.string().optional(),
  staffId: z.string().optional(),
  createTime: idOrTime.optional(),
  finishTime: idOrTime.optional(),
};

export const dingtalkEventSchemas = {
  /** The push DingTalk sends when the URL is saved; answered by the provider, never a handler. */
  check_url: event('check_url', {}),
  user_add_org: event('user_add_org', users),
  user_modify_org: event('user_modify_org', users),
  user_leave_org: event('user_leave_org', users),
  user_active_org: event('user_active_org', users),
  org_admin_add: event('org_admin_add', users),
  org_admin_remove: event('org_admin_remove', users),
  org_dept_create: event('org_dept_create', departments),
  org_dept_modify: event('org_dept_modify', departments),
  org_dept_remove: event('org_dept_remove', departments),
  chat_add_member: event('chat_add_member', chatMembers),
  chat_remove_member: event('chat_remove_member', chatMembers),
  chat_quit: event('chat_quit', chatMembers),
  chat_update_owner: event('chat_update_owner', chatMembers),
  chat_update_title: event('chat_update_title', chatMembers),
  chat_disband: event('chat_disband', chatMembers),
  bpms_task_change: event('bpms_task_change', { ...approval, remark: z.string().optional() }),
  bpms_instance_change: event('bpms_instance_change', { ...approval, url: z.string().optional() }),
};

export type DingtalkEventName = Exclude<keyof typeof dingtalkEventSchemas, 'check_url'>;
export type DingtalkEventOf<N extends DingtalkEventName> = z.output<(typeof dingtalkEventSchemas)[N]>;

/** The `EventType` a decrypted body names, or none. */
export function dingtalkEventType(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const type = (payload as Record<string, unknown>)['EventType'];
  return typeof type === 'string' && type !== '' ? type : undefined;
}
