import type { BenchmarkFixtures } from '../../src/import/generate.js';
import type { DatasetInfo } from './setup.js';

export type Target = 'ours' | 'neo4jGraphql' | 'rawCypher';

/** One client's figures on one workload in one round. */
export interface TargetResult {
  /** Requests per second over the measured window. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Requests completed in the measured window. */
  requests: number;
  /** The measured window in seconds: --duration, or longer when it grew to count --min-requests answers. */
  windowS?: number;
  errors: number;
  /** Checked answers that differed from the reference. */
  wrongAnswers: number;
  firstError?: string;
  /** CPU milliseconds per request: the server process (null for raw Cypher), Neo4j's JVM, the benchmark process. */
  cpuMsPerRequest?: { server: number | null; neo4j: number | null; bench: number };
}

/** A ratio over the rounds: the median, the spread, and each round's value. */
export interface RatioStats {
  median: number;
  min: number;
  max: number;
  perRound: number[];
}

export interface WorkloadResult {
  key: string;
  title: string;
  kind: 'read' | 'write';
  /** Bulk import: rows written per request (rows/s = requests/s × this). */
  rowsPerRequest?: number;
  /** Parameter sets the reads cycle through (0 for writes: fresh parameters per request). */
  poolSize: number;
  /** All three gave the same answer for every parameter set before the timing. */
  equal: boolean;
  /** Mean size of the canonical answer. */
  answerBytes?: number;
  error?: string;
  /** Cypher statements per request (Bolt RUN messages through the counting proxy). */
  roundTrips: Record<Target, number>;
  /** Bytes Neo4j sent per request (through the counting proxy). */
  neo4jBytes: Record<Target, number>;
  /** Per concurrency, per client, one result per round. */
  runs: Record<number, Record<Target, TargetResult[]>>;
  /** Filled by `summarise`. */
  status?: 'ok' | 'failed';
  /** Median throughput per client at the main concurrency. */
  medianThroughput?: Record<Target, number>;
  ratioVsNeo4jGraphql?: RatioStats;
  ratioVsRawCypher?: RatioStats;
  /** Median ratios per concurrency (the sweep). */
  sweep?: Record<number, { vsNeo4jGraphql: number; vsRawCypher: number }>;
  /** Reads only: our API with its response cache on, at the main concurrency, one result per cache round: the pool repeated (hits). */
  cachedRuns?: TargetResult[];
  /** The same server, every request a new key (misses: what the version read costs a question asked once). */
  cacheMissRuns?: TargetResult[];
  /**
   * Filled by `summarise`: the cached median throughput ÷ the medians of the main run (a separate row), and the
   * misses' ÷ our uncached median.
   */
  cached?: { throughput: number; vsNeo4jGraphql: number; vsOursUncached: number; vsRawCypher: number; missThroughput?: number; missesVsOursUncached?: number };
}

export interface BenchResults {
  generatedAt: string;
  command: string;
  settings: {
    scale: number;
    seed: number;
    concurrencies: number[];
    mainConcurrency: number;
    rounds: number;
    sweepRounds: number;
    warmupSeconds: number;
    durationSeconds: number;
    /** A window grows by whole durations until it counts this many answers (absent before it existed: fixed windows). */
    minRequests?: number;
    maxDurationSeconds?: number;
    poolSize: number;
    checkEvery: number;
    quick: boolean;
    /** The executor both GraphQL servers ran (absent in results from before it was a setting: graphql-js). */
    executor?: string;
    /** `RESPONSE_CACHE_MB` of the response-cache row (0: no row; absent before the seventh session). */
    responseCacheMb?: number;
  };
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    neo4j: string;
    /** 1-minute load average sampled before and after every measured run (other processes included). */
    loadAverage1m: { min: number; max: number; mean: number };
  };
  dataset: DatasetInfo & { fixtures: BenchmarkFixtures };
  workloads: WorkloadResult[];
  /** Peak RSS of our API process (VmHWM), over both server runs. */
  peakRssMb: number;
  neo4jGraphqlPeakRssMb: number;
  /** The response-cache row's server: its cache size, rounds and peak RSS (not the headline's). */
  responseCache?: { megabytes: number; rounds: number; peakRssMb: number };
  totalSeconds: number;
  summary: Summary;
}

export interface Summary {
  /** Every workload answered alike (reference and every checked answer) with no failed request. */
  passed: boolean;
  failures: string[];
  /** Geometric mean over all workloads of the median ratio ours ÷ @neo4j/graphql (a workload without one counts 0). */
  ratioVsNeo4jGraphql: number;
  ratioVsRawCypher: number;
  worstVsNeo4jGraphql: { key: string; ratio: number } | null;
  /** Our statements per request on the nested read. */
  maxRoundTripsNestedRead: number | null;
  peakRssMb: number;
  answersEqual: boolean;
  /** Per concurrency: the geometric means of the median ratios. */
  sweep: Record<number, { vsNeo4jGraphql: number; vsRawCypher: number }>;
  targets: Record<string, boolean>;
  /**
   * A separate row, never in the headline: geometric means over the read workloads of our API with its response
   * cache on ÷ the main run's medians (@neo4j/graphql's, our own uncached, raw Cypher's). Absent without the row.
   */
  responseCache?: { reads: number; vsNeo4jGraphql: number; vsOursUncached: number; vsRawCypher: number; missesVsOursUncached?: number };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** The median (the mean of the middle two for an even count); 0 for none. */
export const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const geomean = (xs: number[]) => (xs.length === 0 || xs.some((x) => !(x > 0)) ? 0 : round2(Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length)));

function ratioStats(ours: TargetResult[], theirs: TargetResult[]): RatioStats {
  const perRound = ours.map((o, i) => (theirs[i] && theirs[i]!.throughput > 0 ? round2(o.throughput / theirs[i]!.throughput) : 0));
  return { median: round2(median(perRound)), min: Math.min(...perRound), max: Math.max(...perRound), perRound };
}

/** What failed in `runs` (failed requests, wrong answers), each a line naming `who` and the first error. */
function failuresOf(who: string, runs: TargetResult[]): string[] {
  const errors = runs.reduce((n, r) => n + r.errors, 0);
  const wrong = runs.reduce((n, r) => n + r.wrongAnswers, 0);
  const first = runs.find((r) => r.firstError)?.firstError?.slice(0, 160);
  return [...(errors ? [`${who}: ${errors} failed requests (${first})`] : []), ...(wrong ? [`${who}: ${wrong} wrong answers (${first})`] : [])];
}

/** Ratios, medians, the headline and the targets; whether the run passed. */
export function summarise(partial: Omit<BenchResults, 'summary'>): BenchResults {
  const main = partial.settings.mainConcurrency;
  const failures: string[] = [];
  for (const w of partial.workloads) {
    const bad: string[] = [];
    if (!w.equal) bad.push(`answers differ or a request failed before the timing: ${(w.error ?? 'unknown').split('\n')[0]}`);
    for (const [c, byTarget] of Object.entries(w.runs)) {
      for (const [target, list] of Object.entries(byTarget)) {
        bad.push(...failuresOf(`${target} at concurrency ${c}`, list));
      }
    }
    const runs = w.runs[main];
    if (runs?.ours && runs.neo4jGraphql && runs.rawCypher) {
      w.medianThroughput = { ours: round2(median(runs.ours.map((r) => r.throughput))), neo4jGraphql: round2(median(runs.neo4jGraphql.map((r) => r.throughput))), rawCypher: round2(median(runs.rawCypher.map((r) => r.throughput))) };
      w.ratioVsNeo4jGraphql = ratioStats(runs.ours, runs.neo4jGraphql);
      w.ratioVsRawCypher = ratioStats(runs.ours, runs.rawCypher);
    }
    bad.push(...failuresOf('ours with the response cache', [...(w.cachedRuns ?? []), ...(w.cacheMissRuns ?? [])]));
    if (w.cachedRuns?.length && w.medianThroughput) {
      const throughput = round2(median(w.cachedRuns.map((r) => r.throughput)));
      const over = (x: number) => (x > 0 ? round2(throughput / x) : 0);
      w.cached = { throughput, vsNeo4jGraphql: over(w.medianThroughput.neo4jGraphql), vsOursUncached: over(w.medianThroughput.ours), vsRawCypher: over(w.medianThroughput.rawCypher) };
      if (w.cacheMissRuns?.length) {
        w.cached.missThroughput = round2(median(w.cacheMissRuns.map((r) => r.throughput)));
        w.cached.missesVsOursUncached = w.medianThroughput.ours > 0 ? round2(w.cached.missThroughput / w.medianThroughput.ours) : 0;
      }
    }
    w.status = bad.length ? 'failed' : 'ok';
    failures.push(...bad.map((b) => `${w.key}: ${b}`));
    w.sweep = {};
    for (const [c, byTarget] of Object.entries(w.runs)) {
      if (byTarget.ours && byTarget.neo4jGraphql && byTarget.rawCypher) {
        w.sweep[Number(c)] = { vsNeo4jGraphql: ratioStats(byTarget.ours, byTarget.neo4jGraphql).median, vsRawCypher: ratioStats(byTarget.ours, byTarget.rawCypher).median };
      }
    }
  }
  // Every workload is in the mean; one without a ratio (not measured) counts 0, which makes the mean 0.
  const ratioVsNeo4jGraphql = geomean(partial.workloads.map((w) => w.ratioVsNeo4jGraphql?.median ?? 0));
  const ratioVsRawCypher = geomean(partial.workloads.map((w) => w.ratioVsRawCypher?.median ?? 0));
  const worst = partial.workloads.reduce<{ key: string; ratio: number } | null>((low, w) => {
    const ratio = w.ratioVsNeo4jGraphql?.median ?? 0;
    return !low || ratio < low.ratio ? { key: w.key, ratio } : low;
  }, null);
  const nested = partial.workloads.find((w) => w.key === 'nestedList');
  const maxRoundTripsNestedRead = nested?.equal ? nested.roundTrips.ours : null;
  const sweep: Summary['sweep'] = {};
  for (const c of partial.settings.concurrencies) {
    sweep[c] = {
      vsNeo4jGraphql: geomean(partial.workloads.map((w) => w.sweep?.[c]?.vsNeo4jGraphql ?? 0)),
      vsRawCypher: geomean(partial.workloads.map((w) => w.sweep?.[c]?.vsRawCypher ?? 0)),
    };
  }
  const answersEqual = partial.workloads.every(
    (w) => w.equal && Object.values(w.runs).every((t) => Object.values(t).every((list) => list.every((r) => r.wrongAnswers === 0))) && [...(w.cachedRuns ?? []), ...(w.cacheMissRuns ?? [])].every((r) => r.wrongAnswers === 0),
  );
  const cachedReads = partial.workloads.filter((w) => w.cachedRuns?.length);
  const responseCache: Summary['responseCache'] =
    cachedReads.length > 0
      ? {
          reads: cachedReads.length,
          vsNeo4jGraphql: geomean(cachedReads.map((w) => w.cached?.vsNeo4jGraphql ?? 0)),
          vsOursUncached: geomean(cachedReads.map((w) => w.cached?.vsOursUncached ?? 0)),
          vsRawCypher: geomean(cachedReads.map((w) => w.cached?.vsRawCypher ?? 0)),
          ...(cachedReads.some((w) => w.cacheMissRuns?.length) ? { missesVsOursUncached: geomean(cachedReads.map((w) => w.cached?.missesVsOursUncached ?? 0)) } : {}),
        }
      : undefined;
  return {
    ...partial,
    summary: {
      passed: failures.length === 0,
      failures,
      ratioVsNeo4jGraphql,
      ratioVsRawCypher,
      worstVsNeo4jGraphql: worst,
      maxRoundTripsNestedRead,
      peakRssMb: partial.peakRssMb,
      answersEqual,
      sweep,
      targets: {
        ratioVsNeo4jGraphqlAtLeast1_5: ratioVsNeo4jGraphql >= 1.5,
        ratioVsRawCypherAtLeast0_6: ratioVsRawCypher >= 0.6,
        worstVsNeo4jGraphqlAtLeast0_8: (worst?.ratio ?? 0) >= 0.8,
        nestedReadAtMost4RoundTrips: maxRoundTripsNestedRead !== null && maxRoundTripsNestedRead <= 4,
        peakRssAtMost300Mb: partial.peakRssMb <= 300,
        answersEqual,
      },
      ...(responseCache ? { responseCache } : {}),
    },
  };
}

const START = '<!-- latest-results:start -->';
const END = '<!-- latest-results:end -->';

/** `readme` with the section between the result markers replaced by the table of `bench` (appended when absent). */
export function renderReadme(readme: string, bench: BenchResults): string {
  const section = `${START}\n${resultsMarkdown(bench)}\n${END}`;
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from === -1 || to === -1) return `${readme.trimEnd()}\n\n${section}\n`;
  return readme.slice(0, from) + section + readme.slice(to + END.length);
}

/** The latest results as Markdown: settings, the table, the sweep, the summary against the targets. */
export function resultsMarkdown(b: BenchResults): string {
  const n = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 1 });
  const kb = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / 1024).toLocaleString('en', { maximumFractionDigits: bytes < 10_240 ? 1 : 0 }));
  const s = b.settings;
  const lines: string[] = [];
  const load = b.dataset.load;
  lines.push(
    `Measured ${b.generatedAt.slice(0, 16).replace('T', ' ')} UTC with \`${b.command}\` (${Math.round(b.totalSeconds / 60)} min): scale ${s.scale} ` +
      `(${n(b.dataset.nodes)} nodes, ${n(b.dataset.relationships)} relationships with SOURCED_FROM); concurrency ${s.mainConcurrency}, ${s.rounds} interleaved rounds ` +
      `of ${s.warmupSeconds} s warm-up + ${s.durationSeconds} s measured per workload × client` +
      `${s.minRequests ? ` (longer, by whole ${s.durationSeconds} s steps up to ${s.maxDurationSeconds} s, until it counts ${s.minRequests} answers)` : ''}; parameters cycling through ${s.poolSize} sets drawn from the data; ` +
      `every ${s.checkEvery}th answer checked against the reference; both GraphQL servers executing with ${s.executor ?? 'graphql-js'}.`,
    '',
    `Machine: ${b.machine.cpus} × ${b.machine.cpuModel}, ${b.machine.memoryGb} GB, Node ${b.machine.node}, ${b.machine.neo4j} (embedded). ` +
      `**1-minute load average during the run: ${b.machine.loadAverage1m.min}–${b.machine.loadAverage1m.max} (mean ${b.machine.loadAverage1m.mean})** ` +
      `on ${b.machine.cpus} cores: Neo4j, both servers and the load generator share them` +
      // The load average counts runnable threads, not processes: Neo4j's own parallel work on the heavy reads
      // takes it far past the core count with nothing else running, so it cannot tell that other work ran.
      `${b.machine.loadAverage1m.mean > b.machine.cpus ? ' (above the core count: threads waited for a core; Neo4j runs the heavy reads on many threads, so this alone does not show that other work ran)' : ''}.`,
    '',
    load
      ? `Data loaded in this run through the bulk import: ${load.seconds} s, ${n(load.ratePerSecond)} nodes+relationships (SOURCED_FROM included) per second.`
      : 'Data: already loaded by an earlier run.',
    '',
    `| workload | status | req/s ours · @neo4j/graphql · raw (median) | ours ÷ @neo4j/graphql median (min–max) | ours ÷ raw median (min–max) | p50 ms ours · theirs · raw | p99 ms ours · theirs · raw | statements ours · theirs · raw | KB from Neo4j ours · theirs · raw | CPU ms per request, server + Neo4j: ours · theirs · raw (driver and load generator + Neo4j) |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  const main = s.mainConcurrency;
  const med = (list: TargetResult[], key: 'p50Ms' | 'p99Ms') => round2(median(list.map((r) => r[key])));
  const cpu = (list: TargetResult[], key: 'server' | 'neo4j' | 'bench') => {
    const xs = list.map((r) => r.cpuMsPerRequest?.[key]).filter((x): x is number => typeof x === 'number');
    return xs.length ? round2(median(xs)) : '?';
  };
  for (const w of b.workloads) {
    const runs = w.runs[main];
    const status = w.status === 'ok' ? 'ok' : `**FAILED**${w.error ? `: ${w.error.split('\n')[0]!.replace(/\|/g, '\\|').slice(0, 140)}` : ''}`;
    if (!runs?.ours || !runs.neo4jGraphql || !runs.rawCypher || !w.medianThroughput) {
      lines.push(`| ${w.title} | ${status} | not measured | 0× | 0× | | | | | |`);
      continue;
    }
    const rows = w.rowsPerRequest ? ` (rows/s: ${[w.medianThroughput.ours, w.medianThroughput.neo4jGraphql, w.medianThroughput.rawCypher].map((t) => n(t * w.rowsPerRequest!)).join(' · ')})` : '';
    const r1 = w.ratioVsNeo4jGraphql!;
    const r2 = w.ratioVsRawCypher!;
    lines.push(
      `| ${w.title} | ${status} | ${n(w.medianThroughput.ours)} · ${n(w.medianThroughput.neo4jGraphql)} · ${n(w.medianThroughput.rawCypher)}${rows} | ` +
        `**${r1.median}×** (${r1.min}–${r1.max}) | ${r2.median}× (${r2.min}–${r2.max}) | ` +
        `${med(runs.ours, 'p50Ms')} · ${med(runs.neo4jGraphql, 'p50Ms')} · ${med(runs.rawCypher, 'p50Ms')} | ${med(runs.ours, 'p99Ms')} · ${med(runs.neo4jGraphql, 'p99Ms')} · ${med(runs.rawCypher, 'p99Ms')} | ` +
        `${w.roundTrips.ours} · ${w.roundTrips.neo4jGraphql} · ${w.roundTrips.rawCypher} | ${kb(w.neo4jBytes?.ours)} · ${kb(w.neo4jBytes?.neo4jGraphql)} · ${kb(w.neo4jBytes?.rawCypher)} | ` +
        `${cpu(runs.ours, 'server')} + ${cpu(runs.ours, 'neo4j')} · ${cpu(runs.neo4jGraphql, 'server')} + ${cpu(runs.neo4jGraphql, 'neo4j')} · ${cpu(runs.rawCypher, 'bench')} + ${cpu(runs.rawCypher, 'neo4j')} |`,
    );
  }
  const sum = b.summary;
  const mark = (ok: boolean | undefined) => (ok ? 'met' : '**not met**');
  if (s.concurrencies.length > 1) {
    lines.push(
      '',
      `Concurrency sweep (median ratio ours ÷ @neo4j/graphql · ours ÷ raw; ${s.mainConcurrency}: ${s.rounds} rounds, the others ${s.sweepRounds}):`,
      '',
      `| workload | ${s.concurrencies.map((c) => `c = ${c}`).join(' | ')} |`,
      `| --- | ${s.concurrencies.map(() => '---:').join(' | ')} |`,
      ...b.workloads.map((w) => `| ${w.key} | ${s.concurrencies.map((c) => (w.sweep?.[c] ? `${w.sweep[c]!.vsNeo4jGraphql}× · ${w.sweep[c]!.vsRawCypher}×` : '—')).join(' | ')} |`),
      `| **geometric mean** | ${s.concurrencies.map((c) => `**${sum.sweep[c]?.vsNeo4jGraphql}×** · ${sum.sweep[c]?.vsRawCypher}×`).join(' | ')} |`,
    );
  }
  const cachedReads = b.workloads.filter((w) => w.cached && w.cachedRuns?.length);
  if (cachedReads.length > 0 && sum.responseCache) {
    const rc = b.responseCache;
    lines.push(
      '',
      `Response cache, **a separate row, not in the headline**: our API again with \`RESPONSE_CACHE_MB=${rc?.megabytes ?? s.responseCacheMb}\`, the reads only, ` +
        `concurrency ${main}, ${rc?.rounds ?? 1} round(s), answers checked as above. **Repeated**: the parameters cycle through the same pools, so after the first pass nearly every request is ` +
        `a hit (an upper bound). **Never repeated**: each request carries one more variable its operation ignores, so every one is a miss and pays the version read on top of the work. ` +
        `Peak RSS of that server: ${rc?.peakRssMb ?? '?'} MB.`,
      '',
      '| workload | req/s repeated (hits) | ÷ @neo4j/graphql | ÷ ours uncached | ÷ raw | p50 · p99 ms | CPU ms per request, server + Neo4j | req/s never repeated (misses) ÷ ours uncached |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...cachedReads.map((w) => {
        const runs = w.cachedRuns!;
        return (
          `| ${w.title} | ${n(w.cached!.throughput)} | ${w.cached!.vsNeo4jGraphql}× | ${w.cached!.vsOursUncached}× | ${w.cached!.vsRawCypher}× | ` +
          `${med(runs, 'p50Ms')} · ${med(runs, 'p99Ms')} | ${cpu(runs, 'server')} + ${cpu(runs, 'neo4j')} | ` +
          `${w.cached!.missThroughput === undefined ? '—' : `${n(w.cached!.missThroughput)} (${w.cached!.missesVsOursUncached}×)`} |`
        );
      }),
      `| **geometric mean** (${sum.responseCache.reads} reads) | | **${sum.responseCache.vsNeo4jGraphql}×** | ${sum.responseCache.vsOursUncached}× | ${sum.responseCache.vsRawCypher}× | | | ${sum.responseCache.missesVsOursUncached === undefined ? '—' : `${sum.responseCache.missesVsOursUncached}×`} |`,
    );
  }
  lines.push(
    '',
    `Summary (concurrency ${main}, geometric mean over all ${b.workloads.length} workloads of the median ratios): ours ÷ @neo4j/graphql **${sum.ratioVsNeo4jGraphql}×** ` +
      `(worst: ${sum.worstVsNeo4jGraphql ? `${sum.worstVsNeo4jGraphql.key} ${sum.worstVsNeo4jGraphql.ratio}×` : 'n/a'}), ours ÷ raw Cypher **${sum.ratioVsRawCypher}×**, ` +
      `nested read in **${sum.maxRoundTripsNestedRead ?? 'n/a'}** statements, API peak RSS **${sum.peakRssMb} MB** (@neo4j/graphql's server: ${b.neo4jGraphqlPeakRssMb} MB). ` +
      `Run **${sum.passed ? 'passed' : 'FAILED'}**${sum.passed ? ' (every answer checked was equal, no request failed)' : `: ${sum.failures.join('; ').replace(/\|/g, '\\|').slice(0, 600)}`}.`,
    '',
    `Targets of issue 18: ≥ 1.5× @neo4j/graphql ${mark(sum.targets.ratioVsNeo4jGraphqlAtLeast1_5)}; ≥ 0.6× raw ${mark(sum.targets.ratioVsRawCypherAtLeast0_6)}; ` +
      `no workload below 0.8× ${mark(sum.targets.worstVsNeo4jGraphqlAtLeast0_8)}; nested read ≤ 4 statements ${mark(sum.targets.nestedReadAtMost4RoundTrips)}; ` +
      `RSS ≤ 300 MB ${mark(sum.targets.peakRssAtMost300Mb)}; answers equal ${mark(sum.targets.answersEqual)}.`,
  );
  return lines.join('\n');
}
