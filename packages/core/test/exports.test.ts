/**
 * The public surface, pinned. An app author's import list is `@hookguard/core`; adapters, stores
 * and workers use `@hookguard/core/adapter`; everything else is internal. Adding or removing a
 * name here is an API change: say so in a changeset.
 */
import { readFileSync } from 'node:fs';
import * as root from '@hookguard/core';
import * as adapter from '@hookguard/core/adapter';
import * as schemas from '@hookguard/core/schemas';
import { senderKits } from '@hookguard/core/testing';
import { describe, expect, it } from 'vitest';

/** Runtime values only: types leave nothing behind in the module. */
const valuesOf = (module: object) => Object.keys(module).sort();

/**
 * The root is one factory per sender (the front door octokit keeps to a handful of names, grown
 * by the number of platforms) plus the core. The core part is kept small on purpose: a name past
 * this budget needs a very good reason. A sender factory needs none beyond its registered kit.
 */
const CORE_BUDGET = 24;

/** One per registered sender kit, named as the kit in camelCase; aliases map to their kit's factory. */
const SENDER_FACTORIES = [
  'discord',
  'discordEvents',
  'feishu',
  'github',
  'hmac',
  'line',
  'onebot',
  'qqBot',
  'slack',
  'standardWebhooks',
  'stripe',
  'telegram',
  'tencentChat',
  'token',
  'whatsapp',
  'whatsappCloud',
  'matrix',
  'wecom',
  'wecomBot',
  'wechat',
  'dingtalk',
  'dingtalkRobot',
];
/** The same factory under a second name its users know it by. */
const FACTORY_ALIASES: Readonly<Record<string, string>> = { lark: 'feishu' };

/** Everything else on the root: the receiver, errors, loggers, answers and senders' reply helpers. */
const CORE = [
  'BodyError',
  'DiscordMessageFlags',
  'HandlerError',
  'VerificationError',
  'WebhookError',
  'consoleLogger',
  'createReceiver',
  'discordReply',
  'emptyResponse',
  'isMsgElement',
  'isSegment',
  'isWebhookError',
  'jsonResponse',
  'memoryDedupeStore',
  'msgText',
  'plainText',
  'segment',
  'silentLogger',
  'stderrLogger',
  'telegramMethod',
  'tencent',
  'verify',
];

const ROOT = [...SENDER_FACTORIES, ...Object.keys(FACTORY_ALIASES), ...CORE];

const ADAPTER = [
  'DEFAULT_BODY_LIMIT',
  'DEFAULT_BODY_TIMEOUT_MS',
  'describeThrown',
  'emptyResponse',
  'errorResponse',
  'headerValue',
  'headersFromFetch',
  'jsonResponse',
  'nodeRequestHead',
  'queryOf',
  'readBody',
  'writeNodeResponse',
];

/** One value per schema map: each sender's zod schemas by event name. */
const SCHEMAS = [
  'discordInteractionSchemas',
  'discordWebhookEventSchemas',
  'feishuEventSchemas',
  'githubEventSchemas',
  'lineEventSchemas',
  'onebotEventSchemas',
  'qqBotEventSchemas',
  'stripeEventSchemas',
  'telegramUpdateSchemas',
  'slackEventSchemas',
  'tencentChatEventSchemas',
  'wechatEventSchemas',
  'wecomEventSchemas',
  'wecomBotEventSchemas',
  'whatsappEventSchemas',
  'whatsappCloudEventSchemas',
  'matrixEventSchemas',
  'dingtalkEventSchemas',
  'dingtalkRobotEventSchemas',
];

/** Building blocks of the providers and the receiver: reachable from no entry point. */
const INTERNAL = [
  'DIGEST_BYTES',
  'decodeSignature',
  'dedupeKey',
  'dottedCandidates',
  'hmacDigest',
  'isDedupeStore',
  'matchHmac',
  'parseJsonBody',
  'resolveEvent',
  'safeEqual',
  'secretList',
  'serialiseOneBotReply',
  'tencentChatSign',
  'TELEGRAM_IP_RANGES',
  'parseStripeSignature',
  'stripeEventEnvelope',
];

describe('@hookguard/core (the root)', () => {
  it(`exports at most ${CORE_BUDGET} runtime values besides the sender factories`, () => {
    expect(CORE.length).toBeLessThanOrEqual(CORE_BUDGET);
  });

  it('exports one factory per registered sender kit, named after it, and nothing else as a factory', () => {
    const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    expect(senderKits.map((kit) => camel(kit.name)).sort()).toEqual([...SENDER_FACTORIES].sort());
    for (const name of SENDER_FACTORIES) {
      expect(typeof (root as Record<string, unknown>)[name], name).toBe('function');
    }
    for (const [alias, factory] of Object.entries(FACTORY_ALIASES)) {
      expect((root as Record<string, unknown>)[alias], alias).toBe(
        (root as Record<string, unknown>)[factory],
      );
    }
  });

  it('exports exactly the app-facing values', () => {
    expect(valuesOf(root)).toEqual([...ROOT].sort());
  });

  it('keeps adapter plumbing off the root, except the two answers a `respond` option builds', () => {
    const shared = ADAPTER.filter((name) => name in root);
    expect(shared).toEqual(['emptyResponse', 'jsonResponse']);
  });
});

describe('@hookguard/core/adapter', () => {
  it('exports exactly the plumbing adapters, stores and workers use', () => {
    expect(valuesOf(adapter)).toEqual([...ADAPTER].sort());
  });

  it('hands out the same functions as the root where both export one', () => {
    expect(adapter.jsonResponse).toBe(root.jsonResponse);
    expect(adapter.emptyResponse).toBe(root.emptyResponse);
  });
});

describe('@hookguard/core/schemas', () => {
  it('exports exactly the senders’ schema maps, none of them on the root', () => {
    expect(valuesOf(schemas)).toEqual([...SCHEMAS].sort());
    expect(SCHEMAS.filter((name) => name in root)).toEqual([]);
  });

  it('maps event names to zod schemas that parse', () => {
    for (const [name, map] of Object.entries(schemas) as [string, Record<string, { safeParse: unknown }>][]) {
      expect(Object.keys(map).length, name).toBeGreaterThan(0);
      for (const schema of Object.values(map)) expect(typeof schema.safeParse, name).toBe('function');
    }
  });
});

describe('internals', () => {
  it.each(INTERNAL)('%s is exported by no entry point', (name) => {
    expect(name in root).toBe(false);
    expect(name in adapter).toBe(false);
    expect(name in schemas).toBe(false);
  });
});

const sourceOf = (file: string) => readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8');

/** The files an entry point re-exports from (it holds nothing else), relative to src/. */
const reExportedBy = (entry: string) => [
  ...new Set([...sourceOf(entry).matchAll(/ from '\.\/(.+)\.js';$/gm)].map((match) => `${match[1]}.ts`)),
];

describe('entry point sources', () => {
  // `export *` lets a name go public by being added to some inner file: each is listed instead,
  // in the entry point and in every file it re-exports through.
  it.each(['index.ts', 'adapter.ts', 'schemas.ts'])(
    'src/%s and every file it re-exports from list every name',
    (entry) => {
      const files = [entry, ...reExportedBy(entry)];
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) expect(sourceOf(file), file).not.toMatch(/^export\s*\*/m);
    },
  );
});
