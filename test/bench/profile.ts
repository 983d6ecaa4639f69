/**
 * Profiles one bench server under load: `tsx --tsconfig test/bench/tsconfig.json
 * test/bench/profile.ts <framework> <variant> [1k|64k] [seconds]`. The server runs with
 * `node --cpu-prof` in its own process (pinned like in the bench); the profile is written to
 * test/bench/results/profiles/ and its heaviest functions, self and inclusive, are printed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { githubRequest, type SizeName, standardRequest } from './payloads.js';
import type { ServerMessage } from './servers/serve.js';
import { isFramework, isVariant, PAYLOAD_OF } from './variants.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [framework = '', variant = '', size = '1k', seconds = '5'] = process.argv.slice(2);
if (!isFramework(framework) || !isVariant(variant) || (size !== '1k' && size !== '64k')) {
  console.error('usage: profile.ts <node|express|koa|fastify> <a|b|c|d|c-sw|e> [1k|64k] [seconds]');
  process.exit(2);
}
const directory = fileURLToPath(new URL('./results/profiles/', import.meta.url));
mkdirSync(directory, { recursive: true });
const before = new Set(readdirSync(directory));
const child = spawn(
  'taskset',
  [
    '-c',
    '0',
    process.execPath,
    '--cpu-prof',
    `--cpu-prof-dir=${directory}`,
    '--import',
    'tsx',
    fileURLToPath(new URL('./servers/serve.ts', import.meta.url)),
    framework,
    variant,
    '120',
  ],
  { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
);
const port = await new Promise<number>((resolve) =>
  child.on('message', (message: ServerMessage) => 'ready' in message && resolve(message.ready)),
);
const request =
  PAYLOAD_OF[variant] === 'github' ? githubRequest(size as SizeName) : standardRequest(size as SizeName);
const result = await autocannon({
  url: `http://127.0.0.1:${port}/hook`,
  method: 'POST',
  headers: request.headers,
  body: request.body,
  connections: 50,
  duration: Number(seconds),
});
console.log(
  `${framework} ${variant} ${size}: ${Math.round(result.requests.total / result.duration)} req/s, non-2xx ${result.non2xx}`,
);
await new Promise((resolve) => {
  child.once('exit', resolve);
  child.disconnect();
});
const file = readdirSync(directory).find((name) => !before.has(name))!;
report(JSON.parse(readFileSync(directory + file, 'utf8')) as Profile, result.requests.total);
console.log(`profile: ${directory}${file}`);

/** Prints shares of the profile and, per function, µs per request (startup is in there too). */
function report(profile: Profile, requests: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  for (let index = 0; index < profile.samples.length; index++) {
    const id = profile.samples[index]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
  const name = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules\/(@[^/]+\/)?[^/]+|packages\/[^/]+\/dist|test\/bench)\//, '$1/')}:${lineNumber}`;
  };
  const selfByName = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, time] of self) {
    total += time;
    selfByName.set(name(byId.get(id)!), (selfByName.get(name(byId.get(id)!)) ?? 0) + time);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + time);
    }
  }
  const busy = total - (selfByName.get('(idle) :-1') ?? 0);
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(
        ([key, time]) =>
          `${((100 * time) / total).toFixed(1).padStart(5)} %  ${(time / requests).toFixed(2).padStart(7)} µs/req  ${key}`,
      )
      .join('\n');
  console.log(
    `\nbusy ${(busy / 1000).toFixed(0)} ms for ${requests} requests: ${(busy / requests).toFixed(1)} µs/req`,
  );
  console.log(`\nself time\n${top(selfByName, 30)}\n\ninclusive time\n${top(inclusive, 50)}`);
}
