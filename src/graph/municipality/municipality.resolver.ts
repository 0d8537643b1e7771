import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, NodeType, type NodeRecord } from '../../model/index.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { CaseConnection } from '../case/case.type.js';
import type { Context } from '../context.js';
import { Dilemma, DilemmaReached } from '../dilemma/dilemma.type.js';
import { EmployeeConnection } from '../employee/employee.type.js';
import { Person } from '../person/person.type.js';
import { Practice, PracticeReached } from '../practice/practice.type.js';
import { Research } from '../research/research.type.js';
import { PageArgs, ScopeArg, reachedNote } from '../shared/graphql.js';
import { listConnection, nodeOfType, relatedConnection, sortKeys } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import { loadReached } from '../shared/reached.js';
import { inferredLinksNote } from '../shared/link.type.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { MunicipalityListArgs } from './municipality.args.js';
import { MUNICIPALITY_ORDER, municipalityConditions, municipalityReached as reached, municipalityRelations as rel } from './municipality.repository.js';
import { Municipality, MunicipalityConnection } from './municipality.type.js';

@Resolver(() => Municipality)
export class MunicipalityResolver extends NodeFieldsResolver(Municipality, 'Municipality') {
  @Query(() => MunicipalityConnection, { description: 'Municipalities, filtered and ordered, as a Relay connection.' })
  municipalities(@Args(() => MunicipalityListArgs) args: MunicipalityListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.MUNICIPALITY, municipalityConditions(args.where), sortKeys(args.orderBy, MUNICIPALITY_ORDER, 'name'), args, info);
  }

  @Query(() => Municipality, { nullable: true, description: 'A municipality by id; null when there is none.' })
  municipality(@Arg('id', () => ID, { description: 'The municipality\'s id (`municipality:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.MUNICIPALITY, selectedRelations(info, NodeType.MUNICIPALITY, rel));
  }

  @FieldResolver(() => EmployeeConnection, { description: 'Employees who work here.' })
  employees(@Root() municipality: NodeRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relatedConnection(ctx, rel.employees, municipality.id, page, info);
  }

  @FieldResolver(() => CaseConnection, { description: 'Cases that took place here.' })
  cases(@Root() municipality: NodeRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relatedConnection(ctx, rel.cases, municipality.id, page, info);
  }

  @FieldResolver(() => [Practice], { description: `Practices used here, by its employees or in its cases. ${reachedNote('practices')}` })
  practices(@Root() municipality: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.practices, municipality.id, info, scope);
  }

  @FieldResolver(() => [PracticeReached], { description: 'Practices used here, by its employees or in its cases. Each with the number of paths that lead to it and of those through made-up data, and `synthetic` when all of them are: no real finding supports that connection. The same nodes, in the same order, as `practices` with the same scope.' })
  practicesReached(@Root() municipality: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadReached(ctx.loaders, reached.practices, municipality.id, info, scope);
  }

  @FieldResolver(() => [Dilemma], { description: `Dilemmas raised by cases here. ${reachedNote('dilemmas')}` })
  dilemmas(@Root() municipality: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.dilemmas, municipality.id, info, scope);
  }

  @FieldResolver(() => [DilemmaReached], { description: 'Dilemmas raised by cases here. Each with the number of paths that lead to it and of those through made-up data, and `synthetic` when all of them are: no real finding supports that connection. The same nodes, in the same order, as `dilemmas` with the same scope.' })
  dilemmasReached(@Root() municipality: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadReached(ctx.loaders, reached.dilemmas, municipality.id, info, scope);
  }

  @FieldResolver(() => [Research], { description: `Research programmes this municipality partners in (PARTNERS_WITH). ${inferredLinksNote('PARTNERS_WITH')}` })
  research(@Root() municipality: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.research, municipality.id, info, scope);
  }

  @FieldResolver(() => [Person], { description: 'People affiliated with this municipality (e.g. a wethouder).' })
  people(@Root() municipality: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.people, municipality.id, info, scope);
  }
}
