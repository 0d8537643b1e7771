import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { applyMigrations, connectNeo4j, type Database } from '../db/index.js';
import { existingIdsIn, ProgressBar, validateDocument, writeDocument, type ValidatedDocument } from '../import/index.js';
import { DEFAULT_SEED, generateGraph } from '../import/generate.js';
import { createLogger } from '../logger.js';
import { runMain } from './run.js';

/**
 * `npm run generate -- --scale N [--seed S] [--tx-rows R] [--out FILE] [--dry-run] [--json]`
 *
 * Generates the synthetic benchmark graph (src/import/generate.ts; scale 1 = 342 municipalities, 20,000
 * employees, 500 practices, 40 dilemmas, 100,000 cases, ~600,000 relationships, all linked to one
 * `synthetic: true` Source) and loads it through the bulk-import path: `validateDocument`, then
 * `writeDocument` (UNWIND batches, MERGE by id, so a rerun changes nothing).
 *
 * It writes to the Neo4j of `NEO4J_URI`, or else the embedded one (`NEO4J_EMBEDDED_PORT`,
 * `NEO4J_EMBEDDED_DATA`: by default the dev database of `npm start`). Defaults: scale 1, seed 20180314,
 * everything in one transaction (all or nothing, as the import promises); `--tx-rows R` commits every
 * R rows instead (less memory in Neo4j for very large scales, but a failure leaves a partial graph).
 * A progress bar goes to stderr; the summary (with the load rate) to stdout, as JSON with `--json`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'tx-rows': { type: 'string', default: '0' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  const txRows = Number(values['tx-rows']);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer (got "${values.seed}")`);
  if (!Number.isSafeInteger(txRows) || txRows < 0) throw new UsageError(`--tx-rows must be a non-negative integer, 0 = one transaction (got "${values['tx-rows']}")`);

  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const progress = new ProgressBar(process.stderr);

  let started = Date.now();
  let graph;
  try {
    graph = generateGraph({ scale, seed });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`--${error.message}`);
    throw error;
  }
  const generateMs = Date.now() - started;
  const { document, counts } = graph;
  if (values.out) await writeFile(values.out, JSON.stringify(document));

  // One transaction of up to ~720,000 rows (scale 1) takes minutes, far past the API's per-request
  // timeout (NEO4J_QUERY_TIMEOUT_MS, default 10 s): the bulk load allows an hour unless told more.
  const neo4jConfig = { ...config.neo4j, queryTimeoutMs: Math.max(config.neo4j.queryTimeoutMs, BULK_TIMEOUT_MS) };
  const connection = await connectNeo4j(neo4jConfig, logger);
  try {
    const { db } = connection;
    await applyMigrations(db);
    started = Date.now();
    const validation = await validateDocument(document, existingIdsIn(db));
    if (!validation.ok) throw new Error(`the generated document is invalid (a bug in the generator):\n${validation.errors.join('\n')}`);
    const validateMs = Date.now() - started;

    const doc = validation.document;
    // SOURCED_FROM edges are written too: one per node.
    const graphElements = doc.nodeCount + doc.relationshipCount + doc.nodeCount;
    let writeMs = 0;
    let firstBatchMs: number | null = null;
    let transactions = 0;
    if (!values['dry-run']) {
      started = Date.now();
      transactions = await writeInSlices(db, doc, txRows, (written, total) => {
        firstBatchMs ??= Date.now() - started;
        progress.update('writing', written, total);
      });
      writeMs = Date.now() - started;
      progress.done();
    }
    const seconds = writeMs / 1000;
    const summary = {
      target: connection.uri,
      scale,
      seed,
      counts,
      documentRelationships: doc.relationshipCount,
      relationshipsByType: graph.relationshipCounts,
      sourcedFrom: doc.nodeCount,
      dryRun: values['dry-run'],
      transactions,
      generateMs,
      validateMs,
      writeMs,
      // Until the first batch was written: the writer plans its statements first (EXPLAIN), then opens the transaction.
      firstBatchMs,
      // Nodes plus relationships (SOURCED_FROM included) stored per second of writing, planning included.
      loadRatePerSecond: seconds > 0 ? Math.round(graphElements / seconds) : null,
      fixtures: graph.fixtures,
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      process.stdout.write(
        `${values['dry-run'] ? 'validated' : 'loaded'} ${doc.nodeCount.toLocaleString('en')} nodes and ${doc.relationshipCount.toLocaleString('en')} relationships ` +
          `(+ ${doc.nodeCount.toLocaleString('en')} SOURCED_FROM) into ${connection.uri}` +
          (values['dry-run'] ? '\n' : ` in ${seconds.toFixed(1)} s (${transactions} transaction(s)): ${summary.loadRatePerSecond?.toLocaleString('en')} nodes+relationships/s\n`),
      );
    }
  } finally {
    await connection.close();
  }
}

/**
 * Writes the document in transactions of at most `maxRows` rows (0 = one transaction). Each slice is a
 * valid document of its own: nodes come before the relationships that reference them, and writeDocument
 * MERGEs the source again (a no-op). Returns the number of transactions.
 */
async function writeInSlices(
  db: Database,
  doc: ValidatedDocument,
  maxRows: number,
  onProgress: (written: number, total: number) => void,
): Promise<number> {
  const total = 1 + doc.nodeCount + doc.relationshipCount;
  if (maxRows === 0) {
    await writeDocument(db, doc, onProgress, WRITE_OPTIONS);
    return 1;
  }
  const slices: ValidatedDocument[] = [];
  let current = emptySlice(doc);
  const flush = () => {
    if (current.nodeCount + current.relationshipCount > 0) slices.push(current);
    current = emptySlice(doc);
  };
  const room = () => maxRows - current.nodeCount - current.relationshipCount;
  for (const [label, rows] of doc.nodes) {
    for (let start = 0; start < rows.length; ) {
      if (room() <= 0) flush();
      const part = rows.slice(start, start + room());
      current.nodes.set(label, [...(current.nodes.get(label) ?? []), ...part]);
      current.nodeCount += part.length;
      start += part.length;
    }
  }
  for (const group of doc.relationships) {
    for (let start = 0; start < group.rows.length; ) {
      if (room() <= 0) flush();
      const part = group.rows.slice(start, start + room());
      current.relationships.push({ ...group, rows: part });
      current.relationshipCount += part.length;
      start += part.length;
    }
  }
  flush();
  let done = 0;
  for (const slice of slices) {
    await writeDocument(db, slice, (written) => onProgress(Math.min(total, done + written), total), WRITE_OPTIONS);
    done += 1 + slice.nodeCount + slice.relationshipCount;
  }
  return slices.length;
}

function emptySlice(doc: ValidatedDocument): ValidatedDocument {
  return { ...doc, nodes: new Map(), relationships: [], nodeCount: 0, relationshipCount: 0 };
}

/** Transaction timeout of the bulk load. */
const BULK_TIMEOUT_MS = 3_600_000;

/** Recorded as `by` on everything written (the writer's provenance). */
const WRITE_OPTIONS = { by: 'cli:generate' };

class UsageError extends Error {}

runMain(main, [UsageError]);
