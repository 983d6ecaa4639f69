import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly commit: string;
}

const here = createRequire(import.meta.url);
const core = createRequire(fileURLToPath(new URL('../../packages/core/package.json', import.meta.url)));

/** A package's version; some (@koa/router, @octokit/webhooks) keep package.json out of `exports`. */
function version(require: NodeJS.Require, name: string): string {
  for (const path of require.resolve.paths(name) ?? []) {
    try {
      return (JSON.parse(readFileSync(join(path, name, 'package.json'), 'utf8')) as { version: string })
        .version;
    } catch {}
  }
  return '?';
}

export function describeMachine(): Machine {
  const processors = cpus();
  let os = `${process.platform} ${process.arch}`;
  try {
    os = execFileSync('uname', ['-srm'], { encoding: 'utf8' }).trim();
  } catch {}
  let commit = '?';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {}
  return {
    cpu: processors[0]?.model ?? '?',
    cores: processors.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os,
    node: process.version,
    versions: {
      express: version(here, 'express'),
      koa: version(here, 'koa'),
      '@koa/router': version(here, '@koa/router'),
      fastify: version(here, 'fastify'),
      '@octokit/webhooks': version(here, '@octokit/webhooks'),
      standardwebhooks: version(here, 'standardwebhooks'),
      autocannon: version(here, 'autocannon'),
      zod: version(core, 'zod'),
    },
    commit,
  };
}

/** 1, 5 and 15-minute load averages, for the record: the machine is shared. */
export function loadAverages(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}
