import { type ParseArgsConfig, parseArgs } from 'node:util';
import { usageError } from './cli-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
} as const satisfies Options;

type AllOptions<O extends Options> = O & typeof COMMON_OPTIONS;

export interface ParsedArgs<O extends Options> {
  readonly values: {
    [K in keyof AllOptions<O>]?: AllOptions<O>[K]['type'] extends 'boolean' ? boolean : string;
  };
  readonly positionals: string[];
}

/**
 * `node:util` parseArgs, with its errors turned into one usage line that points at `--help`,
 * instead of a TypeError with a stack.
 */
export function parseCommandArgs<O extends Options>(
  command: string,
  argv: readonly string[],
  options: O,
): ParsedArgs<O> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs<O>['values'], positionals };
  } catch (error) {
    const message =
      (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '') ?? '';
    throw usageError(`${command}: ${lowerFirst(message)} (see \`hookguard ${command} --help\`)`);
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A whole number of at least `min`, or a usage error naming the option. */
export function integerOption(
  name: string,
  value: string | undefined,
  { fallback, min = 0, max = Number.MAX_SAFE_INTEGER }: { fallback: number; min?: number; max?: number },
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw usageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}
