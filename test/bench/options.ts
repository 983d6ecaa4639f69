import { availableParallelism } from 'node:os';
import { SIZES, type SizeName } from './payloads.js';
import { FRAMEWORKS, type Framework, isFramework } from './variants.js';

export interface BenchOptions {
  readonly mode: 'quick' | 'full';
  readonly rounds: number;
  readonly connections: number;
  readonly warmup: 'shared' | { readonly seconds: number };
  readonly seconds: number;
  readonly frameworks: readonly Framework[];
  readonly sizes: readonly SizeName[];
  /** `taskset` CPUs: servers on `server`, the load generator on `client`; none on a 1-CPU machine. */
  readonly pin: { readonly server: string; readonly client: string } | undefined;
  readonly micro: boolean;
  /** Keep the load runs of the last run of this mode (results/<mode>/results.json); redo the rest. */
  readonly reuseLoad: boolean;
}

const HELP = `pnpm bench [--quick] [--rounds N] [--seconds S] [--warmup S] [--connections C]
            [--frameworks node,express,koa,fastify] [--sizes 1k,64k] [--no-pin] [--no-micro]
            [--reuse-load]

  --quick   one round, 1 s runs, all servers of a framework warmed together for 2 s first
            (under 2 minutes; the numbers are rough)
  default   5 alternating rounds, 5 s runs after a 2 s warm-up (about 40 minutes)
  --reuse-load  keep the load runs of the last run of this mode, run the micro benchmarks
                again (or, with --no-micro, keep those too) and rewrite the report`;

/** Reads `pnpm bench` arguments; `--quick` changes the defaults, explicit flags still win. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const flags = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') {
      console.log(HELP);
      process.exit(0);
    }
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${HELP}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const boolean = ['quick', 'no-pin', 'no-micro', 'reuse-load'].includes(name);
    flags.set(name, boolean ? 'true' : (inline ?? argv[++index] ?? ''));
  }
  const quick = flags.has('quick');
  const number = (name: string, fallback: number) => {
    const value = flags.has(name) ? Number(flags.get(name)) : fallback;
    if (!(value > 0)) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const list = <T extends string>(name: string, all: readonly T[], ok: (value: string) => value is T) => {
    const value = flags.get(name);
    if (value === undefined) return all;
    const items = value.split(',').filter(Boolean);
    for (const item of items) if (!ok(item)) throw new Error(`--${name}: unknown "${item}"`);
    return items as T[];
  };
  const isSize = (value: string): value is SizeName => value in SIZES;
  const pinned = !flags.has('no-pin') && availableParallelism() >= 2;
  return {
    mode: quick ? 'quick' : 'full',
    rounds: number('rounds', quick ? 1 : 5),
    connections: number('connections', 50),
    warmup: flags.has('warmup') || !quick ? { seconds: Math.ceil(number('warmup', 2)) } : 'shared',
    seconds: Math.ceil(number('seconds', quick ? 1 : 5)),
    frameworks: list('frameworks', FRAMEWORKS, isFramework),
    sizes: list('sizes', Object.keys(SIZES) as SizeName[], isSize),
    pin: pinned ? { server: '0', client: '1' } : undefined,
    micro: !flags.has('no-micro'),
    reuseLoad: flags.has('reuse-load'),
  };
}
