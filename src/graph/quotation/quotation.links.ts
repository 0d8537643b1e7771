import DataLoader from 'dataloader';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { linkQuotationCounts, type QuotedLink } from '../../analytics/quotation-cooccurrence.js';
import { DataScope, type NodeRecord } from '../../model/index.js';
import type { Context } from '../context.js';
import { Dilemma } from '../dilemma/dilemma.type.js';
import { Practice } from '../practice/practice.type.js';
import { selectedFields } from '../shared/selection.js';

/**
 * How many quotations an ADDRESSES link rests on: `Dilemma.linkQuotationCount` under `Practice.dilemmas`,
 * `Practice.linkQuotationCount` under `Dilemma.practices`. The relationship fields hand out shallow copies
 * of their records that remember the parent at the other end of the link and the field's scope; the
 * records themselves are shared by every page of the request's loaders (one dilemma record for all the
 * practices of a level), so they are never written to.
 */
interface LinkEnd {
  /** The node at the other end: the practice of a dilemma reached through `Practice.dilemmas`, or the reverse. */
  parentId: string;
  scope: DataScope;
}

const linkEnds = new WeakMap<NodeRecord, LinkEnd>();

// Whether a relationship field's selection asks for the count, per field of a query document.
const asksForCount = new WeakMap<readonly FieldNode[], boolean>();

/**
 * Copies of `records` (the nodes a relationship field of `parentId` returns) that know their link; the
 * records themselves when the field's selection (`info`) does not ask for `linkQuotationCount` (a nested
 * read of thousands of dilemmas need not copy each one).
 */
export function asLinkedFrom(records: readonly NodeRecord[], parentId: string, scope: DataScope, info: GraphQLResolveInfo): readonly NodeRecord[] {
  let asks = asksForCount.get(info.fieldNodes);
  if (asks === undefined) asksForCount.set(info.fieldNodes, (asks = selectedFields(info).has('linkQuotationCount')));
  if (!asks) return records;
  return records.map((record) => {
    const copy = { ...record };
    linkEnds.set(copy, { parentId, scope: scope ?? DataScope.ALL });
    return copy;
  });
}

// One loader per request (keyed by the request's loaders object): the links of one level in one statement.
const loaders = new WeakMap<object, DataLoader<QuotedLink, number, string>>();

function linkLoader(ctx: Context): DataLoader<QuotedLink, number, string> {
  let loader = loaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader((links: readonly QuotedLink[]) => linkQuotationCounts(ctx.db, links), {
      cacheKeyFn: (link) => `${link.scope}|${link.practiceId}|${link.dilemmaId}`,
    });
    loaders.set(ctx.loaders, loader);
  }
  return loader;
}

const COUNT =
  'the quotations coded as both that practice and this dilemma, i.e. the interviews this link rests on (0: the link rests on the graph\'s own sources alone), counted in the scope of the field it was reached through.';

@Resolver(() => Dilemma)
export class DilemmaLinkQuotations {
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Set when this dilemma is reached through \`Practice.dilemmas\`: ${COUNT} Null when the dilemma is not reached through a practice.`,
  })
  linkQuotationCount(@Root() dilemma: NodeRecord, @Ctx() ctx: Context): Promise<number> | null {
    const link = linkEnds.get(dilemma);
    return link ? linkLoader(ctx).load({ practiceId: link.parentId, dilemmaId: dilemma.id, scope: link.scope }) : null;
  }
}

@Resolver(() => Practice)
export class PracticeLinkQuotations {
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Set when this practice is reached through \`Dilemma.practices\`: ${COUNT.replace('that practice and this dilemma', 'this practice and that dilemma')} Null when the practice is not reached through a dilemma.`,
  })
  linkQuotationCount(@Root() practice: NodeRecord, @Ctx() ctx: Context): Promise<number> | null {
    const link = linkEnds.get(practice);
    return link ? linkLoader(ctx).load({ practiceId: practice.id, dilemmaId: link.parentId, scope: link.scope }) : null;
  }
}
