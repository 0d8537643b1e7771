import { graphEdgePages, graphNodePages, type GraphEdgeData, type GraphNodeData, type GraphPageOptions, type SubgraphData } from '../analytics/index.js';
import type { Database } from '../db/database.js';
import type { ExportFormat } from './formats.js';

/** What an export reads: its nodes, then its edges, page by page (each read at most once). */
export interface GraphStream {
  nodes(): AsyncIterable<GraphNodeData[]>;
  edges(): AsyncIterable<GraphEdgeData[]>;
}

/**
 * The whole graph (or the part with `types`), read page by page. When the nodes were read first, only edges
 * between exported nodes are written: under concurrent writes a node created after its label's pages were
 * read could otherwise appear as an endpoint without a node (an invalid file). That check keeps one id per
 * exported node in memory, never the nodes themselves.
 */
export function wholeGraphStream(db: Database, options: GraphPageOptions): GraphStream {
  let exported: Set<string> | undefined;
  return {
    async *nodes() {
      exported = new Set();
      for await (const page of graphNodePages(db, options)) {
        for (const node of page) exported.add(node.id);
        yield page;
      }
    },
    async *edges() {
      for await (const page of graphEdgePages(db, options)) {
        const kept = exported ? page.filter((edge) => exported!.has(edge.source) && exported!.has(edge.target)) : page;
        if (kept.length > 0) yield kept;
      }
    },
  };
}

/** A subgraph already in memory (a neighbourhood: at most 2000 nodes) as a stream. */
export function subgraphStream(subgraph: SubgraphData): GraphStream {
  return {
    async *nodes() {
      yield subgraph.nodes;
    },
    async *edges() {
      yield subgraph.edges;
    },
  };
}

/** The text of an export, piece by piece: only the parts the format has are read from the stream. */
export async function* renderGraph(format: ExportFormat, graph: GraphStream): AsyncGenerator<string> {
  yield format.start();
  if (format.nodes) {
    let index = 0;
    for await (const page of graph.nodes()) {
      yield page.map((node) => format.node(node, index++)).join('');
    }
  }
  yield format.middle();
  if (format.edges) {
    let index = 0;
    for await (const page of graph.edges()) {
      yield page.map((edge) => format.edge(edge, index++)).join('');
    }
  }
  yield format.end();
}
