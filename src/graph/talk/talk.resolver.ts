import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Meeting } from '../meeting/meeting.type.js';
import { NodeType, type DataScope, type NodeRecord } from '../../model/index.js';
import { Person } from '../person/person.type.js';
import { PageArgs, ScopeArg } from '../shared/graphql.js';
import { listConnection, nodeOfType } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import { linkProvenance } from '../shared/links.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { talkRelations as rel } from './talk.repository.js';
import { Talk, TalkConnection, TalkPoint } from './talk.type.js';

@Resolver(() => Talk)
export class TalkResolver extends NodeFieldsResolver(Talk, 'Talk') {
  @Query(() => TalkConnection, { description: 'Talks given at meetings, by title, as a Relay connection.' })
  talks(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.TALK, [], [{ property: 'title', descending: false }], args, info);
  }

  @Query(() => Talk, { nullable: true, description: 'A talk by id; null when there is none.' })
  talk(@Arg('id', () => ID, { description: 'The talk\'s id (`talk:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.TALK, selectedRelations(info, NodeType.TALK, rel));
  }

  @FieldResolver(() => [Person], { description: 'Who gave the talk.' })
  speakers(@Root() talk: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.speakers, talk.id, info, scope);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting it was given at.' })
  meeting(@Root() talk: NodeRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.one(rel.meeting, talk.id, info);
  }

  @FieldResolver(() => [TalkPoint], { description: 'The practices the talk named, each with the point it made and where the source says so.' })
  async points(@Root() talk: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const items = await ctx.loaders.items(rel.points, talk.id, info, scope);
    return items.map((item) => ({ practice: item.node, point: item.rel.point ?? null, ...linkProvenance(item.rel) }));
  }
}
