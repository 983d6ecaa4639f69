import { dingtalk, feishu, slack, tencentChat, wecom, wecomBot } from '@hookguard/core';
import { describe, expect, it } from 'vitest';

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

/** Each factory with a deadline of `deadlineMs`, as its configuration warnings read. */
const factories: readonly [string, number, (deadlineMs: number) => readonly string[] | undefined][] = [
  [
    'wecom()',
    5000,
    (deadlineMs) => wecom({ token: 't', encodingAESKey: KEY, corpId: 'ww1', deadlineMs }).configWarnings,
  ],
  [
    'wecomBot()',
    5000,
    (deadlineMs) => wecomBot({ token: 't', encodingAESKey: KEY, deadlineMs }).configWarnings,
  ],
  [
    'dingtalk()',
    1500,
    (deadlineMs) => dingtalk({ token: 't', aesKey: KEY, appKey: 'ding1', deadlineMs }).configWarnings,
  ],
  ['slack()', 3000, (deadlineMs) => slack({ signingSecret: 's', deadlineMs }).configWarnings],
  ['feishu()', 3000, (deadlineMs) => feishu({ encryptKey: 'k', deadlineMs }).configWarnings],
  ['tencentChat()', 2000, (deadlineMs) => tencentChat({ token: 't', deadlineMs }).configWarnings],
];

describe("a deadline not under the sender's own timeout is warned about at construction", () => {
  it.each(factories)('%s (%d ms)', (factory, timeoutMs, warningsWith) => {
    expect(warningsWith(timeoutMs - 1) ?? []).toEqual([]);
    const warnings = warningsWith(timeoutMs) ?? [];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(`^${factory.replace(/[()]/g, '\\$&')}: deadlineMs ${timeoutMs} is not below `),
    );
  });
});
