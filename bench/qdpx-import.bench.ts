import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { applyMigrations, createDriver, Database, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/index.js';
import { loadSeed } from '../src/import/index.js';
import { candidateIds, DEFAULT_MAPPING, knownGraph, readRefi, translate } from '../src/import/qdpx/index.js';
import { createLogger } from '../src/logger.js';
import { tempDir } from '../test/support/neo4j.js';
import { anyFreePort } from '../test/support/ports.js';
import { generateQdpxProject } from './qdpx-project.js';

/**
 * Large REFI-QDA import (issue 16):
 * `npx tsx bench/qdpx-import.bench.ts [--sources 1000] [--codings 100000] [--no-json-import] [--keep FILE.qdpx] [--json]`.
 * `--codings` is the number of coded PlainTextSelections (one in five carries two codes).
 *
 * Starts a fresh embedded Neo4j in a temporary folder (or uses NEO4J_URI, which it then WRITES to), applies
 * the migrations and loads the seed, as `npm start` does. Generates a made-up project (bench/qdpx-project.ts:
 * `--sources` interviews of ~50,000 characters, one interviewee each, `--codings` coded selections, one in
 * five with two codes) and runs the command a researcher runs, `npm run import -- project.qdpx --synthetic`
 * (as `node --import tsx src/cli/import.ts …`, so its progress lines are the ones users see), under
 * `/usr/bin/time -v` for the peak RSS of the Node process (else sampling /proc every 100 ms). Then the same
 * file again (must change nothing) and as a dry run. Then, for the memory bound, the JSON import of the same
 * document (the project translated against the seeded graph before the first import, written as
 * `{ source, nodes, relationships }` with its own ids, so that it writes exactly as much as the first import)
 * through `npm run import -- doc.json`. Each line: wall time per phase,
 * nodes+relationships per second, peak RSS of Node, CPU of the Neo4j JVM and its RSS, the memory Neo4j
 * estimates for the import's transaction, the 1-minute load. The figures: bench/README.md, "Large REFI-QDA import".
 */
const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: '1000' },
    codings: { type: 'string', default: '100000' },
    'no-json-import': { type: 'boolean', default: false },
    keep: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const sources = Number(values.sources);
const selections = Number(values.codings);
const logger = createLogger('warn');
const config = loadConfig();
const ROOT = resolve(import.meta.dirname, '..');
const TIME = '/usr/bin/time';

let embedded: EmbeddedNeo4j | undefined;
const dir = tempDir('practice-graph-qdpx-bench');
let uri = config.neo4j.uri;
if (!uri) {
  embedded = await startEmbeddedNeo4j({ port: await anyFreePort(), dataDir: join(dir.path, 'neo4j'), startTimeoutMs: 180_000, logger });
  uri = embedded.uri;
}
const neo4jConfig = { ...config.neo4j, uri, queryTimeoutMs: 3_600_000 };
const db = new Database(createDriver(neo4jConfig), neo4jConfig, logger);

/** CPU seconds (utime + stime) and current RSS (MB) of a process, from /proc; undefined when not measurable. */
function procStats(pid: number | undefined): { cpu: number; rssMb: number; hwmMb: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { cpu: (Number(fields[11]) + Number(fields[12])) / 100, rssMb: Math.round(kb('VmRSS') / 1024), hwmMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}

/** The pid of the first child of `pid` (the Node process under /usr/bin/time). */
function childOf(pid: number): number | undefined {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.length > 0 ? Number(children[0]) : undefined;
  } catch {
    return undefined;
  }
}

interface Run {
  what: string;
  seconds: number;
  /** Seconds from the start of the command to each progress line's phase first appearing. */
  phaseStarts: Record<string, number>;
  peakRssMb: number;
  /** The phase during which the sampled RSS was highest. */
  peakPhase: string;
  nodeCpuSeconds: number | undefined;
  neo4jCpuSeconds: number | undefined;
  neo4jRssMb: number | undefined;
  /** Largest `estimatedUsedHeapMemory` of the import's transaction seen by SHOW TRANSACTIONS (polled every second), MB. */
  transactionMb: number | undefined;
  load: [number, number];
  result: Record<string, unknown>;
}

/** Runs `npm run import -- …args --json` as a child process, measuring it; echoes its progress lines. */
async function runImport(what: string, args: string[]): Promise<Run> {
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const nodeArgs = ['--import', 'tsx', 'src/cli/import.ts', ...args, '--json'];
  const argv = useTime ? ['-v', process.execPath, ...nodeArgs] : nodeArgs;
  const neo4jBefore = procStats(embedded?.pid);
  const loadBefore = loadavg()[0]!;
  const started = Date.now();
  const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, NEO4J_URI: uri }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const phaseStarts: Record<string, number> = {};
  let phase = 'start';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const line of chunk.split('\n')) {
      const word = /^(reading|translating|validating|validated; writing|writing|checking)\b/.exec(line)?.[1];
      if (word && !(word in phaseStarts)) {
        phaseStarts[word] = (Date.now() - started) / 1000;
        phase = word;
      }
      if (word) process.stderr.write(`    ${line}\n`);
    }
  });
  let peakSample = 0;
  let peakPhase = 'start';
  let cpu: number | undefined;
  const sampler = setInterval(() => {
    const pid = useTime ? childOf(child.pid!) : child.pid;
    const stats = procStats(pid);
    if (!stats) return;
    cpu = stats.cpu;
    if (stats.rssMb > peakSample) {
      peakSample = stats.rssMb;
      peakPhase = phase;
    }
  }, 100);
  // The transaction's memory as Neo4j estimates it (what db.memory.transaction.max / dbms.memory.transaction.total.max bound).
  let transactionMb: number | undefined;
  let polling = false;
  const poller = setInterval(() => {
    if (polling) return;
    polling = true;
    db.read(`SHOW TRANSACTIONS YIELD currentQuery, estimatedUsedHeapMemory WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN max(estimatedUsedHeapMemory) AS bytes`)
      .then(([row]) => {
        const bytes = Number(row?.bytes ?? NaN);
        if (Number.isFinite(bytes)) transactionMb = Math.max(transactionMb ?? 0, Math.round(bytes / 1024 / 1024));
      })
      .catch(() => undefined)
      .finally(() => (polling = false));
  }, 1000);
  const code = await new Promise<number | null>((done) => child.once('close', done));
  clearInterval(sampler);
  clearInterval(poller);
  const seconds = (Date.now() - started) / 1000;
  if (code !== 0) throw new Error(`${what}: exit ${code}\n${stderr.slice(-3000)}`);
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  const userSys = ['User time (seconds)', 'System time (seconds)'].map((key) => Number(new RegExp(`${key.replace(/[()]/g, '\\$&')}: ([\\d.]+)`).exec(stderr)?.[1] ?? NaN));
  const neo4jAfter = procStats(embedded?.pid);
  const lines = stdout.trim().split('\n');
  return {
    what,
    seconds,
    phaseStarts,
    peakRssMb: maxRss ? Math.round(Number(maxRss) / 1024) : peakSample,
    peakPhase,
    nodeCpuSeconds: useTime ? Number((userSys[0]! + userSys[1]!).toFixed(1)) : cpu,
    neo4jCpuSeconds: neo4jBefore && neo4jAfter ? Number((neo4jAfter.cpu - neo4jBefore.cpu).toFixed(1)) : undefined,
    neo4jRssMb: neo4jAfter?.rssMb,
    transactionMb,
    load: [Number(loadBefore.toFixed(1)), Number(loadavg()[0]!.toFixed(1))],
    result: JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>,
  };
}

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

function report(run: Run, elements: number): void {
  const { nodes, relationships } = run.result as { nodes: Counts; relationships: Counts };
  const written = nodes.created + nodes.updated + relationships.created + relationships.updated;
  const timings = run.result.timings as Record<string, number> | undefined;
  const phases = timings
    ? [`start-up ${(run.seconds - Object.values(timings).reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`, ...Object.entries(timings).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)].join(', ')
    : Object.entries(run.phaseStarts)
        .map(([name, s]) => `${name} from ${s.toFixed(1)} s`)
        .join(', ');
  process.stdout.write(
    `${run.what.padEnd(26)} ${run.seconds.toFixed(1).padStart(6)} s (${phases})  ${Math.round(elements / run.seconds).toLocaleString('en')} elements/s` +
      `  written ${written.toLocaleString('en')}  peak RSS node ${run.peakRssMb} MB (in ${run.peakPhase})  cpu node ${run.nodeCpuSeconds ?? '?'} s` +
      `, neo4j ${run.neo4jCpuSeconds ?? '?'} s (JVM RSS ${run.neo4jRssMb ?? '?'} MB, transaction ≤ ${run.transactionMb ?? '?'} MB)  load ${run.load[0]}→${run.load[1]}\n`,
  );
}

/**
 * The project as a JSON import document of the same size: translated as the import does, every id the
 * document creates given a `json-` prefix (`quotation:json-…`), so that importing it writes as much as the
 * first QDPX import did; references to the seed's nodes stay.
 */
async function jsonCopy(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const project = readRefi(bytes, 'qdpx');
  const known = await knownGraph(db, candidateIds(project, DEFAULT_MAPPING));
  const { parts } = translate(project, known, { mapping: DEFAULT_MAPPING, synthetic: true, public: false }, (m) => {
    throw new Error(m);
  });
  const source = parts.source!.value as Record<string, unknown>;
  const nodes = parts.nodes.map((entry) => entry.value as Record<string, unknown>);
  const own = new Set<unknown>([source.id, ...nodes.map((node) => node.id)]);
  const id = (value: unknown) => (own.has(value) ? String(value).replace(':', ':json-') : value);
  return {
    source: { ...source, id: id(source.id) },
    nodes: nodes.map((node) => ({ ...node, id: id(node.id) })),
    relationships: parts.relationships.map(({ value }) => {
      const rel = value as Record<string, unknown>;
      return { ...rel, from: id(rel.from), to: id(rel.to), ...(rel.sourceId === undefined ? {} : { sourceId: id(rel.sourceId) }) };
    }),
  };
}

try {
  await applyMigrations(db);
  await loadSeed(db);
  const generateStarted = Date.now();
  const project = generateQdpxProject({ sources, selections });
  const file = join(dir.path, 'groot-project.qdpx');
  writeFileSync(file, project.qdpx);
  if (values.keep) writeFileSync(values.keep, project.qdpx);
  process.stdout.write(
    `project: ${project.sources.toLocaleString('en')} interviews (${(project.textCodePoints / 1e6).toFixed(1)} M characters), ${project.cases.toLocaleString('en')} cases, ` +
      `${project.selections.toLocaleString('en')} selections with ${project.codings.toLocaleString('en')} codings; project.qde ${(project.qdeBytes / 1e6).toFixed(1)} MB, ` +
      `.qdpx ${(project.qdpx.length / 1e6).toFixed(1)} MB (generated in ${((Date.now() - generateStarted) / 1000).toFixed(1)} s); into ${embedded ? 'a fresh embedded Neo4j (seeded)' : uri}\n`,
  );

  // The JSON document is translated now, against the seeded graph, so that it writes as much as the first import.
  const docFile = join(dir.path, 'groot-project.json');
  if (!values['no-json-import']) writeFileSync(docFile, JSON.stringify(await jsonCopy(project.qdpx)));

  // What bounds the one write transaction in Neo4j: its memory settings (the embedded launcher sets none).
  const settings = await db
    .read(`SHOW SETTINGS YIELD name, value WHERE name CONTAINS 'memory.transaction' OR name STARTS WITH 'server.memory.heap' RETURN name, value ORDER BY name`)
    .catch(() => []);
  process.stdout.write(`neo4j: ${settings.map((row) => `${String(row.name)}=${String(row.value)}`).join(', ') || 'settings not readable'}\n`);

  const runs: Run[] = [];
  const first = await runImport('qdpx import', [file, '--synthetic']);
  const { nodes, relationships } = first.result as { nodes: Counts; relationships: Counts };
  const elements = nodes.created + nodes.updated + nodes.unchanged + relationships.created + relationships.updated + relationships.unchanged;
  process.stdout.write(`${elements.toLocaleString('en')} nodes+relationships (each node written also gets a SOURCED_FROM edge, not counted)\n`);
  report(first, elements);
  runs.push(first);
  const again = await runImport('qdpx re-import', [file, '--synthetic']);
  report(again, elements);
  runs.push(again);
  const changed = (again.result as { nodes: Counts }).nodes.created + (again.result as { nodes: Counts }).nodes.updated +
    (again.result as { relationships: Counts }).relationships.created + (again.result as { relationships: Counts }).relationships.updated;
  if (changed !== 0) throw new Error(`the re-import changed ${changed} rows`);
  const dry = await runImport('qdpx dry run', [file, '--synthetic', '--dry-run']);
  report(dry, elements);
  runs.push(dry);

  if (!values['no-json-import']) {
    const json = await runImport('json import, same size', [docFile]);
    report(json, elements);
    runs.push(json);
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ sources, selections, codings: project.codings, elements, runs })}\n`);
} finally {
  await db.close();
  await embedded?.stop();
  dir.remove();
}
