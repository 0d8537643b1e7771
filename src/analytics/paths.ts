import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { notFound } from '../errors.js';
import { RELATIONSHIP_TYPES, elementInScope, specOfId, type DataScope } from '../model/index.js';
import { CONTENT_RELATIONSHIP_TYPES, checkRange, edgeProjection, labelExpression, nodeProjection, relTypeExpression } from './cypher.js';
import { FULL_SELECTION, subgraphOf, toGraphEdge, toGraphNode, type EdgeRow, type NodeRow, type ProjectionOptions, type SubgraphData } from './projection.js';

/** Bounds and defaults of the path queries: maxDepth 1..15 (default 8), limit 1..100 (default 10). */
export const PATH_DEFAULT_MAX_DEPTH = 8;
export const PATH_MAX_DEPTH = 15;
export const PATHS_DEFAULT_LIMIT = 10;
export const PATHS_MAX_LIMIT = 100;

/** The arguments of `shortestPath`. */
export interface PathOptions extends ProjectionOptions {
  from: string;
  to: string;
  /** Longest path considered, 1..15 relationships; default 8. */
  maxDepth?: number | null;
  /**
   * Also traverse `SOURCED_FROM` (node → Source). Default false: every node has a Source, so with
   * provenance almost any two nodes would be two hops apart through it.
   */
  includeSources?: boolean | null;
  /**
   * What a path may run through: REAL only nodes and relationships that are not synthetic, SYNTHETIC only
   * synthetic ones (the two end nodes are always allowed: they are what was asked), ALL (default) anything.
   */
  scope?: DataScope | null;
}

/** The arguments of `allShortestPaths`. */
export interface AllPathsOptions extends PathOptions {
  /** Most paths returned, 1..100; default 10. */
  limit?: number | null;
}

/**
 * One shortest path between two nodes (relationships traversed in either direction), as a subgraph whose
 * nodes run from `from` to `to` and whose edges are in path order (each keeps its stored direction);
 * null when none exists within `maxDepth`. When several paths are shortest, the first by the ids along
 * it. `from` = `to` gives the node alone. Unknown ids → NOT_FOUND.
 */
export async function shortestPath(db: Database, options: PathOptions): Promise<SubgraphData | null> {
  const [path] = await findPaths(db, options, 1);
  return path ?? null;
}

/** All shortest paths (up to `limit`, ordered by the ids along each), each as `shortestPath` returns one. */
export function allShortestPaths(db: Database, options: AllPathsOptions): Promise<SubgraphData[]> {
  return findPaths(db, options, checkRange(options.limit ?? PATHS_DEFAULT_LIMIT, 1, PATHS_MAX_LIMIT, 'limit'));
}

async function findPaths(db: Database, options: PathOptions, limit: number): Promise<SubgraphData[]> {
  const maxDepth = checkRange(options.maxDepth ?? PATH_DEFAULT_MAX_DEPTH, 1, PATH_MAX_DEPTH, 'maxDepth');
  const fromSpec = specOfId(options.from);
  const toSpec = specOfId(options.to);
  if (!fromSpec) throw notFound(`No node has the id "${options.from}".`);
  if (!toSpec) throw notFound(`No node has the id "${options.to}".`);
  const select = options.select ?? FULL_SELECTION;
  const rels = relTypeExpression(options.includeSources ? RELATIONSHIP_TYPES : CONTENT_RELATIONSHIP_TYPES);
  // A scoped search keeps the predicate inside the quantified step: it applies before the shortest paths
  // are selected, so the paths are the shortest of the scoped graph, not filtered afterwards.
  // The end `b` is what was asked for, so only the nodes before it are tested (the start is never tested).
  const relTest = elementInScope('r_', options.scope);
  const nodeTest = elementInScope('m_', options.scope);
  const step = relTest ? `(()-[r_:${rels}]-(m_:${labelExpression()}) WHERE ${relTest} AND (m_ = b OR ${nodeTest}))` : `(()-[:${rels}]-(:${labelExpression()}))`;
  const scoped = `(a)${step}{0,${maxDepth}}(b)`;
  // ALL SHORTEST keeps every path of the minimal length; ordering by the ids along each path makes the
  // choice (and `limit`) deterministic. `maxDepth` is a checked integer: a quantifier must be a literal.
  const rows = await db.read(
    `OPTIONAL MATCH (a:${fromSpec.label} {id: $from})
     OPTIONAL MATCH (b:${toSpec.label} {id: $to})
     CALL (a, b) {
       MATCH p = ALL SHORTEST ${scoped}
       WITH p ORDER BY [n IN nodes(p) | n.id]
       LIMIT $limit
       WITH p, nodes(p) AS ns, relationships(p) AS rs
       RETURN collect({
         nodes: [n IN ns | ${nodeProjection('n', select)}],
         edges: [r IN rs | ${edgeProjection('startNode(r)', 'r', 'endNode(r)', select)}]
       }) AS paths
     }
     RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`,
    { from: options.from, to: options.to, limit: neo4j.int(limit) },
  );
  const row = rows[0]!;
  if (!row.fromFound) throw notFound(`No node has the id "${options.from}".`);
  if (!row.toFound) throw notFound(`No node has the id "${options.to}".`);
  return (row.paths as Array<{ nodes: NodeRow[]; edges: EdgeRow[] }>).map((path) =>
    subgraphOf(
      path.nodes.map((node) => toGraphNode(node, options)),
      path.edges.map((edge) => toGraphEdge(edge, options)),
      false,
    ),
  );
}
