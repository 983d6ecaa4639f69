/** What `pnpm pack` puts in a package's tarball, and the files a user of it needs. */
import { execFileSync } from 'node:child_process';

/** Every file path a manifest points at: `exports` (any depth, any condition), `main`, `types`, `bin`. */
export function filesNamedBy(manifest: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) walk(inner);
  };
  walk(manifest['exports']);
  walk(manifest['main']);
  walk(manifest['types']);
  walk(manifest['bin']);
  return [...found].filter((file) => !file.includes('*'));
}

/** The export subpaths a user imports (`@hookguard/core`, `@hookguard/core/testing`), JSON ones aside. */
export function entryPoints(manifest: Record<string, unknown>): string[] {
  const name = manifest['name'] as string;
  const exports = manifest['exports'];
  if (!exports || typeof exports !== 'object') return [name];
  return Object.keys(exports)
    .filter((key) => key.startsWith('.') && !key.endsWith('.json'))
    .map((key) => (key === '.' ? name : `${name}/${key.slice(2)}`));
}

/** The paths inside a tarball, without npm's `package/` prefix. */
export function tarballFiles(tarball: string): Set<string> {
  const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
  return new Set(
    listing
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/^package\//, '')),
  );
}

export function tarballFile(tarball: string, path: string): string {
  return execFileSync('tar', ['-xzOf', tarball, `package/${path}`], { encoding: 'utf8' });
}
