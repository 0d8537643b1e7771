import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { notFound } from '../errors.js';
import { NODE_TYPES, elementInScope, specOfId, type DataScope, type NodeType } from '../model/index.js';
import { CONTENT_RELATIONSHIP_TYPES, checkRange, checkRelationshipTypes, edgeProjection, labelExpression, nodeProjection, relTypeExpression } from './cypher.js';
import { FULL_SELECTION, subgraphOf, toGraphEdge, toGraphNode, type EdgeRow, type NodeRow, type ProjectionOptions, type SubgraphData } from './projection.js';

/** Bounds and defaults of `neighbourhood` (and of focused exports): depth 1..3 (default 1), limit 1..2000 (default 200). */
export const NEIGHBOURHOOD_DEFAULT_DEPTH = 1;
export const NEIGHBOURHOOD_MAX_DEPTH = 3;
export const NEIGHBOURHOOD_DEFAULT_LIMIT = 200;
export const NEIGHBOURHOOD_MAX_LIMIT = 2000;

/** The arguments of `neighbourhood`. */
export interface NeighbourhoodOptions extends ProjectionOptions {
  /** The focus node. */
  id: string;
  /** Hops from the focus, 1..3; default 1. */
  depth?: number | null;
  /** Most nodes returned, focus included, 1..2000; default 200. */
  limit?: number | null;
  /**
   * Only nodes of these types, and only paths through them (the focus is always included).
   * Default: every type. An empty list leaves the focus alone.
   */
  types?: readonly NodeType[] | null;
  /**
   * Only these relationship types, traversed in either direction. Default: every type of the model
   * except `SOURCED_FROM` (every node has one, so traversing provenance would connect everything in
   * two hops); name `SOURCED_FROM` to include it. Unknown types are BAD_USER_INPUT.
   */
  relationshipTypes?: readonly string[] | null;
  /**
   * What the walk may use: REAL only nodes and relationships that are not synthetic, SYNTHETIC only synthetic
   * ones, ALL (default) everything. The focus is always included (its own `synthetic` says what it is).
   */
  scope?: DataScope | null;
}

/**
 * The neighbourhood of a node, in one Cypher statement: the focus and every node within `depth` hops
 * (each at its shortest distance), closest first (then by id), cut at `limit` nodes (`truncated` says
 * so), and every relationship of the allowed types among the returned nodes (induced subgraph, ordered by
 * source, type, target). Unknown focus → NOT_FOUND; bad depth, limit or types → BAD_USER_INPUT.
 *
 * The GraphQL field `neighbourhood`, the explorer and the focused file exports all use this function.
 */
export async function neighbourhood(db: Database, options: NeighbourhoodOptions): Promise<SubgraphData> {
  const depth = checkRange(options.depth ?? NEIGHBOURHOOD_DEFAULT_DEPTH, 1, NEIGHBOURHOOD_MAX_DEPTH, 'depth');
  const limit = checkRange(options.limit ?? NEIGHBOURHOOD_DEFAULT_LIMIT, 1, NEIGHBOURHOOD_MAX_LIMIT, 'limit');
  const relTypes = checkRelationshipTypes(options.relationshipTypes, CONTENT_RELATIONSHIP_TYPES);
  const types = options.types ?? NODE_TYPES;
  const select = options.select ?? FULL_SELECTION;
  const spec = specOfId(options.id);
  if (!spec) throw notFound(`No node has the id "${options.id}".`);

  const traverse = relTypes.length > 0 && types.length > 0;
  const rels = relTypeExpression(relTypes);
  const labels = labelExpression(types);
  // Every reachable node at its shortest distance. A variable-length match aggregated to DISTINCT end
  // nodes with min(length(p)) is planned as a pruning breadth-first expand (each node visited once, not
  // once per path), and `all(n IN nodes(p) …)` is checked inside it, so paths run only through allowed
  // types. (ANY SHORTEST per end node measured ~50× slower at depth 3.) `depth` is a checked integer:
  // a variable-length bound must be a literal.
  const onlyThrough = options.types ? `AND all(n IN nodes(p) WHERE n = f OR n:${labels})` : '';
  // The scope is checked inside the same expand (nodes but the focus, and every relationship), so the
  // distances, the limit and `truncated` are those of the scoped graph. ALL adds nothing.
  const nodeScope = elementInScope('x_', options.scope);
  const inScope = nodeScope ? `AND all(x_ IN nodes(p) WHERE x_ = f OR ${nodeScope}) AND all(x_ IN relationships(p) WHERE ${nodeScope})` : '';
  const edgeScope = elementInScope('r', options.scope);
  const reach = traverse
    ? `CALL (f) {
         MATCH p = (f)-[:${rels}*1..${depth}]-(m:${labels})
         WHERE m <> f ${onlyThrough} ${inScope}
         WITH m, min(length(p)) AS d
         ORDER BY d, m.id
         LIMIT $take
         RETURN collect(m) AS reached
       }`
    : 'WITH f, [] AS reached';
  // The edge step only needs a type expression; with no traversal there is only the focus (no self-loops in the model).
  const edges = traverse
    ? `CALL (ns) {
         UNWIND ns AS a
         MATCH (a)-[r:${rels}]->(b)
         WHERE b IN ns ${edgeScope ? `AND ${edgeScope}` : ''}
         WITH a, r, b ORDER BY a.id, type(r), b.id
         RETURN collect(${edgeProjection('a', 'r', 'b', select)}) AS edges
       }`
    : 'WITH ns, truncated, [] AS edges';
  const rows = await db.read(
    `OPTIONAL MATCH (f:${spec.label} {id: $id})
     ${reach}
     WITH f, reached[0..$others] AS kept, size(reached) > $others AS truncated
     WITH truncated, CASE WHEN f IS NULL THEN [] ELSE [f] + kept END AS ns
     ${edges}
     RETURN size(ns) > 0 AS found, [n IN ns | ${nodeProjection('n', select)}] AS nodes, edges, truncated`,
    // One more than fits tells whether the limit cut the neighbourhood.
    { id: options.id, take: neo4j.int(limit), others: neo4j.int(limit - 1) },
  );
  const row = rows[0]!;
  if (!row.found) throw notFound(`No node has the id "${options.id}".`);
  return subgraphOf(
    (row.nodes as NodeRow[]).map((node) => toGraphNode(node, options)),
    (row.edges as EdgeRow[]).map((edge) => toGraphEdge(edge, options)),
    row.truncated as boolean,
  );
}
