import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { DataScope, LABELS, NodeType, RELATIONSHIP_TYPES, andClause, anchorInScope, elementInScope, scopePredicate, whereClause, toNodeRecord, type NodeRecord } from '../model/index.js';
import { CONTENT_RELATIONSHIP_TYPES, checkRange, labelExpression, relTypeExpression } from './cypher.js';

/** Counts of the model's part of the graph. */
export interface GraphStatsData {
  /** Nodes carrying a label of the model. */
  nodeCount: number;
  /** Relationships of a type of the model (SOURCED_FROM included). */
  relationshipCount: number;
  /** Per model label, in model order (zero counts included). */
  byLabel: Array<{ label: string; count: number }>;
  /** Per model relationship type, in model order (zero counts included). */
  byType: Array<{ type: string; count: number }>;
  /** Of `nodeCount`, the synthetic nodes (0 under REAL, all under SYNTHETIC). */
  syntheticNodeCount: number;
  /** Of `relationshipCount`, the synthetic relationships. */
  syntheticRelationshipCount: number;
  /** Synthetic nodes and relationships over all counted, 0..1 (0 for an empty graph). */
  syntheticShare: number;
  /** The scope the counts were taken in (`topPractices` follows it unless given its own). */
  scope: DataScope;
}

/**
 * Node and relationship counts of the model's part of the graph in `scope`, per label and per type, in one
 * statement, a second for the made-up part of ALL when asked for (single-label and single-type counts of
 * ALL come from Neo4j's count store). The whole-graph exports of a scope contain exactly these.
 */
export async function graphStats(db: Database, scope: DataScope = DataScope.ALL, options: { syntheticCounts?: boolean } = {}): Promise<GraphStatsData> {
  const counts = await countsIn(db, scope);
  // Under REAL nothing counted is made up, under SYNTHETIC everything is. Under ALL the made-up part is the
  // SYNTHETIC count (a second statement, only when asked for: it reads every node and relationship, while
  // the plain counts of ALL come from the count store). So stats(SYNTHETIC) is exactly ALL's made-up part.
  const synthetic =
    scope === DataScope.REAL || (scope === DataScope.ALL && options.syntheticCounts === false)
      ? { nodeCount: 0, relationshipCount: 0 }
      : scope === DataScope.SYNTHETIC
        ? counts
        : await countsIn(db, DataScope.SYNTHETIC);
  const all = counts.nodeCount + counts.relationshipCount;
  return {
    ...counts,
    syntheticNodeCount: synthetic.nodeCount,
    syntheticRelationshipCount: synthetic.relationshipCount,
    syntheticShare: all === 0 ? 0 : (synthetic.nodeCount + synthetic.relationshipCount) / all,
    scope,
  };
}

/**
 * The counts of one scope, in one statement. Each element counts by its own flag, so REAL and SYNTHETIC
 * partition ALL (their counts add up to it). ALL adds no predicate: its counts come from the count store.
 */
async function countsIn(db: Database, scope: DataScope): Promise<Pick<GraphStatsData, 'nodeCount' | 'relationshipCount' | 'byLabel' | 'byType'>> {
  const n = whereClause(elementInScope('n', scope));
  const r = whereClause(elementInScope('r', scope));
  const byLabel = LABELS.map((label) => `{label: '${label}', count: COUNT { MATCH (n:${label}) ${n} }}`).join(', ');
  const byType = RELATIONSHIP_TYPES.map((type) => `{type: '${type}', count: COUNT { MATCH ()-[r:${type}]->() ${r} }}`).join(', ');
  const [row] = await db.read(
    `RETURN COUNT { MATCH (n) WHERE n:${labelExpression()} ${andClause(elementInScope('n', scope))} } AS nodeCount,
            COUNT { MATCH ()-[r:${relTypeExpression(RELATIONSHIP_TYPES)}]->() ${r} } AS relationshipCount,
            [${byLabel}] AS byLabel,
            [${byType}] AS byType`,
  );
  return row as unknown as Pick<GraphStatsData, 'nodeCount' | 'relationshipCount' | 'byLabel' | 'byType'>;
}

/** `topPractices` returns 10 by default, at most 100. */
export const TOP_PRACTICES_DEFAULT_LIMIT = 10;
export const TOP_PRACTICES_MAX_LIMIT = 100;

/** A practice and its degree. */
export interface PracticeDegreeData {
  practice: NodeRecord;
  /** Relationships of the practice other than provenance (USES, APPLIES, ADDRESSES, CALLS_FOR, …), in the scope. */
  degree: number;
  /** Share of that degree made of synthetic relationships or relationships to synthetic nodes (0 when the degree is). */
  syntheticShare: number;
}

/** The most connected practices: highest degree first (provenance not counted), ties by name then id; `limit` 1..100. */
export async function topPractices(db: Database, limit?: number | null, scope: DataScope = DataScope.ALL, options: { syntheticShare?: boolean } = {}): Promise<PracticeDegreeData[]> {
  const max = checkRange(limit ?? TOP_PRACTICES_DEFAULT_LIMIT, 1, TOP_PRACTICES_MAX_LIMIT, 'limit');
  const rels = relTypeExpression(CONTENT_RELATIONSHIP_TYPES);
  // The degree counts only relationships in the scope to neighbours in the scope (the practice is an anchor).
  const rows = await db.read(
    `MATCH (p:Practice) ${whereClause(anchorInScope('p', scope))}
     WITH p, COUNT { (p)-[r:${rels}]-(o) ${whereClause(scopePredicate(scope, ['r', 'o']))} } AS degree,
             ${
               // Counted only when asked for: a second pass over every practice's relationships.
               options.syntheticShare === false ? '0' : `COUNT { (p)-[r:${rels}]-(o) WHERE (coalesce(r.synthetic, false) OR coalesce(o.synthetic, false)) ${andClause(scopePredicate(scope, ['r', 'o']))} }`
             } AS madeUp
     ORDER BY degree DESC, p.name, p.id
     LIMIT $limit
     RETURN properties(p) AS props, degree, madeUp`,
    { limit: neo4j.int(max) },
  );
  return rows.map((row) => ({
    practice: toNodeRecord(NodeType.PRACTICE, row.props as Record<string, unknown>),
    degree: row.degree as number,
    syntheticShare: (row.degree as number) === 0 ? 0 : (row.madeUp as number) / (row.degree as number),
  }));
}
