import neo4j from 'neo4j-driver';
import { LABELS, RELATIONSHIP_TYPES } from '../model/index.js';
import type { Database, Params, Row } from './database.js';

/**
 * Every node and relationship stores a boolean `synthetic`: true for made-up, illustrative data. It is
 * stored rather than worked out per query so that a scope (`scope: REAL`) is a property test on what a
 * query walks, not a provenance lookup per node and relationship. The rule:
 *
 * - a Source: its own `synthetic` property (required by the model);
 * - any other node: it has at least one source and all its sources are synthetic (an unsourced node is
 *   not claimed to be made up; every write gives a node a source, so that is rare);
 * - a relationship: the Source its `sourceId` names is synthetic; a `SOURCED_FROM` edge: its Source is.
 *
 * Writes set it as they go (bulk import, mutations, `link`); `applySyntheticFlags` recomputes it for
 * existing data at start-up, and `refreshFromSource` when a Source's own flag changes.
 */

/** Cypher for the flag node `v` should have (see the rule above). */
export function nodeSyntheticExpression(v: string): string {
  return `CASE WHEN ${v}:Source THEN coalesce(${v}.synthetic, false) ELSE (EXISTS { (${v})-[:SOURCED_FROM]->(:Source) } AND NOT EXISTS { (${v})-[:SOURCED_FROM]->(q_${v}:Source) WHERE NOT coalesce(q_${v}.synthetic, false) }) END`;
}

/** Rows changed per statement of the backfill: keeps each transaction small on a large graph. */
const BACKFILL_BATCH = 10_000;

type Run = (cypher: string, params?: Params) => Promise<Row[]>;

/** Runs `cypher` (which must return `count` of rows changed, at most `$batch`) until it changes nothing. */
async function untilDone(db: Database, cypher: string, params: Params = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.write(cypher, { ...params, batch: neo4j.int(BACKFILL_BATCH) });
    const changed = Number(rows[0]?.count ?? 0);
    total += changed;
    if (changed < BACKFILL_BATCH) return total;
  }
}

/**
 * Sets `synthetic` on every node and relationship whose stored flag is missing or differs from the rule:
 * idempotent (a second run changes nothing), run at every start-up after the migrations. Only rows that
 * differ are written. Returns how many nodes and relationships it changed.
 */
export async function applySyntheticFlags(db: Database): Promise<{ nodes: number; relationships: number }> {
  // Three statements, each over every label or type at once (`n:A|B|…`), not one per label and type: the rule
  // is the same for all of them, and on a start each distinct statement is planned on a cold JVM (forty of
  // them held /ready for ~6 s of planning even when nothing needed changing: 9.1 s → 2.8 s for the migrations).
  /** `flagOf` binds `v` (`n` or `r`) and its `flag`; what differs is set, a batch at a time. */
  const backfill = (flagOf: string, v: 'n' | 'r') =>
    untilDone(
      db,
      `${flagOf}
       WHERE ${v}.synthetic IS NULL OR ${v}.synthetic <> flag
       WITH ${v}, flag LIMIT $batch
       SET ${v}.synthetic = flag
       RETURN count(*) AS count`,
    );
  const nodes = await backfill(`MATCH (n:${LABELS.join('|')}) WITH n, ${nodeSyntheticExpression('n')} AS flag`, 'n');
  const sourcedFrom = await backfill('MATCH ()-[r:SOURCED_FROM]->(q) WITH r, coalesce(q.synthetic, false) AS flag', 'r');
  const others = await backfill(
    `MATCH ()-[r:${RELATIONSHIP_TYPES.filter((type) => type !== 'SOURCED_FROM').join('|')}]->()
     OPTIONAL MATCH (q:Source {id: r.sourceId})
     WITH r, coalesce(q.synthetic, false) AS flag`,
    'r',
  );
  return { nodes, relationships: sourcedFrom + others };
}

/**
 * After the own flag of Source `id` changed (inside the same write transaction): recomputes the nodes it
 * is the source of, its SOURCED_FROM edges, and the relationships whose `sourceId` it is.
 */
export async function refreshFromSource(run: Run, id: string): Promise<void> {
  await run(
    `MATCH (s:Source {id: $id})
     CALL (s) {
       MATCH (n)-[e:SOURCED_FROM]->(s)
       SET e.synthetic = coalesce(s.synthetic, false), n.synthetic = ${nodeSyntheticExpression('n')}
     }
     CALL (s) {
       MATCH ()-[r]->() WHERE r.sourceId = s.id
       SET r.synthetic = coalesce(s.synthetic, false)
     }`,
    { id },
  );
}
