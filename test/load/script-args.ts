/**
 * The script's own arguments. `pnpm soak -- --seconds 600` hands the `--` on to the script in this
 * workspace, and `parseArgs` reads everything after a `--` as positionals: drop a leading one.
 */
export function scriptArgs(argv: readonly string[] = process.argv.slice(2)): string[] {
  return argv[0] === '--' ? argv.slice(1) : [...argv];
}
