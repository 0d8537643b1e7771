import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from '../../src/import/generate.js';
import { createLogger } from '../../src/logger.js';
import { GraphqlClient, parseAnswer, runLoad } from './load.js';
import { childPid, cpuSeconds, type ServerProcess } from './processes.js';
import { median } from './report.js';
import { ensureDataset, log, openBenchDatabase, rawDriver, ROOT, startOurs, WRITE_TOKEN } from './setup.js';
import { buildWorkloads, canonical, firstDifference, manualSourceExists, prepareWrites, removeWrites, type Workload } from './workloads.js';

/**
 * `npm run bench:ab -- --a DIR [--b DIR] --only key[,key] [--scale S] [--rounds R] [--duration S] [--warmup S]
 *   [--concurrency C]`
 *
 * Before and after a change of ours, on one warm Neo4j: two builds of our API (A from DIR, e.g. a
 * `git worktree` of the commit before the change; B from this tree unless `--b`) run side by side on the
 * bench database of the scale (loaded first if it is not there, as `npm run bench` does), and each
 * workload is sent to one build, then the other, `rounds` times (the order alternating), at `concurrency`
 * closed-loop clients for `duration` seconds, after a shared warm-up of `warmup` seconds each. Reported per
 * workload: the median throughput, server CPU and Neo4j CPU per request of each build, and the median (min–max)
 * of the per-round ratio B ÷ A.
 *
 * Why next to `npm run bench`: there, a before/after means two runs, each with its own Neo4j start and its
 * own warm-up, and a write's cost in Neo4j falls by half or more over a run as its write path warms (create +
 * link 20–40 → 6–10 ms per request), which buries a change of a few per cent. Here both builds meet the same
 * Neo4j, warmed once, in alternating windows. Answers are compared before timing (every read parameter set,
 * B's against A's; a write's against what its parameters imply); a failure or a difference stops the run.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      a: { type: 'string' },
      b: { type: 'string' },
      only: { type: 'string' },
      scale: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '10' },
      duration: { type: 'string', default: '4' },
      warmup: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '8' },
    },
  });
  const [scale, rounds, durationMs, warmupMs, concurrency] = [Number(values.scale), Number(values.rounds), Number(values.duration) * 1000, Number(values.warmup) * 1000, Number(values.concurrency)];
  if (!values.a || !values.only || !(rounds >= 1) || !(durationMs > 0) || !(warmupMs >= 0) || !Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error('usage: npm run bench:ab -- --a DIR [--b DIR] --only key[,key] [--scale S] [--rounds R] [--duration S] [--warmup S] [--concurrency C]');
  }
  const only = values.only.split(',').map((key) => key.trim());
  const dirs = { A: resolve(values.a), B: values.b ? resolve(values.b) : ROOT };
  log(`A = ${dirs.A}, B = ${dirs.B}; scale ${scale}, ${rounds} rounds of ${durationMs / 1000} s per build, concurrency ${concurrency}`);

  const connection = await openBenchDatabase(scale, createLogger('warn'));
  await ensureDataset(connection, scale, false);
  const direct = rawDriver(connection.uri);
  const servers: ServerProcess[] = [];
  const manualSourceExisted = await manualSourceExists(direct);
  let wrote = false;
  try {
    // One after the other: a build that does not start must not leave the other one running.
    for (const dir of [dirs.A, dirs.B]) servers.push(await startOurs(connection.uri, { apiDir: dir }));
    const builds = { A: servers[0]!, B: servers[1]! };
    const clients = { A: new GraphqlClient(builds.A.url, Math.max(64, concurrency)), B: new GraphqlClient(builds.B.url, Math.max(64, concurrency)) };
    // The embedded Neo4j's JVM, for its CPU time per request (none with BENCH_NEO4J_URI: its column is then NaN).
    const neo4jPid = childPid(process.pid, 'Launcher');
    const ask = (r: { query: string; variables: Record<string, unknown> }) => clients.A.request(r.query, r.variables);
    const workloads = (await buildWorkloads(direct, { size: 16, seed: DEFAULT_SEED }, { ours: ask })).filter((w) => only.includes(w.key));
    const unknown = only.filter((key) => !workloads.some((w) => w.key === key));
    if (unknown.length > 0) throw new Error(`--only: no workload ${unknown.join(', ')}`);

    for (const workload of workloads) {
      if (workload.write) {
        wrote = true;
        await prepareWrites(direct);
      }
      const headers = workload.write ? { authorization: `Bearer ${WRITE_TOKEN}` } : undefined;
      // Reads cycle through the pool; writes number their requests (fresh ids, `WRITE_PREFIX`, removed at the end).
      let sent = 0;
      const params = (n: number) => (workload.write ? workload.fresh!(n, 'ab') : workload.pool[n % workload.pool.length]);
      const post = (build: Build, n: number) => clients[build].post(JSON.stringify(workload.ours(params(n))), headers);
      await sameAnswers(workload, async (build, n) => canonical(workload.fromOurs(parseAnswer(await post(build, n)).data, params(n))), () => sent++);
      const send = (build: Build) => async () => {
        const text = await post(build, sent++);
        if (text.includes('"errors"')) throw new Error(`GraphQL errors from ${build}: ${text.slice(0, 300)}`);
      };
      for (const build of BUILDS) await runLoad(send(build), { concurrency, warmupMs: 0, durationMs: Math.max(1, warmupMs) });
      const measured: Record<Build, Window[]> = { A: [], B: [] };
      for (let round = 0; round < rounds; round++) {
        for (const build of round % 2 === 0 ? BUILDS : [...BUILDS].reverse()) {
          // A second of this build's load before its window, so that the window does not start on the other build's tail.
          await runLoad(send(build), { concurrency, warmupMs: 0, durationMs: 1000 });
          const pid = builds[build].pid;
          const before = { server: cpuSeconds(pid), neo4j: neo4jPid ? cpuSeconds(neo4jPid) : undefined };
          const load = await runLoad(send(build), { concurrency, warmupMs: 0, durationMs });
          const after = { server: cpuSeconds(pid), neo4j: neo4jPid ? cpuSeconds(neo4jPid) : undefined };
          if (load.errors > 0) throw new Error(`${workload.key}: ${load.errors} failed requests on ${build} (${load.firstError})`);
          const perRequest = (then?: number, now?: number) => (then !== undefined && now !== undefined && load.requests > 0 ? ((now - then) * 1000) / load.requests : NaN);
          const window = { throughput: load.throughput, serverMs: perRequest(before.server, after.server), neo4jMs: perRequest(before.neo4j, after.neo4j) };
          measured[build].push(window);
          log(`${workload.key} round ${round + 1}/${rounds} ${build}: ${load.throughput.toFixed(1)} req/s, CPU ms per request: server ${window.serverMs.toFixed(2)}, Neo4j ${window.neo4jMs.toFixed(2)}`);
        }
      }
      report(workload, measured);
    }
  } finally {
    if (wrote) await removeWrites(connection, manualSourceExisted).catch((error: unknown) => log(`could not remove the writes: ${String(error)}`));
    await Promise.all(servers.map((server) => server.stop()));
    await direct.close();
    await connection.close();
  }
}

type Build = 'A' | 'B';
const BUILDS: Build[] = ['A', 'B'];

interface Window {
  throughput: number;
  serverMs: number;
  neo4jMs: number;
}

/**
 * The two builds must answer alike before anything is timed: for a read, B's answer to every parameter set
 * against A's; for a write (each creates its own), each build's answer against what its parameters imply.
 */
async function sameAnswers(workload: Workload, answer: (build: Build, n: number) => Promise<string>, next: () => number): Promise<void> {
  if (workload.write) {
    for (const build of BUILDS) {
      const n = next();
      const [got, expected] = [await answer(build, n), canonical(workload.expected!(workload.fresh!(n, 'ab')))];
      if (got !== expected) throw new Error(`${workload.key}: ${build} answers differently from what its parameters imply: ${firstDifference(expected, got)}`);
    }
    return;
  }
  for (const n of workload.pool.keys()) {
    const [a, b] = [await answer('A', n), await answer('B', n)];
    if (a !== b) throw new Error(`${workload.key}: B answers differently from A: ${firstDifference(a, b)}`);
  }
}

function report(workload: Workload, measured: Record<Build, Window[]>): void {
  const ratios = measured.B.map((b, i) => b.throughput / measured.A[i]!.throughput);
  const fmt = (xs: number[]) => median(xs).toFixed(2);
  const line = (build: Build) =>
    `${build}: ${median(measured[build].map((w) => w.throughput)).toFixed(1)} req/s, CPU ms per request server ${fmt(measured[build].map((w) => w.serverMs))} + Neo4j ${fmt(measured[build].map((w) => w.neo4jMs))}`;
  log(
    `${workload.key} (medians of ${ratios.length} rounds) ${line('A')} · ${line('B')} · B ÷ A ${median(ratios).toFixed(2)}× ` +
      `(${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
