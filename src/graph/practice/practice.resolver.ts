import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, unlessRestricted, NodeType, type NodeRecord } from '../../model/index.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../context.js';
import { Conclusion } from '../conclusion/conclusion.type.js';
import { Dilemma } from '../dilemma/dilemma.type.js';
import { Municipality, MunicipalityReached } from '../municipality/municipality.type.js';
import { CaseConnection } from '../case/case.type.js';
import { PracticeUse } from '../employee/employee.type.js';
import { asLinkedFrom } from '../quotation/quotation.links.js';
import { PageArgs, ScopeArg, reachedNote } from '../shared/graphql.js';
import { listConnection, nodeOfType, relatedConnection, sortKeys } from '../shared/list.js';
import { mapMaybe } from '../shared/loaders.js';
import { selectedRelations } from '../shared/prefetch.js';
import { loadReached } from '../shared/reached.js';
import { inferredLinksNote } from '../shared/link.type.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { PracticeListArgs } from './practice.args.js';
import { PRACTICE_ORDER, practiceConditions, practiceReached as reached, practiceRelations as rel } from './practice.repository.js';
import { Practice, PracticeConnection } from './practice.type.js';

@Resolver(() => Practice)
export class PracticeResolver extends NodeFieldsResolver(Practice, 'Practice') {
  @Query(() => PracticeConnection, { description: 'Practices, filtered and ordered, as a Relay connection.' })
  practices(@Args(() => PracticeListArgs) args: PracticeListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.PRACTICE, practiceConditions(args.where), sortKeys(args.orderBy, PRACTICE_ORDER, 'name'), args, info);
  }

  @Query(() => Practice, { nullable: true, description: 'A practice by id; null when there is none.' })
  practice(@Arg('id', () => ID, { description: 'The practice\'s id (`practice:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.PRACTICE, selectedRelations(info, NodeType.PRACTICE, rel));
  }

  @FieldResolver(() => [Dilemma], {
    description: `The dilemmas this practice addresses (ADDRESSES); each dilemma's \`linkQuotationCount\` says on how many quotations (coded as both) the link rests. ${inferredLinksNote('ADDRESSES')}`,
  })
  dilemmas(@Root() practice: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return mapMaybe(ctx.loaders.nodes(rel.dilemmas, practice.id, info, scope), (dilemmas) => asLinkedFrom(dilemmas, practice.id, scope, info));
  }

  @FieldResolver(() => [PracticeUse], {
    description: 'The employees who use this practice, with their evidence (null for anonymous callers and readers when the USES relationship is restricted).',
  })
  async usedBy(@Root() practice: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const items = await ctx.loaders.items(rel.usedBy, practice.id, info, scope);
    return items.map((item) => ({ employee: item.node, practice, evidence: unlessRestricted(item.rel.evidence ?? null, item.rel.restricted, ctx.viewer), synthetic: item.rel.synthetic === true }));
  }

  @FieldResolver(() => CaseConnection, { description: 'Cases in which this practice was applied.' })
  cases(@Root() practice: NodeRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relatedConnection(ctx, rel.cases, practice.id, page, info);
  }

  @FieldResolver(() => [Conclusion], { description: 'Conclusions that call for this practice.' })
  conclusions(@Root() practice: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.conclusions, practice.id, info, scope);
  }

  @FieldResolver(() => [Municipality], { description: `Municipalities where it is used (by employees or in cases). ${reachedNote('municipalities')}` })
  municipalities(@Root() practice: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.municipalities, practice.id, info, scope);
  }

  @FieldResolver(() => [MunicipalityReached], { description: 'Municipalities where it is used (by employees or in cases). Each with the number of paths that lead to it and of those through made-up data, and `synthetic` when all of them are: no real finding supports that connection. The same nodes, in the same order, as `municipalities` with the same scope.' })
  municipalitiesReached(@Root() practice: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadReached(ctx.loaders, reached.municipalities, practice.id, info, scope);
  }
}
