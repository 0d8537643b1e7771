import type { GraphQLResolveInfo } from 'graphql';
import { type DataScope, NodeType, type NodeRecord } from '../../model/index.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { CaseConnection } from '../case/case.type.js';
import { Conclusion } from '../conclusion/conclusion.type.js';
import type { Context } from '../context.js';
import { Meeting } from '../meeting/meeting.type.js';
import { Municipality, MunicipalityReached } from '../municipality/municipality.type.js';
import { Practice } from '../practice/practice.type.js';
import { asLinkedFrom } from '../quotation/quotation.links.js';
import { PageArgs, ScopeArg, reachedNote } from '../shared/graphql.js';
import { listConnection, nodeOfType, relatedConnection, sortKeys } from '../shared/list.js';
import { mapMaybe } from '../shared/loaders.js';
import { selectedRelations } from '../shared/prefetch.js';
import { loadReached } from '../shared/reached.js';
import { inferredLinksNote } from '../shared/link.type.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { DilemmaListArgs } from './dilemma.args.js';
import { DILEMMA_ORDER, dilemmaConditions, dilemmaReached as reached, dilemmaRelations as rel } from './dilemma.repository.js';
import { Dilemma, DilemmaConnection } from './dilemma.type.js';

@Resolver(() => Dilemma)
export class DilemmaResolver extends NodeFieldsResolver(Dilemma, 'Dilemma') {
  @Query(() => DilemmaConnection, { description: 'Dilemmas, filtered and ordered, as a Relay connection.' })
  dilemmas(@Args(() => DilemmaListArgs) args: DilemmaListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.DILEMMA, dilemmaConditions(args.where), sortKeys(args.orderBy, DILEMMA_ORDER, 'name'), args, info);
  }

  @Query(() => Dilemma, { nullable: true, description: 'A dilemma by id; null when there is none.' })
  dilemma(@Arg('id', () => ID, { description: 'The dilemma\'s id (`dilemma:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.DILEMMA, selectedRelations(info, NodeType.DILEMMA, rel));
  }

  @FieldResolver(() => [Practice], {
    description: `Practices that address this dilemma (ADDRESSES); each practice's \`linkQuotationCount\` says on how many quotations (coded as both) the link rests. ${inferredLinksNote('ADDRESSES')}`,
  })
  practices(@Root() dilemma: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return mapMaybe(ctx.loaders.nodes(rel.practices, dilemma.id, info, scope), (practices) => asLinkedFrom(practices, dilemma.id, scope, info));
  }

  @FieldResolver(() => CaseConnection, { description: 'Cases that raise this dilemma.' })
  cases(@Root() dilemma: NodeRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relatedConnection(ctx, rel.cases, dilemma.id, page, info);
  }

  @FieldResolver(() => [Conclusion], { description: `Conclusions about this dilemma (CONCERNS). ${inferredLinksNote('CONCERNS')}` })
  conclusions(@Root() dilemma: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.conclusions, dilemma.id, info, scope);
  }

  @FieldResolver(() => [Meeting], { description: 'Meetings that discussed this dilemma.' })
  meetings(@Root() dilemma: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.meetings, dilemma.id, info, scope);
  }

  @FieldResolver(() => [Municipality], { description: `Municipalities with cases that raise this dilemma. ${reachedNote('municipalities')}` })
  municipalities(@Root() dilemma: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.municipalities, dilemma.id, info, scope);
  }

  @FieldResolver(() => [MunicipalityReached], { description: 'Municipalities with cases that raise this dilemma. Each with the number of paths that lead to it and of those through made-up data, and `synthetic` when all of them are: no real finding supports that connection. The same nodes, in the same order, as `municipalities` with the same scope.' })
  municipalitiesReached(@Root() dilemma: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return loadReached(ctx.loaders, reached.municipalities, dilemma.id, info, scope);
  }
}
