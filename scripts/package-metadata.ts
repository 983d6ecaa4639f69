/**
 * The publishing metadata every `@hookguard/*` package.json carries, from one place: change the
 * repository URL here and run `pnpm metadata` to rewrite the package.json files. The test in
 * test/package/metadata.test.ts fails when a package.json disagrees with this file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The public repository; npm provenance ties each tarball to it, so it must be exact. */
export const REPOSITORY = 'https://github.com/hookguard/hookguard';
export const AUTHOR = 'hookguard contributors';

const COMMON_KEYWORDS = ['webhook', 'webhooks', 'signature', 'hmac', 'verification', 'typescript'];
const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  core: ['zod', 'onebot', 'napcat', 'whatsapp', 'tencent-cloud-chat', 'github', 'standard-webhooks', 'fetch'],
  express: ['express', 'middleware'],
  koa: ['koa', 'koa-router', 'middleware'],
  fastify: ['fastify', 'fastify-plugin'],
  redis: ['redis', 'ioredis', 'dedupe', 'inbox', 'redis-streams'],
  cli: ['cli', 'webhook-testing', 'curl'],
};

export const packagesRoot = fileURLToPath(new URL('../packages/', import.meta.url));

/** The folder names under packages/ of every published package. */
export function packageDirs(): string[] {
  return readdirSync(packagesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The metadata fields `dir`'s package.json must have, exactly. */
export function expectedMetadata(dir: string): Record<string, unknown> {
  return {
    author: AUTHOR,
    homepage: `${REPOSITORY}/tree/main/packages/${dir}#readme`,
    repository: { type: 'git', url: `git+${REPOSITORY}.git`, directory: `packages/${dir}` },
    bugs: { url: `${REPOSITORY}/issues` },
    keywords: ['hookguard', ...COMMON_KEYWORDS, ...(KEYWORDS[dir] ?? [])],
  };
}

/** Rewrites every package.json with the expected metadata, after `license`, keeping the other fields. */
function writeAll(): void {
  for (const dir of packageDirs()) {
    const file = `${packagesRoot}${dir}/package.json`;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const metadata = expectedMetadata(dir);
    const rewritten: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(manifest)) {
      if (key in metadata) continue;
      rewritten[key] = value;
      if (key === 'license') Object.assign(rewritten, metadata);
    }
    writeFileSync(file, `${JSON.stringify(rewritten, null, 2)}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeAll();
