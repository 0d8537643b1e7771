import { JSONObjectResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { GraphEdgeData, GraphNodeData } from '../../analytics/index.js';
import { Municipality } from '../municipality/municipality.type.js';
import { Node } from '../node/node.type.js';
import { Practice } from '../practice/practice.type.js';
import { NodeType } from '../shared/enums.js';

@ObjectType({ description: 'A node of a subgraph, shaped for drawing (D3, Cytoscape, Gephi): any node type, its properties as JSON.' })
export class GraphNode implements GraphNodeData {
  @Field(() => ID) id!: string;
  @Field(() => NodeType) type!: NodeType;
  @Field(() => String, { description: 'The display text: name, title, pseudonym or statement.' }) label!: string;
  @Field(() => JSONObjectResolver, { description: 'The stored properties (internal ones and, for viewers, restricted ones left out).' })
  properties!: Record<string, unknown>;
  @Field(() => Boolean, { description: 'Illustrative, made-up data: a synthetic Source, or a node that comes from one.' }) synthetic!: boolean;
}

@ObjectType({ description: 'A relationship of a subgraph, in its stored direction.' })
export class GraphEdge implements GraphEdgeData {
  @Field(() => ID, { description: 'Stable and readable: `<source>|<TYPE>|<target>`.' }) id!: string;
  @Field(() => String, { description: 'Relationship type, e.g. USES.' }) type!: string;
  @Field(() => ID, { description: 'Id of the start node.' }) source!: string;
  @Field(() => ID, { description: 'Id of the end node.' }) target!: string;
  @Field(() => JSONObjectResolver, { description: 'Relationship properties (restricted ones left out for viewers).' }) properties!: Record<string, unknown>;
}

@ObjectType({ description: 'Nodes and edges; every edge\'s endpoints are among the nodes.' })
export class Subgraph {
  @Field(() => [GraphNode]) nodes!: GraphNode[];
  @Field(() => [GraphEdge]) edges!: GraphEdge[];
  @Field(() => Boolean, { description: 'A limit cut the result: more nodes qualified than were returned.' }) truncated!: boolean;
}

@ObjectType({ description: 'One full-text search hit.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance; higher is better.' }) score!: number;
  @Field(() => Node) node!: Node;
  @Field(() => NodeType) type!: NodeType;
  @Field(() => String, { description: 'The node\'s display text.' }) label!: string;
}

@ObjectType({ description: 'Co-occurrence counted over cases, with the c-coefficient for heat maps.' })
export class CooccurrenceMatrix {
  @Field(() => [Node], { description: 'Row nodes: those linked to at least one counted case, by display name then id.' }) rows!: Node[];
  @Field(() => [Node], { description: 'Column nodes, ordered like the rows.' }) columns!: Node[];
  @Field(() => [String]) rowLabels!: string[];
  @Field(() => [String]) columnLabels!: string[];
  @Field(() => [[Int]], { description: 'counts[i][j]: cases linked to both rows[i] and columns[j].' }) counts!: number[][];
  @Field(() => [[Float]], { description: 'c-coefficient n12 / (n1 + n2 − n12) per cell; 0 when the denominator is 0.' }) coefficients!: number[][];
}

@ObjectType({ description: 'How one municipality supports a practice.' })
export class MunicipalitySupport {
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => Int, { description: 'Cases in the municipality that apply the practice.' }) caseCount!: number;
  @Field(() => Int, { description: 'Employees of the municipality who use the practice.' }) employeeCount!: number;
}

@ObjectType({ description: 'A practice used in every requested municipality, with the support in each.' })
export class SharedPractice {
  @Field(() => Practice) practice!: Practice;
  @Field(() => [MunicipalitySupport], { description: 'One entry per requested municipality, in the order asked.' }) support!: MunicipalitySupport[];
}

@ObjectType({ description: 'A municipality similar to another by the practices they use.' })
export class MunicipalitySimilarity {
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => Float, { description: 'Jaccard similarity of the practice sets: |A ∩ B| / |A ∪ B|.' }) score!: number;
  @Field(() => [Practice], { description: 'The practices both use, by name.' }) shared!: Practice[];
}

/** Nodes of one label. */
@ObjectType({ description: 'Nodes of one label.' })
export class LabelCount {
  @Field(() => String) label!: string;
  @Field(() => Int) count!: number;
}

/** Relationships of one type. */
@ObjectType({ description: 'Relationships of one type.' })
export class TypeCount {
  @Field(() => String) type!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'A practice and how connected it is.' })
export class PracticeDegree {
  @Field(() => Practice) practice!: Practice;
  @Field(() => Int, { description: 'Relationships of the practice, provenance (SOURCED_FROM) not counted.' }) degree!: number;
}

@ObjectType({ description: 'Counts for dashboards, over the model\'s labels and relationship types.' })
export class GraphStats {
  @Field(() => Int) nodeCount!: number;
  @Field(() => Int, { description: 'SOURCED_FROM included.' }) relationshipCount!: number;
  @Field(() => [LabelCount], { description: 'In model order; zero counts included.' }) byLabel!: LabelCount[];
  @Field(() => [TypeCount], { description: 'In model order; zero counts included.' }) byType!: TypeCount[];
}
