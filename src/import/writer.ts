import neo4j from 'neo4j-driver';
import type { Database, Params, Row } from '../db/database.js';
import { idsByLabelQuery } from '../db/ids-by-label.js';
import { sameStoredValue } from '../db/values.js';
import { setPublicCopies } from '../db/fulltext.js';
import { compareCodeUnits } from '../util/index.js';
import { nodeSyntheticExpression, refreshFromSource } from '../db/synthetic.js';
import { AppError, ErrorCode } from '../errors.js';
import { LABELS, RELATIONSHIP_TYPES, type Label, type RelType } from '../model/index.js';
import type { ExistingIds, NodeRow, RelationshipGroup, RelationshipRow, ValidatedDocument } from './document.js';

/** Rows per `UNWIND` statement: big enough to amortise round trips, small enough to keep each statement light. */
export const BATCH_SIZE = 2_000;

/** What an import did (or, in a dry run, would do) to the rows of one kind. */
export interface ImportCounts {
  /** Not in the graph before. */
  created: number;
  /** In the graph, with other property values or without this provenance: written. */
  updated: number;
  /** Already in the graph exactly so: not touched at all. */
  unchanged: number;
}

export interface LabelCounts extends ImportCounts {
  label: Label;
}

export interface TypeCounts extends ImportCounts {
  type: RelType;
}

/** The summary of an import: totals, then per label and per relationship type (model order, only those present). */
export interface ImportSummary {
  /** True when nothing was written (the counts say what an import would do). */
  dryRun: boolean;
  /** The document's source, or null for a document with row-by-row provenance (CSV). */
  sourceId: string | null;
  nodes: ImportCounts;
  relationships: ImportCounts;
  byLabel: LabelCounts[];
  byType: TypeCounts[];
}

export interface WriteOptions {
  /** Run everything, count, then roll the transaction back: exact counts, nothing written. Default false. */
  dryRun?: boolean;
  /** Who writes, a non-secret label recorded as `by` on what is written (`editor#1`, `cli:alice`). Default `import`. */
  by?: string;
  /** Rows per statement; default `BATCH_SIZE`. */
  batchSize?: number;
  /** Time the one write transaction may take; default the database's query timeout (an HTTP upload of a large project needs longer). */
  timeoutMs?: number;
  /**
   * Runs last inside the write transaction (not in a dry run), so what it writes commits together with the
   * document or not at all: the seed records there that a file finished (see `seed.ts`).
   */
  finish?: (run: (cypher: string, params?: Params) => Promise<Row[]>) => Promise<void>;
}

/** Reports rows processed (nodes, relationships and the source) of `total`, after every batch. */
export type ProgressListener = (written: number, total: number) => void;

/**
 * Writes a validated document in ONE write transaction (all or nothing), `UNWIND` batch by batch:
 * the source first, then nodes per label, then relationships per (label, type, label).
 *
 * - Upsert by id, and only rows that differ are written: a node whose given properties all equal the
 *   stored ones and that already has its `SOURCED_FROM` edge (same `locator`) is left untouched, as is a
 *   relationship with equal properties and `sourceId`. Re-writing the same document changes nothing.
 *   Properties a row does not give are kept (`SET n += row`).
 * - Provenance: every node written gets `SOURCED_FROM {locator, by, at}` to the document's source (or,
 *   without one, to the fallback source); every relationship written gets `sourceId`, `by` and `at`. A node
 *   the document creates with SOURCED_FROM rows of its own (CSV) has those as its sources, not also the
 *   fallback one, which would make a made-up node real; a node it changes records the edit against the
 *   fallback source as any edit does.
 * - `synthetic` (db/synthetic.ts): set as rows are written; the nodes SOURCED_FROM rows touch are recomputed
 *   once all of those edges are in place.
 * - Made-up data never changes real data: a row from a synthetic source (the document's, a relationship row's
 *   own, or for Source rows the document's) that would change a real node's properties or a real
 *   relationship (its properties or its source) is refused by its statement, on the stored flags, and the
 *   transaction is rolled back with BAD_USER_INPUT naming the rows and their positions (`madeUpEdits`). A row
 *   equal to the stored data, a new node or relationship, and any change of made-up data are written as usual;
 *   so is a real node a synthetic document lists unchanged (it gains that source; it stays real).
 * - Every row must land: if a relationship's endpoint vanished since validation the transaction is rolled
 *   back with BAD_USER_INPUT (reason CONFLICT).
 * - `dryRun`: the same statements run, then the transaction is rolled back; the counts are exact.
 */
export async function writeDocument(
  db: Database,
  doc: ValidatedDocument,
  onProgress?: ProgressListener,
  options: WriteOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const total = (doc.source ? 1 : 0) + doc.nodeCount + doc.relationshipCount;
  const fallback = doc.fallbackSource ?? null;
  const fixed: Params = {
    by: options.by ?? 'import',
    at: neo4j.types.DateTime.fromStandardDate(new Date()),
    fallbackId: fallback?.id ?? null,
  };

  // Nodes whose provenance is among the document's rows (SOURCED_FROM rows, CSV), per label: planned and written.
  const ownSourced = sourcedByRows(doc);
  const ownIds = new Set([...ownSourced.values()].flat());

  const work = async (run: (cypher: string, params?: Params) => Promise<Row[]>): Promise<ImportSummary> => {
    // Inside: the driver runs `work` again when it retries a transient failure.
    const tally = new Tally(doc.source?.id ?? null, options.dryRun ?? false);
    let written = 0;
    const batches = async <T>(rows: T[], each: (batch: T[]) => Promise<void>) => {
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize);
        await each(batch);
        written += batch.length;
        onProgress?.(written, total);
      }
    };

    // Sources whose row was written over: their own `synthetic` may have changed, and with it the flag of
    // what they are the source of (recomputed at the end, when every edge of this document is in place).
    const updatedSources: string[] = [];
    const noteUpdatedSources = (result: Row[]) => {
      for (const row of result) updatedSources.push(...((row.updatedIds as string[] | undefined) ?? []));
      return result;
    };
    // Made-up data never changes real data: a row from a synthetic source that would change a real node or
    // relationship comes back `refused` from its statement, and the first batch with one ends the import.
    const refuse = (result: Row[], describe: (refused: unknown) => string) => {
      const refused = result.find((row) => row.outcome === 'refused');
      if (refused) throw madeUpEdits(Number(refused.count), (refused.refused as unknown[]).map(describe));
    };
    const madeUp = doc.source?.props.synthetic === true;
    if (doc.source) {
      await batches([doc.source], async (batch) => {
        const result = await run(nodeStatement('Source', false, false), { ...fixed, rows: batch, madeUp });
        refuse(result, () => nodeRefusal(doc, doc.source!, doc.source!.id));
        tally.nodes('Source', noteUpdatedSources(result));
      });
    }
    // The fallback source is created up front (statements below MATCH it) and removed again at the end if nothing used it.
    const createdFallback = fallback && !doc.nodes.get('Source')?.some((row) => row.id === fallback.id) ? await ensureSource(run, fallback) : false;

    let fallbackUses = 0;
    for (const [label, rows] of nodesInLockOrder(doc)) {
      // Sources are the roots of provenance: they get no SOURCED_FROM edge themselves.
      const sourceId = label === 'Source' ? null : (doc.source?.id ?? fallback?.id ?? null);
      const strict = doc.source !== null;
      const cypher = nodeStatement(label, sourceId !== null, strict);
      await batches(rows, async (batch) => {
        const params = { ...fixed, rows: nodeRows(batch, sourceId !== null && !strict, ownIds), sourceId, madeUp: label === 'Source' && madeUp };
        const result = await run(cypher, params);
        refuse(result, (id) => nodeRefusal(doc, batch.find((row) => row.id === id)!, sourceId ?? doc.source!.id));
        const counts = tally.nodes(label, noteUpdatedSources(result));
        // No row at all: the source (MATCHed first) is gone.
        if (counts.created + counts.updated + counts.unchanged !== batch.length) throw vanished(`the source ${sourceId} of ${label} rows`);
        if (sourceId !== null && !strict) fallbackUses += sum(result, 'fallbackUses');
      });
    }
    for (const group of relationshipsInLockOrder(doc)) {
      const cypher = relationshipStatement(group);
      await batches(group.rows, async (batch) => {
        const rows = batch.map(relationshipParams);
        const result = await run(cypher, { ...fixed, rows, defaultSourceId: doc.source?.id ?? null });
        refuse(result, (ends) => {
          const [from, to] = ends as [string, string];
          const row = batch.find((r) => r.from === from && r.to === to)!;
          return relationshipRefusal(doc, group.type, row, row.sourceId ?? doc.source?.id ?? fallback?.id ?? '');
        });
        tally.relationships(group.type, result);
        if (sum(result, 'count') < batch.length) throw vanished(`an endpoint of a ${group.type} relationship`);
        fallbackUses += sum(result, 'fallbackUses');
      });
    }
    // The node statements ran before these nodes' SOURCED_FROM rows were written: their flags follow now.
    for (const [label, ids] of ownSourced) {
      const cypher = flagStatement(label);
      for (let start = 0; start < ids.length; start += batchSize) await run(cypher, { ids: ids.slice(start, start + batchSize) });
    }

    for (const id of new Set(updatedSources)) await refreshFromSource(run, id);
    if (fallback && createdFallback) {
      if (fallbackUses > 0) tally.add('Source', 'created');
      else await run('MATCH (s:Source {id: $id}) DELETE s', { id: fallback.id });
    }
    const summary = tally.summary();
    if (options.dryRun) throw new DryRunRollback(summary);
    await options.finish?.(run);
    return summary;
  };

  // Planning a statement the first time takes a while on a cold or busy server; plan them all first
  // (EXPLAIN plans without running, in a transaction before this one) so the one write transaction
  // below only executes cached plans and stays within the transaction timeout.
  await prepareStatements(db, doc, fixed, ownSourced, ownIds);
  try {
    return await db.writeTransaction(work, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    // Timed out or unreachable (not a collision with other writes): the server may have restarted without
    // this process knowing (an external one gives no signal), and a restarted server plans inside the write
    // transaction, on a cold JVM, past its timeout. The next import plans everything first again, so that a
    // retry does not fail the same way.
    if (error instanceof AppError && error.code === ErrorCode.SERVICE_UNAVAILABLE && error.extensions.reason !== 'CONFLICT') forgetPlannedStatements();
    throw error;
  }
}

/** Thrown inside the transaction of a dry run, so that the driver rolls it back; carries the counts out. */
class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run: rolled back');
  }
}

function vanished(what: string): AppError {
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    `The graph changed during the import (${what} no longer exists); nothing was written. Run the import again.`,
    { reason: 'CONFLICT' },
  );
}

/** Rows named per refusal (`madeUpEdits`): enough to see the pattern, the count says how many there are. */
const REFUSALS_NAMED = 5;

/**
 * BAD_USER_INPUT for rows from a synthetic source that would change real data (`count` of them in the batch,
 * `lines` naming the first), each line with its position as validation errors have (also in
 * `extensions.errors`). The transaction rolls back: nothing was written.
 */
function madeUpEdits(count: number, lines: string[]): AppError {
  const more = count > lines.length ? [`… and ${count - lines.length} more row(s) of this kind`] : [];
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    `Made-up data cannot change real data: ${count} row(s) from a synthetic source would change a real node or relationship; nothing was written:\n${[...lines, ...more].join('\n')}`,
    { errors: [...lines, ...more] },
  );
}

/** Where a row was given: its position and what it is (`nodes[3] (practice:x)`), or what it is alone. */
function at(doc: ValidatedDocument, row: NodeRow | RelationshipRow, what: string): string {
  const position = doc.positions?.get(row);
  return position ? `${position} (${what})` : what;
}

function nodeRefusal(doc: ValidatedDocument, row: NodeRow, sourceId: string): string {
  return (
    `${at(doc, row, row.id)}: ${row.id} is real data and would change, but this row comes from the synthetic (made-up) source ${sourceId}; ` +
    'leave the row out or make it equal to the stored node, give the made-up node an id of its own, or import it from a real source'
  );
}

function relationshipRefusal(doc: ValidatedDocument, type: RelType, row: RelationshipRow, sourceId: string): string {
  const what = `${row.from} -[:${type}]-> ${row.to}`;
  return (
    `${at(doc, row, what)}: this relationship is real data and would change (its properties or its source), but this row comes from the ` +
    `synthetic (made-up) source ${sourceId}; leave the row out, or import it from a real source`
  );
}

/** Whether property `k` of a row leaves the stored one as it is (`sameStoredValue`: an unset `restricted` is false). */
const SAME_VALUE = sameStoredValue('old', 'row.props', 'k');

/**
 * One batch of nodes of `label`: each row classified as created / updated / unchanged, and only the first
 * two written (FOREACH over a zero- or one-element list is Cypher's conditional write: cheaper per row than
 * a subquery). New nodes are CREATEd (the uniqueness constraint on `id` turns a concurrent create of the
 * same id into a conflict). With a source (`$sourceId`, looked up once per batch) every written node gets
 * its SOURCED_FROM edge; `strict`: that edge (with the row's locator) must already be there for
 * "unchanged" (the JSON format), otherwise the source is only linked to rows written anyway (the fallback
 * source of a CSV import), and not to a new node with SOURCED_FROM rows of its own (`row.ownSource`, see
 * `nodeRows`); the batch's uses of the fallback source come back as `fallbackUses`. A row from a synthetic
 * source (`s`, or `$madeUp` for Source rows) that would change a real node's properties is `refused` and not
 * written, the first few ids in `refused`. The label comes from the model.
 */
function nodeStatement(label: Label, withSource: boolean, strict: boolean): string {
  const fallback = withSource && !strict;
  const provenanceUnchanged = withSource && strict
    ? `AND EXISTS { MATCH (old)-[e:SOURCED_FROM]->(s) WHERE coalesce(e.locator, '') = coalesce(row.locator, '') }`
    : '';
  const edge = 'CREATE (n)-[:SOURCED_FROM {locator: row.locator, by: $by, at: $at, synthetic: coalesce(s.synthetic, false)}]->(s)';
  const createEdge = !withSource ? '' : fallback ? `FOREACH (own IN CASE WHEN row.ownSource THEN [] ELSE [1] END | ${edge})` : edge;
  const mergeEdge = withSource ? 'MERGE (old)-[e:SOURCED_FROM]->(s) SET e.locator = row.locator, e.by = $by, e.at = $at, e.synthetic = coalesce(s.synthetic, false)' : '';
  // The stored `synthetic` flag (db/synthetic.ts): a Source's own; a node with a source: all its sources are
  // synthetic (a new node has only `s`; an updated one `s` and those it had); a node without any: false (a new
  // one with its own SOURCED_FROM rows gets its flag when they are written: `flagStatement`).
  const isSource = label === 'Source';
  const createdFlag = isSource
    ? 'coalesce(row.props.synthetic, false)'
    : !withSource ? 'false' : fallback ? 'CASE WHEN row.ownSource THEN false ELSE coalesce(s.synthetic, false) END' : 'coalesce(s.synthetic, false)';
  const updatedFlag = isSource
    ? 'coalesce(old.synthetic, false)'
    : withSource
      ? 'coalesce(s.synthetic, false) AND all(x IN [(old)-[:SOURCED_FROM]->(q:Source) WHERE q <> s | coalesce(q.synthetic, false)] WHERE x)'
      : 'coalesce(old.synthetic, false)';
  // Whether the rows come from a synthetic source: the stored flag of `s`; Source rows have no `s` (they are
  // the roots of provenance) and are written from the document's source, whose flag the caller gives.
  const madeUp = withSource ? 'coalesce(s.synthetic, false)' : '$madeUp';
  return `${withSource ? 'MATCH (s:Source {id: $sourceId})' : ''}
    UNWIND $rows AS row
    OPTIONAL MATCH (old:${label} {id: row.id})
    WITH ${withSource ? 's, ' : ''}row, old,
      coalesce(old.searchKey = row.searchKey AND all(k IN keys(row.props) WHERE ${SAME_VALUE}), false) AS same
    WITH ${withSource ? 's, ' : ''}row, old, CASE
      WHEN old IS NULL THEN 'created'
      WHEN same ${provenanceUnchanged} THEN 'unchanged'
      WHEN NOT same AND ${madeUp} AND NOT coalesce(old.synthetic, false) THEN 'refused'
      ELSE 'updated' END AS outcome
    FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
      CREATE (n:${label} {id: row.id}) SET n += row.props, n.searchKey = row.searchKey, n.synthetic = ${createdFlag}
      ${setPublicCopies('n', label)}
      ${createEdge})
    FOREACH (_ IN CASE WHEN outcome = 'updated' THEN [1] ELSE [] END |
      SET old += row.props, old.searchKey = row.searchKey
      ${setPublicCopies('old', label)}
      ${mergeEdge}
      SET old.synthetic = ${updatedFlag})
    RETURN outcome, count(*) AS count, collect(CASE WHEN outcome = 'refused' THEN row.id END)[..${REFUSALS_NAMED}] AS refused${
      isSource ? ", collect(CASE WHEN outcome = 'updated' THEN row.id END) AS updatedIds" : ''
    }${
      fallback ? ", sum(CASE WHEN outcome = 'updated' OR (outcome = 'created' AND NOT row.ownSource) THEN 1 ELSE 0 END) AS fallbackUses" : ''
    }`;
}

/**
 * The parameter rows of a node batch: with the fallback source (`fallback`), each says whether the node has
 * SOURCED_FROM rows of its own in the document (`ownSource`: its id is in `ownIds`, see `sourcedByRows`).
 */
function nodeRows(rows: NodeRow[], fallback: boolean, ownIds: ReadonlySet<string>): Array<NodeRow & { ownSource?: boolean }> {
  return fallback ? rows.map((row) => ({ ...row, ownSource: ownIds.has(row.id) })) : rows;
}

/**
 * The nodes whose provenance the document gives row by row (the `from` of its SOURCED_FROM rows; only
 * documents without a source have them), per label, each label's ids sorted (the lock order).
 */
function sourcedByRows(doc: ValidatedDocument): Map<Label, string[]> {
  const byLabel = new Map<Label, Set<string>>();
  for (const group of doc.relationships) {
    if (group.type !== 'SOURCED_FROM') continue;
    const ids = byLabel.get(group.from) ?? new Set<string>();
    for (const row of group.rows) ids.add(row.from);
    byLabel.set(group.from, ids);
  }
  return new Map([...byLabel].map(([label, ids]) => [label, [...ids].sort(compareCodeUnits)]));
}

/**
 * One batch of nodes of `label` (`$ids`) whose SOURCED_FROM rows the document wrote: their stored `synthetic`
 * recomputed by the one rule (`nodeSyntheticExpression`: all of a node's sources are synthetic), now that all
 * their edges are in place. Only flags that differ are written.
 */
function flagStatement(label: Label): string {
  return `UNWIND $ids AS id
    MATCH (n:${label} {id: id})
    WITH n, ${nodeSyntheticExpression('n')} AS flag
    WHERE n.synthetic IS NULL OR n.synthetic <> flag
    SET n.synthetic = flag`;
}

/**
 * One batch of relationships of one allowed triple (labels and type from the model), classified and
 * written like nodes; new ones are MERGEd (it locks both nodes, so concurrent imports never duplicate a
 * relationship). `sourceId` of a row: its own, else the document's source, else (when written) the fallback
 * source. `SOURCED_FROM` rows (CSV) carry `locator`, `by` and `at` but no `sourceId`. A row from a synthetic
 * source that would change a real relationship is `refused` and not written (the first few `[from, to]` in
 * `refused`): writing it would also take the relationship's real `sourceId` and flag away.
 */
function relationshipStatement(group: RelationshipGroup): string {
  const provenance = group.type === 'SOURCED_FROM';
  const sourceUnchanged = provenance ? '' : 'AND (coalesce(row.sourceId, $defaultSourceId) IS NULL OR old.sourceId = coalesce(row.sourceId, $defaultSourceId))';
  const setSource = (r: string) => (provenance ? '' : `, ${r}.sourceId = coalesce(row.sourceId, $defaultSourceId, $fallbackId)`);
  const fallbackUse = provenance
    ? '0'
    : "CASE WHEN outcome <> 'unchanged' AND row.sourceId IS NULL AND $defaultSourceId IS NULL AND $fallbackId IS NOT NULL THEN 1 ELSE 0 END";
  // The stored `synthetic` flag (db/synthetic.ts): a relationship's source is synthetic; SOURCED_FROM: its Source is.
  const sourceOf = provenance ? '' : 'OPTIONAL MATCH (src:Source {id: coalesce(row.sourceId, $defaultSourceId, $fallbackId)})';
  const flag = provenance ? 'coalesce(b.synthetic, false)' : 'coalesce(src.synthetic, false)';
  return `UNWIND $rows AS row
    MATCH (a:${group.from} {id: row.from})
    MATCH (b:${group.to} {id: row.to})
    OPTIONAL MATCH (a)-[old:${group.type}]->(b)
    ${sourceOf}
    WITH a, b, row, old, ${flag} AS flag, CASE
      WHEN old IS NULL THEN 'created'
      WHEN all(k IN keys(row.props) WHERE ${SAME_VALUE}) ${sourceUnchanged} THEN 'unchanged'
      WHEN ${flag} AND NOT coalesce(old.synthetic, false) THEN 'refused'
      ELSE 'updated' END AS outcome
    FOREACH (_ IN CASE WHEN outcome = 'created' THEN [1] ELSE [] END |
      MERGE (a)-[r:${group.type}]->(b) SET r += row.onCreate, r += row.props${setSource('r')}, r.by = $by, r.at = $at, r.synthetic = flag)
    FOREACH (_ IN CASE WHEN outcome = 'updated' THEN [1] ELSE [] END |
      SET old += row.props${setSource('old')}, old.by = $by, old.at = $at, old.synthetic = flag)
    RETURN outcome, count(*) AS count, sum(${fallbackUse}) AS fallbackUses,
      collect(CASE WHEN outcome = 'refused' THEN [row.from, row.to] END)[..${REFUSALS_NAMED}] AS refused`;
}

/** A relationship row as the relationship statement takes it (`onCreate`: set only on a relationship it creates). */
function relationshipParams(row: RelationshipRow): Params {
  return { from: row.from, to: row.to, props: row.props, sourceId: row.sourceId ?? null, onCreate: row.onCreate ?? {} };
}

/**
 * Plans every statement `writeDocument` will run for `doc` (with parameters of the same shape, which the
 * plan cache keys on), so their planning does not count against the write transaction's timeout.
 */
async function prepareStatements(
  db: Database,
  doc: ValidatedDocument,
  fixed: Params,
  ownSourced: ReadonlyMap<Label, string[]>,
  ownIds: ReadonlySet<string>,
): Promise<void> {
  const statements: Array<[string, Params]> = [];
  const madeUp = doc.source?.props.synthetic === true;
  if (doc.source) statements.push([nodeStatement('Source', false, false), { ...fixed, rows: [doc.source], madeUp }]);
  for (const [label, rows] of doc.nodes) {
    const sourceId = label === 'Source' ? null : (doc.source?.id ?? doc.fallbackSource?.id ?? null);
    const fallback = sourceId !== null && doc.source === null;
    const params = { ...fixed, rows: nodeRows(rows.slice(0, 1), fallback, ownIds), sourceId, madeUp: label === 'Source' && madeUp };
    statements.push([nodeStatement(label, sourceId !== null, doc.source !== null), params]);
  }
  for (const group of doc.relationships) {
    const rows = group.rows.slice(0, 1).map(relationshipParams);
    statements.push([relationshipStatement(group), { ...fixed, rows, defaultSourceId: doc.source?.id ?? null }]);
  }
  for (const [label, ids] of ownSourced) statements.push([flagStatement(label), { ids: ids.slice(0, 1) }]);
  // Each statement once while the server keeps its plan cache (`planned`), all in one transaction: an
  // API import of 150 rows had paid one transaction per statement on every request before its own write.
  const unplanned = statements.filter(([cypher]) => !planned.has(cypher));
  if (unplanned.length === 0) return;
  await db.writeTransaction(
    async (run) => {
      for (const [cypher, params] of unplanned) await run(`EXPLAIN ${cypher}`, params);
    },
    { timeoutMs: PLANNING_TIMEOUT_MS },
  );
  for (const [cypher] of unplanned) planned.add(cypher);
  if (planned.size > 10_000) planned.clear();
}

/**
 * Time the planning transaction may take. It writes nothing and takes no locks, so the query timeout's
 * reason (a runaway statement holding them) does not apply: on a new store, right after Neo4j started, the
 * seed's first file planned its forty statements in 10.5 s, past the 10 s query timeout, and the start
 * waited for a retry.
 */
const PLANNING_TIMEOUT_MS = 120_000;

/**
 * The import statements this process has had planned (their text; parameters always have the same shape).
 * It stands for the server's plan cache, so it must be emptied when that cache is: `forgetPlannedStatements`.
 */
const planned = new Set<string>();

/**
 * Forgets which import statements were planned: call it when the server lost its plan cache (a restarted
 * Neo4j). Otherwise the next import would be planned inside its write transaction, on a cold JVM, and a
 * document with many labels and relationship types could pass the query timeout while only planning (as
 * the seed's first file did at 10.5 s on a new store).
 */
export function forgetPlannedStatements(): void {
  planned.clear();
}

/**
 * The node rows in one order for every import: Sources first (the others' provenance refers to them), then
 * labels by name, each label's rows by id. Neo4j locks what it writes as it goes; two transactions that lock
 * shared nodes in opposite orders deadlock, so concurrent imports must all take their locks in one order.
 */
function nodesInLockOrder(doc: ValidatedDocument): Array<[Label, NodeRow[]]> {
  const labels = [...doc.nodes.keys()].sort((a, b) => (a === 'Source' ? -1 : b === 'Source' ? 1 : compareCodeUnits(a, b)));
  return labels.map((label) => [label, [...doc.nodes.get(label)!].sort((a, b) => compareCodeUnits(a.id, b.id))]);
}

/**
 * The relationship groups in one order for every import (by type, then labels), each group's rows by the
 * ends that existed before this document, then by the others. Writing a relationship locks both its ends:
 * 32 concurrent imports linking new cases to the same municipalities and practices in row order deadlocked
 * past the driver's retries (the benchmark at c = 32, 2026-12-02 05:01). The ends this document creates are
 * locked by it alone; the shared ones, taken in id order by every import, cannot form a cycle within a group.
 */
function relationshipsInLockOrder(doc: ValidatedDocument): RelationshipGroup[] {
  const created = new Set<string>();
  for (const rows of doc.nodes.values()) for (const row of rows) created.add(row.id);
  const shared = (row: RelationshipGroup['rows'][number]) => [row.from, row.to].filter((id) => !created.has(id)).sort(compareCodeUnits);
  const key = (row: RelationshipGroup['rows'][number]) => [...shared(row), '', row.from, row.to];
  return [...doc.relationships]
    .sort((a, b) => compareCodeUnits(`${a.type} ${a.from} ${a.to}`, `${b.type} ${b.from} ${b.to}`))
    .map((group) => {
      const keyed = group.rows.map((row) => ({ row, key: key(row) }));
      keyed.sort((a, b) => compareKeys(a.key, b.key));
      return { ...group, rows: keyed.map(({ row }) => row) };
    });
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareCodeUnits(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Creates `source` unless it exists; returns whether it did. */
async function ensureSource(run: (cypher: string, params?: Params) => Promise<Row[]>, source: NodeRow): Promise<boolean> {
  const rows = await run(
    `OPTIONAL MATCH (existing:Source {id: $row.id})
     WITH existing WHERE existing IS NULL
     CREATE (s:Source {id: $row.id}) SET s += $row.props, s.searchKey = $row.searchKey
     RETURN true AS created`,
    { row: source },
  );
  return rows.length > 0;
}

function sum(rows: Row[], key: string): number {
  return rows.reduce((total, row) => total + Number(row[key] ?? 0), 0);
}

type Outcome = keyof ImportCounts;

/** Adds up the per-batch outcome rows into the summary. */
class Tally {
  private readonly labels = new Map<Label, ImportCounts>();
  private readonly types = new Map<RelType, ImportCounts>();

  constructor(
    private readonly sourceId: string | null,
    private readonly dryRun: boolean,
  ) {}

  nodes(label: Label, rows: Row[]): ImportCounts {
    return this.record(this.labels, label, rows);
  }

  relationships(type: RelType, rows: Row[]): ImportCounts {
    return this.record(this.types, type, rows);
  }

  add(label: Label, outcome: Outcome): void {
    const counts = this.labels.get(label) ?? zero();
    counts[outcome] += 1;
    this.labels.set(label, counts);
  }

  summary(): ImportSummary {
    const byLabel = LABELS.filter((label) => this.labels.has(label)).map((label) => ({ label, ...this.labels.get(label)! }));
    const byType = RELATIONSHIP_TYPES.filter((type) => this.types.has(type)).map((type) => ({ type, ...this.types.get(type)! }));
    return { dryRun: this.dryRun, sourceId: this.sourceId, nodes: totalOf(byLabel), relationships: totalOf(byType), byLabel, byType };
  }

  /** Adds one batch's rows `{outcome, count}` to `key`; returns the batch's own counts. */
  private record<K>(into: Map<K, ImportCounts>, key: K, rows: Row[]): ImportCounts {
    const batch = zero();
    for (const row of rows) batch[row.outcome as Outcome] += Number(row.count);
    const counts = into.get(key) ?? zero();
    for (const outcome of ['created', 'updated', 'unchanged'] as const) counts[outcome] += batch[outcome];
    into.set(key, counts);
    return batch;
  }
}

const zero = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

function totalOf(parts: ImportCounts[]): ImportCounts {
  const total = zero();
  for (const part of parts) for (const outcome of ['created', 'updated', 'unchanged'] as const) total[outcome] += part[outcome];
  return total;
}

/** `ExistingIds` backed by the database: one indexed lookup per label, in one statement. */
export function existingIdsIn(db: Database): ExistingIds {
  return async (idsByLabel: Map<Label, string[]>) => {
    const query = idsByLabelQuery(idsByLabel);
    if (!query) return new Set();
    const rows: Row[] = await db.read(query.cypher, query.params);
    return new Set(rows.map((row) => row.id as string));
  };
}
