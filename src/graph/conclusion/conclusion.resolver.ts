import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, NodeType, type NodeRecord } from '../../model/index.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ScopeArg } from '../shared/graphql.js';
import type { Context } from '../context.js';
import { Dilemma } from '../dilemma/dilemma.type.js';
import { Meeting } from '../meeting/meeting.type.js';
import { Practice } from '../practice/practice.type.js';
import { listConnection, nodeOfType, sortKeys } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import { inferredLinksNote } from '../shared/link.type.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { ConclusionListArgs } from './conclusion.args.js';
import { CONCLUSION_ORDER, conclusionConditions, conclusionRelations as rel } from './conclusion.repository.js';
import { Conclusion, ConclusionConnection } from './conclusion.type.js';

@Resolver(() => Conclusion)
export class ConclusionResolver extends NodeFieldsResolver(Conclusion, 'Conclusion') {
  @Query(() => ConclusionConnection, { description: 'Conclusions, filtered and ordered, as a Relay connection.' })
  conclusions(@Args(() => ConclusionListArgs) args: ConclusionListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.CONCLUSION, conclusionConditions(args.where), sortKeys(args.orderBy, CONCLUSION_ORDER, 'statement'), args, info);
  }

  @Query(() => Conclusion, { nullable: true, description: 'A conclusion by id; null when there is none.' })
  conclusion(@Arg('id', () => ID, { description: 'The conclusion\'s id (`conclusion:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.CONCLUSION, selectedRelations(info, NodeType.CONCLUSION, rel));
  }

  @FieldResolver(() => [Dilemma], { description: `The dilemmas this conclusion concerns (CONCERNS). ${inferredLinksNote('CONCERNS')}` })
  dilemmas(@Root() conclusion: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.dilemmas, conclusion.id, info, scope);
  }

  @FieldResolver(() => [Practice], { description: 'The practices this conclusion calls for.' })
  practices(@Root() conclusion: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.practices, conclusion.id, info, scope);
  }

  @FieldResolver(() => [Meeting], { description: 'The meetings where it was concluded.' })
  meetings(@Root() conclusion: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.meetings, conclusion.id, info, scope);
  }
}
