import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { senderKits } from '@hookguard/core/testing';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of ARCHITECTURE.md, checked on every import in `packages/*\/src`. A rule broken
 * here is a design decision to take in ARCHITECTURE.md first, not a line to add to an allowance.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORE = join(ROOT, 'packages/core/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports from (static and dynamic). */
function specifiersOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const found = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gms),
    ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
  ];
  return found.map((match) => match[1] as string);
}

/** The layer a core source file belongs to: the first folder under src, with kits apart. */
function coreLayer(path: string): string {
  const parts = relative(CORE, path).split('/');
  if (parts[0] === 'providers' && parts[2] === 'kit') return 'kit';
  if (parts.length === 1) return 'foundation';
  return parts[0] === 'http' || parts[0] === 'crypto' || parts[0] === 'body'
    ? 'foundation'
    : (parts[0] as string);
}

/** Which layers each layer may import (its own is always allowed). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  foundation: [],
  'sender-toolkit': ['foundation'],
  providers: ['foundation', 'sender-toolkit'],
  dedupe: ['foundation'],
  receiver: ['foundation', 'dedupe'],
  kit: ['foundation', 'sender-toolkit', 'providers', 'receiver', 'dedupe', 'testing'],
  testing: ['foundation', 'sender-toolkit', 'providers', 'kit', 'receiver', 'dedupe'],
};

/** Entry points: they re-export from every layer and are nobody's dependency inside core. */
const ENTRY_POINTS = new Set(['index.ts', 'schemas.ts', 'adapter.ts', 'adapter/index.ts']);

interface Edge {
  readonly from: string;
  readonly to: string;
}

function coreEdges(): Edge[] {
  return sourceFiles(CORE).flatMap((file) =>
    specifiersOf(file)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => ({
        from: relative(CORE, file),
        to: relative(CORE, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts'),
      })),
  );
}

describe('the layers of @hookguard/core', () => {
  const edges = coreEdges().filter((edge) => !ENTRY_POINTS.has(edge.from));

  it('finds the imports it checks', () => {
    // A parser that found nothing would pass every rule below.
    expect(edges.length).toBeGreaterThan(150);
    expect(edges.some((edge) => edge.from.startsWith('receiver/') && edge.to.startsWith('dedupe/'))).toBe(
      true,
    );
  });

  it('each layer imports only the layers below it', () => {
    const broken = edges
      .map((edge) => ({
        ...edge,
        fromLayer: coreLayer(join(CORE, edge.from)),
        toLayer: coreLayer(join(CORE, edge.to)),
      }))
      .filter((edge) => edge.fromLayer !== edge.toLayer && !ALLOWED[edge.fromLayer]?.includes(edge.toLayer))
      .map((edge) => `${edge.from} (${edge.fromLayer}) imports ${edge.to} (${edge.toLayer})`);
    expect(broken).toEqual([]);
  });

  it("a sender's folder never imports another sender's folder", () => {
    const senderOf = (path: string) => (path.startsWith('providers/') ? path.split('/')[1] : undefined);
    const broken = edges
      .filter((edge) => coreLayer(join(CORE, edge.from)) === 'providers')
      .filter((edge) => senderOf(edge.to) !== undefined && senderOf(edge.to) !== senderOf(edge.from))
      .map((edge) => `${edge.from} imports ${edge.to}`);
    expect(broken).toEqual([]);
  });
});

describe('the framework adapters', () => {
  for (const name of ['express', 'koa', 'fastify']) {
    it(`${name} imports only core's public entry points and its framework`, () => {
      const files = sourceFiles(join(ROOT, 'packages', name, 'src'));
      const outside = files
        .flatMap((file) => specifiersOf(file).map((specifier) => ({ file, specifier })))
        .filter(({ specifier }) => !specifier.startsWith('.'))
        .filter(
          ({ specifier }) =>
            specifier.startsWith('@hookguard/') && !/^@hookguard\/core(\/adapter)?$/.test(specifier),
        )
        .map(({ file, specifier }) => `${relative(ROOT, file)} imports ${specifier}`);
      expect(files.length).toBeGreaterThan(0);
      expect(outside).toEqual([]);
    });

    it(`${name} holds no sender knowledge`, () => {
      // A sender's name in an adapter means a sender's rule was written in the wrong place.
      const names = senderKits.flatMap((kit) => [
        kit.name,
        ...kit.aliases,
        kit.provider(kit.secret.demo).name,
      ]);
      const senders = new RegExp(`\\b(${[...new Set(names)].join('|')})\\b`, 'i');
      const mentions = sourceFiles(join(ROOT, 'packages', name, 'src')).filter((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          // Comments may use a sender as the example route (`app.post('/onebot', …)`); code may not.
          .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
          .some((line) => senders.test(line)),
      );
      expect(mentions.map((file) => relative(ROOT, file))).toEqual([]);
    });
  }
});
