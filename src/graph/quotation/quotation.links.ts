import DataLoader from 'dataloader';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { linkQuotationCounts, type LinkQuotationCount, type QuotedLink } from '../../analytics/quotation-cooccurrence.js';
import { DataScope, type NodeRecord } from '../../model/index.js';
import type { Context } from '../context.js';
import { Dilemma } from '../dilemma/dilemma.type.js';
import { Practice } from '../practice/practice.type.js';
import { selectedFields } from '../shared/selection.js';

/**
 * How many quotations an ADDRESSES link rests on: `Dilemma.linkQuotationCount` under `Practice.dilemmas`,
 * `Practice.linkQuotationCount` under `Dilemma.practices`; beside each, `syntheticLinkQuotationCount`, the
 * made-up part of that count (so an ALL count says how much of it is made up). The relationship fields hand out shallow copies
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

/** The fields that need the link a record was reached through. */
const COUNT_FIELDS = ['linkQuotationCount', 'syntheticLinkQuotationCount'] as const;

// Whether a relationship field's selection asks for a count, per field of a query document.
const asksForCount = new WeakMap<readonly FieldNode[], boolean>();

/**
 * Copies of `records` (the nodes a relationship field of `parentId` returns) that know their link; the
 * records themselves when the field's selection (`info`) asks for neither count (`COUNT_FIELDS`: a nested
 * read of thousands of dilemmas need not copy each one).
 */
export function asLinkedFrom(records: readonly NodeRecord[], parentId: string, scope: DataScope, info: GraphQLResolveInfo): readonly NodeRecord[] {
  let asks = asksForCount.get(info.fieldNodes);
  if (asks === undefined) {
    const selected = selectedFields(info);
    asksForCount.set(info.fieldNodes, (asks = COUNT_FIELDS.some((field) => selected.has(field))));
  }
  if (!asks) return records;
  return records.map((record) => {
    const copy = { ...record };
    linkEnds.set(copy, { parentId, scope: scope ?? DataScope.ALL });
    return copy;
  });
}

// One loader per request (keyed by the request's loaders object): the links of one level in one statement,
// both counts of a link from one load.
const loaders = new WeakMap<object, DataLoader<QuotedLink, LinkQuotationCount, string>>();

function linkLoader(ctx: Context): DataLoader<QuotedLink, LinkQuotationCount, string> {
  let loader = loaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader((links: readonly QuotedLink[]) => linkQuotationCounts(ctx.db, links), {
      cacheKeyFn: (link) => `${link.scope}|${link.practiceId}|${link.dilemmaId}`,
    });
    loaders.set(ctx.loaders, loader);
  }
  return loader;
}

/** The link a dilemma was reached through (`Practice.dilemmas`), or null when it was reached otherwise. */
function linkOfDilemma(dilemma: NodeRecord): QuotedLink | null {
  const end = linkEnds.get(dilemma);
  return end ? { practiceId: end.parentId, dilemmaId: dilemma.id, scope: end.scope } : null;
}

/** The link a practice was reached through (`Dilemma.practices`), or null when it was reached otherwise. */
function linkOfPractice(practice: NodeRecord): QuotedLink | null {
  const end = linkEnds.get(practice);
  return end ? { practiceId: practice.id, dilemmaId: end.parentId, scope: end.scope } : null;
}

/** One of the counts of `link` (both come from one load), or null without a link. */
function countOf(ctx: Context, link: QuotedLink | null, pick: keyof LinkQuotationCount): Promise<number> | null {
  return link ? linkLoader(ctx).load(link).then((counts) => counts[pick]) : null;
}

const COUNT =
  'the quotations coded as both that practice and this dilemma, i.e. the interviews this link rests on (0: the link rests on the graph\'s own sources alone), counted in the scope of the field it was reached through.';
const SYNTHETIC_COUNT =
  'Of `linkQuotationCount`, the made-up quotations (synthetic, or coded by a made-up coding, as those of a made-up interview are): 0 in scope REAL, all of them in scope SYNTHETIC.';
const REVERSED = (text: string) => text.replace('that practice and this dilemma', 'this practice and that dilemma');

@Resolver(() => Dilemma)
export class DilemmaLinkQuotations {
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Set when this dilemma is reached through \`Practice.dilemmas\`: ${COUNT} Null when the dilemma is not reached through a practice.`,
  })
  linkQuotationCount(@Root() dilemma: NodeRecord, @Ctx() ctx: Context): Promise<number> | null {
    return countOf(ctx, linkOfDilemma(dilemma), 'count');
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `${SYNTHETIC_COUNT} Null when the dilemma is not reached through a practice (\`Practice.dilemmas\`).`,
  })
  syntheticLinkQuotationCount(@Root() dilemma: NodeRecord, @Ctx() ctx: Context): Promise<number> | null {
    return countOf(ctx, linkOfDilemma(dilemma), 'syntheticCount');
  }
}

@Resolver(() => Practice)
export class PracticeLinkQuotations {
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Set when this practice is reached through \`Dilemma.practices\`: ${REVERSED(COUNT)} Null when the practice is not reached through a dilemma.`,
  })
  linkQuotationCount(@Root() practice: NodeRecord, @Ctx() ctx: Context): Promise<number> | null {
    return countOf(ctx, linkOfPractice(practice), 'count');
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `${SYNTHETIC_COUNT} Null when the practice is not reached through a dilemma (\`Dilemma.practices\`).`,
  })
  syntheticLinkQuotationCount(@Root() practice: NodeRecord, @Ctx() ctx: Context): Promise<number> | null {
    return countOf(ctx, linkOfPractice(practice), 'syntheticCount');
  }
}
