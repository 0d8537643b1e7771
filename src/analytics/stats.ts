import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { LABELS, NodeType, RELATIONSHIP_TYPES } from '../model/index.js';
import { toNodeRecord, type NodeRecord } from '../model/index.js';
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
}

/**
 * Node and relationship counts of the model's part of the graph, per label and per type, in one
 * statement (single-label and single-type counts come from Neo4j's count store). The whole-graph exports
 * contain exactly these nodes and relationships.
 */
export async function graphStats(db: Database): Promise<GraphStatsData> {
  const byLabel = LABELS.map((label) => `{label: '${label}', count: COUNT { MATCH (:${label}) }}`).join(', ');
  const byType = RELATIONSHIP_TYPES.map((type) => `{type: '${type}', count: COUNT { MATCH ()-[:${type}]->() }}`).join(', ');
  const [row] = await db.read(
    `RETURN COUNT { MATCH (n) WHERE n:${labelExpression()} } AS nodeCount,
            COUNT { MATCH ()-[r:${relTypeExpression(RELATIONSHIP_TYPES)}]->() } AS relationshipCount,
            [${byLabel}] AS byLabel,
            [${byType}] AS byType`,
  );
  return row as unknown as GraphStatsData;
}

/** `topPractices` returns 10 by default, at most 100. */
export const TOP_PRACTICES_DEFAULT_LIMIT = 10;
export const TOP_PRACTICES_MAX_LIMIT = 100;

/** A practice and its degree. */
export interface PracticeDegreeData {
  practice: NodeRecord;
  /** Relationships of the practice other than provenance (USES, APPLIES, ADDRESSES, CALLS_FOR, …). */
  degree: number;
}

/** The most connected practices: highest degree first (provenance not counted), ties by name then id; `limit` 1..100. */
export async function topPractices(db: Database, limit?: number | null): Promise<PracticeDegreeData[]> {
  const max = checkRange(limit ?? TOP_PRACTICES_DEFAULT_LIMIT, 1, TOP_PRACTICES_MAX_LIMIT, 'limit');
  const rows = await db.read(
    `MATCH (p:Practice)
     WITH p, COUNT { (p)-[:${relTypeExpression(CONTENT_RELATIONSHIP_TYPES)}]-() } AS degree
     ORDER BY degree DESC, p.name, p.id
     LIMIT $limit
     RETURN properties(p) AS props, degree`,
    { limit: neo4j.int(max) },
  );
  return rows.map((row) => ({ practice: toNodeRecord(NodeType.PRACTICE, row.props as Record<string, unknown>), degree: row.degree as number }));
}
