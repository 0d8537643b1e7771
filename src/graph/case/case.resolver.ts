import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, unlessRestricted, NodeType, type NodeRecord } from '../../model/index.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { ScopeArg } from '../shared/graphql.js';
import { type Context } from '../context.js';
import { Dilemma } from '../dilemma/dilemma.type.js';
import { Employee } from '../employee/employee.type.js';
import { Municipality } from '../municipality/municipality.type.js';
import { Practice } from '../practice/practice.type.js';
import { listConnection, nodeOfType, sortKeys } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { CaseListArgs } from './case.args.js';
import { CASE_ORDER, caseConditions, caseRelations as rel } from './case.repository.js';
import { Case, CaseConnection } from './case.type.js';

@Resolver(() => Case)
export class CaseResolver extends NodeFieldsResolver(Case, 'Case') {
  @Query(() => CaseConnection, { description: 'Cases, filtered and ordered, as a Relay connection.' })
  cases(@Args(() => CaseListArgs) args: CaseListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.CASE, caseConditions(args.where), sortKeys(args.orderBy, CASE_ORDER, 'title'), args, info);
  }

  @Query(() => Case, { name: 'case', nullable: true, description: 'A case by id; null when there is none.' })
  caseById(@Arg('id', () => ID, { description: 'The case\'s id (`case:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.CASE, selectedRelations(info, NodeType.CASE, rel));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Restricted when `restricted` is true: then null (no error) unless the caller has an editor or admin token.',
  })
  summary(@Root() item: NodeRecord, @Ctx() ctx: Context): string | null {
    return unlessRestricted((item.summary as string | null | undefined) ?? null, item.restricted, ctx.viewer);
  }

  @FieldResolver(() => Boolean, { description: 'The summary is confidential: shown to editors and admins only.' })
  restricted(@Root() item: NodeRecord): boolean {
    return item.restricted === true;
  }

  @FieldResolver(() => Municipality, { nullable: true, description: 'Where the case took place.' })
  municipality(@Root() item: NodeRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.one(rel.municipality, item.id, info);
  }

  @FieldResolver(() => [Employee], { description: 'Employees who described this case.' })
  employees(@Root() item: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.employees, item.id, info, scope);
  }

  @FieldResolver(() => [Practice], { description: 'Practices applied in this case.' })
  practices(@Root() item: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.practices, item.id, info, scope);
  }

  @FieldResolver(() => [Dilemma], { description: 'Dilemmas this case raises.' })
  dilemmas(@Root() item: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.dilemmas, item.id, info, scope);
  }
}
