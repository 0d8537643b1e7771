import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from '../../src/import/generate.js';
import { createLogger } from '../../src/logger.js';
import { GraphqlClient, parseAnswer, runOpenLoop, WrongAnswer, type OpenLoopResult, type Send } from '../src/load.js';
import { cpuSeconds } from '../src/processes.js';
import { BENCH_DIR, ensureDataset, log, openBenchDatabase, rawDriver, startOurs } from '../src/setup.js';
import { buildWorkloads, canonical, firstDifference, type Workload } from '../src/workloads.js';

/**
 * `npm run load [-- --scale 1] [--rates 25,50,100,…] [--duration 20] [--warmup 5] [--pool 32] [--check-every 7]
 *   [--no-write] [--exclude key,key]`
 *
 * Open-loop load test of our API on the bench graph of `--scale` (default 1; the same store and loading as
 * `npm run bench`). The API runs as `npm start` runs it (its own process, NODE_ENV=production). The mix
 * (MIX below) takes the benchmark's read workloads with their parameters drawn from the data (varied ids,
 * words, pairs). Each rate in `--rates` is held for `--warmup` + `--duration` seconds: requests are sent on
 * schedule whatever the answers do, so p99 includes queueing. Every `--check-every`-th answer is compared
 * with the answer our API gave for the same parameters before the test. The rates are tried in increasing
 * order until one fails (p99 ≥ 250 ms, or any error or wrong answer); the result is the highest rate that held.
 * Writes bench/load/results/latest.json and the table in bench/README.md.
 */

/** Requests per cycle of the mix, by benchmark workload (reads only: writes would change the answers checked). */
const MIX: Record<string, number> = {
  pointLookup: 4,
  filteredPage: 3,
  nameContains: 3,
  neighbourhood: 2,
  search: 2,
  searchCases: 2,
  shortestPath: 1,
  similarMunicipalities: 1,
  sharedPractices: 1,
  cooccurrence: 1,
  nestedList: 1,
};
/** The nested read of the mix: 6 municipalities (the research query), not the benchmark's 50. */
const NESTED_MUNICIPALITIES = 6;
const P99_LIMIT_MS = 250;
const RESULTS_FILE = join(BENCH_DIR, 'load', 'results', 'latest.json');
const README_FILE = join(BENCH_DIR, 'README.md');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      rates: { type: 'string', default: '25,50,75,100,150,200,250,300,400' },
      duration: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '5' },
      pool: { type: 'string', default: '32' },
      'check-every': { type: 'string', default: '7' },
      'no-write': { type: 'boolean', default: false },
      exclude: { type: 'string' },
    },
    strict: true,
  });
  const scale = Number(values.scale);
  const rates = values.rates.split(',').map(Number);
  const durationMs = Number(values.duration) * 1000;
  const warmupMs = Number(values.warmup) * 1000;
  const checkEvery = Number(values['check-every']);
  const loadSamples: number[] = [os.loadavg()[0]!];
  // Workloads left out of the mix (to see what one of them costs the rest); the report names them.
  const excluded = new Set(values.exclude?.split(',').map((k) => k.trim()) ?? []);

  const connection = await openBenchDatabase(scale, createLogger('warn'));
  const raw = rawDriver(connection.uri);
  let api: Awaited<ReturnType<typeof startOurs>> | undefined;
  try {
    const dataset = await ensureDataset(connection, scale, false);
    api = await startOurs(connection.uri);
    const client = new GraphqlClient(api.url, 10_000);
    const workloads = (await buildWorkloads(raw, { size: Number(values.pool), seed: DEFAULT_SEED + 1, nestedMunicipalities: NESTED_MUNICIPALITIES }, { ours: (r) => client.request(r.query, r.variables) })).filter(
      (w) => (MIX[w.key] ?? 0) > 0 && !excluded.has(w.key),
    );
    // References: our own answers before the load (the comparison with the other two is `npm run bench`'s).
    const senders = new Map<string, Send>();
    for (const w of workloads) {
      const bodies = w.pool.map((p) => JSON.stringify(w.ours(p)));
      const refs: string[] = [];
      for (const [i, body] of bodies.entries()) refs.push(canonical(w.fromOurs(parseAnswer(await client.post(body)).data, w.pool[i])));
      senders.set(w.key, async (i) => {
        const text = await client.post(bodies[i % bodies.length]!);
        if (i % checkEvery === 0) {
          const answer = canonical(w.fromOurs(parseAnswer(text).data, w.pool[i % bodies.length]));
          if (answer !== refs[i % refs.length]) throw new WrongAnswer(`${w.key}: ${firstDifference(refs[i % refs.length]!, answer)}`);
        } else if (text.includes('"errors"')) throw new Error(`${w.key}: GraphQL errors: ${text.slice(0, 300)}`);
      });
      log(`${w.key}: ${w.pool.length} parameter sets, reference answers taken`);
    }
    const sequence = mixedSequence(workloads);
    const counters = new Map<string, number>();
    const send: Send = (i) => {
      const w = sequence[i % sequence.length]!;
      const n = counters.get(w.key) ?? 0;
      counters.set(w.key, n + 1);
      return senders.get(w.key)!(n);
    };

    const steps: Array<OpenLoopResult & { passed: boolean; cpuCores: { api: number | null } }> = [];
    for (const rate of rates) {
      loadSamples.push(os.loadavg()[0]!);
      const cpuBefore = cpuSeconds(api.pid);
      const result = await runOpenLoop(send, { rate, warmupMs, durationMs, timeoutMs: 10_000 });
      const cpuAfter = cpuSeconds(api.pid);
      loadSamples.push(os.loadavg()[0]!);
      const passed = result.errors === 0 && result.wrongAnswers === 0 && result.p99Ms < P99_LIMIT_MS && result.requests > 0;
      const cores = cpuBefore === undefined || cpuAfter === undefined ? null : Math.round(((cpuAfter - cpuBefore) / ((warmupMs + durationMs) / 1000)) * 100) / 100;
      steps.push({ ...result, passed, cpuCores: { api: cores } });
      log(
        `${rate} req/s offered: ${result.throughput.toFixed(1)} answered/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
          `errors ${result.errors}, wrong ${result.wrongAnswers}, max in flight ${result.maxInFlight}, API CPU ${cores ?? '?'} cores: ${passed ? 'held' : 'NOT held'}${result.firstError ? ` (${result.firstError.slice(0, 200)})` : ''}`,
      );
      if (!passed) break;
    }
    const held = steps.filter((s) => s.passed).map((s) => s.rate);
    const report = {
      measuredAt: new Date().toISOString(),
      command: `npm run load -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
      settings: { scale, rates, warmupSeconds: warmupMs / 1000, durationSeconds: durationMs / 1000, checkEvery, p99LimitMs: P99_LIMIT_MS, timeoutMs: 10_000 },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
        loadAverage1m: { min: r2(Math.min(...loadSamples)), max: r2(Math.max(...loadSamples)), mean: r2(loadSamples.reduce((s, x) => s + x, 0) / loadSamples.length) },
      },
      dataset,
      mix: workloads.map((w) => ({ key: w.key, weight: MIX[w.key], parameterSets: w.pool.length })),
      steps,
      highestRateHeld: held.length ? Math.max(...held) : null,
      apiPeakRssMb: api.peakRssMb(),
    };
    if (!values['no-write']) {
      mkdirSync(join(BENCH_DIR, 'load', 'results'), { recursive: true });
      writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(README_FILE, renderLoad(readFileSync(README_FILE, 'utf8'), report));
      log(`wrote ${RESULTS_FILE} and the load table in ${README_FILE}`);
    }
    process.stdout.write(`highest rate held (p99 < ${P99_LIMIT_MS} ms, 0 errors, 0 wrong answers): ${report.highestRateHeld ?? 'none'} req/s\n`);
    return report.highestRateHeld === null ? 1 : 0;
  } finally {
    await api?.stop();
    await raw.close();
    await connection.close();
  }
}

/** The mix in the order it is cycled through: weights spread out, not in runs. */
function mixedSequence(workloads: Workload[]): Workload[] {
  const sequence: Workload[] = [];
  const maxWeight = Math.max(...workloads.map((w) => MIX[w.key] ?? 0));
  for (let round = 0; round < maxWeight; round++) for (const w of workloads) if ((MIX[w.key] ?? 0) > round) sequence.push(w);
  return sequence;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

const START = '<!-- load-results:start -->';
const END = '<!-- load-results:end -->';

function renderLoad(readme: string, report: any): string {
  const lines = [
    `Measured ${report.measuredAt.slice(0, 16).replace('T', ' ')} UTC with \`${report.command}\`: scale ${report.settings.scale} (${report.dataset.nodes.toLocaleString('en')} nodes), ` +
      `open loop, each rate ${report.settings.warmupSeconds} s warm-up + ${report.settings.durationSeconds} s measured; 1-minute load average ${report.machine.loadAverage1m.min}–${report.machine.loadAverage1m.max} ` +
      `(mean ${report.machine.loadAverage1m.mean}) on ${report.machine.cpus} cores. **Highest rate held (p99 < 250 ms, 0 errors, 0 wrong answers): ${report.highestRateHeld ?? 'none'} req/s.** API peak RSS ${report.apiPeakRssMb} MB.`,
    '',
    '| offered req/s | answered req/s | p50 ms | p99 ms | errors | wrong answers | most in flight | API CPU (cores) | held |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...report.steps.map(
      (s: any) =>
        `| ${s.rate} | ${s.throughput.toFixed(1)} | ${s.p50Ms} | ${s.p99Ms} | ${s.errors} | ${s.wrongAnswers} | ${s.maxInFlight} | ${s.cpuCores.api ?? '?'} | ${s.passed ? 'yes' : '**no**'} |`,
    ),
  ];
  const section = `${START}\n${lines.join('\n')}\n${END}`;
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from === -1 || to === -1) return `${readme.trimEnd()}\n\n${section}\n`;
  return readme.slice(0, from) + section + readme.slice(to + END.length);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
