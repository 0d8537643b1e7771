import { NODE_SPECS, NodeType, RESTRICTED_NODE_PROPERTIES, RESTRICTED_RELATIONSHIP_PROPERTIES, edgeId, specOfLabel, toNodeRecord, type RelType } from '../model/index.js';

/** A node of a subgraph, as the analytics hand it to GraphQL and to the exports. */
export interface GraphNodeData {
  id: string;
  type: NodeType;
  /** The display property: name, title, pseudonym or statement (the id when that is missing). */
  label: string;
  /** Stored properties without internal ones (`searchKey`) and, unless allowed, without restricted ones. */
  properties: Record<string, unknown>;
  /** A synthetic Source, or a node all of whose sources are synthetic (illustrative, made-up data); see db/synthetic.ts. */
  synthetic: boolean;
  /** Network measures within the exported graph, when an export computed them (see network-metrics.ts). */
  metrics?: NodeMetricValues;
}

/** A node's network measures (defined in network-metrics.ts; declared here so exports can carry them). */
export interface NodeMetricValues {
  degree: number;
  inDegree: number;
  outDegree: number;
  /** Normalised as networkx does: 0..1. */
  betweenness: number;
  pageRank: number;
  community: number;
}

/** A relationship of a subgraph; `source`/`target` follow the stored direction. */
export interface GraphEdgeData {
  /** Stable and readable: `<source id>|<TYPE>|<target id>` (never a Neo4j internal id). */
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  /** The relationship's source is synthetic (illustrative, made-up data); see db/synthetic.ts. */
  synthetic: boolean;
}

/** Nodes and edges; every edge's endpoints are among the nodes. */
export interface SubgraphData {
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
  /** A limit cut the result: more nodes qualified than were returned. */
  truncated: boolean;
  /** Share of the nodes and edges that are synthetic, 0..1 (0 when empty): so a drawing cannot hide it. */
  syntheticShare: number;
}

/** The share of synthetic elements among `elements` (0 when there are none). */
export function syntheticShareOf(elements: ReadonlyArray<{ synthetic: boolean }>): number {
  return elements.length === 0 ? 0 : elements.filter((element) => element.synthetic).length / elements.length;
}

/** A subgraph with its `syntheticShare` worked out from its nodes and edges. */
export function subgraphOf(nodes: GraphNodeData[], edges: GraphEdgeData[], truncated: boolean): SubgraphData {
  return { nodes, edges, truncated, syntheticShare: syntheticShareOf([...nodes, ...edges]) };
}

/** What a caller may see. */
export interface ProjectionOptions {
  /**
   * Include restricted properties (`Case.summary` of a case with `restricted: true`, `USES.evidence` of a
   * relationship with `restricted: true`). Default false; editors and admins get true.
   */
  includeRestricted?: boolean;
  /** The parts the caller reads (default: all); see `SubgraphSelection`. */
  select?: SubgraphSelection;
}

/**
 * Which of the costlier parts of a subgraph the caller will read. The GraphQL field passes what the query
 * selected; exports take everything. Parts left out come back empty (`properties: {}`, `synthetic: false`)
 * and are not computed: the provenance check and the property maps were half of a neighbourhood's cost.
 */
export interface SubgraphSelection {
  nodeProperties: boolean;
  synthetic: boolean;
  edgeProperties: boolean;
}

export const FULL_SELECTION: SubgraphSelection = { nodeProperties: true, synthetic: true, edgeProperties: true };

/** A node as the subgraph queries return it (see `nodeProjection` in cypher.ts); the list form has no properties. */
export type NodeRow =
  | {
      props: Record<string, unknown>;
      labels: string[];
      synthetic: boolean;
    }
  | [id: string, labels: string[], display: string | null, synthetic: boolean];

/** A relationship as the subgraph queries return it (see `edgeProjection` in cypher.ts); the list form has no properties. */
export type EdgeRow =
  | {
      source: string;
      target: string;
      type: string;
      props: Record<string, unknown>;
      synthetic: boolean;
    }
  | [source: string, type: string, target: string, synthetic: boolean];


/** The model type of a node from its labels; undefined for a node outside the model. */
export function typeOfLabels(labels: readonly string[]): NodeType | undefined {
  for (const label of labels) {
    const spec = specOfLabel(label);
    if (spec) return spec.type;
  }
  return undefined;
}

/** Node properties as a caller may see them: no `searchKey`, restricted ones only when allowed. */
export function projectNodeProperties(type: NodeType, props: Record<string, unknown>, options: ProjectionOptions = {}): Record<string, unknown> {
  const { __type: _type, ...visible } = toNodeRecord(type, props);
  const hidden = RESTRICTED_NODE_PROPERTIES[type];
  if (hidden && visible.restricted === true && !options.includeRestricted) {
    for (const key of hidden) delete visible[key];
  }
  return visible;
}

/** Relationship properties as a caller may see them: restricted ones only when allowed. */
export function projectEdgeProperties(type: string, props: Record<string, unknown>, options: ProjectionOptions = {}): Record<string, unknown> {
  const visible = { ...props };
  const hidden = RESTRICTED_RELATIONSHIP_PROPERTIES[type as RelType];
  if (hidden && visible.restricted === true && !options.includeRestricted) {
    for (const key of hidden) delete visible[key];
  }
  return visible;
}

/** A `GraphNodeData` from a projected row; the row's node must carry a model label (queries ensure it). */
export function toGraphNode(row: NodeRow, options: ProjectionOptions = {}): GraphNodeData {
  if (Array.isArray(row)) {
    const [id, labels, display, synthetic] = row;
    const type = typeOfLabels(labels);
    if (!type) throw new Error(`Node ${id} has no label of the model (${labels.join(', ')})`);
    return { id, type, label: display ?? id, properties: {}, synthetic: synthetic === true };
  }
  const type = typeOfLabels(row.labels);
  if (!type) throw new Error(`Node ${String(row.props.id)} has no label of the model (${row.labels.join(', ')})`);
  const properties = projectNodeProperties(type, row.props, options);
  const id = String(row.props.id);
  const display = row.props[NODE_SPECS[type].display];
  return { id, type, label: display === null || display === undefined ? id : String(display), properties, synthetic: row.synthetic === true };
}

/** A `GraphEdgeData` from a projected row. */
export function toGraphEdge(row: EdgeRow, options: ProjectionOptions = {}): GraphEdgeData {
  if (Array.isArray(row)) {
    const [source, type, target, synthetic] = row;
    return { id: edgeId(source, type, target), type, source, target, properties: {}, synthetic: synthetic === true };
  }
  return {
    id: edgeId(row.source, row.type, row.target),
    type: row.type,
    source: row.source,
    target: row.target,
    properties: projectEdgeProperties(row.type, row.props, options),
    synthetic: row.synthetic === true,
  };
}
