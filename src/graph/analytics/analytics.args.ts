import { ArgsType, Field, ID, Int } from 'type-graphql';
import { CooccurrenceBasis } from '../quotation/quotation.input.js';
import {
  NEIGHBOURHOOD_DEFAULT_DEPTH,
  NEIGHBOURHOOD_DEFAULT_LIMIT,
  NEIGHBOURHOOD_MAX_DEPTH,
  NEIGHBOURHOOD_MAX_LIMIT,
  PATH_DEFAULT_MAX_DEPTH,
  PATH_MAX_DEPTH,
  PATHS_DEFAULT_LIMIT,
  PATHS_MAX_LIMIT,
  SEARCH_DEFAULT_FIRST,
  SEARCH_MAX_FIRST,
  SIMILAR_DEFAULT_LIMIT,
  SIMILAR_MAX_LIMIT,
  NETWORK_METRICS_MAX_NODES,
} from '../../analytics/index.js';
import { DataScope, NodeType } from '../shared/enums.js';

// Bounds are checked once, by the analytics functions (the exports share them); these classes only
// declare the arguments, their defaults and their documentation. Defaulted arguments are nullable, as in
// DESIGN.md (`depth: Int = 1`): an explicit null means the default.

@ArgsType()
export class NeighbourhoodArgs {
  @Field(() => ID, { description: 'The focus node.' }) id!: string;
  @Field(() => Int, { nullable: true, defaultValue: NEIGHBOURHOOD_DEFAULT_DEPTH, description: `Hops from the focus, 1 to ${NEIGHBOURHOOD_MAX_DEPTH}.` })
  depth?: number | null;
  @Field(() => Int, { nullable: true, defaultValue: NEIGHBOURHOOD_DEFAULT_LIMIT, description: `Most nodes returned (focus included), 1 to ${NEIGHBOURHOOD_MAX_LIMIT}; the closest are kept.` })
  limit?: number | null;
  @Field(() => [NodeType], { nullable: true, description: 'Only nodes of these types, reached only through them (the focus is always included). Default: all.' })
  types?: NodeType[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Only these relationship types (either direction). Default: all but SOURCED_FROM (provenance; name it to include it).',
  })
  relationshipTypes?: string[] | null;
  @Field(() => DataScope, { nullable: true, defaultValue: DataScope.ALL, description: 'What the walk may use: REAL only nodes and relationships that are not synthetic, SYNTHETIC only made-up ones; the focus is always included. Default ALL.' })
  scope?: DataScope | null;
}

@ArgsType()
export class ShortestPathArgs {
  @Field(() => ID, { description: 'Where the path starts (a node id).' }) from!: string;
  @Field(() => ID, { description: 'Where the path ends (a node id).' }) to!: string;
  @Field(() => Int, { nullable: true, defaultValue: PATH_DEFAULT_MAX_DEPTH, description: `Longest path considered, 1 to ${PATH_MAX_DEPTH} relationships.` })
  maxDepth?: number | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Also traverse SOURCED_FROM (node → Source). Off by default: every node has a source, so nearly everything would be two hops apart.',
  })
  includeSources?: boolean | null;
  @Field(() => DataScope, { nullable: true, defaultValue: DataScope.ALL, description: 'What a path may run through: REAL only nodes and relationships that are not synthetic, SYNTHETIC only made-up ones (the two ends always). Default ALL.' })
  scope?: DataScope | null;
}

@ArgsType()
export class AllShortestPathsArgs extends ShortestPathArgs {
  @Field(() => Int, { nullable: true, defaultValue: PATHS_DEFAULT_LIMIT, description: `Most paths returned, 1 to ${PATHS_MAX_LIMIT} (ordered by the ids along each).` })
  limit?: number | null;
}

@ArgsType()
export class SimilarMunicipalitiesArgs {
  @Field(() => ID, { description: 'The municipality to compare the others with.' }) id!: string;
  @Field(() => Int, { nullable: true, defaultValue: SIMILAR_DEFAULT_LIMIT, description: `1 to ${SIMILAR_MAX_LIMIT}.` }) limit?: number | null;
  @Field(() => DataScope, { nullable: true, defaultValue: DataScope.ALL, description: 'Which evidence the practice sets are built from: REAL only real employees, cases and links; SYNTHETIC only made-up ones. Default ALL.' })
  scope?: DataScope | null;
}

@ArgsType()
export class CooccurrenceArgs {
  @Field(() => NodeType, { description: 'PRACTICE, DILEMMA or MUNICIPALITY.' }) rows!: NodeType;
  @Field(() => NodeType, { description: 'PRACTICE, DILEMMA or MUNICIPALITY.' }) columns!: NodeType;
  @Field(() => [ID], { nullable: true, description: 'Count only the cases in these municipalities. Default: all cases.' })
  municipalityIds?: string[] | null;
  @Field(() => DataScope, { nullable: true, defaultValue: DataScope.ALL, description: 'Which cases and links are counted: REAL only real ones (and only real row and column nodes), SYNTHETIC only made-up ones. Default ALL.' })
  scope?: DataScope | null;
  @Field(() => CooccurrenceBasis, {
    defaultValue: CooccurrenceBasis.CASES,
    description: 'CASES (default): nodes linked to one case. QUOTATIONS: codes (PRACTICE, DILEMMA, CONCLUSION) on the same or overlapping quotations of one interview, as ATLAS.ti counts them; `municipalityIds` then keeps the quotations of employees working there.',
  })
  over!: CooccurrenceBasis;
}

@ArgsType()
export class SearchArgs {
  @Field(() => String, { description: 'Words (all must occur) and "quoted phrases"; diacritics are ignored; no query syntax.' }) query!: string;
  @Field(() => [NodeType], { nullable: true, description: 'Only these node types. Default: all.' }) types?: NodeType[] | null;
  @Field(() => Int, { nullable: true, defaultValue: SEARCH_DEFAULT_FIRST, description: `Most hits, 1 to ${SEARCH_MAX_FIRST}.` }) first?: number | null;
  @Field(() => DataScope, { nullable: true, defaultValue: DataScope.ALL, description: 'Only real (REAL) or only made-up (SYNTHETIC) nodes. Default ALL.' })
  scope?: DataScope | null;
}

@ArgsType()
export class NetworkMetricsArgs {
  @Field(() => DataScope, { nullable: true, defaultValue: DataScope.ALL, description: 'Measure only real data, only made-up data, or both (nodes and relationships alike).' })
  scope?: DataScope | null;
  @Field(() => [NodeType], { nullable: true, description: 'Only nodes of these types and the relationships among them. Default: all.' })
  types?: NodeType[] | null;
  @Field(() => [String], {
    nullable: true,
    description: `Only these relationship types. Default: all but SOURCED_FROM. At most ${NETWORK_METRICS_MAX_NODES} nodes are measured: narrow a larger subgraph with these arguments.`,
  })
  relationshipTypes?: string[] | null;
}
