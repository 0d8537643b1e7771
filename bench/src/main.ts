import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config.js';
import { connectNeo4j, type Connection } from '../../src/db/index.js';
import { countsForScale, DEFAULT_SEED, generateGraph, SYNTHETIC_SOURCE_ID, type BenchmarkFixtures } from '../../src/import/generate.js';
import { createLogger } from '../../src/logger.js';
import { startBoltProxy, type BoltProxy } from './bolt-proxy.js';
import { GraphqlClient, runLoad, type LoadResult, type Send } from './load.js';
import { freePort, spawnServer, type ServerProcess } from './processes.js';
import { renderReadme, type BenchResults, type TargetResult, type WorkloadResult } from './report.js';
import { buildWorkloads, canonical, firstDifference, firstPageRequests, type Workload } from './workloads.js';

/**
 * `npm run bench [-- --quick] [--scale N] [--concurrency C] [--warmup S] [--duration S] [--only key,key]
 *   [--regenerate] [--api-dir DIR] [--trace] [--no-write]`
 *
 * 1. Installs bench/'s own dependencies when missing (`npm --prefix bench ci`).
 * 2. Uses its own embedded Neo4j (port 7741, .data/bench-neo4j; never the dev or test database), or
 *    BENCH_NEO4J_URI when set; loads the synthetic graph of the scale (`npm run generate`) unless the
 *    database already holds exactly that graph.
 * 3. Starts our API (`node --import tsx src/main.ts`) and @neo4j/graphql 7 (bench/src/neo4j-graphql-server.ts)
 *    as child processes; the raw-Cypher client runs in this process.
 * 4. Checks the three answer every workload identically, and counts each one's database round trips
 *    through a Bolt proxy (first pair of server processes), then restarts both servers straight on Neo4j
 *    and measures (warm-up excluded, same concurrency and the same load loop for all three).
 * 5. Writes bench/results/latest.json and the table in bench/README.md.
 */

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(BENCH_DIR, '..');
const RESULTS_FILE = join(BENCH_DIR, 'results', 'latest.json');
const README_FILE = join(BENCH_DIR, 'README.md');
const BENCH_PORT = 7741;
const BENCH_DATA = join(ROOT, '.data', 'bench-neo4j');

type Target = 'ours' | 'neo4jGraphql' | 'rawCypher';
const TARGETS: Target[] = ['ours', 'neo4jGraphql', 'rawCypher'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      warmup: { type: 'string' },
      duration: { type: 'string' },
      only: { type: 'string' },
      regenerate: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      'api-dir': { type: 'string' },
    },
    strict: true,
  });
  const quick = values.quick;
  const scale = Number(values.scale ?? (quick ? 0.1 : 1));
  const concurrency = Number(values.concurrency);
  const warmupMs = Number(values.warmup ?? (quick ? 3 : 5)) * 1000;
  const durationMs = Number(values.duration ?? (quick ? 10 : 20)) * 1000;
  const only = values.only?.split(',').map((s) => s.trim());
  // Another checkout of the API (a branch, a proposed fix) measured against the same data: before/after.
  const apiDir = values['api-dir'] ? resolve(values['api-dir']) : ROOT;
  countsForScale(scale); // validates the scale before anything starts
  const started = Date.now();
  const loadSamples: number[] = [];
  const sampleLoad = () => loadSamples.push(os.loadavg()[0]!);
  sampleLoad();
  log(`scale ${scale}, concurrency ${concurrency}, warm-up ${warmupMs / 1000} s, measured ${durationMs / 1000} s per workload and client; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  ensureBenchDependencies();

  const logger = createLogger('warn');
  const benchUri = process.env.BENCH_NEO4J_URI?.trim() || undefined;
  const config = loadConfig({
    NEO4J_URI: benchUri,
    NEO4J_USER: process.env.BENCH_NEO4J_USER,
    NEO4J_PASSWORD: process.env.BENCH_NEO4J_PASSWORD,
    NEO4J_EMBEDDED_PORT: String(BENCH_PORT),
    NEO4J_EMBEDDED_DATA: BENCH_DATA,
    NEO4J_QUERY_TIMEOUT_MS: '600000',
  });
  log(benchUri ? `Neo4j: ${benchUri}` : `Neo4j: embedded on 127.0.0.1:${BENCH_PORT}, data in ${BENCH_DATA}`);
  const connection = await connectNeo4j(config.neo4j, logger);
  // What to undo on the way out, newest first; steps done early are removed by reference.
  const cleanup = new Set<() => Promise<unknown>>();
  const closeConnection = () => connection.close();
  cleanup.add(closeConnection);
  try {
    const dataset = await ensureDataset(connection, scale, values.regenerate);
    const fixtures = generateGraph({ scale, seed: DEFAULT_SEED }).fixtures;
    const neo4jVersion = await serverVersion(connection);
    const [boltHost, boltPort] = hostPort(connection.uri);

    // ---- phase 1: same answers, and round trips through the counting proxy ----
    const proxy = await startBoltProxy(boltHost, boltPort);
    const closeProxy = () => proxy.close();
    cleanup.add(closeProxy);
    log('starting the servers behind the counting proxy');
    let [ours, theirs] = await Promise.all([startOurs(proxy.uri), startTheirs(proxy.uri)]);
    let peakRssMb = 0;
    let theirPeakRssMb = 0;
    const stopServers = async () => {
      peakRssMb = Math.max(peakRssMb, ours.peakRssMb());
      theirPeakRssMb = Math.max(theirPeakRssMb, theirs.peakRssMb());
      await Promise.all([ours.stop(), theirs.stop()]);
    };
    cleanup.add(stopServers);
    const rawProxied = rawDriver(proxy.uri);
    const oursClient = new GraphqlClient(`${ours.url}`, concurrency);
    const theirsClient = new GraphqlClient(`${theirs.url}`, concurrency);

    const [page1Ours, page1Theirs] = await Promise.all([
      oursClient.request(firstPageRequests(fixtures).ours.query, firstPageRequests(fixtures).ours.variables),
      theirsClient.request(firstPageRequests(fixtures).theirs.query, firstPageRequests(fixtures).theirs.variables),
    ]);
    const workloads = buildWorkloads(fixtures, {
      ours: page1Ours.data.practices.pageInfo.endCursor,
      theirs: page1Theirs.data.practicesConnection.pageInfo.endCursor,
    }).filter((w) => !only || only.includes(w.key));

    const results: WorkloadResult[] = [];
    for (const workload of workloads) {
      const result: WorkloadResult = {
        key: workload.key,
        title: workload.title,
        equal: false,
        ours: null,
        neo4jGraphql: null,
        rawCypher: null,
        roundTrips: {} as Record<Target, number>,
        neo4jBytes: {} as Record<Target, number>,
      };
      try {
        const answers = await Promise.all([
          oursClient.request(workload.ours.query, workload.ours.variables).then((r) => canonical(workload.fromOurs(r.data))),
          theirsClient.request(workload.theirs.query, workload.theirs.variables).then((r) => canonical(workload.fromTheirs(r.data))),
          runRaw(rawProxied, workload).then((rows) => canonical(workload.fromRaw(rows))),
        ]);
        const [a, b, c] = answers;
        if (a !== b) throw new Error(`our API and @neo4j/graphql answer differently ${firstDifference(a, b)}`);
        if (a !== c) throw new Error(`our API and raw Cypher answer differently ${firstDifference(a, c)}`);
        result.equal = true;
        result.answerBytes = a.length;
        const counted = {
          ours: await countRoundTrips(proxy, () => oursClient.request(workload.ours.query, workload.ours.variables)),
          neo4jGraphql: await countRoundTrips(proxy, () => theirsClient.request(workload.theirs.query, workload.theirs.variables)),
          rawCypher: await countRoundTrips(proxy, () => runRaw(rawProxied, workload)),
        };
        result.roundTrips = { ours: counted.ours.runs, neo4jGraphql: counted.neo4jGraphql.runs, rawCypher: counted.rawCypher.runs };
        result.neo4jBytes = { ours: counted.ours.bytes, neo4jGraphql: counted.neo4jGraphql.bytes, rawCypher: counted.rawCypher.bytes };
        log(`${workload.key}: same answer from all three (${a.length} bytes canonical); round trips ${JSON.stringify(result.roundTrips)}; bytes from Neo4j ${JSON.stringify(result.neo4jBytes)}`);
        if (values.trace) {
          proxy.reset();
          await oursClient.request(workload.ours.query, workload.ours.variables);
          for (const statement of proxy.statements()) log(`  ours ran: ${statement.slice(0, 160)}`);
        }
      } catch (error) {
        result.error = (error as Error).message;
        log(`${workload.key}: NOT MEASURED: ${result.error}`);
      }
      results.push(result);
    }
    oursClient.close();
    theirsClient.close();
    await rawProxied.close();
    await stopServers();
    cleanup.delete(stopServers);
    await proxy.close();
    cleanup.delete(closeProxy);

    // ---- phase 2: throughput and latency, straight on Neo4j ----
    log('restarting the servers straight on Neo4j for the measurements');
    [ours, theirs] = await Promise.all([startOurs(connection.uri), startTheirs(connection.uri)]);
    cleanup.add(stopServers);
    const raw = rawDriver(connection.uri);
    const closeRaw = () => raw.close();
    cleanup.add(closeRaw);
    const clients = { ours: new GraphqlClient(ours.url, concurrency), neo4jGraphql: new GraphqlClient(theirs.url, concurrency) };
    const measured = results.filter((r) => r.equal);
    for (const [index, result] of measured.entries()) {
      const workload = workloads.find((w) => w.key === result.key)!;
      const senders: Record<Target, Send> = {
        ours: clients.ours.sender(workload.ours.query, workload.ours.variables),
        neo4jGraphql: clients.neo4jGraphql.sender(workload.theirs.query, workload.theirs.variables),
        rawCypher: async () => {
          await runRaw(raw, workload);
        },
      };
      // Rotate the order per workload, so that no client always runs first (or last) after a change.
      const order = TARGETS.map((_, i) => TARGETS[(i + index) % TARGETS.length]!);
      for (const target of order) {
        sampleLoad();
        const load = await runLoad(senders[target], { concurrency, warmupMs, durationMs });
        sampleLoad();
        result[target] = toTargetResult(load, result.roundTrips[target]);
        log(`${workload.key} ${target}: ${load.throughput.toFixed(1)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms${load.errors ? `, ${load.errors} errors (${load.firstError})` : ''}`);
      }
      log(`  rss: ours ${ours.rssMb()} MB (peak ${ours.peakRssMb()}), @neo4j/graphql ${theirs.rssMb()} MB`);
    }
    clients.ours.close();
    clients.neo4jGraphql.close();
    await stopServers();
    cleanup.delete(stopServers);
    await raw.close();
    cleanup.delete(closeRaw);

    sampleLoad();
    const bench: BenchResults = summarise({
      generatedAt: new Date().toISOString(),
      command: `npm run bench${quick ? ' -- --quick' : ''}${apiDir !== ROOT ? ` (API from ${apiDir})` : ''}`,
      settings: { scale, seed: DEFAULT_SEED, concurrency, warmupSeconds: warmupMs / 1000, durationSeconds: durationMs / 1000, quick },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        neo4j: neo4jVersion,
        loadAverage1m: { min: round2(Math.min(...loadSamples)), max: round2(Math.max(...loadSamples)), mean: round2(loadSamples.reduce((s, x) => s + x, 0) / loadSamples.length) },
      },
      dataset: { ...dataset, fixtures },
      workloads: results,
      peakRssMb,
      neo4jGraphqlPeakRssMb: theirPeakRssMb,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    });
    if (!values['no-write']) {
      mkdirSync(dirname(RESULTS_FILE), { recursive: true });
      writeFileSync(RESULTS_FILE, `${JSON.stringify(bench, null, 2)}\n`);
      writeFileSync(README_FILE, renderReadme(readFileSync(README_FILE, 'utf8'), bench));
      log(`wrote ${RESULTS_FILE} and the table in ${README_FILE}`);
    }
    process.stdout.write(`${JSON.stringify(bench.summary, null, 2)}\n`);
  } finally {
    for (const step of [...cleanup].reverse()) await step().catch(() => undefined);
  }

  // ---- helpers that need the run's settings ----

  async function startOurs(neo4jUri: string): Promise<ServerProcess> {
    const port = await freePort();
    return spawnServer({
      name: 'our API',
      args: ['--import', 'tsx', 'src/main.ts'],
      cwd: apiDir,
      env: serverEnv({ PORT: String(port), HOST: '127.0.0.1', NEO4J_URI: neo4jUri, SEED_ON_START: 'false', LOG_LEVEL: 'info' }),
      // `ready` is logged once migrations are applied (the API listens before that).
      ready: (_child, output) => waitFor(() => /"message":"ready"/.test(output()), `http://127.0.0.1:${port}/graphql`),
    });
  }

  async function startTheirs(neo4jUri: string): Promise<ServerProcess> {
    const port = await freePort();
    return spawnServer({
      name: '@neo4j/graphql',
      args: ['--import', 'tsx', join(BENCH_DIR, 'src', 'neo4j-graphql-server.ts')],
      cwd: BENCH_DIR,
      env: serverEnv({ PORT: String(port), NEO4J_URI: neo4jUri }),
      ready: (_child, output) => waitFor(() => /LISTENING /.test(output()), `http://127.0.0.1:${port}/`),
    });
  }
}

/** The servers' environment: ours and theirs alike, production mode, nothing inherited that changes behaviour. */
function serverEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...extra };
}

async function waitFor(condition: () => boolean, value: string): Promise<string> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 100));
  return value;
}

function rawDriver(uri: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(process.env.BENCH_NEO4J_USER ?? 'neo4j', process.env.BENCH_NEO4J_PASSWORD ?? ''), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 100,
    logging: { level: 'error', logger: () => undefined },
  });
}

/** Runs a workload's Cypher as an application would: one managed read transaction, records as plain objects. */
async function runRaw(driver: Driver, workload: Workload): Promise<Record<string, unknown>[]> {
  const result = await driver.executeQuery(workload.raw.cypher, workload.raw.params, { database: 'neo4j', routing: neo4j.routing.READ });
  return result.records.map((record) => record.toObject());
}

/**
 * Statements (Bolt RUN messages) per request, and bytes Neo4j sent for it: one warm request first, then
 * the largest of three.
 */
async function countRoundTrips(proxy: BoltProxy, request: () => Promise<unknown>): Promise<{ runs: number; bytes: number }> {
  await request();
  let runs = 0;
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    proxy.reset();
    await request();
    runs = Math.max(runs, proxy.counts().runs);
    bytes = Math.max(bytes, proxy.counts().bytesFromServer);
  }
  return { runs, bytes };
}

function toTargetResult(load: LoadResult, roundTrips: number): TargetResult {
  return {
    throughput: Math.round(load.throughput * 10) / 10,
    p50Ms: load.p50Ms,
    p99Ms: load.p99Ms,
    meanMs: load.meanMs,
    requests: load.requests,
    errors: load.errors,
    roundTrips,
    ...(load.firstError ? { firstError: load.firstError } : {}),
  };
}

function summarise(partial: Omit<BenchResults, 'summary'> & { peakRssMb: number; neo4jGraphqlPeakRssMb: number }): BenchResults {
  // Ratios need the reference clients to have completed requests. Our API completing nothing (every
  // request timed out, say) is a ratio of 0, which makes the geometric mean 0: never left out.
  const complete = partial.workloads.filter((w) => w.ours && w.neo4jGraphql?.throughput && w.rawCypher?.throughput);
  for (const w of complete) {
    w.ratioVsNeo4jGraphql = round2(w.ours!.throughput / w.neo4jGraphql!.throughput);
    w.ratioVsRawCypher = round2(w.ours!.throughput / w.rawCypher!.throughput);
  }
  const geomean = (xs: number[]) =>
    xs.length === 0 ? null : xs.some((x) => x === 0) ? 0 : round2(Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length));
  const ratioVsNeo4jGraphql = geomean(complete.map((w) => w.ratioVsNeo4jGraphql!));
  const ratioVsRawCypher = geomean(complete.map((w) => w.ratioVsRawCypher!));
  const nested = partial.workloads.find((w) => w.key === 'nestedList');
  const maxRoundTripsNestedRead = nested?.equal ? nested.roundTrips.ours : null;
  const worst = complete.reduce<WorkloadResult | undefined>((low, w) => (!low || w.ratioVsNeo4jGraphql! < low.ratioVsNeo4jGraphql! ? w : low), undefined);
  return {
    ...partial,
    summary: {
      ratioVsNeo4jGraphql,
      ratioVsRawCypher,
      maxRoundTripsNestedRead,
      peakRssMb: partial.peakRssMb,
      workloadsMeasured: complete.length,
      workloadsNotMeasured: partial.workloads.filter((w) => !w.equal).map((w) => ({ key: w.key, reason: w.error ?? 'unknown' })),
      worstVsNeo4jGraphql: worst ? { key: worst.key, ratio: worst.ratioVsNeo4jGraphql! } : null,
      targets: {
        geomeanAtLeastNeo4jGraphql: ratioVsNeo4jGraphql !== null && ratioVsNeo4jGraphql >= 1,
        noWorkloadBelow80PercentOfNeo4jGraphql: complete.length > 0 && complete.every((w) => w.ratioVsNeo4jGraphql! >= 0.8),
        atLeastHalfOfRawCypher: ratioVsRawCypher !== null && ratioVsRawCypher >= 0.5,
        nestedReadAtMost4RoundTrips: maxRoundTripsNestedRead !== null && maxRoundTripsNestedRead <= 4,
        rssUnder300Mb: partial.peakRssMb < 300,
      },
    },
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Installs bench/package-lock.json's dependencies into bench/node_modules when they are not there. */
function ensureBenchDependencies(): void {
  if (existsSync(join(BENCH_DIR, 'node_modules', '@neo4j', 'graphql', 'package.json'))) return;
  log('installing the benchmark\'s own dependencies (npm --prefix bench ci)');
  const npm = spawnSync('npm', ['--prefix', BENCH_DIR, 'ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (npm.status !== 0) throw new Error('npm --prefix bench ci failed');
}

interface DatasetInfo {
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
async function ensureDataset(connection: Connection, scale: number, regenerate: boolean): Promise<DatasetInfo> {
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

async function serverVersion(connection: Connection): Promise<string> {
  const [row] = await connection.db.read("CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' + versions[0] + ' ' + edition AS version");
  return String(row?.version ?? 'unknown');
}

function hostPort(uri: string): [string, number] {
  const url = new URL(uri.replace(/^[a-z+]+:\/\//, 'http://'));
  return [url.hostname, Number(url.port || 7687)];
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
