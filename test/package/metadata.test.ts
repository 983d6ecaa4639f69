/**
 * What npm shows and provenance needs, for every published package: the metadata from
 * scripts/package-metadata.ts, and the root LICENSE in the tarball (copied in by prepack, so
 * there is no second copy to drift). `pnpm smoke` checks the packed tarballs themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedMetadata, packageDirs, packagesRoot } from '../../scripts/package-metadata.js';
import { dependencyOrder } from '../../scripts/publish.js';

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
