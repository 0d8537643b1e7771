import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, NodeType, type NodeRecord } from '../../model/index.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ScopeArg } from '../shared/graphql.js';
import type { Context } from '../context.js';
import { Municipality } from '../municipality/municipality.type.js';
import { Organisation } from '../organisation/organisation.type.js';
import { listConnection, nodeOfType, sortKeys } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import { linkProvenance } from '../shared/links.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { PersonListArgs } from './person.args.js';
import { PERSON_ORDER, personConditions, personRelations as rel } from './person.repository.js';
import { MeetingSpeaker, Person, PersonConnection, ResearcherRole } from './person.type.js';

@Resolver(() => Person)
export class PersonResolver extends NodeFieldsResolver(Person, 'Person') {
  @Query(() => PersonConnection, { description: 'People named in sources, filtered and ordered, as a Relay connection.' })
  people(@Args(() => PersonListArgs) args: PersonListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.PERSON, personConditions(args.where), sortKeys(args.orderBy, PERSON_ORDER, 'name'), args, info);
  }

  @Query(() => Person, { nullable: true, description: 'A person by id; null when there is none.' })
  person(@Arg('id', () => ID, { description: 'The person\'s id (`person:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.PERSON, selectedRelations(info, NodeType.PERSON, rel));
  }

  @FieldResolver(() => [ResearcherRole], { description: 'Research programmes this person works on, and whether as lead.' })
  async research(@Root() person: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const items = await ctx.loaders.items(rel.research, person.id, info, scope);
    return items.map((item) => ({ person, research: item.node, lead: item.rel.lead ?? null, ...linkProvenance(item.rel) }));
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations this person is affiliated with.' })
  organisations(@Root() person: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.organisations, person.id, info, scope);
  }

  @FieldResolver(() => [Municipality], { description: 'Municipalities this person is affiliated with.' })
  municipalities(@Root() person: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.municipalities, person.id, info, scope);
  }

  @FieldResolver(() => [MeetingSpeaker], { description: 'Meetings this person spoke at, with their role (the talks themselves: `Meeting.talks`).' })
  async talks(@Root() person: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const items = await ctx.loaders.items(rel.talks, person.id, info, scope);
    return items.map((item) => ({ person, meeting: item.node, role: item.rel.role ?? null, ...linkProvenance(item.rel) }));
  }
}
