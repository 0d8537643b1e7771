import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { checkWorkload, mixedSequence, WORKLOAD } from './workload.js';

/**
 * `npm run load [-- --duration 60 --connections 50 --warmup 10]`: the API as `npm start` runs it
 * (src/main.ts in its own process, NODE_ENV=production, its own embedded Neo4j on a throw-away store that
 * it seeds on start; NEO4J_URI, when set, is used instead), driven by autocannon with the mixed read
 * workload of workload.ts: `--warmup` seconds not measured, then `--duration` seconds at `--connections`
 * connections. Reports throughput, latency p50/p99, errors (connection errors, timeouts, non-2xx answers
 * and answers carrying GraphQL errors) and the machine's load average; writes bench/load/results/latest.json.
 * Exits 1 when any request failed. Target: zero errors, p99 under 250 ms.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = join(ROOT, 'bench', 'load', 'results');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux; undefined elsewhere). The clock
 * tick is 100 Hz on Linux for every architecture Node supports.
 */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The pid of `parent`'s child process whose command line contains `needle` (the embedded Neo4j's JVM). */
function childPid(parent: number | undefined, needle: string): number | undefined {
  if (parent === undefined) return undefined;
  try {
    for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.split(') ')[1]!.split(' ')[1]) !== parent) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) return Number(entry);
    }
  } catch {
    // not Linux: no CPU figures
  }
  return undefined;
}

async function main(): Promise<void> {
  const duration = option('duration', 60);
  const connections = option('connections', 50);
  const warmup = option('warmup', 10);
  const dataDir = mkdtempSync(join(os.tmpdir(), 'practice-graph-load-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;

  process.stderr.write(`starting the API (src/main.ts, NODE_ENV=production) on ${url} with ${process.env.NEO4J_URI ? process.env.NEO4J_URI : 'its own embedded Neo4j'} …\n`);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      LOG_LEVEL: 'info',
      NEO4J_EMBEDDED_PORT: String(await freePort()),
      NEO4J_EMBEDDED_DATA: dataDir,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolveExit) => server.once('exit', (code) => resolveExit(code)));
  let log = '';
  try {
    await new Promise<void>((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error(`the API did not get ready within 5 minutes:\n${log.slice(-3000)}`)), 300_000);
      server.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        log += chunk;
        if (/"message":"ready"/.test(log)) {
          clearTimeout(timer);
          resolveReady();
        }
      });
      void exited.then((code) => reject(new Error(`the API exited with ${code}:\n${log.slice(-3000)}`)));
    });
    await checkWorkload(url);

    let graphqlErrors = 0;
    const sequence = mixedSequence().map((request) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
      onResponse: (_status: number, body: string) => {
        if (body.includes('"errors"')) graphqlErrors++;
      },
    }));

    process.stderr.write(`warming up for ${warmup} s …\n`);
    await autocannon({ url, connections, duration: warmup, requests: sequence, timeout: 10 });
    graphqlErrors = 0;

    process.stderr.write(`measuring ${duration} s at ${connections} connections …\n`);
    const load: number[] = [];
    const sampler = setInterval(() => load.push(os.loadavg()[0]!), 5_000);
    const loadBefore = os.loadavg()[0]!;
    const neo4jPid = childPid(server.pid, 'Launcher');
    const cpuBefore = { api: cpuSeconds(server.pid), neo4j: cpuSeconds(neo4jPid), generator: process.cpuUsage() };
    const result = await autocannon({ url, connections, duration, requests: sequence, timeout: 10 });
    clearInterval(sampler);
    const generatorCpu = process.cpuUsage(cpuBefore.generator);
    const share = (before: number | undefined, after: number | undefined) =>
      before === undefined || after === undefined ? null : round((after - before) / duration);
    // CPU used during the measured window, in cores (1 = one core busy the whole time).
    const cores = {
      api: share(cpuBefore.api, cpuSeconds(server.pid)),
      neo4j: share(cpuBefore.neo4j, cpuSeconds(neo4jPid)),
      loadGenerator: round((generatorCpu.user + generatorCpu.system) / 1e6 / duration),
    };

    const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    const report = {
      measuredAt: new Date().toISOString(),
      command: `npm run load -- --duration ${duration} --connections ${connections} --warmup ${warmup}`,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
        loadAverage1m: { before: round(loadBefore), duringMax: round(Math.max(loadBefore, ...load)), duringMean: round(mean(load)), after: round(os.loadavg()[0]!) },
      },
      workload: WORKLOAD.map(({ name, weight }) => ({ name, weight })),
      requests: result.requests.total,
      throughputPerSecond: round(result.requests.average),
      cpuCoresUsed: cores,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: round(result.latency.mean) },
      errors: { total: errors, connection: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors },
      target: { zeroErrors: errors === 0, p99Under250ms: result.latency.p99 < 250 },
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      [
        `load test: ${report.command}`,
        `  ${report.requests} requests in ${duration} s: ${report.throughputPerSecond} req/s`,
        `  latency p50 ${report.latencyMs.p50} ms, p90 ${report.latencyMs.p90} ms, p99 ${report.latencyMs.p99} ms, max ${report.latencyMs.max} ms`,
        `  errors ${errors} (connection ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL ${graphqlErrors})`,
        `  machine: ${report.machine.cpus} × ${report.machine.cpuModel}, load average (1 min) before ${report.machine.loadAverage1m.before}, during ≤ ${report.machine.loadAverage1m.duringMax} (mean ${report.machine.loadAverage1m.duringMean})`,
        `  CPU used (cores): API ${cores.api ?? '?'}, Neo4j ${cores.neo4j ?? '?'}, autocannon ${cores.loadGenerator}`,
        `  target (0 errors, p99 < 250 ms): ${report.target.zeroErrors && report.target.p99Under250ms ? 'met' : 'NOT met'}`,
        `  written to bench/load/results/latest.json`,
        '',
      ].join('\n'),
    );
    process.exitCode = errors === 0 ? 0 : 1;
  } finally {
    // The same clean shutdown as `npm start` on SIGTERM: drain, close the driver, stop Neo4j.
    if (server.exitCode === null) server.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) process.stderr.write(`the API exited with ${code}:\n${log.slice(-2000)}\n`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0);
const round = (value: number) => Math.round(value * 100) / 100;

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
