import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { NodeType } from '../../model/index.js';
import { listConnection, nodeOfType, sortKeys } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import { SourceListArgs } from './source.args.js';
import { SOURCE_ORDER, sourceConditions } from './source.repository.js';
import { Source, SourceConnection } from './source.type.js';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'Sources (documents, meeting reports, illustrative samples), as a Relay connection.' })
  sources(@Args(() => SourceListArgs) args: SourceListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.SOURCE, sourceConditions(args.where), sortKeys(args.orderBy, SOURCE_ORDER, 'title'), args, info);
  }

  @Query(() => Source, { nullable: true, description: 'A source by id; null when there is none.' })
  source(@Arg('id', () => ID, { description: 'The source\'s id (`source:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.SOURCE, selectedRelations(info, NodeType.SOURCE, {}));
  }
}
