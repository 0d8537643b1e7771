import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { NODE_SPECS, NODE_TYPES, RELATIONSHIP_TYPES, andClause, elementInScope, scopePredicate, whereClause, type DataScope, type NodeType } from '../model/index.js';
import { edgeProjection, labelExpression, nodeProjection, relTypeExpression } from './cypher.js';
import { toGraphEdge, toGraphNode, type EdgeRow, type GraphEdgeData, type GraphNodeData, type NodeRow, type ProjectionOptions } from './projection.js';

/** Nodes per statement when paging through the whole graph. */
export const GRAPH_PAGE_SIZE = 1000;

/** What part of the whole graph to page through, and how. */
export interface GraphPageOptions extends ProjectionOptions {
  /** Only nodes of these types and the relationships among them; default the whole model. */
  types?: readonly NodeType[] | null;
  /** Nodes per statement; default 1000. */
  pageSize?: number;
  /** Only real (REAL) or only made-up (SYNTHETIC) nodes and relationships; default ALL (no predicate). */
  scope?: DataScope | null;
}

/**
 * The whole graph's nodes, page by page (one statement per page): per label in model order, by id within a
 * label, keyset-paged on the id index, so memory stays flat however large the graph is.
 */
export async function* graphNodePages(db: Database, options: GraphPageOptions = {}): AsyncGenerator<GraphNodeData[]> {
  const size = options.pageSize ?? GRAPH_PAGE_SIZE;
  for (const type of options.types ?? NODE_TYPES) {
    const { label } = NODE_SPECS[type];
    let after = '';
    for (;;) {
      const rows = await db.read(
        `MATCH (n:${label}) WHERE n.id > $after ${andClause(elementInScope('n', options.scope))}
         WITH n ORDER BY n.id LIMIT $size
         RETURN ${nodeProjection('n')} AS node`,
        { after, size: neo4j.int(size) },
      );
      if (rows.length === 0) break;
      const page = rows.map((row) => toGraphNode(row.node as NodeRow, options));
      yield page;
      if (rows.length < size) break;
      after = page.at(-1)!.id;
    }
  }
}

/**
 * The whole graph's relationships (every model type, SOURCED_FROM included) among nodes of `types`,
 * page by page: the outgoing relationships of one page of source nodes per statement, ordered by source,
 * type, target.
 */
export async function* graphEdgePages(db: Database, options: GraphPageOptions = {}): AsyncGenerator<GraphEdgeData[]> {
  const size = options.pageSize ?? GRAPH_PAGE_SIZE;
  const types = options.types ?? NODE_TYPES;
  const targets = labelExpression(types);
  const rels = relTypeExpression(RELATIONSHIP_TYPES);
  for (const type of types) {
    const { label } = NODE_SPECS[type];
    let after = '';
    for (;;) {
      const [row] = await db.read(
        `MATCH (a:${label}) WHERE a.id > $after ${andClause(elementInScope('a', options.scope))}
         WITH a ORDER BY a.id LIMIT $size
         WITH collect(a) AS page
         CALL (page) {
           UNWIND page AS a
           MATCH (a)-[r:${rels}]->(b:${targets})
           ${whereClause(scopePredicate(options.scope, ['r', 'b']))}
           WITH a, r, b ORDER BY a.id, type(r), b.id
           RETURN collect(${edgeProjection('a', 'r', 'b')}) AS edges
         }
         RETURN size(page) AS count, page[-1].id AS last, edges`,
        { after, size: neo4j.int(size) },
      );
      const edges = (row!.edges as EdgeRow[]).map((edge) => toGraphEdge(edge, options));
      if (edges.length > 0) yield edges;
      if ((row!.count as number) < size) break;
      after = row!.last as string;
    }
  }
}
