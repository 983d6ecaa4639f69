/**
 * What a package README promises a user: the `npm install` lines at its top, and the TypeScript
 * quick start below them. The smoke test installs exactly those packages and typechecks the
 * quick start against them.
 */

export interface ReadmeInstall {
  /** Packages of the first `npm install` line: the runtime install, peers included. */
  readonly runtime: readonly string[];
  /** Packages of the `npm install --save-dev` line: what TypeScript users add. */
  readonly dev: readonly string[];
}

const FENCE = /^```(\w*)[^\n]*\n([\s\S]*?)^```/gm;

function codeBlocks(markdown: string): { lang: string; code: string }[] {
  return [...markdown.matchAll(FENCE)].map((match) => ({ lang: match[1] ?? '', code: match[2] ?? '' }));
}

/** The package names of an `npm install` command line; flags and a trailing `# comment` are not names. */
function namesOf(line: string): string[] {
  const command = line.split('#')[0] ?? '';
  return command
    .trim()
    .split(/\s+/)
    .slice(2)
    .filter((word) => !word.startsWith('-'));
}

/**
 * The install lines of a package README: its first code block, which must be `sh` and hold one
 * `npm install` line and at most one `npm install --save-dev` line.
 */
export function readmeInstall(readme: string, where: string): ReadmeInstall {
  const first = codeBlocks(readme)[0];
  if (first?.lang !== 'sh' || !first.code.startsWith('npm install ')) {
    throw new Error(`${where}: the first code block is not the \`npm install\` line`);
  }
  const lines = first.code.split('\n').filter((line) => line.startsWith('npm install '));
  const dev = lines.filter((line) => /\s(-D|--save-dev)\b/.test(line));
  const runtime = lines.filter((line) => !dev.includes(line));
  if (runtime.length !== 1 || dev.length > 1) {
    throw new Error(`${where}: expected one \`npm install\` line and at most one \`--save-dev\` line`);
  }
  return { runtime: namesOf(runtime[0]!), dev: dev[0] ? namesOf(dev[0]) : [] };
}

/** Every `npm install` line in a markdown text (the root README's "which packages" table). */
export function installLinesIn(markdown: string): string[][] {
  return [...markdown.matchAll(/`(npm install [^`]+)`/g)].map((match) => namesOf(match[1]!));
}

/** The first `ts` block: a README's quick start. */
export function quickStart(readme: string, where: string): string {
  const block = codeBlocks(readme).find((b) => b.lang === 'ts');
  if (!block) throw new Error(`${where}: no TypeScript quick start`);
  return block.code;
}

/** Bare module specifiers a snippet imports, as package names (`@koa/router`, `express`). */
export function importedPackages(code: string): string[] {
  const names = new Set<string>();
  for (const match of code.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)) {
    const specifier = match[1]!;
    if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return [...names];
}
