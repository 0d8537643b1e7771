import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, type Label, type NodeRecord } from '../../model/index.js';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root, type ClassType } from 'type-graphql';
import { ScopeArg } from './graphql.js';
import type { Context } from '../context.js';
import { Link } from './link.type.js';
import { linkRelationsFor, loadLinks } from './links.js';
import { mapMaybe, type Maybe } from './loaders.js';
import { sourcesOf } from './relation.js';
import { Provenance, Source } from '../source/source.type.js';

const LINKS_DESCRIPTION =
  'This node\'s relationships (all but SOURCED_FROM, which `provenance` shows), each with its direction, the node at the other end and ' +
  'its provenance: `inferred` is true for a link the source implies but does not state (the researchers inferred it; `note` says why), ' +
  '`locator` says where in the source. Ordered by type, direction (OUT first), then the other node\'s id.';

/**
 * Base class of every domain resolver: the fields every node type has, resolved through the per-request
 * loaders: provenance (`sources`, `provenance`) and the node's relationships with theirs (`links`).
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

    @FieldResolver(() => [Link], { description: LINKS_DESCRIPTION })
    links(
      @Root() node: NodeRecord,
      @Arg('types', () => [String], {
        nullable: true,
        description: 'Only relationships of these types (e.g. `["PARTNERS_WITH"]`); all when omitted. A type this node type never has is an error.',
      })
      types: string[] | null | undefined,
      @ScopeArg() scope: DataScope,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Maybe<Link[]> {
      return loadLinks(ctx.loaders, linkRelationsFor(label, types), node.id, info, scope);
    }
  }
  return NodeFields;
}
