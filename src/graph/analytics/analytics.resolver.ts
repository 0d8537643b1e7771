import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import {
  TOP_PRACTICES_DEFAULT_LIMIT,
  TOP_PRACTICES_MAX_LIMIT,
  allShortestPaths,
  cooccurrence,
  graphStats,
  neighbourhood,
  networkMetrics,
  search,
  sharedPractices,
  shortestPath,
  similarMunicipalities,
  topPractices,
  type GraphNodeData,
  type GraphStatsData,
  type MunicipalityAnswerSelection,
  type PropertySelection,
  type SubgraphSelection,
} from '../../analytics/index.js';
import { selectedFields } from '../shared/selection.js';
import type { Maybe } from '../shared/loaders.js';
import { ScopeArg } from '../shared/graphql.js';
import { DataScope } from '../shared/enums.js';
import { canSeeRestricted, NODE_SPECS, NodeType, type NodeRecord } from '../../model/index.js';
import { projectionOf, projectionOfAnyNode } from '../shared/projection.js';
import { type Context } from '../context.js';
import { CooccurrenceBasis, quotationCooccurrence } from '../../analytics/quotation-cooccurrence.js';
import { Source } from '../source/source.type.js';
import { sourcesOf } from '../shared/relation.js';
import { AllShortestPathsArgs, CooccurrenceArgs, NeighbourhoodArgs, SearchArgs, ShortestPathArgs, SimilarMunicipalitiesArgs, NetworkMetricsArgs } from './analytics.args.js';
import { CooccurrenceMatrix, GraphNode, GraphStats, MunicipalitySimilarity, PracticeDegree, SearchHit, SharedPractice, Subgraph, NetworkMetrics } from './analytics.type.js';

/** What a `Subgraph` query reads of its nodes and edges, so the rest is not computed. */
function subgraphSelection(info: GraphQLResolveInfo): SubgraphSelection {
  const nodeFields = selectedFields(info, ['nodes']);
  return { nodeProperties: nodeFields.has('properties'), synthetic: nodeFields.has('synthetic'), edgeProperties: selectedFields(info, ['edges']).has('properties') };
}

/** Only the municipality and practice properties the query selects (`projectionOf` each), and the share only when read. */
function municipalityAnswerSelection(info: GraphQLResolveInfo): MunicipalityAnswerSelection {
  return {
    municipality: projectionOf(info, NodeType.MUNICIPALITY),
    practice: projectionOf(info, NodeType.PRACTICE),
    syntheticShare: selectedFields(info).has('syntheticShare'),
  };
}

/**
 * The properties to fetch of the nodes of a `[Node]` field (`rows`, `columns`) whose type is known: the
 * selected ones when every field selected under it (through any fragment) is a stored property of `type`;
 * undefined (all) otherwise. (`projectionOf` cannot tell for an interface-typed field.)
 */
function nodeListSelection(info: GraphQLResolveInfo, field: string, type: NodeType): PropertySelection {
  const properties = new Set(['id']);
  for (const name of selectedFields(info, [field])) {
    if (name === '__typename') continue;
    if (name !== 'id' && name !== 'synthetic' && !Object.hasOwn(NODE_SPECS[type].properties, name)) return undefined;
    properties.add(name);
  }
  return [...properties].sort();
}

/** Primes the loader with a record only when it is whole (`select` undefined): a partial one must not answer other fields. */
function primeWhole(ctx: Context, record: NodeRecord, select: readonly string[] | undefined): void {
  if (select === undefined) prime(ctx, record);
}

/** Records the analytics return are complete nodes: prime the request's loader so nested fields reuse them. */
function prime<T extends NodeRecord>(ctx: Context, record: T): T {
  ctx.loaders.node.prime(record.id, record);
  return record;
}

/** The analytics of the `Query` type. Thin: each field is one function of src/analytics (one Cypher statement). */
@Resolver()
export class AnalyticsResolver {
  @Query(() => Subgraph, { description: 'A node and everything within `depth` hops, as nodes and edges (for drawing).' })
  neighbourhood(@Args(() => NeighbourhoodArgs) args: NeighbourhoodArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return neighbourhood(ctx.db, { ...args, includeRestricted: canSeeRestricted(ctx.viewer), select: subgraphSelection(info) });
  }

  @Query(() => Subgraph, { nullable: true, description: 'A shortest path, nodes ordered from `from` to `to`; null when none within `maxDepth`.' })
  shortestPath(@Args(() => ShortestPathArgs) args: ShortestPathArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return shortestPath(ctx.db, { ...args, includeRestricted: canSeeRestricted(ctx.viewer), select: subgraphSelection(info) });
  }

  @Query(() => [Subgraph], { description: 'All shortest paths (up to `limit`), each ordered from `from` to `to`; empty when none within `maxDepth`.' })
  allShortestPaths(@Args(() => AllShortestPathsArgs) args: AllShortestPathsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return allShortestPaths(ctx.db, { ...args, includeRestricted: canSeeRestricted(ctx.viewer), select: subgraphSelection(info) });
  }

  @Query(() => [SharedPractice], {
    description: 'Practices used in EVERY listed municipality (through employees or cases), by name, with the support in each.',
  })
  async sharedPractices(
    @Arg('municipalityIds', () => [ID], { description: 'The municipalities (at least one) every returned practice must be used in.' }) municipalityIds: string[],
    @ScopeArg() scope: DataScope,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const select = municipalityAnswerSelection(info);
    const shared = await sharedPractices(ctx.db, municipalityIds, scope, select);
    for (const item of shared) {
      primeWhole(ctx, item.practice, select.practice);
      for (const support of item.support) primeWhole(ctx, support.municipality, select.municipality);
    }
    return shared;
  }

  @Query(() => [MunicipalitySimilarity], {
    description: 'Municipalities by Jaccard similarity of their practice sets, highest first (ties by name); never the municipality itself, only those sharing a practice.',
  })
  async similarMunicipalities(@Args(() => SimilarMunicipalitiesArgs) args: SimilarMunicipalitiesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const select = municipalityAnswerSelection(info);
    const similar = await similarMunicipalities(ctx.db, args.id, args.limit, args.scope, select);
    for (const item of similar) {
      primeWhole(ctx, item.municipality, select.municipality);
      item.shared.forEach((practice) => primeWhole(ctx, practice, select.practice));
    }
    return similar;
  }

  @Query(() => CooccurrenceMatrix, {
    description: 'How often two things meet in the same case (PRACTICE, DILEMMA, MUNICIPALITY, any pair), with c-coefficients for heat maps.',
  })
  async cooccurrence(@Args(() => CooccurrenceArgs) args: CooccurrenceArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (args.over === CooccurrenceBasis.QUOTATIONS) {
      const matrix = await quotationCooccurrence(ctx.db, args.rows, args.columns, args.municipalityIds, args.scope);
      [...matrix.rows, ...matrix.columns].forEach((node) => prime(ctx, node));
      return matrix;
    }
    const fields = selectedFields(info);
    const select = {
      rows: nodeListSelection(info, 'rows', args.rows),
      columns: nodeListSelection(info, 'columns', args.columns),
      synthetic: ['syntheticCounts', 'syntheticShare', 'rowSyntheticTotals', 'columnSyntheticTotals'].some((field) => fields.has(field)),
      coefficients: fields.has('coefficients'),
    };
    const matrix = await cooccurrence(ctx.db, args.rows, args.columns, args.municipalityIds, args.scope, select);
    matrix.rows.forEach((node) => primeWhole(ctx, node, select.rows));
    matrix.columns.forEach((node) => primeWhole(ctx, node, select.columns));
    return matrix;
  }

  @Query(() => [SearchHit], { description: 'Full-text search over names, titles, descriptions, statements and case summaries, ranked.' })
  async search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    // Only the properties the selection reads of the nodes found (`node { id ... on Case { title } }`); a
    // partial node is never primed.
    const select = projectionOfAnyNode(info, 'node');
    const hits = await search(ctx.db, { ...args, includeRestricted: canSeeRestricted(ctx.viewer), nodeProperties: select });
    if (select === undefined) hits.forEach((hit) => prime(ctx, hit.node));
    return hits;
  }

  @Query(() => NetworkMetrics, {
    description:
      'Degree, betweenness, PageRank and Louvain community of every node of a subgraph (by scope, node types and relationship types), computed with graphology; cached until the next write.',
  })
  networkMetrics(@Args(() => NetworkMetricsArgs) args: NetworkMetricsArgs, @Ctx() ctx: Context) {
    return networkMetrics(ctx.db, args);
  }

  @Query(() => GraphStats, { description: 'Node and relationship counts, per label and per type; the most connected practices.' })
  stats(@ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    // The made-up counts read the whole graph: only when the query asks for them.
    const fields = selectedFields(info);
    const syntheticCounts = ['syntheticNodeCount', 'syntheticRelationshipCount', 'syntheticShare'].some((field) => fields.has(field));
    return graphStats(ctx.db, scope ?? DataScope.ALL, { syntheticCounts });
  }
}

/** `GraphNode.sources`: provenance through the per-request loaders (one batched query per label present). */
@Resolver(() => GraphNode)
export class GraphNodeResolver {
  @FieldResolver(() => [Source], { description: 'The sources this node comes from (none for a Source itself).' })
  sources(@Root() node: GraphNodeData, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<NodeRecord[]> {
    return ctx.loaders.nodes(sourcesOf(NODE_SPECS[node.type].label), node.id, info);
  }
}

/** `GraphStats.topPractices`: its own statement, run only when asked for. */
@Resolver(() => GraphStats)
export class GraphStatsResolver {
  @FieldResolver(() => [PracticeDegree], { description: 'The most connected practices, highest degree first (ties by name).' })
  async topPractices(
    @Arg('limit', () => Int, { nullable: true, defaultValue: TOP_PRACTICES_DEFAULT_LIMIT, description: `1 to ${TOP_PRACTICES_MAX_LIMIT}.` }) limit: number | null,
    @Arg('scope', () => DataScope, { nullable: true, description: 'Which relationships and neighbours count. Default: the scope of the `stats` it is read from.' })
    scope: DataScope | null,
    @Root() stats: GraphStatsData,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const top = await topPractices(ctx.db, limit, scope ?? stats.scope, { syntheticShare: selectedFields(info).has('syntheticShare') });
    top.forEach((item) => prime(ctx, item.practice));
    return top;
  }
}

/** Every resolver class of the analytics, for `RESOLVERS`. */
export const ANALYTICS_RESOLVERS = [AnalyticsResolver, GraphNodeResolver, GraphStatsResolver] as const;
