/**
 * The explorer's only contact with the world: GraphQL over HTTP at /graphql (same origin) and links to
 * /export. Shapes follow the public API contract (`neighbourhood`, `shortestPath`, `search`,
 * `cooccurrence`); every request names its operation so server logs read well.
 */

/** Node types of the graph, in legend order (the `NodeType` enum). */
export const NODE_TYPES = [
  'RESEARCH',
  'ORGANISATION',
  'PERSON',
  'MUNICIPALITY',
  'EMPLOYEE',
  'PRACTICE',
  'DILEMMA',
  'CONCLUSION',
  'MEETING',
  'CASE',
  'SOURCE',
  'QUOTATION',
  'TALK',
] as const;

export type NodeType = (typeof NODE_TYPES)[number];

export interface Source {
  id: string;
  title: string;
  kind: string;
  locator: string | null;
  synthetic: boolean;
}

export interface GraphNode {
  id: string;
  type: NodeType;
  label: string;
  properties: Record<string, unknown>;
  sources: Source[];
  synthetic: boolean;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  synthetic: boolean;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated?: boolean;
  /** Share of the nodes and edges that are made up, 0..1. */
  syntheticShare: number;
}

export interface SearchHit {
  score: number;
  type: NodeType;
  label: string;
  synthetic: boolean;
  node: { id: string };
}

export interface CooccurrenceMatrix {
  rows: Array<{ id: string }>;
  columns: Array<{ id: string }>;
  rowLabels: string[];
  columnLabels: string[];
  counts: number[][];
  coefficients: number[][];
  syntheticCounts: number[][];
  syntheticShare: number;
  /** Of each row's and column's total (the c-coefficient's n1, n2), the made-up cases. */
  rowSyntheticTotals: number[] | null;
  columnSyntheticTotals: number[] | null;
}

/** A GraphQL error answer, with the first error's message and code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const SUBGRAPH_FIELDS = `
  nodes { id type label properties synthetic sources { id title kind locator synthetic } }
  edges { id type source target properties synthetic }
  syntheticShare
`;

const NEIGHBOURHOOD = `query ExplorerNeighbourhood($id: ID!, $depth: Int, $limit: Int, $types: [NodeType!], $relationshipTypes: [String!], $scope: DataScope) {
  neighbourhood(id: $id, depth: $depth, limit: $limit, types: $types, relationshipTypes: $relationshipTypes, scope: $scope) {
    ${SUBGRAPH_FIELDS} truncated
  }
}`;

const SHORTEST_PATH = `query ExplorerShortestPath($from: ID!, $to: ID!, $scope: DataScope) {
  shortestPath(from: $from, to: $to, scope: $scope) { ${SUBGRAPH_FIELDS} }
}`;

const SEARCH = `query ExplorerSearch($query: String!, $first: Int, $scope: DataScope) {
  search(query: $query, first: $first, scope: $scope) { score type label synthetic node { id } }
}`;

const COOCCURRENCE = `query ExplorerCooccurrence($rows: NodeType!, $columns: NodeType!, $scope: DataScope) {
  cooccurrence(rows: $rows, columns: $columns, scope: $scope) {
    rows { id } columns { id } rowLabels columnLabels counts coefficients syntheticCounts syntheticShare rowSyntheticTotals columnSyntheticTotals
  }
}`;

const START = `query ExplorerStart {
  researchProgrammes(first: 1) { edges { node { id } } }
  stats { byType { type count } }
}`;

/** Runs one operation against the same-origin /graphql; throws ApiError on GraphQL or HTTP errors. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const operationName = /query\s+(\w+)/.exec(query)?.[1];
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables, operationName }),
    credentials: 'same-origin',
  });
  let body: { data?: T | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The API answered ${response.status} without JSON`);
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first!.message, first!.extensions?.code);
  }
  if (!body.data) throw new ApiError(`The API answered ${response.status} without data`);
  return body.data;
}

/**
 * What to fetch around a node: hops, most nodes, and optional filters. `types` keeps only nodes of
 * those types (reached only through them); `relationshipTypes` only those relationships (the API's
 * default, when undefined, is every type but SOURCED_FROM).
 */
export interface Scope {
  depth: number;
  limit: number;
  types?: readonly string[];
  relationshipTypes?: readonly string[];
  /** Which data: everything, only the research's own (REAL) or only the illustrative sample (SYNTHETIC). */
  dataScope?: DataScope;
}

/** The API's `DataScope`. */
export type DataScope = 'ALL' | 'REAL' | 'SYNTHETIC';
export const DATA_SCOPES: readonly DataScope[] = ['ALL', 'REAL', 'SYNTHETIC'];

/** The subgraph around `id` within `scope` (`truncated` when the limit cut it). */
export async function fetchNeighbourhood(id: string, { depth, limit, types, relationshipTypes, dataScope = 'ALL' }: Scope): Promise<Subgraph> {
  const data = await graphql<{ neighbourhood: Subgraph }>(NEIGHBOURHOOD, { id, depth, limit, types, relationshipTypes, scope: dataScope });
  return data.neighbourhood;
}

/** A shortest path between two nodes in the data scope, or null when they are not connected. */
export async function fetchShortestPath(from: string, to: string, dataScope: DataScope = 'ALL'): Promise<Subgraph | null> {
  const data = await graphql<{ shortestPath: Subgraph | null }>(SHORTEST_PATH, { from, to, scope: dataScope });
  return data.shortestPath;
}

/** Full-text search over names, descriptions and statements, best first. */
export async function search(query: string, first = 12, dataScope: DataScope = 'ALL'): Promise<SearchHit[]> {
  const data = await graphql<{ search: SearchHit[] }>(SEARCH, { query, first, scope: dataScope });
  return data.search;
}

/** The co-occurrence matrix of two node types (counted over the cases of the data scope). */
export async function fetchCooccurrence(rows: NodeType, columns: NodeType, dataScope: DataScope = 'ALL'): Promise<CooccurrenceMatrix> {
  const data = await graphql<{ cooccurrence: CooccurrenceMatrix }>(COOCCURRENCE, { rows, columns, scope: dataScope });
  return data.cooccurrence;
}

/** What the explorer needs first: a default focus (the first research programme) and the relationship types. */
export async function fetchStart(): Promise<{ focus: string | null; relationshipTypes: Array<{ type: string; count: number }> }> {
  const data = await graphql<{
    researchProgrammes: { edges: Array<{ node: { id: string } }> };
    stats: { byType: Array<{ type: string; count: number }> };
  }>(START);
  return { focus: data.researchProgrammes.edges[0]?.node.id ?? null, relationshipTypes: data.stats.byType };
}

/** The /export URL of the same subgraph as `neighbourhood(focus, scope)` in `format` (one implementation serves both). */
export function exportUrl(format: 'graphml' | 'json', focus: string, { depth, limit, types, relationshipTypes, dataScope = 'ALL' }: Scope): string {
  const params = new URLSearchParams({ focus, depth: String(depth), limit: String(limit) });
  if (dataScope !== 'ALL') params.set('scope', dataScope.toLowerCase());
  if (types) params.set('types', types.join(','));
  if (relationshipTypes) params.set('relationshipTypes', relationshipTypes.join(','));
  return `/export/graph.${format}?${params}`;
}

/** A node's network measures, as `networkMetrics` returns them. */
export interface NodeMeasures {
  id: string;
  pageRank: number;
  community: number;
}

const NETWORK_METRICS = `query ExplorerNetworkMetrics($types: [NodeType!], $relationshipTypes: [String!], $scope: DataScope) {
  networkMetrics(types: $types, relationshipTypes: $relationshipTypes, scope: $scope) { communityCount nodes { id pageRank community } }
}`;

/**
 * PageRank and Louvain community of every node of the graph with these filters (the whole graph, not only
 * the drawing: a node's importance is a property of the network). Over the API's node cap it fails with the
 * API's message, which names the filters that narrow it.
 */
export async function fetchNetworkMetrics({ types, relationshipTypes, dataScope = 'ALL' }: Scope): Promise<{ communityCount: number; nodes: NodeMeasures[] }> {
  const data = await graphql<{ networkMetrics: { communityCount: number; nodes: NodeMeasures[] } }>(NETWORK_METRICS, { types, relationshipTypes, scope: dataScope });
  return data.networkMetrics;
}

/** A practice–dilemma link (ADDRESSES) seen from one end: the node at the other end and the quotations it rests on. */
export interface QuotedLink {
  id: string;
  name: string;
  /** Quotations coded as both the practice and the dilemma (0: the link rests on the graph's own sources alone). */
  quotations: number;
}

const LINKS = `query ExplorerLinks($id: ID!, $scope: DataScope) {
  practice(id: $id) { dilemmas(scope: $scope) { id name linkQuotationCount } }
  dilemma(id: $id) { practices(scope: $scope) { id name linkQuotationCount } }
}`;

type Linked = { id: string; name: string; linkQuotationCount: number | null };

/** The dilemmas a practice addresses, or the practices that address a dilemma, with their quotation counts. */
export async function fetchQuotedLinks(id: string, dataScope: DataScope = 'ALL'): Promise<QuotedLink[]> {
  const data = await graphql<{ practice: { dilemmas: Linked[] } | null; dilemma: { practices: Linked[] } | null }>(LINKS, { id, scope: dataScope });
  const linked = data.practice?.dilemmas ?? data.dilemma?.practices ?? [];
  return linked.map((node) => ({ id: node.id, name: node.name, quotations: node.linkQuotationCount ?? 0 }));
}

const LINK_COUNTS = `query ExplorerLinkCounts($ids: [ID!]!, $first: Int, $scope: DataScope) {
  practices(where: { ids: $ids }, first: $first) { edges { node { id dilemmas(scope: $scope) { id linkQuotationCount } } } }
}`;

/** Most practices per request (the API's `first` is at most 100). */
const LINK_PAGE = 100;

/**
 * How many quotations each ADDRESSES link of these practices rests on, keyed `<practice id>|<dilemma id>`
 * (one request per 100 practices).
 */
export async function fetchLinkQuotations(practiceIds: readonly string[], dataScope: DataScope = 'ALL'): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let start = 0; start < practiceIds.length; start += LINK_PAGE) {
    const ids = practiceIds.slice(start, start + LINK_PAGE);
    const data = await graphql<{ practices: { edges: Array<{ node: { id: string; dilemmas: Array<Omit<Linked, 'name'>> } }> } }>(LINK_COUNTS, { ids, first: ids.length, scope: dataScope });
    for (const { node } of data.practices.edges) {
      for (const dilemma of node.dilemmas) counts.set(`${node.id}|${dilemma.id}`, dilemma.linkQuotationCount ?? 0);
    }
  }
  return counts;
}
