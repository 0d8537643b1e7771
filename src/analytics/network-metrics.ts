/**
 * Network measures for analysts (degree, betweenness, PageRank, Louvain communities), computed with the
 * kept libraries graphology, graphology-metrics and graphology-communities-louvain: never hand-rolled.
 *
 * - **Degree** counts relationships of the measured subgraph: `inDegree` those ending at the node,
 *   `outDegree` those starting there, `degree` their sum (as Gephi's directed degree).
 * - **PageRank** over the DIRECTED graph (stored direction), damping 0.85, 100 iterations at most, tolerance
 *   1e-6 per node, dangling nodes' rank spread over all nodes: networkx `pagerank(G, alpha=0.85)` exactly.
 *   Parallel relationships (two types between the same pair) count once, as in a networkx DiGraph.
 * - **Betweenness** over the UNDIRECTED view, normalised as networkx `betweenness_centrality(G,
 *   normalized=True)` does (1/((n-1)(n-2)) of the ordered pair counts). Undirected because a relationship's
 *   direction in this model is a naming convention (an employee USES a practice, a case RAISES a dilemma),
 *   not a flow: directed shortest paths would be almost all length one and the measure almost all zero.
 * - **Communities**: Louvain (resolution 1) on the undirected view, as integers 0..k-1 numbered in the order
 *   of the nodes' ids, with the partition's modularity. Louvain's random walk is turned off, so nodes are
 *   visited in id order: the same graph always gives the same communities (stable across runs and
 *   replicas) with no random seed to carry around.
 * - **Made-up data** is measured like the rest (under the default scope ALL) and said so: each node carries
 *   its own `synthetic` flag and `syntheticDegree`, the relationships of its degree that are made up; the
 *   result counts its made-up nodes and relationships. A relationship counts as made up when it is synthetic
 *   itself or one of its ends is: exactly the relationships scope REAL leaves out (it drops the made-up
 *   nodes with their relationships), so a real node's degree under REAL is `degree - syntheticDegree`.
 */
import { DirectedGraph, UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { AppError, ErrorCode, badInput } from '../errors.js';
import { DataScope, LABELS, NODE_TYPES, scopePredicate, whereClause, type NodeType, type RelType } from '../model/index.js';
import { CONTENT_RELATIONSHIP_TYPES, checkRelationshipTypes, labelExpression, relTypeExpression } from './cypher.js';
import { typeOfLabels, type NodeMetricValues } from './projection.js';
import { compareCodeUnits } from '../util/index.js';

// These packages are CommonJS whose typings declare `export default`: under NodeNext TypeScript sees the
// module object, while Node (and vite) hand the function itself to a default import.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;

/** PageRank's damping factor (networkx's and Gephi's default). */
export const PAGERANK_DAMPING = 0.85;

/**
 * Most nodes measured in one call. Brandes' betweenness costs nodes × relationships: 5,000 nodes with their
 * relationships are measured in about a second here, while the whole graph at scale 1 (120,883 nodes,
 * ~600,000 relationships) would take hours. Larger subgraphs are refused with BAD_USER_INPUT naming the
 * arguments that narrow them.
 */
export const NETWORK_METRICS_MAX_NODES = 3_000;

/**
 * A graph to measure: nodes by id (and type, when known) and directed relationships between them, each
 * with its stored `synthetic` flag (absent counts as real, as `coalesce(…, false)` does in the scopes).
 */
export interface NetworkInput {
  nodes: ReadonlyArray<{ id: string; type?: NodeType; synthetic?: boolean }>;
  /** Relationships whose endpoints are not among `nodes` are ignored. */
  edges: ReadonlyArray<{ source: string; target: string; synthetic?: boolean }>;
}

/**
 * The measures of one node: `degree`, `inDegree`, `outDegree`, `betweenness` (normalised, 0..1), `pageRank`
 * (sums to 1 over the nodes) and `community` (0..communityCount-1, numbered in the order of the nodes' ids).
 */
export interface NodeMetricsData extends NodeMetricValues {
  id: string;
  /** The node's model type (undefined only for graphs given without types, as in the pure tests). */
  type?: NodeType;
  /** The node's own flag: illustrative, made-up data (see db/synthetic.ts). */
  synthetic: boolean;
  /**
   * Of `degree`, the relationships that are made up: synthetic themselves or at a synthetic node (so all of
   * a made-up node's). A self-loop counts twice, as in `degree`.
   */
  syntheticDegree: number;
}

/** The measures of a whole (sub)graph. */
export interface NetworkMetricsData {
  /** Modularity of the Louvain partition on the undirected view (0 for a graph without relationships). */
  modularity: number;
  communityCount: number;
  relationshipCount: number;
  /** Every node, by id. */
  nodes: NodeMetricsData[];
}

/** How much of a measured graph is made up, as `GraphStats` says it of the whole graph. */
export interface NetworkSyntheticCounts {
  /** Of the nodes, those whose own flag is synthetic (0 under REAL, all under SYNTHETIC). */
  syntheticNodeCount: number;
  /** Of `relationshipCount`, the made-up ones: synthetic themselves or at a synthetic node. */
  syntheticRelationshipCount: number;
  /** Made-up nodes and relationships over all measured, 0..1 (0 for an empty graph). */
  syntheticShare: number;
}

/** The measures `networkMetrics` answers: the graph's, and how much of it is made up. */
export type MeasuredNetworkData = NetworkMetricsData & NetworkSyntheticCounts;

/** `result` with its made-up counts, worked out from its nodes' flags and made-up degrees. */
export function withSyntheticCounts(result: NetworkMetricsData): MeasuredNetworkData {
  const syntheticNodeCount = result.nodes.filter((node) => node.synthetic).length;
  // Each made-up relationship adds one to the made-up degree of each end (two to a self-loop's one node).
  const syntheticRelationshipCount = result.nodes.reduce((sum, node) => sum + node.syntheticDegree, 0) / 2;
  const all = result.nodes.length + result.relationshipCount;
  return {
    ...result,
    syntheticNodeCount,
    syntheticRelationshipCount,
    syntheticShare: all === 0 ? 0 : (syntheticNodeCount + syntheticRelationshipCount) / all,
  };
}

/**
 * Computes the measures of a graph held in memory (see the file comment for each measure's definition).
 * Pure: no database, the same input gives the same output.
 */
export function computeNetworkMetrics(input: NetworkInput): NetworkMetricsData {
  const nodes = [...new Map(input.nodes.map((node) => [node.id, node])).values()].sort((a, b) => compareCodeUnits(a.id, b.id));
  const directed = new DirectedGraph({ multi: false, allowSelfLoops: true });
  const undirected = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  const inDegree = new Map<string, number>();
  const outDegree = new Map<string, number>();
  const syntheticDegree = new Map<string, number>();
  const madeUpNodes = new Set(nodes.filter((node) => node.synthetic === true).map((node) => node.id));
  for (const { id } of nodes) {
    directed.addNode(id);
    undirected.addNode(id);
    inDegree.set(id, 0);
    outDegree.set(id, 0);
    syntheticDegree.set(id, 0);
  }
  // Adjacency order steers Louvain: edges in (source, target) order make the answer independent of row order.
  const edges = [...input.edges].sort((a, b) => compareCodeUnits(a.source, b.source) || compareCodeUnits(a.target, b.target));
  let relationshipCount = 0;
  for (const { source, target, synthetic } of edges) {
    if (!directed.hasNode(source) || !directed.hasNode(target)) continue;
    relationshipCount++;
    outDegree.set(source, outDegree.get(source)! + 1);
    inDegree.set(target, inDegree.get(target)! + 1);
    // Made up when REAL would leave it out: its own flag, or either end's.
    if (synthetic === true || madeUpNodes.has(source) || madeUpNodes.has(target)) {
      syntheticDegree.set(source, syntheticDegree.get(source)! + 1);
      syntheticDegree.set(target, syntheticDegree.get(target)! + 1);
    }
    directed.mergeEdge(source, target);
    // A self-loop lies on no shortest path and networkx's modularity counts it oddly: left out of the undirected view.
    if (source !== target) undirected.mergeEdge(source, target);
  }

  const ranks = nodes.length > 0 ? pagerank(directed, { alpha: PAGERANK_DAMPING, getEdgeWeight: null, maxIterations: 100, tolerance: 1e-6 }) : {};
  const betweenness = nodes.length > 0 ? betweennessCentrality(undirected, { normalized: true, getEdgeWeight: null }) : {};
  let modularity = 0;
  let raw: Record<string, number> = {};
  if (undirected.size > 0) {
    const detailed = louvain.detailed(undirected, { getEdgeWeight: null, randomWalk: false, resolution: 1 });
    modularity = detailed.modularity;
    raw = detailed.communities;
  }
  // Louvain's numbering depends on its internals: renumber by first appearance in id order, so the
  // integers are stable and small. Isolated nodes (no relationship in the subgraph) are each their own community.
  const renumbered = new Map<string, number>();
  const communityOf = (id: string): number => {
    const key = id in raw ? `c${raw[id]}` : `n${id}`;
    let community = renumbered.get(key);
    if (community === undefined) {
      community = renumbered.size;
      renumbered.set(key, community);
    }
    return community;
  };

  const measured = nodes.map(({ id, type }) => ({
    id,
    ...(type === undefined ? {} : { type }),
    degree: inDegree.get(id)! + outDegree.get(id)!,
    inDegree: inDegree.get(id)!,
    outDegree: outDegree.get(id)!,
    betweenness: betweenness[id] ?? 0,
    pageRank: ranks[id] ?? 0,
    community: communityOf(id),
    synthetic: madeUpNodes.has(id),
    syntheticDegree: syntheticDegree.get(id)!,
  }));
  return { modularity, communityCount: renumbered.size, relationshipCount, nodes: measured };
}

/** What `networkMetrics` measures. */
export interface NetworkMetricsOptions {
  /** Real data, made-up data, or both (default ALL): nodes AND relationships outside the scope are left out. */
  scope?: DataScope | null;
  /** Only nodes of these types (default all) and the relationships among them. */
  types?: readonly NodeType[] | null;
  /** Only these relationship types; default all but SOURCED_FROM (provenance would join everything through the sources). */
  relationshipTypes?: readonly string[] | null;
  /** Most nodes; default (and at most) NETWORK_METRICS_MAX_NODES. */
  maxNodes?: number;
}

/**
 * The measures of the scoped subgraph (nodes of `types` in `scope`, relationships of `relationshipTypes`
 * in `scope` between them), loaded with two statements and computed by `computeNetworkMetrics`, with
 * the made-up counts (`withSyntheticCounts`): under the default scope ALL they say what rests on made-up data.
 *
 * Cached per database and dataset version: the version is the count of write statements this process has
 * sent (every writer goes through `Database.write`/`writeTransaction`) together with the total node and
 * relationship counts (from Neo4j's count store, one cheap statement per call), so writes by another process
 * or replica that add or remove anything are seen too. A result computed while a write ran is not kept.
 * More than `maxNodes` nodes → BAD_USER_INPUT naming the arguments that narrow the subgraph.
 */
export async function networkMetrics(db: Database, options: NetworkMetricsOptions = {}): Promise<MeasuredNetworkData> {
  const scope = options.scope ?? DataScope.ALL;
  const types = options.types && options.types.length > 0 ? [...new Set(options.types)].sort() : [...NODE_TYPES];
  const relationshipTypes = checkRelationshipTypes(options.relationshipTypes, CONTENT_RELATIONSHIP_TYPES).sort();
  if (relationshipTypes.length === 0) throw badInput('"relationshipTypes" must name at least one relationship type (or be omitted).', 'relationshipTypes');
  const maxNodes = Math.min(options.maxNodes ?? NETWORK_METRICS_MAX_NODES, NETWORK_METRICS_MAX_NODES);

  const cache = cacheOf(db);
  const writesBefore = cache.writes;
  const [counts] = await db.read(
    `RETURN COUNT { MATCH (n) WHERE n:${LABELS.join('|')} } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships`,
  );
  const version = `${writesBefore}|${counts!.nodes as number}|${counts!.relationships as number}`;
  const key = JSON.stringify([scope, types, relationshipTypes, maxNodes]);
  if (cache.version !== version) {
    cache.version = version;
    cache.entries.clear();
  }
  const cached = cache.entries.get(key);
  if (cached) return cached;

  const pending = loadAndCompute(db, scope, types, relationshipTypes, maxNodes);
  cache.entries.set(key, pending);
  if (cache.entries.size > CACHE_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  try {
    const result = await pending;
    // A write ran meanwhile: the answer may mix before and after. Answer it, but do not keep it.
    if (cache.writes !== writesBefore && cache.entries.get(key) === pending) cache.entries.delete(key);
    return result;
  } catch (error) {
    // "Too many nodes" holds until the data changes; anything else (Neo4j away, a timeout) is tried again.
    const lasting = error instanceof AppError && error.extensions.code === ErrorCode.BAD_USER_INPUT;
    if (!lasting && cache.entries.get(key) === pending) cache.entries.delete(key);
    throw error;
  }
}

/** Results kept per database (one per distinct scope/types/relationshipTypes), dropped on the next write. */
const CACHE_ENTRIES = 32;

interface MetricsCache {
  /** Write statements seen on this database (bumped by an observer as each one is sent). */
  writes: number;
  version: string;
  entries: Map<string, Promise<MeasuredNetworkData>>;
}

const caches = new WeakMap<Database, MetricsCache>();

function cacheOf(db: Database): MetricsCache {
  let cache = caches.get(db);
  if (!cache) {
    const created: MetricsCache = { writes: 0, version: '', entries: new Map() };
    db.observe(({ mode }) => {
      if (mode === 'write') created.writes++;
    });
    caches.set(db, created);
    cache = created;
  }
  return cache;
}

async function loadAndCompute(
  db: Database,
  scope: DataScope,
  types: readonly NodeType[],
  relationshipTypes: readonly RelType[],
  maxNodes: number,
): Promise<MeasuredNetworkData> {
  const labels = labelExpression(types);
  const [row] = await db.read(
    `MATCH (n:${labels}) ${whereClause(scopePredicate(scope, ['n']))}
     WITH collect(n) AS nodes
     RETURN size(nodes) AS count, CASE WHEN size(nodes) > $max THEN [] ELSE [n IN nodes | [n.id, labels(n), coalesce(n.synthetic, false)]] END AS nodes`,
    { max: neo4j.int(maxNodes) },
  );
  const count = row!.count as number;
  if (count > maxNodes) {
    throw badInput(
      `The subgraph to measure has ${count.toLocaleString('en')} nodes; network measures are computed for at most ${maxNodes.toLocaleString('en')}. ` +
        'Narrow it with "types" (e.g. [PRACTICE, DILEMMA, MUNICIPALITY]), "scope" (REAL) or "relationshipTypes".',
      'types',
    );
  }
  const nodes = (row!.nodes as Array<[string, string[], boolean]>).map(([id, nodeLabels, synthetic]) => ({ id, type: typeOfLabels(nodeLabels), synthetic }));
  const edges = await db.read(
    `MATCH (a:${labels})-[r:${relTypeExpression(relationshipTypes)}]->(b:${labels})
     ${whereClause(scopePredicate(scope, ['a', 'r', 'b']))}
     RETURN a.id AS source, b.id AS target, coalesce(r.synthetic, false) AS synthetic`,
  );
  return withSyntheticCounts(computeNetworkMetrics({ nodes, edges: edges as Array<{ source: string; target: string; synthetic: boolean }> }));
}

