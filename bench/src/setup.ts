import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config.js';
import { connectNeo4j, type Connection } from '../../src/db/index.js';
import { countsForScale, DEFAULT_SEED, SYNTHETIC_SOURCE_ID } from '../../src/import/generate.js';
import type { Logger } from '../../src/logger.js';
import { freePort, spawnServer, type ServerProcess } from './processes.js';

/** What `npm run bench` and `npm run load` share: the bench database, its data, the servers under test. */

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(BENCH_DIR, '..');
/** The embedded bench Neo4j's Bolt port (BENCH_NEO4J_PORT; default 7741). */
const BENCH_PORT = Number(process.env.BENCH_NEO4J_PORT ?? 7741);

/** The editor token our API is started with for the write workloads (a throw-away value, this run only). */
export const WRITE_TOKEN = `bench-${process.pid}-${Date.now().toString(36)}`;

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Installs bench/package-lock.json's dependencies into bench/node_modules when they are not there. */
export function ensureBenchDependencies(): void {
  const installed = ['@neo4j/graphql', '@as-integrations/express5', 'graphql-jit', '@apollo/server-gateway-interface'];
  if (installed.every((name) => existsSync(join(BENCH_DIR, 'node_modules', name, 'package.json')))) return;
  log("installing the benchmark's own dependencies (npm --prefix bench ci)");
  const npm = spawnSync('npm', ['--prefix', BENCH_DIR, 'ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (npm.status !== 0) throw new Error('npm --prefix bench ci failed');
}

/**
 * The bench Neo4j: BENCH_NEO4J_URI when set, else an embedded Neo4j on 127.0.0.1:7741 with one store per
 * scale (`.data/bench-neo4j-<scale>`), so that switching scales does not reload the data.
 */
export async function openBenchDatabase(scale: number, logger: Logger): Promise<Connection> {
  const benchUri = process.env.BENCH_NEO4J_URI?.trim() || undefined;
  const data = join(ROOT, '.data', `bench-neo4j-${scale}`);
  const config = loadConfig({
    NEO4J_URI: benchUri,
    NEO4J_USER: process.env.BENCH_NEO4J_USER,
    NEO4J_PASSWORD: process.env.BENCH_NEO4J_PASSWORD,
    NEO4J_EMBEDDED_PORT: String(BENCH_PORT),
    NEO4J_EMBEDDED_DATA: data,
    NEO4J_QUERY_TIMEOUT_MS: '600000',
    // A first start creates the store; on a loaded 2-core machine that took over the default 3 minutes.
    NEO4J_EMBEDDED_START_TIMEOUT_MS: process.env.NEO4J_EMBEDDED_START_TIMEOUT_MS ?? '900000',
  });
  log(benchUri ? `Neo4j: ${benchUri}` : `Neo4j: embedded on 127.0.0.1:${BENCH_PORT}, data in ${data}`);
  return connectNeo4j(config.neo4j, logger);
}

export function rawDriver(uri: string, maxConnectionPoolSize = 100): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(process.env.BENCH_NEO4J_USER ?? 'neo4j', process.env.BENCH_NEO4J_PASSWORD ?? ''), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize,
    logging: { level: 'error', logger: () => undefined },
  });
}

export interface DatasetInfo {
  scale: number;
  seed: number;
  nodes: number;
  relationships: number;
  /** Set when this run loaded the graph. */
  load: { seconds: number; ratePerSecond: number; transactions: number; firstBatchSeconds?: number } | null;
}

/**
 * Makes sure the bench database holds exactly the synthetic graph of `scale`: the synthetic source's
 * locator names the scale and seed, and the node count matches. Anything else is deleted and the graph
 * generated again through `npm run generate` (the bulk-import path), whose rate is reported.
 */
export async function ensureDataset(connection: Connection, scale: number, regenerate: boolean): Promise<DatasetInfo> {
  const { db } = connection;
  const counts = countsForScale(scale);
  const expectedNodes = 1 + counts.municipalities + counts.employees + counts.practices + counts.dilemmas + counts.cases;
  const locator = `npm run generate -- --scale ${scale} --seed ${DEFAULT_SEED}`;
  const stats = async () => {
    const [row] = await db.read(
      `CALL () { MATCH (n) RETURN count(n) AS nodes }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
       OPTIONAL MATCH (s:Source {id: $id})
       RETURN nodes, relationships, s.locator AS locator`,
      { id: SYNTHETIC_SOURCE_ID },
    );
    return row as { nodes: number; relationships: number; locator: string | null };
  };
  let current = await stats();
  let load: DatasetInfo['load'] = null;
  if (regenerate || current.locator !== locator || current.nodes !== expectedNodes) {
    if (current.nodes > 0) {
      log(`the bench database holds something else (${current.nodes} nodes, ${current.locator ?? 'no synthetic source'}): deleting it`);
      // CALL … IN TRANSACTIONS needs an auto-commit transaction: a plain session.run.
      const session = connection.db.driver.session({ database: 'neo4j' });
      try {
        await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
      } finally {
        await session.close();
      }
    }
    log(`generating and loading scale ${scale} (npm run generate)`);
    const summary = await runGenerate(connection.uri, scale);
    load = {
      seconds: Math.round(summary.writeMs / 100) / 10,
      ratePerSecond: summary.loadRatePerSecond,
      transactions: summary.transactions,
      ...(summary.firstBatchMs !== undefined ? { firstBatchSeconds: Math.round(summary.firstBatchMs / 100) / 10 } : {}),
    };
    log(`loaded in ${load.seconds} s: ${load.ratePerSecond} nodes+relationships/s`);
    current = await stats();
  } else {
    log(`the bench database already holds scale ${scale} (${current.nodes} nodes, ${current.relationships} relationships)`);
  }
  return { scale, seed: DEFAULT_SEED, nodes: current.nodes, relationships: current.relationships, load };
}

/** Runs `src/cli/generate.ts` against the bench database; its progress bar goes to our stderr. */
function runGenerate(uri: string, scale: number): Promise<{ writeMs: number; firstBatchMs?: number; loadRatePerSecond: number; transactions: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/generate.ts', '--scale', String(scale), '--json'], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: uri, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`npm run generate exited with code ${code}`));
      try {
        resolvePromise(JSON.parse(stdout.trim().split('\n').at(-1)!));
      } catch (error) {
        reject(error);
      }
    });
  });
}

export async function serverVersion(connection: Connection): Promise<string> {
  const [row] = await connection.db.read("CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' + versions[0] + ' ' + edition AS version");
  return String(row?.version ?? 'unknown');
}

export function hostPort(uri: string): [string, number] {
  const url = new URL(uri.replace(/^[a-z+]+:\/\//, 'http://'));
  return [url.hostname, Number(url.port || 7687)];
}

/** The servers' environment: ours and theirs alike, production mode, nothing inherited that changes behaviour. */
function serverEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...extra };
}

async function waitFor(condition: () => boolean, value: string): Promise<string> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 100));
  return value;
}

/**
 * The GraphQL executor both servers run: graphql-jit (compiled operations, through Apollo's gateway
 * interface; our API's default) or graphql-js (Apollo's own). The same for both, always.
 */
export const EXECUTORS = ['graphql-jit', 'graphql-js'] as const;
export type Executor = (typeof EXECUTORS)[number];

/** Extra node arguments for both servers (e.g. `--cpu-prof --cpu-prof-dir=…` when profiling). */
export interface ServerOptions {
  nodeArgs?: string[];
  /** Default graphql-jit. */
  executor?: Executor;
  /** Another checkout of the API to start instead of this one. */
  apiDir?: string;
  /** `RESPONSE_CACHE_MB` of our API; default off (0), as `npm start`. */
  responseCacheMb?: number;
}

/** Our API as `npm start` runs it (`node --import tsx src/main.ts`), production mode, with an editor token for the writes. */
export async function startOurs(neo4jUri: string, options: ServerOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  return spawnServer({
    name: 'our API',
    args: [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'],
    cwd: options.apiDir ?? ROOT,
    // The query timeout (default 10 s) raised to 60 s: @neo4j/graphql has none, and on a loaded machine a
    // heavy request of ours must not fail where theirs merely waits.
    env: serverEnv({ PORT: String(port), HOST: '127.0.0.1', NEO4J_URI: neo4jUri, SEED_ON_START: 'false', LOG_LEVEL: 'info', AUTH_TOKENS: `editor:${WRITE_TOKEN}`, NEO4J_QUERY_TIMEOUT_MS: '60000',
      // Compiled from an operation's second run (the default), or never.
      GRAPHQL_JIT_AFTER: options.executor === 'graphql-js' ? '-1' : '1',
      ...(options.responseCacheMb ? { RESPONSE_CACHE_MB: String(options.responseCacheMb) } : {}) }),
    // `ready` is logged once migrations are applied (the API listens before that); a first start on a
    // large graph may also backfill stored flags, so it gets 15 minutes.
    ready: (_child, output) => waitFor(() => /"message":"ready"/.test(output()), `http://127.0.0.1:${port}/graphql`),
    timeoutMs: 900_000,
  });
}

/** @neo4j/graphql 7 (bench/src/neo4j-graphql-server.ts), served like ours. */
export async function startTheirs(neo4jUri: string, options: ServerOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  return spawnServer({
    name: '@neo4j/graphql',
    args: [...(options.nodeArgs ?? []), '--import', 'tsx', join(BENCH_DIR, 'src', 'neo4j-graphql-server.ts')],
    cwd: BENCH_DIR,
    env: serverEnv({ PORT: String(port), NEO4J_URI: neo4jUri, NEO4J_GRAPHQL_EXECUTOR: options.executor ?? 'graphql-jit' }),
    ready: (_child, output) => waitFor(() => /LISTENING /.test(output()), `http://127.0.0.1:${port}/graphql`),
  });
}
