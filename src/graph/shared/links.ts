import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../errors.js';
import { DataScope, NODE_SPECS, RELATIONSHIP_SPECS, edgeId, incoming, outgoing, pathOf, type Label, type RelType } from '../../model/index.js';
import { LinkDirection, type Link } from './link.type.js';
import { mapMaybe, type Loaders, type Maybe } from './loaders.js';
import { projectionOf, type Projection } from './projection.js';
import { defineRelation, type RelatedItem, type RelatedPage, type Relation } from './relation.js';
import { fieldsOf } from './selection.js';
import { compareCodeUnits } from '../../util/index.js';

/** One relation behind `links`: a relationship type, its direction from the node, and the label at the other end. */
export interface LinkRelation {
  type: RelType;
  direction: LinkDirection;
  relation: Relation;
}

const linkRelations = new Map<Label, readonly LinkRelation[]>();

/**
 * Every relationship a node of `label` can have, per the model's allow-list (`RELATIONSHIP_SPECS`, which
 * leaves out `SOURCED_FROM`: `provenance` shows it): one one-hop relation per (type, direction, label at the
 * other end), with the relationship's properties, so `links` loads through the same per-request loaders
 * (and in the same statement) as every relationship field.
 */
export function linkRelationsOf(label: Label): readonly LinkRelation[] {
  let relations = linkRelations.get(label);
  if (!relations) {
    relations = RELATIONSHIP_SPECS.flatMap((spec) => [
      ...(spec.from === label ? [linkRelation(label, spec.type, LinkDirection.OUT, spec.to)] : []),
      ...(spec.to === label ? [linkRelation(label, spec.type, LinkDirection.IN, spec.from)] : []),
    ]);
    linkRelations.set(label, relations);
  }
  return relations;
}

function linkRelation(label: Label, type: RelType, direction: LinkDirection, other: Label): LinkRelation {
  const hop = direction === LinkDirection.OUT ? outgoing(type) : incoming(type);
  const relation = defineRelation(`${label}.links.${type}.${direction}.${other}`, pathOf(label, [hop], { to: other }), { orderBy: 'id', withRel: true });
  return { type, direction, relation };
}

/** The relationship types a node of `label` can have (what `links(types:)` accepts), sorted. */
export function linkTypesOf(label: Label): RelType[] {
  return [...new Set(linkRelationsOf(label).map((link) => link.type))].sort();
}

/**
 * The relations of `label` restricted to `types` (all of them when null or undefined). BAD_USER_INPUT when
 * `types` is empty or names a type `label` nodes never have (unknown to the model, or `SOURCED_FROM`),
 * naming it and listing the types they have: an empty answer would pass a typo off as "no such links".
 */
export function linkRelationsFor(label: Label, types: readonly string[] | null | undefined): readonly LinkRelation[] {
  const relations = linkRelationsOf(label);
  if (types === null || types === undefined) return relations;
  const allowed: readonly string[] = linkTypesOf(label);
  if (types.length === 0) throw badInput(`"types" must name at least one relationship type (or be omitted); ${label} nodes have ${allowed.join(', ')}.`, 'types');
  const wrong = [...new Set(types.filter((type) => !allowed.includes(type)))];
  if (wrong.length > 0) {
    const sources = wrong.includes('SOURCED_FROM') ? ' (their sources are in `provenance`)' : '';
    throw badInput(`"types": ${label} nodes have no ${wrong.map((type) => JSON.stringify(type)).join(', ')} relationships${sources}; theirs are ${allowed.join(', ')}.`, 'types');
  }
  return relations.filter((link) => types.includes(link.type));
}

/**
 * The links of node `id` along `relations`, ordered by type, direction (OUT first) and the other node's id.
 * Every relation is asked of the loaders in the same tick, so they come in one statement with the request's
 * other relationship fields; `scope` drops links and nodes outside it, as on every relationship field.
 */
export function loadLinks(loaders: Loaders, relations: readonly LinkRelation[], id: string, info: GraphQLResolveInfo, scope: DataScope | null | undefined): Maybe<Link[]> {
  const pages = relations.map(({ relation }) => loaders.page(relation, id, undefined, linkedNodeProjection(info, relation), scope ?? DataScope.ALL));
  return mapMaybe(allOf(pages), (loaded) =>
    loaded.flatMap((page, i) => page.items.map((item) => toLink(relations[i]!, item, id))).sort(byTypeDirectionAndId),
  );
}

/** The pages when all are there (no promise for graphql-js to wait on), else one promise of them all. */
function allOf(pages: ReadonlyArray<Maybe<RelatedPage>>): Maybe<RelatedPage[]> {
  return pages.some((page) => page instanceof Promise) ? Promise.all(pages) : (pages as RelatedPage[]);
}

/** What every relationship says of its own provenance (`RELATIONSHIP_PROVENANCE`), and whether it is made up. */
export interface LinkProvenance {
  locator: string | null;
  inferred: boolean;
  note: string | null;
  synthetic: boolean;
}

/**
 * The provenance of a relationship from its properties: what every relationship object type (`Link`,
 * `ResearcherRole`, `TalkPoint`, …) shows beside its own fields. A link without `inferred: true` is stated.
 */
export function linkProvenance(rel: Record<string, unknown>): LinkProvenance {
  return {
    locator: typeof rel.locator === 'string' ? rel.locator : null,
    inferred: rel.inferred === true,
    note: typeof rel.note === 'string' ? rel.note : null,
    synthetic: rel.synthetic === true,
  };
}

/** Only the provenance of the relationship: its other properties may be restricted text (`USES.evidence`). */
function toLink({ type, direction }: LinkRelation, { node, rel }: RelatedItem, ownId: string): Link {
  const [from, to] = direction === LinkDirection.OUT ? [ownId, node.id] : [node.id, ownId];
  return { id: edgeId(from, type, to), type, direction, node, ...linkProvenance(rel) };
}

const DIRECTION_ORDER: Record<LinkDirection, number> = { [LinkDirection.OUT]: 0, [LinkDirection.IN]: 1 };


function byTypeDirectionAndId(a: Link, b: Link): number {
  return compareCodeUnits(a.type, b.type) || DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction] || compareCodeUnits(a.node.id, b.node.id);
}

// The `node` fields under each `links` field of a query document: one array per field, so the projection
// cache (keyed by field nodes) works it out once per field and label.
const nodeFields = new WeakMap<readonly FieldNode[], readonly FieldNode[]>();

/**
 * The properties to fetch of the nodes at the other end of `relation`: what the selection under `node`
 * reads of a node of that label (through `... on <Label>` and interface fragments), as for any relationship
 * field; only `id` when `node` is not selected. For every field whose items wrap the node (`links`,
 * `practicesReached`, …).
 */
export function linkedNodeProjection(info: GraphQLResolveInfo, relation: Relation): Projection {
  let fields = nodeFields.get(info.fieldNodes);
  if (!fields) {
    fields = info.fieldNodes.flatMap((field) => (field.selectionSet ? fieldsOf(info, field.selectionSet) : [])).filter((field) => field.name.value === 'node');
    nodeFields.set(info.fieldNodes, fields);
  }
  const objectType = info.schema.getType(NODE_SPECS[relation.to].label) as GraphQLObjectType;
  return projectionOf(info, relation.to, fields, objectType);
}
