import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe } from 'vitest';
import { binary, redisServerInstalled, waitForPing } from './redis.js';

/**
 * A real Redis Cluster for tests: `REDIS_CLUSTER_URLS` (comma-separated `redis://host:port` of
 * its nodes) when set, otherwise three masters with one replica each, started per test file on
 * loopback ports with persistence off and killed afterwards. Same rule as `describeWithRedis`:
 * skipped locally without redis-server, a failure under `CI=true`.
 */
export interface RedisClusterHandle {
  /** The nodes a client starts from. */
  readonly startupNodes: readonly { readonly host: string; readonly port: number }[];
  /** True when the tests started the cluster themselves, so they may kill its nodes. */
  readonly owned: boolean;
  /** A fresh key prefix, so suites sharing one cluster never see each other's keys. */
  prefix(): string;
  /** `host:port` of the master serving `key`'s slot right now. */
  masterOf(key: string): Promise<string>;
  /**
   * SIGKILLs the master serving `key`'s slot (a crash: no chance to hand over) and waits until its
   * replica has been promoted and serves the slot. Only on a cluster the tests started.
   */
  killMasterOf(
    key: string,
  ): Promise<{ readonly killed: string; readonly promoted: string; readonly ms: number }>;
}

const cliBinary = process.env['REDIS_CLI_BIN'] ?? 'redis-cli';
const MASTERS = 3;
// Short, so a killed master is noticed and replaced within a test's time; production uses 15 s.
const NODE_TIMEOUT_MS = 1000;

function toolsInstalled(): boolean {
  const cli = spawnSync(cliBinary, ['--version'], { stdio: 'ignore' });
  return redisServerInstalled() && cli.error === undefined && cli.status === 0;
}

export function describeWithRedisCluster(name: string, body: (cluster: RedisClusterHandle) => void): void {
  const external = process.env['REDIS_CLUSTER_URLS'];
  const installed = external === undefined && toolsInstalled();
  if (external === undefined && !installed && process.env['CI'] !== 'true') {
    console.warn(`[hookguard tests] skipping "${name}": no redis-server/redis-cli and no REDIS_CLUSTER_URLS`);
    describe.skip(`${name} [skipped: no redis-server/redis-cli and no REDIS_CLUSTER_URLS]`, () => {
      body(unavailable());
    });
    return;
  }

  const nodes = new Map<string, ChildProcess>();
  let startupNodes: { host: string; port: number }[] = [];
  let dir: string | undefined;

  /** Asks the first startup node that answers; a killed node is skipped. */
  async function askAnyNode<T>(what: string, ask: (client: Redis) => Promise<T>): Promise<T> {
    for (const node of startupNodes) {
      const client = new Redis({
        ...node,
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      try {
        await client.connect();
        return await ask(client);
      } catch {
        // A killed node: ask the next one.
      } finally {
        client.disconnect();
      }
    }
    throw new Error(`no cluster node answered ${what}`);
  }

  /** CLUSTER SLOTS from any live node: slot ranges and the master serving each. */
  function mastersBySlot(): Promise<{ from: number; to: number; master: string }[]> {
    return askAnyNode('CLUSTER SLOTS', async (client) => {
      const slots = await client.cluster('SLOTS');
      return slots.map(([from, to, master]) => ({ from, to, master: `${master?.[0]}:${master?.[1]}` }));
    });
  }

  function keySlot(key: string): Promise<number> {
    return askAnyNode('CLUSTER KEYSLOT', async (client) => Number(await client.cluster('KEYSLOT', key)));
  }

  async function masterOf(key: string): Promise<string> {
    const slot = await keySlot(key);
    const range = (await mastersBySlot()).find((r) => slot >= r.from && slot <= r.to);
    if (!range) throw new Error(`slot ${slot} has no master`);
    return range.master;
  }

  const handle: RedisClusterHandle = {
    get startupNodes() {
      if (startupNodes.length === 0) throw new Error('the Redis Cluster is not running');
      return startupNodes;
    },
    get owned() {
      return nodes.size > 0;
    },
    prefix: () => `test:${randomUUID().slice(0, 8)}:`,
    masterOf,
    async killMasterOf(key) {
      const killed = await masterOf(key);
      const child = nodes.get(killed);
      if (!child) throw new Error(`${killed} was not started by the tests; it cannot be killed`);
      const started = Date.now();
      await stop(child, 'SIGKILL');
      startupNodes = startupNodes.filter((node) => `${node.host}:${node.port}` !== killed);
      for (;;) {
        const promoted = await masterOf(key).catch(() => killed);
        if (promoted !== killed && (await clusterOk(promoted))) {
          return { killed, promoted, ms: Date.now() - started };
        }
        if (Date.now() - started > 20 * NODE_TIMEOUT_MS)
          throw new Error(`no replica took over from ${killed}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };

  describe(name, () => {
    beforeAll(async () => {
      if (external !== undefined) {
        startupNodes = external.split(',').map((url) => {
          const { hostname, port } = new URL(url.trim());
          return { host: hostname, port: Number(port || 6379) };
        });
        return;
      }
      if (!installed) {
        throw new Error(
          'CI=true but Redis Cluster is unavailable: install redis-server (with redis-cli) or set REDIS_CLUSTER_URLS',
        );
      }
      dir = mkdtempSync(join(tmpdir(), 'hookguard-cluster-'));
      const ports = await clusterPorts(MASTERS * 2);
      for (const port of ports) {
        const child = spawn(
          binary,
          [
            '--port',
            String(port),
            '--bind',
            '127.0.0.1',
            '--dir',
            dir,
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            `nodes-${port}.conf`,
            '--cluster-node-timeout',
            String(NODE_TIMEOUT_MS),
            // A replica promotes itself however long it was cut off: the test kills, never partitions.
            '--cluster-replica-validity-factor',
            '0',
            '--save',
            '',
            '--appendonly',
            'no',
          ],
          { stdio: 'ignore' },
        );
        nodes.set(`127.0.0.1:${port}`, child);
      }
      startupNodes = ports.map((port) => ({ host: '127.0.0.1', port }));
      await Promise.all(ports.map((port) => waitForPing(`redis://127.0.0.1:${port}`)));
      const create = spawnSync(
        cliBinary,
        [
          '--cluster',
          'create',
          ...ports.map((port) => `127.0.0.1:${port}`),
          '--cluster-replicas',
          '1',
          '--cluster-yes',
        ],
        { encoding: 'utf8', timeout: 30_000 },
      );
      if (create.status !== 0)
        throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
      await waitForCluster(ports);
    }, 60_000);
    afterAll(async () => {
      await Promise.all([...nodes.values()].map((child) => stop(child, 'SIGTERM')));
      nodes.clear();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    });
    body(handle);
  });
}

/** Until every node says the cluster is ok and every replica is in sync with its master. */
async function waitForCluster(ports: readonly number[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await Promise.all(ports.map((port) => nodeReady(port)));
    if (ready.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error('the Redis Cluster did not become ready in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function nodeReady(port: number): Promise<boolean> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await client.connect();
    const info = String(await client.cluster('INFO'));
    if (!info.includes('cluster_state:ok')) return false;
    const replication = await client.info('replication');
    return replication.includes('role:master') || replication.includes('master_link_status:up');
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function clusterOk(node: string): Promise<boolean> {
  const [host, port] = node.split(':');
  const client = new Redis({
    host,
    port: Number(port),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    return String(await client.cluster('INFO')).includes('cluster_state:ok');
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** Free loopback ports whose cluster bus port (port + 10000) is free too. */
async function clusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if (ports.includes(port)) continue;
    if ((await portFree(port)) && (await portFree(port + 10_000))) ports.push(port);
  }
  return ports;
}

function portFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function unavailable(): RedisClusterHandle {
  const fail = (): never => {
    throw new Error('Redis Cluster is not available');
  };
  return {
    get startupNodes(): never {
      return fail();
    },
    owned: false,
    prefix: fail,
    masterOf: fail,
    killMasterOf: fail,
  };
}
