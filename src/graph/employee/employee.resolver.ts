import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, unlessRestricted, NodeType, type NodeRecord } from '../../model/index.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Case } from '../case/case.type.js';
import { ScopeArg } from '../shared/graphql.js';
import { type Context } from '../context.js';
import { Municipality } from '../municipality/municipality.type.js';
import { Practice } from '../practice/practice.type.js';
import { Research } from '../research/research.type.js';
import { listConnection, nodeOfType, sortKeys } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { EmployeeListArgs } from './employee.args.js';
import { EMPLOYEE_ORDER, employeeConditions, employeeRelations as rel } from './employee.repository.js';
import { Employee, EmployeeConnection, PracticeUse } from './employee.type.js';

@Resolver(() => Employee)
export class EmployeeResolver extends NodeFieldsResolver(Employee, 'Employee') {
  @Query(() => EmployeeConnection, { description: 'Employees (pseudonymous), filtered and ordered, as a Relay connection.' })
  employees(@Args(() => EmployeeListArgs) args: EmployeeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.EMPLOYEE, employeeConditions(args.where), sortKeys(args.orderBy, EMPLOYEE_ORDER, 'pseudonym'), args, info);
  }

  @Query(() => Employee, { nullable: true, description: 'An employee by id; null when there is none.' })
  employee(@Arg('id', () => ID, { description: 'The employee\'s id (`employee:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.EMPLOYEE, selectedRelations(info, NodeType.EMPLOYEE, rel));
  }

  @FieldResolver(() => Municipality, { nullable: true, description: 'Where this employee works.' })
  municipality(@Root() employee: NodeRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.one(rel.municipality, employee.id, info);
  }

  @FieldResolver(() => [Research], { description: 'Research programmes this employee was interviewed for.' })
  research(@Root() employee: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.research, employee.id, info, scope);
  }

  @FieldResolver(() => [Practice], { description: 'Practices this employee uses.' })
  practices(@Root() employee: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.practices, employee.id, info, scope);
  }

  @FieldResolver(() => [PracticeUse], {
    description: 'Practices this employee uses, with the evidence (USES.evidence; null for anonymous callers and readers when the USES relationship is restricted).',
  })
  async practiceUses(@Root() employee: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const items = await ctx.loaders.items(rel.practiceUses, employee.id, info, scope);
    return items.map((item) => ({ employee, practice: item.node, evidence: unlessRestricted(item.rel.evidence ?? null, item.rel.restricted, ctx.viewer), synthetic: item.rel.synthetic === true }));
  }

  @FieldResolver(() => [Case], { description: 'Cases this employee described.' })
  cases(@Root() employee: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.cases, employee.id, info, scope);
  }
}
