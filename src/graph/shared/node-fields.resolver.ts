import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, type Label, type NodeRecord } from '../../model/index.js';
import { Ctx, FieldResolver, Info, Resolver, Root, type ClassType } from 'type-graphql';
import { ScopeArg } from './graphql.js';
import type { Context } from '../context.js';
import { mapMaybe, type Maybe } from './loaders.js';
import { sourcesOf } from './relation.js';
import { Provenance, Source } from '../source/source.type.js';

/**
 * Base class of every domain resolver: the provenance fields every node type has
 * (`sources`, `provenance`), resolved through the per-request loaders.
 */
export function NodeFieldsResolver(objectType: ClassType, label: Label) {
  const relation = sourcesOf(label);

  @Resolver(() => objectType)
  abstract class NodeFields {
    @FieldResolver(() => [Source], { description: 'The sources this node comes from.' })
    sources(@Root() node: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Maybe<NodeRecord[]> {
      return ctx.loaders.nodes(relation, node.id, info, scope);
    }

    @FieldResolver(() => [Provenance], { description: 'The sources with where in each the fact stands.' })
    provenance(
      @Root() node: NodeRecord,
      @ScopeArg() scope: DataScope,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Maybe<Array<{ source: NodeRecord; locator: string | null; synthetic: boolean }>> {
      return mapMaybe(ctx.loaders.items(relation, node.id, info, scope), (items) =>
        items.map((item) => ({ source: item.node, locator: (item.rel.locator as string | null) ?? null, synthetic: item.rel.synthetic === true })),
      );
    }
  }
  return NodeFields;
}
