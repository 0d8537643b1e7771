import type { BenchmarkFixtures } from '../../src/import/generate.js';

/** One client's figures on one workload. */
export interface TargetResult {
  /** Requests per second over the measured window. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Requests completed in the measured window. */
  requests: number;
  errors: number;
  /** Cypher statements (Bolt RUN messages) per request, counted by the proxy. */
  roundTrips: number;
  firstError?: string;
}

export interface WorkloadResult {
  key: string;
  title: string;
  /** All three answered the same (canonical JSON); only then is the workload timed. */
  equal: boolean;
  /** Size of the canonical answer, a hint of how much each request moves. */
  answerBytes?: number;
  error?: string;
  /** Cypher statements per request (Bolt RUN messages through the counting proxy). */
  roundTrips: Record<'ours' | 'neo4jGraphql' | 'rawCypher', number>;
  /** Bytes Neo4j sent per request (through the counting proxy): what each client pulls out of the database. */
  neo4jBytes: Record<'ours' | 'neo4jGraphql' | 'rawCypher', number>;
  ours: TargetResult | null;
  neo4jGraphql: TargetResult | null;
  rawCypher: TargetResult | null;
  /** ours.throughput / neo4jGraphql.throughput. */
  ratioVsNeo4jGraphql?: number;
  /** ours.throughput / rawCypher.throughput. */
  ratioVsRawCypher?: number;
}

export interface BenchResults {
  generatedAt: string;
  command: string;
  settings: { scale: number; seed: number; concurrency: number; warmupSeconds: number; durationSeconds: number; quick: boolean };
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    neo4j: string;
    /** 1-minute load average sampled before and after every measured run (other processes included). */
    loadAverage1m: { min: number; max: number; mean: number };
  };
  dataset: {
    scale: number;
    seed: number;
    nodes: number;
    /** SOURCED_FROM included. */
    relationships: number;
    /** Set when this run loaded the graph; `firstBatchSeconds`: until the first batch was written (the writer plans its statements first). */
    load: { seconds: number; ratePerSecond: number; transactions: number; firstBatchSeconds?: number } | null;
    fixtures: BenchmarkFixtures;
  };
  workloads: WorkloadResult[];
  /** Peak RSS of our API process (VmHWM), over both server runs. */
  peakRssMb: number;
  neo4jGraphqlPeakRssMb: number;
  totalSeconds: number;
  summary: {
    /** Geometric mean over the measured workloads of our throughput / @neo4j/graphql's. */
    ratioVsNeo4jGraphql: number | null;
    /** Geometric mean of our throughput / raw Cypher's. */
    ratioVsRawCypher: number | null;
    /** Our round trips on workload 2. */
    maxRoundTripsNestedRead: number | null;
    peakRssMb: number;
    workloadsMeasured: number;
    workloadsNotMeasured: Array<{ key: string; reason: string }>;
    worstVsNeo4jGraphql: { key: string; ratio: number } | null;
    targets: Record<string, boolean>;
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

/** The latest results as Markdown: settings, the table, the summary against the targets. */
export function resultsMarkdown(b: BenchResults): string {
  const n = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 1 });
  const kb = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / 1024).toLocaleString('en', { maximumFractionDigits: bytes < 10_240 ? 1 : 0 }));
  const lines: string[] = [];
  const load = b.dataset.load;
  lines.push(
    `Measured ${b.generatedAt.slice(0, 16).replace('T', ' ')} UTC with \`${b.command}\`: scale ${b.settings.scale} ` +
      `(${n(b.dataset.nodes)} nodes, ${n(b.dataset.relationships)} relationships with SOURCED_FROM), concurrency ${b.settings.concurrency}, ` +
      `${b.settings.warmupSeconds} s warm-up + ${b.settings.durationSeconds} s measured per workload and client.`,
    '',
    `Machine: ${b.machine.cpus} × ${b.machine.cpuModel}, ${b.machine.memoryGb} GB, Node ${b.machine.node}, ${b.machine.neo4j} (embedded). ` +
      `**1-minute load average during the run: ${b.machine.loadAverage1m.min}–${b.machine.loadAverage1m.max} (mean ${b.machine.loadAverage1m.mean})** ` +
      `on ${b.machine.cpus} cores: Neo4j, both servers and the load generator share them${b.machine.loadAverage1m.mean > b.machine.cpus ? ', and other work was running too' : ''}.`,
    '',
    load
      ? `Data loaded in this run through the bulk import: ${load.seconds} s, ${n(load.ratePerSecond)} nodes+relationships (SOURCED_FROM included) per second ` +
        `(${load.transactions} transaction${load.transactions === 1 ? '' : 's'}${load.firstBatchSeconds !== undefined ? `; the first ${load.firstBatchSeconds} s before the first batch, while the writer plans its statements` : ''}).`
      : 'Data: already loaded by an earlier run (no load rate this time).',
    '',
    '| workload | ours req/s | @neo4j/graphql req/s | raw Cypher req/s | ours ÷ @neo4j/graphql | ours ÷ raw | p50 ms ours · theirs · raw | p99 ms ours · theirs · raw | round trips ours · theirs · raw | KB from Neo4j per request ours · theirs · raw |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const w of b.workloads) {
    if (!w.ours || !w.neo4jGraphql || !w.rawCypher) {
      lines.push(`| ${w.title} | not measured: ${(w.error ?? 'no result').split('\n')[0]!.replace(/\|/g, '\\|').slice(0, 160)} | | | | | | | | |`);
      continue;
    }
    const failed = (t: TargetResult) => (t.errors > 0 ? ` (${t.errors} errors: ${(t.firstError ?? '').replace(/\|/g, '\\|').slice(0, 80)})` : '');
    lines.push(
      `| ${w.title} | ${n(w.ours.throughput)}${failed(w.ours)} | ${n(w.neo4jGraphql.throughput)}${failed(w.neo4jGraphql)} | ${n(w.rawCypher.throughput)}${failed(w.rawCypher)} | ` +
        `**${w.ratioVsNeo4jGraphql}×** | ${w.ratioVsRawCypher}× | ` +
        `${w.ours.p50Ms} · ${w.neo4jGraphql.p50Ms} · ${w.rawCypher.p50Ms} | ${w.ours.p99Ms} · ${w.neo4jGraphql.p99Ms} · ${w.rawCypher.p99Ms} | ` +
        `${w.roundTrips.ours} · ${w.roundTrips.neo4jGraphql} · ${w.roundTrips.rawCypher} | ` +
        `${kb(w.neo4jBytes?.ours)} · ${kb(w.neo4jBytes?.neo4jGraphql)} · ${kb(w.neo4jBytes?.rawCypher)} |`,
    );
  }
  const s = b.summary;
  const mark = (ok: boolean | undefined) => (ok ? 'met' : '**not met**');
  lines.push(
    '',
    `Summary: ours ÷ @neo4j/graphql **${s.ratioVsNeo4jGraphql ?? 'n/a'}×** (geometric mean; worst workload ${s.worstVsNeo4jGraphql ? `${s.worstVsNeo4jGraphql.key} ${s.worstVsNeo4jGraphql.ratio}×` : 'n/a'}), ` +
      `ours ÷ raw Cypher **${s.ratioVsRawCypher ?? 'n/a'}×**, workload 2 in **${s.maxRoundTripsNestedRead ?? 'n/a'}** round trips, ` +
      `API peak RSS **${s.peakRssMb} MB** (@neo4j/graphql's server: ${b.neo4jGraphqlPeakRssMb} MB).`,
    '',
    `Targets: geometric mean ≥ 1× @neo4j/graphql ${mark(s.targets.geomeanAtLeastNeo4jGraphql)}; no workload below 0.8× ${mark(s.targets.noWorkloadBelow80PercentOfNeo4jGraphql)}; ` +
      `≥ 0.5× raw Cypher ${mark(s.targets.atLeastHalfOfRawCypher)}; workload 2 ≤ 4 round trips ${mark(s.targets.nestedReadAtMost4RoundTrips)}; RSS < 300 MB ${mark(s.targets.rssUnder300Mb)}.` +
      (s.workloadsNotMeasured.length > 0 ? ` Not measured: ${s.workloadsNotMeasured.map((w) => w.key).join(', ')}.` : ''),
  );
  return lines.join('\n');
}
