import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { NodeType } from '../../model/index.js';
import { Municipality } from '../municipality/municipality.type.js';
import { Organisation } from '../organisation/organisation.type.js';
import { listConnection, nodeOfType, sortKeys } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import type { NodeRecord } from '../../model/index.js';
import { NodeFieldsResolver } from '../source/source.fields.js';
import { PersonListArgs } from './person.args.js';
import { PERSON_ORDER, personConditions, personRelations as rel } from './person.repository.js';
import { Person, PersonConnection, ResearcherRole, Talk } from './person.type.js';

@Resolver(() => Person)
export class PersonResolver extends NodeFieldsResolver(Person, 'Person') {
  @Query(() => PersonConnection, { description: 'People named in sources, filtered and ordered, as a Relay connection.' })
  people(@Args(() => PersonListArgs) args: PersonListArgs, @Ctx() ctx: Context) {
    return listConnection(ctx, NodeType.PERSON, personConditions(args.where), sortKeys(args.orderBy, PERSON_ORDER, 'name'), args);
  }

  @Query(() => Person, { nullable: true, description: 'A person by id; null when there is none.' })
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.PERSON, selectedRelations(info, NodeType.PERSON, rel));
  }

  @FieldResolver(() => [ResearcherRole], { description: 'Research programmes this person works on, and whether as lead.' })
  async research(@Root() person: NodeRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const items = await ctx.loaders.items(rel.research, person.id, info);
    return items.map((item) => ({ person, research: item.node, lead: item.rel.lead ?? null }));
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations this person is affiliated with.' })
  organisations(@Root() person: NodeRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.organisations, person.id, info);
  }

  @FieldResolver(() => [Municipality], { description: 'Municipalities this person is affiliated with.' })
  municipalities(@Root() person: NodeRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.municipalities, person.id, info);
  }

  @FieldResolver(() => [Talk], { description: 'Meetings this person spoke at, with their role.' })
  async talks(@Root() person: NodeRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const items = await ctx.loaders.items(rel.talks, person.id, info);
    return items.map((item) => ({ person, meeting: item.node, role: item.rel.role ?? null }));
  }
}
