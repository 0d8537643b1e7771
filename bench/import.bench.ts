import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { applyMigrations, createDriver, Database, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/index.js';
import { BATCH_SIZE, existingIdsIn, loadSeed, validateDocument, writeDocument, type GraphDocument } from '../src/import/index.js';
import { generateGraph } from '../src/import/generate.js';
import { createLogger } from '../src/logger.js';
import { tempDir } from '../test/support/neo4j.js';
import { anyFreePort } from '../test/support/ports.js';

/**
 * Bulk-import speed: `npx tsx bench/import.bench.ts [--scale 0.2] [--rounds 3] [--batch 2000] [--json]`.
 *
 * Starts a fresh embedded Neo4j in a temporary folder (or uses NEO4J_URI, which it then WRITES to),
 * applies the migrations and loads the seed, as `npm start` does. Then imports the synthetic graph of
 * src/import/generate.ts (scale 0.2 ≈ 24,000 nodes and 120,000 relationships, plus one SOURCED_FROM per
 * node) `--rounds` times, each round a copy with its own ids (`case:r1-…`), exactly as `npm run import`
 * does: validation, then one write transaction of UNWIND batches. The first round runs on a cold JVM;
 * later rounds show the server warmed up, as a running API is. Then the last round's document is imported
 * again (every row unchanged) and as a dry run. Each line gives the time from validation to commit and
 * nodes+relationships per second, without and with the SOURCED_FROM edges the import adds. The 1-minute
 * load average is printed alongside: on a shared 2-core machine it moves the figures a lot.
 * Target (issue 6): at least 20,000 nodes+relationships per second into the embedded Neo4j.
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.2' },
    rounds: { type: 'string', default: '3' },
    batch: { type: 'string', default: String(BATCH_SIZE) },
    json: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const rounds = Math.max(1, Number(values.rounds));
const batchSize = Number(values.batch);
const logger = createLogger('warn');
const config = loadConfig();

let embedded: EmbeddedNeo4j | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
let uri = config.neo4j.uri;
if (!uri) {
  dir = tempDir('practice-graph-import-bench');
  embedded = await startEmbeddedNeo4j({ port: await anyFreePort(), dataDir: dir.path, startTimeoutMs: 180_000, logger });
  uri = embedded.uri;
}
// One transaction per import, as the CLI runs it: longer than the API's 10 s per request.
const neo4jConfig = { ...config.neo4j, uri, queryTimeoutMs: 3_600_000 };
const db = new Database(createDriver(neo4jConfig), neo4jConfig, logger);

/**
 * CPU seconds the embedded Neo4j's JVM has used so far (Linux `/proc/<pid>/stat` utime + stime, 100 ticks
 * a second); undefined when not measurable (NEO4J_URI, another OS). Unlike wall time it hardly depends on
 * what else runs on the machine.
 */
function neo4jCpuSeconds(): number | undefined {
  if (!embedded) return undefined;
  try {
    const fields = readFileSync(`/proc/${embedded.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The generated document with every id given a round prefix (`case:r2-…`), so rounds do not overlap. */
function copyOf(document: GraphDocument, round: string): GraphDocument {
  const id = (value: unknown) => String(value).replace(':', `:${round}-`);
  return {
    source: { ...document.source, id: id(document.source.id) },
    nodes: document.nodes.map((node) => ({ ...node, id: id(node.id) })),
    relationships: document.relationships.map((rel) => ({ ...rel, from: id(rel.from), to: id(rel.to) })),
  };
}

interface Measurement {
  what: string;
  ms: number;
  rowsPerSecond: number;
  withSourcedFromPerSecond: number;
  load: number;
  /** CPU time of this (Node) process: validation, Bolt encoding; the rest is Neo4j's. */
  nodeCpuMs: number;
  /** CPU time of the embedded Neo4j (all its threads: query, commit, GC, index updates), when measurable. */
  neo4jCpuMs: number | undefined;
}

try {
  await applyMigrations(db);
  await loadSeed(db);
  const generated = generateGraph({ scale }).document;
  const nodes = generated.nodes.length + 1; // + the source
  const relationships = generated.relationships.length;
  const rows = nodes + relationships;
  const sourcedFrom = generated.nodes.length;
  process.stdout.write(
    `scale ${scale}: ${nodes.toLocaleString('en')} nodes + ${relationships.toLocaleString('en')} relationships per document ` +
      `(+ ${sourcedFrom.toLocaleString('en')} SOURCED_FROM), batches of ${batchSize}, into ${embedded ? 'a fresh embedded Neo4j (seeded)' : uri}\n`,
  );

  const results: Measurement[] = [];
  const measure = async (what: string, document: GraphDocument, options: { dryRun?: boolean } = {}) => {
    const started = Date.now();
    const cpu = process.cpuUsage();
    const neo4jCpuBefore = neo4jCpuSeconds();
    const validation = await validateDocument(document, existingIdsIn(db));
    if (!validation.ok) throw new Error(validation.errors.slice(0, 5).join('\n'));
    const summary = await writeDocument(db, validation.document, undefined, { batchSize, by: 'bench', dryRun: options.dryRun });
    const ms = Date.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    const nodeCpuMs = Math.round((user + system) / 1000);
    const neo4jCpuAfter = neo4jCpuSeconds();
    const neo4jCpuMs = neo4jCpuBefore === undefined || neo4jCpuAfter === undefined ? undefined : Math.round((neo4jCpuAfter - neo4jCpuBefore) * 1000);
    const written = summary.nodes.created + summary.nodes.updated + summary.relationships.created + summary.relationships.updated;
    // SOURCED_FROM edges are written with the nodes written (none on an unchanged re-import).
    const extra = summary.nodes.created + summary.nodes.updated > 0 ? sourcedFrom : 0;
    const result = {
      what,
      ms,
      rowsPerSecond: Math.round(rows / (ms / 1000)),
      withSourcedFromPerSecond: Math.round((rows + extra) / (ms / 1000)),
      load: Number(loadavg()[0]!.toFixed(1)),
      nodeCpuMs,
      neo4jCpuMs,
    };
    results.push(result);
    process.stdout.write(
      `${what.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(6)} s ${result.rowsPerSecond.toLocaleString('en').padStart(8)} nodes+relationships/s` +
        ` (${result.withSourcedFromPerSecond.toLocaleString('en')} with SOURCED_FROM)  written ${written.toLocaleString('en')}  cpu: node ${(nodeCpuMs / 1000).toFixed(1)} s` +
        (neo4jCpuMs === undefined ? '' : `, neo4j ${(neo4jCpuMs / 1000).toFixed(1)} s`) +
        `  load ${result.load}\n`,
    );
  };

  let last = generated;
  for (let round = 1; round <= rounds; round++) {
    last = copyOf(generated, `r${round}`);
    await measure(`import, round ${round}${round === 1 ? ' (cold)' : ''}`, last);
  }
  await measure('re-import (all unchanged)', last);
  await measure('dry run (all unchanged)', last, { dryRun: true });

  if (values.json) process.stdout.write(`${JSON.stringify({ scale, batchSize, nodes, relationships, sourcedFrom, results })}\n`);
} finally {
  await db.close();
  await embedded?.stop();
  dir?.remove();
}
