import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { DataScope, specOfId, type NodeRecord, type NodeType } from '../../model/index.js';
import { mapMaybe, type Maybe } from './loaders.js';
import type { RelationLoad } from './prefetch.js';
import { offsetAfter } from './cursor.js';
import { OrderDirection, toConnection, type Connection, type PageArgs } from './graphql.js';
import type { Condition, SortKey } from './node.repository.js';
import { pageWindow, type Relation } from './relation.js';
import { projectionOf } from './projection.js';
import { selectedFields } from './selection.js';

/** An `orderBy` entry as every domain's order input has it. */
export interface OrderInput<F extends string> {
  field: F;
  direction: OrderDirection;
}

/** Maps a domain's order inputs to sort keys through its allow-list of field → property. */
export function sortKeys<F extends string>(orderBy: OrderInput<F>[] | null | undefined, properties: Record<F, string>, fallback: string): SortKey[] {
  if (!orderBy || orderBy.length === 0) return [{ property: fallback, descending: false }];
  return orderBy.map((order) => ({ property: properties[order.field], descending: order.direction === OrderDirection.DESC }));
}

/** A top-level list field: one page of `type` nodes matching `conditions`, as a connection. */
export async function listConnection(
  ctx: Context,
  type: NodeType,
  conditions: Condition[],
  order: SortKey[],
  page: PageArgs,
  info: GraphQLResolveInfo,
): Promise<Connection<NodeRecord>> {
  const offset = offsetAfter(page.after);
  // ALL adds no condition at all (the unfiltered page keeps its count-store total). Another scope tests the
  // listed nodes and what their relationship filters pass through.
  const scope = page.scope ?? DataScope.ALL;
  const scoped: Condition[] =
    scope === DataScope.ALL ? conditions : [...conditions.map((condition) => (condition.kind === 'related' ? { ...condition, scope } : condition)), { kind: 'scope', scope }];
  // Only what the selection reads (a list of cases showing titles need not pull every summary).
  const projection = projectionOf(info, type);
  const result = await ctx.nodes.list({ type, conditions: scoped, order, offset, first: page.first, projection });
  // Whole records answer later lookups of the same ids; partial ones must not.
  if (projection === undefined) for (const record of result.records) ctx.loaders.node.prime(record.id, record);
  // What the query reads of these nodes, level by level, before their fields ask (`lookAheadOf`).
  await ctx.loaders.lookAheadFrom(result.records, info, type);
  return toConnection(result.records, result.totalCount, offset);
}

/**
 * A relationship field that pages (`Municipality.employees`): batched per level like every relation. The
 * total is counted only when the query selects `totalCount`.
 */
export function relatedConnection(ctx: Context, relation: Relation, id: string, page: PageArgs, info: GraphQLResolveInfo): Maybe<Connection<NodeRecord>> {
  const window = pageWindow(page.first, page.after, selectedFields(info).has('totalCount'));
  return mapMaybe(ctx.loaders.page(relation, id, window, projectionOf(info, relation.to), page.scope, info), (result) =>
    toConnection(
      result.items.map((item) => item.node),
      result.totalCount,
      window.offset,
      result.hasNextPage,
    ),
  );
}

/**
 * A single-object field (`practice(id)`): the node when it exists and is of `type`, else null. `relations`
 * (see `selectedRelations`) come in the same statement, for the fields about to read them.
 */
export async function nodeOfType(ctx: Context, id: string, type: NodeType, relations: readonly RelationLoad[] = []): Promise<NodeRecord | null> {
  // The id's prefix names its type: another prefix cannot be a node of this type (and must not be
  // looked up under this type's label).
  if (specOfId(id)?.type !== type) return null;
  const node = await ctx.loaders.nodeWithRelated(type, id, relations);
  return node?.__type === type ? node : null;
}
