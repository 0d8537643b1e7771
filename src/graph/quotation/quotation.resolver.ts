import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { quotedDilemmas, type QuotedDilemmaData, type QuotedDilemmasKey } from '../../analytics/quotation-cooccurrence.js';
import { DataScope, NodeType, unlessRestricted, type NodeRecord } from '../../model/index.js';
import { Conclusion } from '../conclusion/conclusion.type.js';
import { type Context } from '../context.js';
import { Dilemma } from '../dilemma/dilemma.type.js';
import { Employee } from '../employee/employee.type.js';
import { Practice } from '../practice/practice.type.js';
import { PageArgs, ScopeArg } from '../shared/graphql.js';
import { listConnection, nodeOfType, relatedConnection, sortKeys } from '../shared/list.js';
import { selectedRelations } from '../shared/prefetch.js';
import type { Relation } from '../shared/relation.js';
import { NodeFieldsResolver } from '../shared/node-fields.resolver.js';
import { Source } from '../source/source.type.js';
import { QuotationListArgs } from './quotation.args.js';
import { QUOTATION_ORDER, quotationConditions, quotationRelations as rel, quotationsOf } from './quotation.repository.js';
import { DilemmaLinkQuotations, PracticeLinkQuotations } from './quotation.links.js';
import { Quotation, QuotationConnection } from './quotation.type.js';

@Resolver(() => Quotation)
export class QuotationResolver extends NodeFieldsResolver(Quotation, 'Quotation') {
  @Query(() => QuotationConnection, { description: 'Quotations (coded interview segments), filtered and ordered, as a Relay connection.' })
  quotations(@Args(() => QuotationListArgs) args: QuotationListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listConnection(ctx, NodeType.QUOTATION, quotationConditions(args.where), sortKeys(args.orderBy, QUOTATION_ORDER, 'name'), args, info);
  }

  @Query(() => Quotation, { nullable: true, description: 'A quotation by id; null when there is none.' })
  quotation(@Arg('id', () => ID, { description: 'The quotation\'s id (`quotation:<slug>`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfType(ctx, id, NodeType.QUOTATION, selectedRelations(info, NodeType.QUOTATION, rel));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The quoted words. Restricted when `restricted` is true (the default of an import): then null (no error) unless the caller has an editor or admin token.',
  })
  text(@Root() item: NodeRecord, @Ctx() ctx: Context): string | null {
    return unlessRestricted((item.text as string | null | undefined) ?? null, item.restricted, ctx.viewer);
  }

  @FieldResolver(() => Boolean, { description: 'The text is confidential: shown to editors and admins only.' })
  restricted(@Root() item: NodeRecord): boolean {
    return item.restricted === true;
  }

  @FieldResolver(() => Source, { nullable: true, description: 'The interview the segment is cut from.' })
  source(@Root() item: NodeRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.one(rel.source, item.id, info);
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'Who said it (null when the project did not say).' })
  employee(@Root() item: NodeRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.one(rel.employee, item.id, info);
  }

  @FieldResolver(() => [Practice], { description: 'Practices the segment is coded as.' })
  practices(@Root() item: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.practices, item.id, info, scope);
  }

  @FieldResolver(() => [Dilemma], { description: 'Dilemmas the segment is coded as.' })
  dilemmas(@Root() item: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.dilemmas, item.id, info, scope);
  }

  @FieldResolver(() => [Conclusion], { description: 'Conclusions the segment is coded as.' })
  conclusions(@Root() item: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.nodes(rel.conclusions, item.id, info, scope);
  }
}

const QUOTATIONS = 'Quotations (coded interview segments) that are evidence for it; their text follows `Quotation.text`\'s rule.';

/** `quotations` of the node types quotations are coded as, said by or cut from: one relation each, paged. */
function quotationsField(objectType: typeof Practice | typeof Dilemma | typeof Conclusion | typeof Employee | typeof Source, relation: Relation, description: string) {
  @Resolver(() => objectType)
  class QuotationsField {
    @FieldResolver(() => QuotationConnection, { description })
    quotations(@Root() node: NodeRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return relatedConnection(ctx, relation, node.id, page, info);
    }
  }
  return QuotationsField;
}

@ObjectType({ description: 'A dilemma coded on the same quotations as a practice: evidence for (or beyond) the ADDRESSES links of the graph.' })
export class QuotedDilemma {
  @Field(() => Dilemma, { description: 'The dilemma coded together with the practice.' }) dilemma!: Dilemma;
  @Field(() => Int, { description: 'Quotations coded with both the practice and the dilemma, in the scope.' }) quotationCount!: number;
  @Field(() => Int, {
    description:
      'Of `quotationCount`, the made-up quotations (synthetic, or coded by a made-up coding, as those of a made-up interview are): 0 in scope REAL, all of them in scope SYNTHETIC.',
  })
  syntheticQuotationCount!: number;
  @Field(() => Boolean, {
    description: 'The graph states that the practice addresses the dilemma (`Practice.dilemmas`), by an ADDRESSES link in the scope; the quotations rest it on interviews.',
  })
  addresses!: boolean;
  @Field(() => Boolean, {
    description: '`addresses` rests on made-up data only: every ADDRESSES link from the practice to the dilemma (in the scope) is synthetic. Always false when `addresses` is false.',
  })
  syntheticAddresses!: boolean;
}

// One loader per request (keyed by the request's loaders object): the practices of one level in one
// statement, whatever their scopes (aliases of the field may ask for several).
const quotedDilemmaLoaders = new WeakMap<object, DataLoader<QuotedDilemmasKey, QuotedDilemmaData[], string>>();

@Resolver(() => Practice)
class PracticeQuotedDilemmas {
  @FieldResolver(() => [QuotedDilemma], {
    description:
      'Dilemmas coded on the same quotations as this practice, most quotations first; `addresses` tells which of them are `dilemmas` links too. ' +
      'In the scope: the quotations, their codings and the ADDRESSES links counted (REAL: real ones only, and real dilemmas; SYNTHETIC: made-up ones only).',
  })
  quotedDilemmas(@Root() practice: NodeRecord, @ScopeArg() scope: DataScope, @Ctx() ctx: Context): Promise<QuotedDilemmaData[]> {
    let loader = quotedDilemmaLoaders.get(ctx.loaders);
    if (!loader) {
      loader = new DataLoader((keys: readonly QuotedDilemmasKey[]) => quotedDilemmas(ctx.db, keys), { cacheKeyFn: (key) => `${key.scope}|${key.practiceId}` });
      quotedDilemmaLoaders.set(ctx.loaders, loader);
    }
    return loader.load({ practiceId: practice.id, scope: scope ?? DataScope.ALL });
  }
}

export const QUOTATION_RESOLVERS = [
  QuotationResolver,
  PracticeQuotedDilemmas,
  PracticeLinkQuotations,
  DilemmaLinkQuotations,
  quotationsField(Practice, quotationsOf.practice, `${QUOTATIONS} Coded as this practice.`),
  quotationsField(Dilemma, quotationsOf.dilemma, `${QUOTATIONS} Coded as this dilemma.`),
  quotationsField(Conclusion, quotationsOf.conclusion, `${QUOTATIONS} Coded as this conclusion.`),
  quotationsField(Employee, quotationsOf.employee, 'Quotations this employee said; their text follows `Quotation.text`\'s rule.'),
  quotationsField(Source, quotationsOf.source, 'Quotations cut from this interview, in text order; their text follows `Quotation.text`\'s rule.'),
] as const;
