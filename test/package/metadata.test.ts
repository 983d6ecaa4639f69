/**
 * What npm shows and provenance needs, for every published package: the metadata from
 * scripts/package-metadata.ts, and the root LICENSE in the tarball (copied in by prepack, so
 * there is no second copy to drift). `pnpm smoke` checks the packed tarballs themselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedMetadata, packageDirs, packagesRoot } from '../../scripts/package-metadata.js';
import { dependencyOrder } from '../../scripts/publish.js';
import vitestConfig from '../../vitest.config.js';
import { entryPoints } from './tarball.js';

const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(packagesRoot, dir, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('package.json of every published package', () => {
  it('covers the six packages', () => {
    expect(packageDirs()).toEqual(['cli', 'core', 'express', 'fastify', 'koa', 'redis']);
  });

  it.each(packageDirs())('%s: repository (with its directory), homepage, bugs, keywords, author', (dir) => {
    const manifest = manifestOf(dir);
    expect(manifest).toMatchObject(expectedMetadata(dir));
    expect(manifest['license']).toBe('MIT');
  });

  it.each(packageDirs())('%s: packs README.md and the root LICENSE', (dir) => {
    const manifest = manifestOf(dir) as { files: string[]; scripts: Record<string, string> };
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'README.md', 'LICENSE']));
    expect(manifest.scripts['prepack']).toContain("copyFileSync('../../LICENSE', 'LICENSE')");
  });

  it('the root LICENSE is MIT, for hookguard contributors', () => {
    const license = readFileSync(join(packagesRoot, '..', 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) hookguard contributors\n/);
  });
});

describe('pnpm release', () => {
  it('publishes every package after the workspace packages it depends on', () => {
    const byName = new Map(
      packageDirs().map((dir) => {
        const manifest = manifestOf(dir) as { name: string; dependencies?: Record<string, string> };
        return [manifest.name, { manifest: { version: '0', ...manifest } }] as const;
      }),
    );
    const order = dependencyOrder(byName);
    expect(new Set(order)).toEqual(new Set(byName.keys()));
    expect(order[0]).toBe('@hookguard/core');
    for (const [name, { manifest }] of byName) {
      for (const dep of Object.keys(manifest.dependencies ?? {}).filter((d) => byName.has(d))) {
        expect(order.indexOf(dep), `${dep} before ${name}`).toBeLessThan(order.indexOf(name));
      }
    }
  });
});

/** Each entry point a user imports, with the source file its dist/ is built from. */
function entryPointsOf(dir: string): { specifier: string; subpath: string; source: string }[] {
  const manifest = manifestOf(dir) as { name: string; exports: Record<string, unknown> };
  return entryPoints(manifest).map((specifier) => {
    const subpath = specifier === manifest.name ? '.' : `./${specifier.slice(manifest.name.length + 1)}`;
    const { types } = manifest.exports[subpath] as { types: string };
    const source = `packages/${dir}/src/${types.replace(/^\.\/dist\//, '').replace(/\.d\.ts$/, '.ts')}`;
    return { specifier, subpath, source };
  });
}

const repoRoot = join(packagesRoot, '..');
const rootTsconfig = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const typedoc = JSON.parse(readFileSync(join(repoRoot, 'docs/typedoc.json'), 'utf8')) as {
  entryPoints: string[];
};
const aliases = (vitestConfig.resolve?.alias ?? []) as { find: RegExp; replacement: string }[];

describe('entry points', () => {
  it('@hookguard/core has four: the app-facing root, /adapter for adapters and stores, /schemas, /testing', () => {
    expect(entryPointsOf('core').map((entry) => entry.specifier)).toEqual([
      '@hookguard/core',
      '@hookguard/core/adapter',
      '@hookguard/core/schemas',
      '@hookguard/core/testing',
    ]);
  });

  describe.each(packageDirs())('%s', (dir) => {
    it.each(entryPointsOf(dir))(
      '$specifier: types, import and default point into dist/, built from src/',
      (entry) => {
        const manifest = manifestOf(dir) as { exports: Record<string, unknown> };
        const built = entry.source.replace(`packages/${dir}/src/`, './dist/').replace(/\.ts$/, '');
        expect(manifest.exports[entry.subpath]).toEqual({
          types: `${built}.d.ts`,
          import: `${built}.js`,
          default: `${built}.js`,
        });
        expect(existsSync(join(repoRoot, entry.source)), `${entry.source} exists`).toBe(true);
      },
    );

    // The workspace reads sources, not dist/: tsc through paths, vitest through aliases, typedoc directly.
    it.each(entryPointsOf(dir))('$specifier: tsc, vitest and typedoc resolve it to its source', (entry) => {
      expect(rootTsconfig.compilerOptions.paths[entry.specifier]).toEqual([`./${entry.source}`]);
      const alias = aliases.find((candidate) => candidate.find.test(entry.specifier));
      expect(alias?.replacement).toBe(join(repoRoot, entry.source));
      expect(typedoc.entryPoints).toContain(`../${entry.source}`);
    });
  });
});
