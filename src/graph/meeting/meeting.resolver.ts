import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, NodeType, type NodeRecord } from '../../model/index.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Conclusion } from '../conclusion/conclusion.type.js';
import { ScopeArg } from '../shared/graphql.js';
import type { Context } from '../context.js';
import { Dilemma } from '../dilemma/dilemma.type.js';
import { MeetingSpeaker } from '../person/person.type.js';
import { Talk, WorkingGroup } from '../talk/talk.type.js';
import { Research } from '../research/research.type.js';
import { listConnection, nodeOfType, sortKeys } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import { linkProvenance } from '../shared/links.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { MeetingListArgs } from './meeting.args.js';
import { MEETING_ORDER, meetingConditions, meetingRelations as rel } from './meeting.repository.js';
import { Meeting, MeetingConnection } from './meeting.type.js';

@Resolver(() => Meeting)
export class MeetingResolver extends NodeFieldsResolver(Meeting, 'Meeting') {
  @Query(() => MeetingConnection, { description: 'Meetings, filtered and ordered, as a Relay connection.' })
  meetings(@Args(() => MeetingListArgs) args: MeetingListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.MEETING, meetingConditions(args.where), sortKeys(args.orderBy, MEETING_ORDER, 'date'), args, info);
  }

  @Query(() => Meeting, { nullable: true, description: 'A meeting by id; null when there is none.' })
  meeting(@Arg('id', () => ID, { description: 'The meeting\'s id (`meeting:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.MEETING, selectedRelations(info, NodeType.MEETING, rel));
  }

  @FieldResolver(() => Research, { nullable: true, description: 'The research programme the meeting is part of.' })
  research(@Root() meeting: NodeRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.one(rel.research, meeting.id, info);
  }

  @FieldResolver(() => [Dilemma], { description: 'Dilemmas discussed at the meeting.' })
  dilemmas(@Root() meeting: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.dilemmas, meeting.id, info, scope);
  }

  @FieldResolver(() => [Conclusion], { description: 'Conclusions drawn at the meeting.' })
  conclusions(@Root() meeting: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.conclusions, meeting.id, info, scope);
  }

  @FieldResolver(() => [MeetingSpeaker], { description: 'Who spoke, and in which role (opening, introduction, …).' })
  async speakers(@Root() meeting: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const items = await ctx.loaders.items(rel.speakers, meeting.id, info, scope);
    return items.map((item) => ({ person: item.node, meeting, role: item.rel.role ?? null, ...linkProvenance(item.rel) }));
  }

  @FieldResolver(() => [Talk], { description: 'Talks given at the meeting (who gave them, what they said, the practices they named).' })
  talks(@Root() meeting: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.talks, meeting.id, info, scope);
  }

  @FieldResolver(() => [WorkingGroup], { description: 'The working groups the meeting split into, each with the dilemma it discussed (DISCUSSED with `workingGroup: true`).' })
  async workingGroups(@Root() meeting: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const items = await ctx.loaders.items(rel.dilemmas, meeting.id, info, scope);
    return items.filter((item) => item.rel.workingGroup === true).map((item) => ({ dilemma: item.node, ...linkProvenance(item.rel) }));
  }
}
