import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, NodeType, type NodeRecord } from '../../model/index.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { EmployeeConnection } from '../employee/employee.type.js';
import { Meeting } from '../meeting/meeting.type.js';
import { Municipality } from '../municipality/municipality.type.js';
import { Organisation } from '../organisation/organisation.type.js';
import { Person, ResearcherRole } from '../person/person.type.js';
import { PageArgs, ScopeArg } from '../shared/graphql.js';
import { listConnection, nodeOfType, relatedConnection, sortKeys } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import { linkProvenance } from '../shared/links.js';
import { inferredLinksNote } from '../shared/link.type.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { ResearchListArgs } from './research.args.js';
import { RESEARCH_ORDER, researchConditions, researchRelations as rel } from './research.repository.js';
import { Research, ResearchConnection } from './research.type.js';

@Resolver(() => Research)
export class ResearchResolver extends NodeFieldsResolver(Research, 'Research') {
  @Query(() => ResearchConnection, { description: 'Research programmes, filtered and ordered, as a Relay connection.' })
  researchProgrammes(@Args(() => ResearchListArgs) args: ResearchListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.RESEARCH, researchConditions(args.where), sortKeys(args.orderBy, RESEARCH_ORDER, 'title'), args, info);
  }

  @Query(() => Research, { nullable: true, description: 'A research programme by id; null when there is none.' })
  research(@Arg('id', () => ID, { description: 'The research\'s id (`research:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.RESEARCH, selectedRelations(info, NodeType.RESEARCH, rel));
  }

  @FieldResolver(() => [Organisation], { description: 'Who leads the programme.' })
  ledBy(@Root() research: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.ledBy, research.id, info, scope);
  }

  @FieldResolver(() => [Organisation], { description: 'Who funds the programme.' })
  fundedBy(@Root() research: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.fundedBy, research.id, info, scope);
  }

  @FieldResolver(() => [String], { description: 'The research questions, in the source\'s words; empty when none is recorded.' })
  questions(@Root() research: NodeRecord): string[] {
    return (research.questions as string[] | null | undefined) ?? [];
  }

  @FieldResolver(() => [Municipality], { description: 'Municipalities that (co-)fund the programme (FUNDED_BY; organisations are in `fundedBy`).' })
  fundingMunicipalities(@Root() research: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.fundingMunicipalities, research.id, info, scope);
  }

  @FieldResolver(() => [Person], { description: 'Whom to contact about the programme.' })
  contacts(@Root() research: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.contacts, research.id, info, scope);
  }

  @FieldResolver(() => [Municipality], { description: `The partner municipalities (PARTNERS_WITH). ${inferredLinksNote('PARTNERS_WITH')}` })
  partners(@Root() research: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.partners, research.id, info, scope);
  }

  @FieldResolver(() => [ResearcherRole], { description: 'The researchers, and who leads.' })
  async researchers(@Root() research: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const items = await ctx.loaders.items(rel.researchers, research.id, info, scope);
    return items.map((item) => ({ person: item.node, research, lead: item.rel.lead ?? null, ...linkProvenance(item.rel) }));
  }

  @FieldResolver(() => [Meeting], { description: 'Meetings of the programme, by date.' })
  meetings(@Root() research: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.meetings, research.id, info, scope);
  }

  @FieldResolver(() => EmployeeConnection, { description: 'Employees interviewed for the programme.' })
  employees(@Root() research: NodeRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relatedConnection(ctx, rel.employees, research.id, page, info);
  }
}
