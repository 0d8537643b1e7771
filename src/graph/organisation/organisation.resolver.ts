import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, NodeType, type NodeRecord } from '../../model/index.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ScopeArg } from '../shared/graphql.js';
import type { Context } from '../context.js';
import { Person } from '../person/person.type.js';
import { Research } from '../research/research.type.js';
import { listConnection, nodeOfType, sortKeys } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { OrganisationListArgs } from './organisation.args.js';
import { ORGANISATION_ORDER, organisationConditions, organisationRelations as rel } from './organisation.repository.js';
import { Organisation, OrganisationConnection } from './organisation.type.js';

@Resolver(() => Organisation)
export class OrganisationResolver extends NodeFieldsResolver(Organisation, 'Organisation') {
  @Query(() => OrganisationConnection, { description: 'Organisations (funders, universities), filtered and ordered, as a Relay connection.' })
  organisations(@Args(() => OrganisationListArgs) args: OrganisationListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.ORGANISATION, organisationConditions(args.where), sortKeys(args.orderBy, ORGANISATION_ORDER, 'name'), args, info);
  }

  @Query(() => Organisation, { nullable: true, description: 'An organisation by id; null when there is none.' })
  organisation(@Arg('id', () => ID, { description: 'The organisation\'s id (`organisation:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.ORGANISATION, selectedRelations(info, NodeType.ORGANISATION, rel));
  }

  @FieldResolver(() => [Research], { description: 'Research programmes this organisation leads.' })
  researchLed(@Root() organisation: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.researchLed, organisation.id, info, scope);
  }

  @FieldResolver(() => [Research], { description: 'Research programmes this organisation funds.' })
  researchFunded(@Root() organisation: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.researchFunded, organisation.id, info, scope);
  }

  @FieldResolver(() => [Person], { description: 'People affiliated with this organisation.' })
  people(@Root() organisation: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.people, organisation.id, info, scope);
  }
}
