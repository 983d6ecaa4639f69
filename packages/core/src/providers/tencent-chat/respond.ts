import { z } from 'zod';
import { jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';
import { type BeforeCallbackRule, beforeCallbackRule, FRIEND_REFUSAL_RANGE } from './before-callbacks.js';

const decisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('allow') }),
  z.strictObject({ decision: z.literal('reject'), code: z.int(), info: z.string() }),
  z.strictObject({ decision: z.literal('discard') }),
  z.strictObject({
    decision: z.literal('modify'),
    MsgBody: z
      .array(z.looseObject({ MsgType: z.string().min(1), MsgContent: z.record(z.string(), z.unknown()) }))
      .optional(),
    CloudCustomData: z.string().optional(),
  }),
  z.strictObject({ decision: z.literal('refuseMembers'), members: z.array(z.string().min(1)) }),
  z.strictObject({
    decision: z.literal('friendResults'),
    results: z.array(
      z.strictObject({
        To_Account: z.string().min(1),
        ResultCode: z.int(),
        ResultInfo: z.string().optional(),
      }),
    ),
  }),
]);

/** What after-callbacks (and anything Tencent does not act on) are answered with. */
export function acknowledge(): WebhookResponse {
  return jsonResponse(200, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
}

/**
 * Turns a handler's decision into the answer Tencent reads, key order as in the docs' samples.
 * After-callbacks are acknowledged whatever the handler returned (Tencent ignores the answer);
 * a decision the command cannot take, or a code outside its documented range, is a TypeError.
 */
export function serialiseTencentReply(reply: unknown, command: string, payload: unknown): WebhookResponse {
  const rule = beforeCallbackRule(command);
  if (rule === undefined) return acknowledge();
  if (reply === undefined || reply === null) return allow(rule, payload);
  const parsed = decisionSchema.safeParse(reply);
  if (!parsed.success) {
    throw new TypeError(`tencentChat: invalid decision for ${command}: ${z.prettifyError(parsed.error)}`);
  }
  const decision = parsed.data;
  const refuse = (what: string): never => {
    throw new TypeError(`tencentChat: ${command} does not take a "${what}" decision`);
  };
  switch (decision.decision) {
    case 'allow':
      return allow(rule, payload);
    case 'reject':
      if (rule.friendResults) refuse('reject'); // ErrorCode ≠ 0 reads as a backend failure there
      checkRejectCode(decision.code, rule, command);
      return decided(decision.code, decision.info);
    case 'discard':
      if (!rule.discard) refuse('discard');
      return decided(2, '');
    case 'modify': {
      if (!rule.modify) refuse('modify');
      if (decision.MsgBody === undefined && decision.CloudCustomData === undefined) {
        throw new TypeError('tencentChat: a "modify" decision needs MsgBody or CloudCustomData');
      }
      const changes: Record<string, unknown> = {};
      if (decision.MsgBody !== undefined) changes['MsgBody'] = decision.MsgBody;
      if (decision.CloudCustomData !== undefined) changes['CloudCustomData'] = decision.CloudCustomData;
      return decided(0, '', changes);
    }
    case 'refuseMembers':
      if (!rule.refuseMembers) refuse('refuseMembers');
      return decided(0, '', { RefusedMembers_Account: decision.members });
    case 'friendResults':
      if (!rule.friendResults) refuse('friendResults');
      for (const result of decision.results) checkFriendCode(result.ResultCode, command);
      return friendResults(
        decision.results.map((result) => ({
          To_Account: result.To_Account,
          ResultCode: result.ResultCode,
          ResultInfo: result.ResultInfo ?? '',
        })),
      );
  }
}

/**
 * The answer when handlers miss the deadline: `allow` is Tencent's own timeout policy
 * (deliver), `reject` the stricter console setting. After-callbacks are simply acknowledged.
 */
export function deadlineAnswer(
  choice: 'allow' | 'reject',
  command: string,
  payload: unknown,
): WebhookResponse {
  const rule = beforeCallbackRule(command);
  if (rule === undefined) return acknowledge();
  if (choice === 'allow') return allow(rule, payload);
  if (rule.friendResults) {
    return friendResults(
      friendAccountsOf(payload).map((account) => ({
        To_Account: account,
        ResultCode: FRIEND_REFUSAL_RANGE[0],
        ResultInfo: '',
      })),
    );
  }
  return decided(1, '');
}

/** Friend requests are allowed per account; everything else with ErrorCode 0. */
function allow(rule: BeforeCallbackRule, payload: unknown): WebhookResponse {
  if (!rule.friendResults) return decided(0, '');
  return friendResults(
    friendAccountsOf(payload).map((account) => ({ To_Account: account, ResultCode: 0, ResultInfo: '' })),
  );
}

function decided(code: number, info: string, extra: Record<string, unknown> = {}): WebhookResponse {
  return jsonResponse(200, { ActionStatus: 'OK', ErrorInfo: info, ErrorCode: code, ...extra });
}

function friendResults(items: readonly { To_Account: string; ResultCode: number; ResultInfo: string }[]) {
  return jsonResponse(200, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ResultItem: items });
}

function checkRejectCode(code: number, rule: BeforeCallbackRule, command: string): void {
  if (code === 1) return;
  const range = rule.rejectRange;
  if (range === null ? code !== 0 : code >= range[0] && code <= range[1]) return;
  const allowed = range === null ? 'a non-zero code' : `1 or a custom code in [${range[0]}, ${range[1]}]`;
  throw new TypeError(`tencentChat: reject code ${code} is not valid for ${command}; use ${allowed}`);
}

function checkFriendCode(code: number, command: string): void {
  if (code === 0 || (code >= FRIEND_REFUSAL_RANGE[0] && code <= FRIEND_REFUSAL_RANGE[1])) return;
  throw new TypeError(
    `tencentChat: ResultCode ${code} is not valid for ${command}; use 0 (allow) or a refusal in [${FRIEND_REFUSAL_RANGE[0]}, ${FRIEND_REFUSAL_RANGE[1]}]`,
  );
}

/** The requested friends of `Sns.CallbackPrev*`, read defensively: the body may not have fit its schema. */
function friendAccountsOf(payload: unknown): string[] {
  const body = (payload ?? {}) as Record<string, unknown>;
  const items = body['FriendItem'] ?? body['ResponseFriendItem'];
  if (!Array.isArray(items)) return [];
  const accounts: string[] = [];
  for (const item of items) {
    const account = (item as Record<string, unknown> | null)?.['To_Account'];
    if (typeof account === 'string') accounts.push(account);
  }
  return accounts;
}
