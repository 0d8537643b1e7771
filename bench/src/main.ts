import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { countsForScale, DEFAULT_SEED, generateGraph } from '../../src/import/generate.js';
import { createLogger } from '../../src/logger.js';
import type { Connection } from '../../src/db/index.js';
import { startBoltProxy, type BoltProxy } from './bolt-proxy.js';
import { GraphqlClient, parseAnswer, runLoad, WrongAnswer, type LoadResult, type Send } from './load.js';
import { childPid, cpuSeconds, type ServerProcess } from './processes.js';
import { renderReadme, summarise, type BenchResults, type Target, type TargetResult, type WorkloadResult } from './report.js';
import {
  BENCH_DIR,
  ensureBenchDependencies,
  ensureDataset,
  EXECUTORS,
  type Executor,
  hostPort,
  log,
  openBenchDatabase,
  rawDriver,
  ROOT,
  serverVersion,
  startOurs,
  startTheirs,
  WRITE_TOKEN,
} from './setup.js';
import { buildWorkloads, canonical, firstDifference, manualSourceExists, prepareWrites, removeWrites, WRITE_PREFIX, type Workload } from './workloads.js';

/**
 * `npm run bench [-- --quick] [--scale N] [--concurrency 1,8,32] [--rounds R] [--sweep-rounds R] [--warmup S]
 *   [--duration S] [--pool N] [--check-every K] [--only key,key] [--regenerate] [--api-dir DIR] [--trace]
 *   [--no-write] [--out FILE] [--cpu-prof DIR] [--prepare-only] [--executor graphql-jit|graphql-js]
 *   [--response-cache MB] [--cache-rounds R]`
 *
 * 1. Installs bench/'s own dependencies when missing (`npm --prefix bench ci`).
 * 2. Uses its own embedded Neo4j (port 7741, one store per scale in .data/bench-neo4j-<scale>), or
 *    BENCH_NEO4J_URI; loads the synthetic graph of the scale (`npm run generate`) unless it is there.
 * 3. Starts our API and @neo4j/graphql 7 as child processes, configured alike (setup.ts,
 *    neo4j-graphql-server.ts); the raw-Cypher client runs in this process.
 * 4. Draws every workload's parameters from the data; asks the three every parameter set once and keeps
 *    the answer as the reference when all three agree; counts statements and bytes through a Bolt proxy.
 * 5. Restarts both servers straight on Neo4j and measures: per concurrency, `rounds` rounds, in each every
 *    workload × client once (the order of the clients rotating), the parameters cycling through the pool,
 *    every `check-every`-th answer compared with its reference (writes: with the answer their parameters imply).
 * 6. Ratios per round; median and min–max; the headline is the geometric mean of the medians. A workload
 *    whose answers differ, or with any failed request, fails the run: the exit code is 1.
 * 7. A separate row, never in the headline: our API again with its response cache on (`RESPONSE_CACHE_MB`),
 *    the reads only, at the main concurrency, its answers checked the same way.
 */

const RESULTS_FILE = join(BENCH_DIR, 'results', 'latest.json');
const README_FILE = join(BENCH_DIR, 'README.md');
const TARGETS: Target[] = ['ours', 'neo4jGraphql', 'rawCypher'];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      rounds: { type: 'string' },
      'sweep-rounds': { type: 'string' },
      warmup: { type: 'string' },
      duration: { type: 'string' },
      pool: { type: 'string' },
      'check-every': { type: 'string', default: '7' },
      only: { type: 'string' },
      regenerate: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      'api-dir': { type: 'string' },
      'cpu-prof': { type: 'string' },
      'prepare-only': { type: 'boolean', default: false },
      out: { type: 'string' },
      executor: { type: 'string', default: 'graphql-jit' },
      'min-requests': { type: 'string' },
      'max-duration': { type: 'string' },
      'response-cache': { type: 'string', default: '64' },
      'cache-rounds': { type: 'string', default: '1' },
    },
    strict: true,
  });
  const quick = values.quick;
  const scale = Number(values.scale ?? (quick ? 0.1 : 1));
  const concurrencies = values.concurrency.split(',').map(Number);
  const mainConcurrency = concurrencies.includes(8) ? 8 : concurrencies[0]!;
  const rounds = Number(values.rounds ?? (quick ? 1 : 3));
  const sweepRounds = Number(values['sweep-rounds'] ?? rounds);
  const warmupMs = Number(values.warmup ?? (quick ? 1 : 3)) * 1000;
  const durationMs = Number(values.duration ?? (quick ? 3 : 8)) * 1000;
  const poolSize = Number(values.pool ?? (quick ? 6 : 16));
  // A window grows (by whole durations) until it has counted this many answers, up to --max-duration.
  const minRequests = Number(values['min-requests'] ?? 20);
  const maxDurationMs = values['max-duration'] === undefined ? durationMs * 8 : Number(values['max-duration']) * 1000;
  const checkEvery = Number(values['check-every']);
  // The response-cache row: megabytes of cache (0 skips the row) and its rounds.
  const responseCacheMb = Number(values['response-cache']);
  const cacheRounds = Number(values['cache-rounds']);
  const only = values.only?.split(',').map((s) => s.trim());
  const executor = values.executor as Executor;
  if (!EXECUTORS.includes(executor)) throw new Error(`--executor is one of ${EXECUTORS.join(', ')}`);
  const apiDir = values['api-dir'] ? resolve(values['api-dir']) : ROOT;
  const profileDir = values['cpu-prof'] ? resolve(values['cpu-prof']) : undefined;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  countsForScale(scale); // validates the scale before anything starts
  if (concurrencies.some((c) => !Number.isInteger(c) || c < 1) || !(rounds >= 1) || !(poolSize >= 1) || !(checkEvery >= 1) || !(minRequests >= 0) || !(maxDurationMs >= durationMs) || !Number.isInteger(responseCacheMb) || !(responseCacheMb >= 0) || !(cacheRounds >= 1))
    throw new Error('bad --concurrency, --rounds, --pool, --check-every, --min-requests, --max-duration (at least --duration), --response-cache or --cache-rounds');
  const started = Date.now();
  const loadSamples: number[] = [];
  const sampleLoad = () => loadSamples.push(os.loadavg()[0]!);
  sampleLoad();
  log(
    `scale ${scale}, concurrency ${concurrencies.join('/')} (main ${mainConcurrency}), ${rounds} round(s) (sweep ${sweepRounds}), ` +
      `warm-up ${warmupMs / 1000} s + ${durationMs / 1000} s per workload × client × round, pool ${poolSize}, every ${checkEvery}th answer checked; ` +
      `load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`,
  );

  ensureBenchDependencies();
  const connection = await openBenchDatabase(scale, createLogger('warn'));
  const cleanup = new Set<() => Promise<unknown>>();
  const closeConnection = () => connection.close();
  cleanup.add(closeConnection);
  try {
    const dataset = await ensureDataset(connection, scale, values.regenerate);
    if (values['prepare-only']) {
      // Our API's first start on this store also runs its migrations and any backfill: done here, not in a timed run.
      log('starting our API once (migrations, backfills)');
      const api = await startOurs(connection.uri, { apiDir });
      await api.stop();
      log('prepared');
      return 0;
    }
    const fixtures = generateGraph({ scale, seed: DEFAULT_SEED }).fixtures;
    const neo4jVersion = await serverVersion(connection);
    const [boltHost, boltPort] = hostPort(connection.uri);
    const direct = rawDriver(connection.uri);
    cleanup.add(() => direct.close());
    const manualSourceExisted = await manualSourceExists(direct);
    await removeWrites(connection, manualSourceExisted);

    // ---- phase 1: reference answers and round trips, through the counting proxy ----
    const proxy = await startBoltProxy(boltHost, boltPort);
    const closeProxy = () => proxy.close();
    cleanup.add(closeProxy);
    log('starting the servers behind the counting proxy');
    let [ours, theirs] = await Promise.all([startOurs(proxy.uri, { apiDir, executor }), startTheirs(proxy.uri, { executor })]);
    const peak = { ours: 0, theirs: 0 };
    // The headline's peak RSS is the API as `npm start` runs it: the response-cache row's server has its own.
    let oursCaches = false;
    const stopServers = async () => {
      if (!oursCaches) peak.ours = Math.max(peak.ours, ours.peakRssMb());
      peak.theirs = Math.max(peak.theirs, theirs.peakRssMb());
      await Promise.all([ours.stop(), theirs.stop()]);
    };
    cleanup.add(stopServers);
    const rawProxied = rawDriver(proxy.uri);
    let clients = graphqlClients(ours, theirs, Math.max(...concurrencies));
    const ask = {
      ours: (r: { query: string; variables: Record<string, unknown> }) => clients.ours.request(r.query, r.variables),
      theirs: (r: { query: string; variables: Record<string, unknown> }) => clients.neo4jGraphql.request(r.query, r.variables),
    };
    log('drawing the parameters from the data');
    const workloads = (await buildWorkloads(direct, { size: poolSize, seed: DEFAULT_SEED }, ask)).filter((w) => !only || only.includes(w.key));
    const references = new Map<string, string[]>();

    const results: WorkloadResult[] = [];
    for (const workload of workloads) {
      const result: WorkloadResult = {
        key: workload.key,
        title: workload.title,
        kind: workload.write ? 'write' : 'read',
        ...(workload.rowsPerRequest ? { rowsPerRequest: workload.rowsPerRequest } : {}),
        poolSize: workload.pool.length,
        equal: false,
        roundTrips: {} as Record<Target, number>,
        neo4jBytes: {} as Record<Target, number>,
        runs: {},
      };
      results.push(result);
      try {
        if (workload.write) await prepareWrites(direct);
        const refs: string[] = [];
        const count = workload.write ? 1 : workload.pool.length;
        for (let i = 0; i < count; i++) {
          const params = workload.write ? TARGETS.map((t) => workload.fresh!(i, `check${t.slice(0, 1)}`)) : TARGETS.map(() => workload.pool[i]);
          const answers = await Promise.all([
            clients.ours.request(workload.ours(params[0]).query, workload.ours(params[0]).variables, writeHeaders(workload)).then((r) => canonical(workload.fromOurs(r.data, params[0]))),
            clients.neo4jGraphql.request(workload.theirs(params[1]).query, workload.theirs(params[1]).variables).then((r) => canonical(workload.fromTheirs(r.data, params[1]))),
            runRaw(rawProxied, workload, params[2]).then((rows) => canonical(workload.fromRaw(rows, params[2]))),
          ]);
          const expected = workload.write ? TARGETS.map((_, t) => canonical(workload.expected!(params[t]))) : [answers[2]!, answers[2]!, answers[2]!];
          for (const [t, target] of TARGETS.entries()) {
            if (answers[t] !== expected[t]) throw new Error(`${target} answers differently for parameters ${JSON.stringify(params[t]).slice(0, 200)} ${firstDifference(expected[t]!, answers[t]!)}`);
          }
          refs.push(answers[2]!);
        }
        if (workload.write) await sameWrites(connection);
        references.set(workload.key, refs);
        result.equal = true;
        result.answerBytes = Math.round(refs.reduce((s, a) => s + a.length, 0) / refs.length);
        const counted = {
          ours: await countRoundTrips(proxy, (n) => clients.ours.request(workload.ours(paramFor(workload, n, 'rto')).query, workload.ours(paramFor(workload, n, 'rto')).variables, writeHeaders(workload))),
          neo4jGraphql: await countRoundTrips(proxy, (n) => clients.neo4jGraphql.request(workload.theirs(paramFor(workload, n, 'rtt')).query, workload.theirs(paramFor(workload, n, 'rtt')).variables)),
          rawCypher: await countRoundTrips(proxy, (n) => runRaw(rawProxied, workload, paramFor(workload, n, 'rtr'))),
        };
        result.roundTrips = { ours: counted.ours.runs, neo4jGraphql: counted.neo4jGraphql.runs, rawCypher: counted.rawCypher.runs };
        result.neo4jBytes = { ours: counted.ours.bytes, neo4jGraphql: counted.neo4jGraphql.bytes, rawCypher: counted.rawCypher.bytes };
        log(`${workload.key}: same answers from all three for ${count} parameter set(s); round trips ${JSON.stringify(result.roundTrips)}; bytes from Neo4j ${JSON.stringify(result.neo4jBytes)}`);
        if (values.trace) {
          proxy.reset();
          await clients.ours.request(workload.ours(paramFor(workload, 99, 'tr')).query, workload.ours(paramFor(workload, 99, 'tr')).variables, writeHeaders(workload));
          for (const statement of proxy.statements()) log(`  ours ran: ${statement.replace(/\s+/g, ' ').slice(0, 2000)}`);
        }
      } catch (error) {
        result.error = (error as Error).message;
        log(`${workload.key}: FAILED: ${result.error}`);
      } finally {
        if (workload.write) await removeWrites(connection, manualSourceExisted);
      }
    }
    clients.ours.close();
    clients.neo4jGraphql.close();
    await rawProxied.close();
    await stopServers();
    cleanup.delete(stopServers);
    await proxy.close();
    cleanup.delete(closeProxy);

    // ---- phase 2: throughput and latency, straight on Neo4j ----
    log('restarting the servers straight on Neo4j for the measurements');
    [ours, theirs] = await Promise.all([startOurs(connection.uri, { apiDir, nodeArgs, executor }), startTheirs(connection.uri, { nodeArgs, executor })]);
    cleanup.add(stopServers);
    clients = graphqlClients(ours, theirs, Math.max(...concurrencies));
    // The embedded Neo4j's JVM (a child of this process), for its CPU time per request; none with BENCH_NEO4J_URI.
    const neo4jPid = childPid(process.pid, 'Launcher');
    /** One measured run of `send`: the load, the CPU per request of `serverPid`, Neo4j and this process, and its log line. */
    const measure = async (send: Send, concurrency: number, serverPid: number | undefined, label: string): Promise<TargetResult> => {
      sampleLoad();
      const pids = { server: serverPid, neo4j: neo4jPid };
      const before = { server: pids.server && cpuSeconds(pids.server), neo4j: pids.neo4j && cpuSeconds(pids.neo4j), bench: process.cpuUsage() };
      const load = await runLoad(send, { concurrency, warmupMs, durationMs, minRequests, maxDurationMs });
      const cpu = cpuPerRequest(load, warmupMs + load.windowMs, pids, before);
      sampleLoad();
      log(
        `${label}: ${load.throughput.toFixed(1)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms` +
          `${load.errors ? `, ${load.errors} ERRORS (${load.firstError})` : ''}${load.wrongAnswers ? `, ${load.wrongAnswers} WRONG ANSWERS (${load.firstError})` : ''}`,
      );
      return { ...toTargetResult(load), cpuMsPerRequest: cpu };
    };
    const measured = workloads.filter((w) => results.find((r) => r.key === w.key)!.equal);
    // The scored workloads whose references were taken before the last write (see `Workload.scored`).
    const writtenSinceReferences = new Set<string>();
    /** A scored workload's references taken again if a write came since; false (the workload failed) when the three disagree, as a difference in phase 1 does. */
    const referencesCurrent = async (workload: Workload, result: WorkloadResult): Promise<boolean> => {
      if (!workload.scored || !writtenSinceReferences.has(workload.key)) return true;
      try {
        references.set(workload.key, await agreedReferences(workload, clients, direct));
        writtenSinceReferences.delete(workload.key);
        return true;
      } catch (error) {
        result.equal = false;
        result.error = (error as Error).message;
        log(`${workload.key}: FAILED: ${result.error}`);
        return false;
      }
    };
    for (const concurrency of concurrencies) {
      const roundsHere = concurrency === mainConcurrency ? rounds : sweepRounds;
      for (let round = 0; round < roundsHere; round++) {
        for (const [index, workload] of measured.entries()) {
          const result = results.find((r) => r.key === workload.key)!;
          const order = TARGETS.map((_, i) => TARGETS[(i + index + round) % TARGETS.length]!);
          for (const target of order) {
            const run = `c${concurrency}r${round}${target.slice(0, 1)}`;
            if (workload.write) await prepareWrites(direct);
            if (!(await referencesCurrent(workload, result))) continue;
            const send = sender(target, workload, references.get(workload.key) ?? [], run, checkEvery, clients, direct);
            const serverPid = target === 'ours' ? ours.pid : target === 'neo4jGraphql' ? theirs.pid : undefined;
            const figures = await measure(send, concurrency, serverPid, `c${concurrency} round ${round + 1}/${roundsHere} ${workload.key} ${target}`);
            if (workload.write) {
              await removeWrites(connection, manualSourceExisted);
              for (const scored of measured) if (scored.scored) writtenSinceReferences.add(scored.key);
            }
            ((result.runs[concurrency] ??= {} as Record<Target, TargetResult[]>)[target] ??= []).push(figures);
          }
        }
        log(`  rss: ours ${ours.rssMb()} MB (peak ${ours.peakRssMb()}), @neo4j/graphql ${theirs.rssMb()} MB (peak ${theirs.peakRssMb()})`);
      }
    }

    // ---- phase 3: the response cache, a separate row (our API restarted with RESPONSE_CACHE_MB; reads only) ----
    let responseCache: BenchResults['responseCache'];
    const cachedReads = measured.filter((w) => !w.write && results.find((r) => r.key === w.key)!.equal);
    if (responseCacheMb > 0 && cachedReads.length > 0) {
      log(`restarting our API with its response cache on (RESPONSE_CACHE_MB=${responseCacheMb}) for the separate row`);
      peak.ours = Math.max(peak.ours, ours.peakRssMb());
      clients.ours.close();
      await ours.stop();
      oursCaches = true;
      ours = await startOurs(connection.uri, { apiDir, nodeArgs, executor, responseCacheMb });
      clients = { ...clients, ours: new GraphqlClient(ours.url, Math.max(...concurrencies)) };
      responseCache = { megabytes: responseCacheMb, rounds: cacheRounds, peakRssMb: 0 };
      for (let round = 0; round < cacheRounds; round++) {
        for (const workload of cachedReads) {
          const result = results.find((r) => r.key === workload.key)!;
          if (!result.equal || !(await referencesCurrent(workload, result))) continue;
          // Repeated questions (the pool cycles: hits after the first pass), then never-repeated ones (every request a miss).
          for (const misses of [false, true]) {
            const send = sender('ours', workload, references.get(workload.key) ?? [], `cache${round}${misses ? 'm' : 'h'}`, checkEvery, clients, direct, misses);
            const label = `response cache round ${round + 1}/${cacheRounds} ${workload.key} ${misses ? 'never repeated (misses)' : 'repeated (hits)'}`;
            (misses ? (result.cacheMissRuns ??= []) : (result.cachedRuns ??= [])).push(await measure(send, mainConcurrency, ours.pid, label));
          }
        }
      }
      responseCache.peakRssMb = ours.peakRssMb();
    }
    clients.ours.close();
    clients.neo4jGraphql.close();
    await stopServers();
    cleanup.delete(stopServers);

    sampleLoad();
    const bench: BenchResults = summarise({
      generatedAt: new Date().toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
      settings: { scale, seed: DEFAULT_SEED, concurrencies, mainConcurrency, rounds, sweepRounds, responseCacheMb, warmupSeconds: warmupMs / 1000, durationSeconds: durationMs / 1000, minRequests, maxDurationSeconds: maxDurationMs / 1000, poolSize, checkEvery, quick, executor },
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
      peakRssMb: peak.ours,
      neo4jGraphqlPeakRssMb: peak.theirs,
      ...(responseCache ? { responseCache } : {}),
      totalSeconds: Math.round((Date.now() - started) / 1000),
    });
    if (values.out) {
      writeFileSync(resolve(values.out), `${JSON.stringify(bench, null, 2)}\n`);
      log(`wrote ${resolve(values.out)} (bench/README.md left alone)`);
    } else if (!values['no-write']) {
      mkdirSync(dirname(RESULTS_FILE), { recursive: true });
      writeFileSync(RESULTS_FILE, `${JSON.stringify(bench, null, 2)}\n`);
      writeFileSync(README_FILE, renderReadme(readFileSync(README_FILE, 'utf8'), bench));
      log(`wrote ${RESULTS_FILE} and the table in ${README_FILE}`);
    }
    process.stdout.write(`${JSON.stringify(bench.summary, null, 2)}\n`);
    if (!bench.summary.passed) log(`THE RUN FAILED: ${bench.summary.failures.join('; ')}`);
    return bench.summary.passed ? 0 : 1;
  } finally {
    for (const step of [...cleanup].reverse()) await step().catch(() => undefined);
  }
}

function graphqlClients(ours: ServerProcess, theirs: ServerProcess, maxSockets: number) {
  return { ours: new GraphqlClient(ours.url, maxSockets), neo4jGraphql: new GraphqlClient(theirs.url, maxSockets) };
}

const writeHeaders = (workload: Workload): Record<string, string> => (workload.write ? { authorization: `Bearer ${WRITE_TOKEN}` } : {});

/** The parameters of request `n`: the pool in turn (reads), fresh ones (writes). */
function paramFor(workload: Workload, n: number, run: string): any {
  return workload.write ? workload.fresh!(n, run) : workload.pool[n % workload.pool.length];
}

/**
 * One client's request function for a workload: request `i` takes the `i`-th parameters; every
 * `checkEvery`-th answer (the first included) is brought to canonical form and compared with the reference
 * (writes: with what the parameters imply). Unchecked answers are only searched for `"errors"`.
 */
function sender(
  target: Target,
  workload: Workload,
  refs: string[],
  run: string,
  checkEvery: number,
  clients: ReturnType<typeof graphqlClients>,
  raw: Driver,
  /** Every request a different document to a response cache: an extra variable the operation ignores, numbered per request. */
  neverRepeat = false,
): Send {
  const reference = (i: number, p: unknown) => (workload.write ? canonical(workload.expected!(p)) : refs[i % refs.length]!);
  const compare = (i: number, p: unknown, answer: string) => {
    const expected = reference(i, p);
    if (answer !== expected) throw new WrongAnswer(`wrong answer from ${target} on ${workload.key}, request ${i}: ${firstDifference(expected, answer)}`);
  };
  if (target === 'rawCypher') {
    return async (i) => {
      const p = paramFor(workload, i, run);
      const rows = await runRaw(raw, workload, p);
      if (i % checkEvery === 0) compare(i, p, canonical(workload.fromRaw(rows, p)));
    };
  }
  const client = target === 'ours' ? clients.ours : clients.neo4jGraphql;
  const build = target === 'ours' ? workload.ours : workload.theirs;
  const from = target === 'ours' ? workload.fromOurs : workload.fromTheirs;
  const headers = target === 'ours' ? writeHeaders(workload) : {};
  // Read bodies are prepared once per parameter set; the client's work per request stays small.
  const bodies = workload.pool.map((p) => JSON.stringify(build(p)));
  return async (i) => {
    const p = paramFor(workload, i, run);
    const body = workload.write ? JSON.stringify(build(p)) : neverRepeat ? JSON.stringify(numbered(build(p), `${run}-${i}`)) : bodies[i % bodies.length]!;
    const text = await client.post(body, headers);
    if (i % checkEvery === 0) compare(i, p, canonical(from(parseAnswer(text).data, p)));
    else if (text.includes('"errors"')) throw new Error(`GraphQL errors: ${text.slice(0, 300)}`);
  };
}

/**
 * `request` with one more variable, `benchRequest`, that its operation does not declare: GraphQL ignores it, a
 * response cache keys on every variable sent, so each request is a miss (the parsed document stays cached).
 */
function numbered(request: { query: string; variables: Record<string, unknown> }, id: string) {
  return { ...request, variables: { ...request.variables, benchRequest: id } };
}

/**
 * Runs a workload's Cypher the cheapest way known: one auto-commit statement (`session.run`: RUN and PULL
 * in one write, no BEGIN and COMMIT), records as plain objects. A managed transaction (`executeQuery`,
 * `executeRead`, what @neo4j/graphql and our API use) measured about half as fast on this machine
 * (filtered page at scale 0.1, concurrency 8: 192 vs 429 requests/s), so the floor uses auto-commit.
 */
/**
 * The reference answers of a read workload taken again: every parameter set asked of the three clients, which
 * must agree (else the workload fails, as in phase 1); the agreed answers are the new references.
 */
async function agreedReferences(workload: Workload, clients: ReturnType<typeof graphqlClients>, direct: Driver): Promise<string[]> {
  const refs: string[] = [];
  for (const p of workload.pool) {
    const [ours, theirs, raw] = await Promise.all([
      clients.ours.request(workload.ours(p).query, workload.ours(p).variables).then((r) => canonical(workload.fromOurs(r.data, p))),
      clients.neo4jGraphql.request(workload.theirs(p).query, workload.theirs(p).variables).then((r) => canonical(workload.fromTheirs(r.data, p))),
      runRaw(direct, workload, p).then((rows) => canonical(workload.fromRaw(rows, p))),
    ]);
    for (const [target, answer] of [['ours', ours], ['neo4jGraphql', theirs]] as const) {
      if (answer !== raw) throw new Error(`${target} answers differently (references taken again after the writes) for parameters ${JSON.stringify(p).slice(0, 200)} ${firstDifference(raw, answer)}`);
    }
    refs.push(raw);
  }
  return refs;
}

async function runRaw(driver: Driver, workload: Workload, p: unknown): Promise<Record<string, unknown>[]> {
  const { cypher, params, write, finish, steps } = workload.raw(p);
  const session = driver.session({ database: 'neo4j', defaultAccessMode: write ? neo4j.session.WRITE : neo4j.session.READ });
  try {
    if (steps) return await steps(async (statement, values) => (await session.run(statement, values)).records.map((record) => record.toObject()));
    const result = await session.run(cypher, params);
    const records = result.records.map((record) => record.toObject());
    return finish ? finish(records) : records;
  } finally {
    await session.close();
  }
}

/**
 * The three clients must have written the same: for the cases each wrote while its answers were checked,
 * the node's property names and flag, and each relationship's type, property names, flag, source and
 * writer. Throws (failing the workload) naming the first difference. Values that differ by nature (ids,
 * titles, timestamps) are left out; which properties exist is not.
 */
async function sameWrites(connection: Connection): Promise<void> {
  const written = await Promise.all(
    TARGETS.map(async (target) => {
      const rows = await connection.db.read(
        `MATCH (c:Case) WHERE c.id STARTS WITH $prefix
         RETURN keys(c) AS keys, c.synthetic AS synthetic,
                [(c)-[r]-() | [type(r), keys(r), r.synthetic, r.sourceId, r.by]] AS rels`,
        { prefix: `${WRITE_PREFIX}check${target.slice(0, 1)}-` },
      );
      const rels = (row: Record<string, unknown>) => (row.rels as unknown[][]).map(([type, keys, ...rest]) => [type, [...(keys as string[])].sort(), ...rest]);
      const byText = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
      return rows
        .map((row) => ({ keys: [...(row.keys as string[])].sort(), synthetic: row.synthetic, rels: rels(row).sort(byText) }))
        .sort(byText);
    }),
  );
  if (written[0]!.length === 0) throw new Error('the writes left nothing to compare');
  for (const [t, target] of TARGETS.entries()) {
    if (JSON.stringify(written[t]) !== JSON.stringify(written[0])) {
      throw new Error(`${target} writes differently from ours: ${firstDifference(JSON.stringify(written[0]), JSON.stringify(written[t]))}`);
    }
  }
}

/**
 * Statements (Bolt RUN messages) per request, and bytes Neo4j sent for it: one warm request first, then
 * the largest of three.
 */
async function countRoundTrips(proxy: BoltProxy, request: (n: number) => Promise<unknown>): Promise<{ runs: number; bytes: number }> {
  await request(1000);
  let runs = 0;
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    proxy.reset();
    await request(1001 + i);
    runs = Math.max(runs, proxy.counts().runs);
    bytes = Math.max(bytes, proxy.counts().bytesFromServer);
  }
  return { runs, bytes };
}

/**
 * CPU milliseconds per request over the whole run (warm-up included, divided by the requests answered in
 * it, estimated from the measured window's rate): the server's (ours or theirs; none for raw Cypher, whose
 * driver runs here), Neo4j's, and this process's (the load generator, and for raw Cypher its driver).
 */
function cpuPerRequest(
  load: LoadResult,
  runMs: number,
  pids: { server?: number; neo4j?: number },
  before: { server?: number | 0; neo4j?: number | 0; bench: NodeJS.CpuUsage },
): { server: number | null; neo4j: number | null; bench: number } {
  const requests = load.throughput * (runMs / 1000);
  const per = (seconds: number | undefined) => (seconds === undefined || requests <= 0 ? null : Math.round(((seconds * 1000) / requests) * 100) / 100);
  const delta = (pid: number | undefined, from: number | 0 | undefined) => {
    if (!pid || typeof from !== 'number') return undefined;
    const now = cpuSeconds(pid);
    return now === undefined ? undefined : now - from;
  };
  const bench = process.cpuUsage(before.bench);
  return { server: per(delta(pids.server, before.server)), neo4j: per(delta(pids.neo4j, before.neo4j)), bench: per((bench.user + bench.system) / 1e6) ?? 0 };
}

function toTargetResult(load: LoadResult): TargetResult {
  return {
    throughput: Math.round(load.throughput * 10) / 10,
    p50Ms: load.p50Ms,
    p99Ms: load.p99Ms,
    meanMs: load.meanMs,
    requests: load.requests,
    windowS: Math.round(load.windowMs / 100) / 10,
    errors: load.errors,
    wrongAnswers: load.wrongAnswers,
    ...(load.firstError ? { firstError: load.firstError } : {}),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
