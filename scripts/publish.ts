/**
 * `pnpm release` (the release workflow runs it after `pnpm build`): packs every package with pnpm,
 * which turns `workspace:^` into the real version range, and publishes each tarball with
 * `npm publish --provenance` in dependency order, so `@hookguard/core` is on the registry before
 * any package that depends on it. A version already on the registry is skipped, so a failed run
 * can be re-run. Then `changeset tag` tags the released versions.
 *
 * `pnpm release --dry-run` packs and runs `npm publish --dry-run` without provenance (which needs
 * the CI's OIDC token): what a maintainer runs locally to see what would go out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDirs, packagesRoot } from './package-metadata.js';

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

const dryRun = process.argv.includes('--dry-run');

function manifests(): Map<string, { dir: string; manifest: Manifest }> {
  const byName = new Map<string, { dir: string; manifest: Manifest }>();
  for (const dir of packageDirs()) {
    const manifest = JSON.parse(readFileSync(join(packagesRoot, dir, 'package.json'), 'utf8')) as Manifest;
    if (!manifest.private) byName.set(manifest.name, { dir, manifest });
  }
  return byName;
}

/** Every package after the workspace packages it depends on. */
export function dependencyOrder(byName: Map<string, { manifest: Manifest }>): string[] {
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`dependency cycle through ${name}`);
    visiting.add(name);
    const { manifest } = byName.get(name)!;
    const deps = { ...manifest.dependencies, ...manifest.peerDependencies };
    for (const dep of Object.keys(deps).sort()) if (byName.has(dep)) visit(dep);
    ordered.push(name);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return ordered;
}

function published(name: string, version: string): boolean {
  try {
    return (
      execFileSync('npm', ['view', `${name}@${version}`, 'version'], { encoding: 'utf8' }).trim() === version
    );
  } catch {
    return false;
  }
}

function main(): void {
  const byName = manifests();
  const out = mkdtempSync(join(tmpdir(), 'hookguard-release-'));
  try {
    for (const name of dependencyOrder(byName)) {
      const { dir, manifest } = byName.get(name)!;
      if (!dryRun && published(name, manifest.version)) {
        console.log(`${name}@${manifest.version} is already published; skipped`);
        continue;
      }
      const cwd = join(packagesRoot, dir);
      execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd, stdio: 'inherit' });
      const tarball = join(out, `${name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`);
      const flags = dryRun ? ['--dry-run'] : ['--provenance'];
      execFileSync('npm', ['publish', tarball, '--access', 'public', ...flags], { cwd, stdio: 'inherit' });
    }
    if (!dryRun) execFileSync('pnpm', ['changeset', 'tag'], { stdio: 'inherit' });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
