/**
 * `pnpm smoke` (after `pnpm build`): the packages as a user installs them. Packs every package,
 * checks each tarball's contents, publint and attw, installs the tarballs with npm into a blank
 * app outside the workspace (with the packages the READMEs' install lines name), typechecks the
 * README quick starts under `nodenext` and `bundler` resolution, runs the root README's quick start
 * and sends it a signed and a tampered delivery with the packed CLI, and `require()`s and
 * `import()`s every entry point. Exits non-zero at the first failure.
 *
 * Support policy it checks (README "Install"): ESM only, Node >= 20.19, where `require()` of ESM
 * works without a flag; so attw's `esm-only` profile.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageDirs, packagesRoot } from '../../scripts/package-metadata.js';
import {
  importedPackages,
  installLinesIn,
  quickStart,
  type ReadmeInstall,
  readmeInstall,
} from './readme-install.js';
import { entryPoints, filesNamedBy, tarballFile, tarballFiles } from './tarball.js';

const repo = join(packagesRoot, '..');
const ONEBOT_SECRET = 'smoke-test-secret';
/** The quick starts a user copies: the root README's (Express) and the framework packages'. */
const QUICK_STARTS: Readonly<Record<string, string>> = {
  'root-express': 'README.md',
  core: 'packages/core/README.md',
  express: 'packages/express/README.md',
  koa: 'packages/koa/README.md',
  fastify: 'packages/fastify/README.md',
};

type Manifest = Record<string, unknown> & { name: string; version: string };

let stepStarted = Date.now();
function step(title: string): void {
  const now = Date.now();
  console.log(`  (${((now - stepStarted) / 1000).toFixed(1)} s)\n== smoke: ${title}`);
  stepStarted = now;
}

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}\n${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    );
  }
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;

function packAll(into: string): Map<string, string> {
  step('pack every package');
  const tarballs = new Map<string, string>();
  for (const dir of packageDirs()) {
    const manifest = readJson(join(packagesRoot, dir, 'package.json'));
    run('pnpm', ['pack', '--pack-destination', into], join(packagesRoot, dir));
    const tarball = join(into, `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`);
    tarballs.set(manifest.name, tarball);
    console.log(`  ${tarball}`);
  }
  return tarballs;
}

/** LICENSE (the root one, byte for byte), README and every file package.json points at are packed. */
function checkContents(tarballs: Map<string, string>): void {
  step('tarball contents, publint, attw --profile esm-only');
  const license = readFileSync(join(repo, 'LICENSE'), 'utf8');
  for (const [name, tarball] of tarballs) {
    const files = tarballFiles(tarball);
    const packed = JSON.parse(tarballFile(tarball, 'package.json')) as Manifest;
    for (const needed of ['LICENSE', 'README.md', 'package.json', ...filesNamedBy(packed)]) {
      check(files.has(needed), `${name}: ${needed} is not in the tarball (package.json "files")`);
    }
    check(tarballFile(tarball, 'LICENSE') === license, `${name}: the packed LICENSE is not the root LICENSE`);
    check(!JSON.stringify(packed).includes('workspace:'), `${name}: a workspace: range was packed`);
    run('npx', ['--no-install', 'publint', 'run', tarball, '--strict'], repo);
    run('npx', ['--no-install', 'attw', tarball, '--profile', 'esm-only', '--format', 'ascii'], repo);
    console.log(`  ${name}: ${files.size} files, publint and attw pass`);
  }
}

function readmeInstalls(): Map<string, ReadmeInstall> {
  const installs = new Map<string, ReadmeInstall>();
  for (const dir of packageDirs()) {
    const where = `packages/${dir}/README.md`;
    const install = readmeInstall(readFileSync(join(repo, where), 'utf8'), where);
    check(
      install.runtime.includes(`@hookguard/${dir}`),
      `${where}: the install line omits @hookguard/${dir}`,
    );
    check(install.dev.includes('@types/node'), `${where}: TypeScript users need @types/node; say so`);
    installs.set(dir, install);
  }
  return installs;
}

/** A blank npm app outside the workspace, with the tarballs and what the READMEs say to install. */
function installApp(app: string, tarballs: Map<string, string>, installs: Map<string, ReadmeInstall>): void {
  step(`npm install into ${app}`);
  const named = new Set<string>();
  for (const install of installs.values())
    for (const name of [...install.runtime, ...install.dev]) named.add(name);
  for (const line of installLinesIn(readFileSync(join(repo, 'README.md'), 'utf8')))
    for (const n of line) named.add(n);
  const typescript = (readJson(join(repo, 'package.json'))['devDependencies'] as Record<string, string>)[
    'typescript'
  ];
  // The repository's TypeScript, so a new TypeScript release cannot turn CI red overnight.
  const registry = [...named].filter((name) => !tarballs.has(name) && name !== 'typescript');
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'smoke-app', private: true, type: 'module' }),
  );
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
  run('npm', [...args, ...tarballs.values(), ...registry, `typescript@${typescript}`], app);
  console.log(`  ${tarballs.size} tarballs + ${registry.join(' ')} typescript@${typescript}`);
}

/** Each quick start imports only what its README's install line names, and names the @types it needs. */
function checkQuickStartsNameTheirPackages(app: string, installs: Map<string, ReadmeInstall>): void {
  for (const [key, readme] of Object.entries(QUICK_STARTS)) {
    const install = key === 'root-express' ? installs.get('express')! : installs.get(key)!;
    for (const imported of importedPackages(quickStart(readFileSync(join(repo, readme), 'utf8'), readme))) {
      check(
        install.runtime.includes(imported),
        `${readme}: imports ${imported}, the install line does not name it`,
      );
      const manifest = readJson(join(app, 'node_modules', imported, 'package.json'));
      const typed =
        manifest['types'] ??
        manifest['typings'] ??
        JSON.stringify(manifest['exports'] ?? '').includes('types');
      if (!typed)
        check(
          install.dev.includes(`@types/${imported}`),
          `${readme}: TypeScript users need @types/${imported}`,
        );
    }
  }
}

/**
 * Runs tsc with `skipLibCheck: false`, so errors inside our declarations count (a missing
 * `@types/express` shows up there). Errors inside other packages' declarations (today
 * `@types/koa` against `content-disposition`'s own types) are theirs: printed, not failed on.
 */
function tscOurs(app: string, config: string): void {
  try {
    execFileSync(join(app, 'node_modules/.bin/tsc'), ['-p', config], { cwd: app, encoding: 'utf8' });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error);
    const errors = output.split('\n').filter((line) => /^\S.*\(\d+,\d+\): error /.test(line));
    const theirs = (line: string) =>
      line.startsWith('node_modules/') && !line.startsWith('node_modules/@hookguard/');
    for (const line of errors.filter(theirs)) console.log(`  (not ours) ${line}`);
    if (errors.length === 0 || !errors.every(theirs))
      throw new Error(`tsc -p ${config} failed in ${app}\n${output}`);
  }
}

function typecheck(app: string): void {
  step('typecheck the README quick starts (nodenext and bundler)');
  mkdirSync(join(app, 'quickstart'));
  for (const [key, readme] of Object.entries(QUICK_STARTS)) {
    writeFileSync(
      join(app, 'quickstart', `${key}.ts`),
      quickStart(readFileSync(join(repo, readme), 'utf8'), readme),
    );
  }
  // Every entry point of every package, so a broken declaration in a subpath shows up too.
  const everyEntry = [...packageDirs()].flatMap((dir) =>
    entryPoints(readJson(join(app, 'node_modules', '@hookguard', dir, 'package.json'))),
  );
  writeFileSync(
    join(app, 'quickstart', 'entry-points.ts'),
    everyEntry.map((entry, i) => `export * as entry${i} from '${entry}';\n`).join(''),
  );
  const base = { strict: true, target: 'es2022', types: ['node'], noEmit: true, skipLibCheck: false };
  const profiles = {
    nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
    bundler: { module: 'preserve', moduleResolution: 'bundler' },
  };
  for (const [profile, resolution] of Object.entries(profiles)) {
    const config = `tsconfig.${profile}.json`;
    writeFileSync(
      join(app, config),
      JSON.stringify({ compilerOptions: { ...base, ...resolution }, include: ['quickstart/*.ts'] }),
    );
    tscOurs(app, config);
    console.log(
      `  ${profile}: ${Object.keys(QUICK_STARTS).length} quick starts + ${everyEntry.length} entry points`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`the quick start exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the quick start did not listen on ${url}`);
}

/** `hookguard send … --json`: its exit code and the status the receiver answered. */
function send(app: string, args: readonly string[]): { exit: number; status: number } {
  const bin = join(app, 'node_modules/.bin/hookguard');
  const result = (() => {
    try {
      return { exit: 0, out: execFileSync(bin, [...args, '--json'], { cwd: app, encoding: 'utf8' }) };
    } catch (error) {
      const failed = error as { status: number; stdout: string };
      return { exit: failed.status, out: failed.stdout };
    }
  })();
  return {
    exit: result.exit,
    status: (JSON.parse(result.out) as { response: { status: number } }).response.status,
  };
}

async function runQuickStart(app: string): Promise<void> {
  step("run the root README's quick start; send a signed and a tampered delivery with the packed CLI");
  const port = await freePort();
  const source = quickStart(readFileSync(join(repo, 'README.md'), 'utf8'), 'README.md');
  check(source.includes('8080'), 'README.md: the quick start no longer listens on 8080');
  mkdirSync(join(app, 'server-src'));
  writeFileSync(join(app, 'server-src', 'server.ts'), source.replaceAll('8080', String(port)));
  writeFileSync(
    join(app, 'tsconfig.server.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        target: 'es2022',
        types: ['node'],
        rootDir: 'server-src',
        outDir: 'server',
        skipLibCheck: true,
      },
      include: ['server-src/server.ts'],
    }),
  );
  run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.server.json'], app);
  const child = spawn(process.execPath, ['server/server.js'], {
    cwd: app,
    env: { ...process.env, ONEBOT_SECRET },
    stdio: 'inherit',
  });
  try {
    const url = `http://127.0.0.1:${port}/onebot`;
    await waitForServer(url, child);
    const signed = send(app, [
      'send',
      'onebot',
      'message.group.normal',
      '--secret',
      ONEBOT_SECRET,
      '--url',
      url,
    ]);
    check(
      signed.exit === 0 && signed.status === 204,
      `signed delivery: ${JSON.stringify(signed)}, expected 204`,
    );
    const forged = send(app, ['send', 'onebot', 'message.group.normal', '--secret', 'not-it', '--url', url]);
    check(
      forged.exit === 1 && forged.status === 401,
      `tampered delivery: ${JSON.stringify(forged)}, expected 401`,
    );
    console.log(`  signed → ${signed.status}, wrong secret → ${forged.status}`);
  } finally {
    child.kill();
  }
}

/** Every entry point loads with `import()` and, through require(esm), with `require()`. */
function loadEveryEntryPoint(app: string): void {
  step('import() and require() every entry point');
  const entries = packageDirs().flatMap((dir) =>
    entryPoints(readJson(join(app, 'node_modules', '@hookguard', dir, 'package.json'))),
  );
  const list = JSON.stringify(entries);
  const assertion = `if (Object.keys(m).length === 0) throw new Error(name + ' exports nothing');`;
  writeFileSync(
    join(app, 'load.cjs'),
    `for (const name of ${list}) { const m = require(name); ${assertion} }\n`,
  );
  writeFileSync(
    join(app, 'load.mjs'),
    `for (const name of ${list}) { const m = await import(name); ${assertion} }\n`,
  );
  run(process.execPath, ['--no-warnings', 'load.cjs'], app);
  run(process.execPath, ['load.mjs'], app);
  run(join(app, 'node_modules/.bin/hookguard'), ['--help'], app);
  console.log(`  ${entries.join(', ')}`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'hookguard-smoke-'));
  try {
    const tarballs = packAll(join(work, 'tarballs'));
    checkContents(tarballs);
    const installs = readmeInstalls();
    const app = join(work, 'app');
    mkdirSync(app);
    installApp(app, tarballs, installs);
    checkQuickStartsNameTheirPackages(app, installs);
    typecheck(app);
    await runQuickStart(app);
    loadEveryEntryPoint(app);
    console.log(`\n== smoke: passed in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    if (process.env['SMOKE_KEEP']) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`\n== smoke: FAILED\n${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
