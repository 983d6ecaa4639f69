import { resolve } from 'node:path';
import { type BenchOptions, parseOptions } from '../options.js';
import { isVariant, type Variant } from '../variants.js';

export interface AbOptions {
  /** Repository roots, each already built (`pnpm build`): the code measured as "before" and "after". */
  readonly before: string;
  readonly after: string;
  /** hookguard's variant and the references measured beside it; default (c) and (b). */
  readonly variants: readonly Variant[];
  /** Rounds, seconds, warm-up, connections, frameworks, sizes and pinning, as `pnpm bench` reads them. */
  readonly load: BenchOptions;
  /** Where the markdown table goes (a `.json` with every run is written next to it). */
  readonly out: string;
}

export const AB_HELP = `pnpm bench:ab --before <dir> [--after <dir>] [--variants c,b] [--out <file.md>]
              [--rounds N] [--seconds S] [--warmup S] [--connections C]
              [--frameworks node,express] [--sizes 1k,64k] [--no-pin]

  Runs the same load against two builds of hookguard in one session, alternating before and
  after, and prints median req/s per side with its range and the after/before ratio.
  --before, --after  repository roots, each already built with pnpm build (--after defaults to .)
  defaults           3 rounds, 5 s runs after a 2 s warm-up, node and express, 1k and 64k,
                     variants c (hookguard) and b (hand-written, the same code in both trees:
                     its ratio shows the session's noise): about 10 minutes on 2 cores`;

/** The flags `pnpm bench:ab` adds; every other flag is `pnpm bench`'s, with A/B defaults. */
const OWN = new Set(['before', 'after', 'variants', 'out']);
const DEFAULTS = [
  '--rounds',
  '3',
  '--seconds',
  '5',
  '--warmup',
  '2',
  '--frameworks',
  'node,express',
  '--no-micro',
];

export function parseAbOptions(argv: readonly string[], cwd = process.cwd()): AbOptions {
  const own = new Map<string, string>();
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') throw new Error(AB_HELP);
    const [name, inline] = arg.startsWith('--') ? (arg.slice(2).split('=', 2) as [string, string?]) : [''];
    if (!OWN.has(name)) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? argv[++index];
    if (value === undefined || value === '') throw new Error(`--${name} needs a value\n${AB_HELP}`);
    own.set(name, value);
  }
  const before = own.get('before');
  if (before === undefined) throw new Error(`--before is required\n${AB_HELP}`);
  const variants = (own.get('variants') ?? 'c,b').split(',').filter(Boolean);
  for (const variant of variants)
    if (!isVariant(variant)) throw new Error(`--variants: unknown "${variant}"`);
  // Later flags win in parseOptions, so the caller's override these defaults.
  const load = parseOptions([...DEFAULTS, ...rest]);
  return {
    before: resolve(cwd, before),
    after: resolve(cwd, own.get('after') ?? '.'),
    variants: variants as Variant[],
    load,
    out: resolve(cwd, own.get('out') ?? 'test/bench/results/ab/results.md'),
  };
}
