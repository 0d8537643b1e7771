import { JSONObjectResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { GraphEdgeData, GraphNodeData } from '../../analytics/index.js';
import { Municipality } from '../municipality/municipality.type.js';
import { Node } from '../node/node.type.js';
import { Practice } from '../practice/practice.type.js';
import { DataScope, NodeType } from '../shared/enums.js';

@ObjectType({ description: 'A node of a subgraph, shaped for drawing (D3, Cytoscape, Gephi): any node type, its properties as JSON.' })
export class GraphNode implements GraphNodeData {
  @Field(() => ID, { description: 'The node\'s id (`<type>:<slug>`).' }) id!: string;
  @Field(() => NodeType, { description: 'The node\'s type.' }) type!: NodeType;
  @Field(() => String, { description: 'The display text: name, title, pseudonym or statement.' }) label!: string;
  @Field(() => JSONObjectResolver, { description: 'The stored properties (internal ones and, for viewers, restricted ones left out).' })
  properties!: Record<string, unknown>;
  @Field(() => Boolean, { description: 'Illustrative, made-up data: a synthetic Source, or a node all of whose sources are synthetic.' }) synthetic!: boolean;
}

@ObjectType({ description: 'A relationship of a subgraph, in its stored direction.' })
export class GraphEdge implements GraphEdgeData {
  @Field(() => ID, { description: 'Stable and readable: `<source>|<TYPE>|<target>`.' }) id!: string;
  @Field(() => String, { description: 'Relationship type, e.g. USES.' }) type!: string;
  @Field(() => ID, { description: 'Id of the start node.' }) source!: string;
  @Field(() => ID, { description: 'Id of the end node.' }) target!: string;
  @Field(() => JSONObjectResolver, { description: 'Relationship properties (restricted ones left out for viewers).' }) properties!: Record<string, unknown>;
  @Field(() => Boolean, { description: 'Illustrative, made-up data: the relationship\'s source is synthetic.' }) synthetic!: boolean;
}

@ObjectType({ description: 'Nodes and edges; every edge\'s endpoints are among the nodes.' })
export class Subgraph {
  @Field(() => [GraphNode], { description: 'The nodes, each once.' }) nodes!: GraphNode[];
  @Field(() => [GraphEdge], { description: 'The relationships among the nodes (both ends are in `nodes`).' }) edges!: GraphEdge[];
  @Field(() => Boolean, { description: 'A limit cut the result: more nodes qualified than were returned.' }) truncated!: boolean;
  @Field(() => Float, { description: 'Share of the nodes and edges that are synthetic (made-up, illustrative data), 0 to 1.' }) syntheticShare!: number;
}

@ObjectType({ description: 'One full-text search hit.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance; higher is better.' }) score!: number;
  @Field(() => Node, { description: 'The node found.' }) node!: Node;
  @Field(() => NodeType, { description: 'The type of the node found.' }) type!: NodeType;
  @Field(() => String, { description: 'The node\'s display text.' }) label!: string;
  @Field(() => Boolean, { description: 'The node is made up (illustrative data).' }) synthetic!: boolean;
}

@ObjectType({ description: 'Co-occurrence counted over cases, with the c-coefficient for heat maps.' })
export class CooccurrenceMatrix {
  @Field(() => [Node], { description: 'Row nodes: those linked to at least one counted case, by display name then id.' }) rows!: Node[];
  @Field(() => [Node], { description: 'Column nodes, ordered like the rows.' }) columns!: Node[];
  @Field(() => [String], { description: 'The display names of the rows, in order.' }) rowLabels!: string[];
  @Field(() => [String], { description: 'The display names of the columns, in order.' }) columnLabels!: string[];
  @Field(() => [[Int]], { description: 'counts[i][j]: cases linked to both rows[i] and columns[j].' }) counts!: number[][];
  @Field(() => [[Float]], {
    description:
      'c-coefficient n12 / (n1 + n2 − n12) per cell; 0 when the denominator is 0. Rests on made-up data when the cell\'s syntheticCounts, its row\'s rowSyntheticTotals or its column\'s columnSyntheticTotals is above 0.',
  })
  coefficients!: number[][];
  @Field(() => [[Int]], { description: 'syntheticCounts[i][j]: of counts[i][j], the cases that are made up or linked to the row or column by made-up data (with `municipalityIds`: or placed in those municipalities by made-up data only).' })
  syntheticCounts!: number[][];
  @Field(() => [Int], {
    nullable: true,
    description:
      'rowSyntheticTotals[i]: of the cases (over QUOTATIONS: the quotations) of rows[i] (the n1 of its coefficients), those that are made up or linked (coded) to the row by made-up data (with `municipalityIds`: or placed in those municipalities by made-up data only). A coefficient rests on made-up data when its cell\'s syntheticCounts, its row\'s rowSyntheticTotals or its column\'s columnSyntheticTotals is above 0, even with syntheticCounts 0. 0 everywhere under scope REAL.',
  })
  rowSyntheticTotals?: number[] | null;
  @Field(() => [Int], {
    nullable: true,
    description:
      'columnSyntheticTotals[j]: of the cases (over QUOTATIONS: the quotations) of columns[j] (the n2 of its coefficients), those that are made up or linked (coded) to the column by made-up data; see rowSyntheticTotals.',
  })
  columnSyntheticTotals?: number[] | null;
  @Field(() => Float, { description: 'Share of all counted co-occurrences that are made up (sum of syntheticCounts / sum of counts), 0 to 1.' }) syntheticShare!: number;
  @Field(() => [[Boolean]], {
    nullable: true,
    description: 'Over QUOTATIONS: outOfRange[i][j] when overlapping quotations pushed n12 past what the c-coefficient assumes (above 1, or undefined and given as 0); ATLAS.ti marks such cells red. Null over CASES.',
  })
  outOfRange?: boolean[][] | null;
}

@ObjectType({ description: 'How one municipality supports a practice.' })
export class MunicipalitySupport {
  @Field(() => Municipality, { description: 'The municipality.' }) municipality!: Municipality;
  @Field(() => Int, { description: 'Cases in the municipality that apply the practice.' }) caseCount!: number;
  @Field(() => Int, { description: 'Employees of the municipality who use the practice.' }) employeeCount!: number;
}

@ObjectType({ description: 'A practice used in every requested municipality, with the support in each.' })
export class SharedPractice {
  @Field(() => Practice, { description: 'The practice used in every municipality asked for.' }) practice!: Practice;
  @Field(() => [MunicipalitySupport], { description: 'One entry per requested municipality, in the order asked.' }) support!: MunicipalitySupport[];
  @Field(() => Float, { description: 'Share of the supporting cases and employees that are made up or linked by made-up data, 0 to 1.' }) syntheticShare!: number;
}

@ObjectType({ description: 'A municipality similar to another by the practices they use.' })
export class MunicipalitySimilarity {
  @Field(() => Municipality, { description: 'The similar municipality.' }) municipality!: Municipality;
  @Field(() => Float, { description: 'Jaccard similarity of the practice sets: |A ∩ B| / |A ∪ B|.' }) score!: number;
  @Field(() => [Practice], { description: 'The practices both use, by name.' }) shared!: Practice[];
  @Field(() => Float, { description: 'Share of the practices of either municipality that only made-up data links to it, 0 to 1.' }) syntheticShare!: number;
}

/** Nodes of one label. */
@ObjectType({ description: 'Nodes of one label.' })
export class LabelCount {
  @Field(() => String, { description: 'The node label (Practice, Municipality, …).' }) label!: string;
  @Field(() => Int, { description: 'Nodes with this label.' }) count!: number;
}

/** Relationships of one type. */
@ObjectType({ description: 'Relationships of one type.' })
export class TypeCount {
  @Field(() => String, { description: 'The relationship type (USES, APPLIES, …).' }) type!: string;
  @Field(() => Int, { description: 'Relationships of this type.' }) count!: number;
}

@ObjectType({ description: 'A practice and how connected it is.' })
export class PracticeDegree {
  @Field(() => Practice, { description: 'The practice.' }) practice!: Practice;
  @Field(() => Int, { description: 'Relationships of the practice in the scope, provenance (SOURCED_FROM) not counted.' }) degree!: number;
  @Field(() => Float, { description: 'Share of that degree that is made up (synthetic relationships or neighbours), 0 to 1.' }) syntheticShare!: number;
}

@ObjectType({ description: 'Counts for dashboards, over the model\'s labels and relationship types.' })
export class GraphStats {
  @Field(() => Int, { description: 'Nodes of the model\'s labels.' }) nodeCount!: number;
  @Field(() => Int, { description: 'SOURCED_FROM included.' }) relationshipCount!: number;
  @Field(() => [LabelCount], { description: 'In model order; zero counts included.' }) byLabel!: LabelCount[];
  @Field(() => [TypeCount], { description: 'In model order; zero counts included.' }) byType!: TypeCount[];
  @Field(() => Int, { description: 'Of nodeCount, the synthetic (made-up) nodes.' }) syntheticNodeCount!: number;
  @Field(() => Int, { description: 'Of relationshipCount, the synthetic (made-up) relationships.' }) syntheticRelationshipCount!: number;
  @Field(() => Float, { description: 'Synthetic nodes and relationships over all counted, 0 to 1.' }) syntheticShare!: number;
  @Field(() => DataScope, { description: 'The scope the counts were taken in.' }) scope!: DataScope;
}

@ObjectType({ description: 'The network measures of one node, within the measured subgraph (see `Query.networkMetrics`).' })
export class NodeMetrics {
  @Field(() => ID, { description: 'The node\'s id.' }) id!: string;
  @Field(() => NodeType, { description: 'The node\'s type.' }) type!: NodeType;
  @Field(() => Int, { description: 'Relationships at the node in the subgraph: `inDegree + outDegree`.' }) degree!: number;
  @Field(() => Int, { description: 'Relationships in the subgraph that end at the node (stored direction).' }) inDegree!: number;
  @Field(() => Int, { description: 'Relationships in the subgraph that start at the node (stored direction).' }) outDegree!: number;
  @Field(() => Float, {
    description: 'Betweenness centrality on the undirected view, normalised as networkx does (1/((n-1)(n-2)) of the pair counts): 0 to 1.',
  })
  betweenness!: number;
  @Field(() => Float, { description: 'PageRank over the directed graph, damping 0.85 (as networkx and Gephi); sums to 1 over the nodes.' })
  pageRank!: number;
  @Field(() => Int, { description: 'Louvain community on the undirected view: 0 to `communityCount - 1`, numbered in the order of the node ids.' })
  community!: number;
  @Field(() => Boolean, { description: 'Illustrative, made-up data: a synthetic Source, or a node all of whose sources are synthetic.' }) synthetic!: boolean;
  @Field(() => Int, {
    description:
      'Of `degree`, the relationships that are made up: synthetic themselves or at a synthetic node (all of a made-up node\'s). The measures rest on them too; scope REAL leaves them out.',
  })
  syntheticDegree!: number;
}

@ObjectType({
  description: 'Degree, betweenness, PageRank and Louvain communities of every node of a subgraph, computed with graphology; what of it is made up is flagged per node and counted.',
})
export class NetworkMetrics {
  @Field(() => Float, { description: 'Modularity of the Louvain partition (undirected view, resolution 1); 0 without relationships.' })
  modularity!: number;
  @Field(() => Int, { description: 'How many communities the nodes fall into (an isolated node is one of its own).' }) communityCount!: number;
  @Field(() => Int, { description: 'Relationships measured (parallel relationships of different types each count).' }) relationshipCount!: number;
  @Field(() => [NodeMetrics], { description: 'Every node of the subgraph, by id.' }) nodes!: NodeMetrics[];
  @Field(() => Int, { description: 'Of the nodes, the synthetic (made-up) ones.' }) syntheticNodeCount!: number;
  @Field(() => Int, { description: 'Of relationshipCount, the made-up ones: synthetic themselves or at a synthetic node.' }) syntheticRelationshipCount!: number;
  @Field(() => Float, { description: 'Made-up nodes and relationships over all measured, 0 to 1 (0 under scope REAL).' }) syntheticShare!: number;
}
