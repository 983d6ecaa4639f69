import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The packages the bench servers load, from their dist/ (what users install). */
export const BENCHED_PACKAGES = ['core', 'express', 'koa', 'fastify'] as const;

function newestIn(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(name: string): number {
  try {
    return statSync(join(ROOT, 'packages', name, 'dist', 'index.js')).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds the benched packages when a source file is newer than its dist/ (tsc takes ~20 s here). */
export function ensureBuilt(log: (line: string) => void): void {
  const stale = BENCHED_PACKAGES.filter(
    (name) => newestIn(join(ROOT, 'packages', name, 'src')) > builtAt(name),
  );
  if (stale.length === 0) return;
  log(`building ${stale.map((name) => `@hookguard/${name}`).join(', ')} (dist/ is older than src/) …`);
  const filters = BENCHED_PACKAGES.flatMap((name) => ['--filter', `@hookguard/${name}`]);
  execFileSync('pnpm', [...filters, 'run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * A digest of every benched dist/ file's path, size and mtime. The tree is shared: if anyone
 * rebuilds during a run, servers started later would load other code, so the run says so.
 */
export function distFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  for (const name of BENCHED_PACKAGES) walk(join(ROOT, 'packages', name, 'dist'));
  return hash.digest('hex').slice(0, 16);
}
