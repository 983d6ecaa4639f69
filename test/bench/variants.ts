/** The frameworks every variant is mounted in. */
export const FRAMEWORKS = ['node', 'express', 'koa', 'fastify'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const FRAMEWORK_LABEL: Readonly<Record<Framework, string>> = {
  node: 'node:http',
  express: 'Express 5',
  koa: 'Koa 3 + @koa/router',
  fastify: 'Fastify 5',
};

/**
 * a: the framework's bare route that only captures the raw body; b: a + hand-written HMAC verify
 * + JSON.parse; b+zod: b + the same zod schema hookguard validates with (what "b, but typed"
 * costs); c: hookguard's adapter, full pipeline; d: @octokit/webhooks' Node middleware;
 * c-sw: hookguard with standardWebhooks(); e: the standardwebhooks package's verify.
 */
export const VARIANTS = ['a', 'b', 'b+zod', 'c', 'd', 'c-sw', 'e'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Which signed request a variant is sent: GitHub's headers, or Standard Webhooks'. */
export const PAYLOAD_OF: Readonly<Record<Variant, 'github' | 'standard'>> = {
  a: 'github',
  b: 'github',
  'b+zod': 'github',
  c: 'github',
  d: 'github',
  'c-sw': 'standard',
  e: 'standard',
};

export const VARIANT_LABEL: Readonly<Record<Variant, string>> = {
  a: '(a) bare raw-body route',
  b: '(b) hand-written verify + JSON.parse',
  'b+zod': '(b+zod) b + the same zod schema',
  c: '(c) hookguard, full pipeline',
  d: '(d) @octokit/webhooks middleware',
  'c-sw': '(c) hookguard standardWebhooks()',
  e: '(e) standardwebhooks package verify',
};

/** The ratios the targets are stated in: numerator over denominator, per framework and size. */
export const RATIOS = [
  { name: 'c/a', over: 'c', under: 'a', target: undefined },
  { name: 'c/b', over: 'c', under: 'b', target: 0.95 },
  { name: 'b+zod/b', over: 'b+zod', under: 'b', target: undefined },
  { name: 'c/b+zod', over: 'c', under: 'b+zod', target: undefined },
  { name: 'c/d', over: 'c', under: 'd', target: 1 },
  { name: 'c/e', over: 'c-sw', under: 'e', target: 1 },
] as const satisfies readonly { name: string; over: Variant; under: Variant; target: number | undefined }[];
export type RatioName = (typeof RATIOS)[number]['name'];

export function isFramework(value: string): value is Framework {
  return (FRAMEWORKS as readonly string[]).includes(value);
}

export function isVariant(value: string): value is Variant {
  return (VARIANTS as readonly string[]).includes(value);
}
