import {
  CONTENT_RELATIONSHIP_TYPES,
  computeNetworkMetrics,
  networkMetrics,
  type NodeMetricValues,
  type SubgraphData,
} from '../analytics/index.js';
import type { Database } from '../db/database.js';
import { AppError, ErrorCode } from '../errors.js';
import type { DataScope, NodeType } from '../model/index.js';
import type { GraphStream } from './stream.js';

/** The measures of an export's nodes by id, or why there are none. */
export interface ExportMetrics {
  byId: ReadonlyMap<string, NodeMetricValues>;
  /** Set when the measures were left out (the graph is over the node cap): the reason, for a response header. */
  omitted?: string;
}

const CONTENT_TYPES = new Set<string>(CONTENT_RELATIONSHIP_TYPES);

/**
 * The measures of a neighbourhood export, computed on the subgraph itself (in memory, at most 2000 nodes)
 * over the same relationships `networkMetrics` uses by default: all but SOURCED_FROM.
 */
export function subgraphMetrics(subgraph: SubgraphData): ExportMetrics {
  const result = computeNetworkMetrics({ nodes: subgraph.nodes, edges: subgraph.edges.filter((edge) => CONTENT_TYPES.has(edge.type)) });
  return { byId: new Map(result.nodes.map((node) => [node.id, node])) };
}

/**
 * The measures of a whole-graph export (`networkMetrics` of its types and scope, cached per dataset version).
 * Over the node cap the export goes out without them and `omitted` says why: a file is still better than an error.
 */
export async function wholeGraphMetrics(db: Database, options: { types?: readonly NodeType[] | null; scope?: DataScope | null }): Promise<ExportMetrics> {
  try {
    const result = await networkMetrics(db, { types: options.types, scope: options.scope });
    return { byId: new Map(result.nodes.map((node) => [node.id, node])) };
  } catch (error) {
    if (error instanceof AppError && error.extensions.code === ErrorCode.BAD_USER_INPUT) return { byId: new Map(), omitted: error.message };
    throw error;
  }
}

/** The stream with each node's measures attached (nodes without measures pass unchanged). */
export function withMetrics(graph: GraphStream, metrics: ExportMetrics): GraphStream {
  if (metrics.byId.size === 0) return graph;
  return {
    async *nodes() {
      for await (const page of graph.nodes()) yield page.map((node) => ({ ...node, metrics: metrics.byId.get(node.id) }));
    },
    edges: () => graph.edges(),
  };
}
