import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database.js';
import { offsetAfter } from './cursor.js';
import { DataScope, NODE_SPECS, endTypeOf, pathVariables, scopePredicate, outgoing, pathOf, renderPath, type Label, type ModelPath, type NodeType, toNodeRecord, type NodeRecord } from '../../model/index.js';
import type { Projection } from './projection.js';
import { propertiesOf } from '../../analytics/cypher.js';

/**
 * A relationship field (`Practice.dilemmas`, `Municipality.practices`, …) as one batched query. Built
 * only by `defineRelation` from a `ModelPath`, which the model checked hop by hop: the Cypher `pattern`
 * is rendered from it (parent `n`, related node `m`, the relationship `r` of a one-hop path).
 */
export interface Relation {
  /** Unique name, also the loader cache key: `Practice.dilemmas`. */
  name: string;
  from: Label;
  to: NodeType;
  /** The path from the parent to the related nodes, as the model allows it. */
  path: ModelPath;
  /** `path` rendered: binds the parent as `n`, the related node as `m`. */
  pattern: string;
  /** Property of `m` the items are ordered by (then by id). */
  orderBy: string;
  /** Return `properties(r)` with each item (one-hop paths only). */
  withRel?: boolean;
  /** The pattern can reach the same `m` more than once (e.g. via several employees): keep one. */
  distinct?: boolean;
  /**
   * With each item (as its `rel`), how many paths of the pattern lead to it and how many of those run through
   * made-up data (`{paths, syntheticPaths}`): multi-hop relations only, whose connections are no relationship
   * that could carry a flag of its own.
   */
  countPaths?: boolean;
}

/** How a relation's items come: ordered by a property of the related type, with the relationship's properties, deduplicated. */
export interface RelationOptions {
  orderBy: string;
  withRel?: boolean;
  distinct?: boolean;
  countPaths?: boolean;
}

/**
 * A relation named `name` along `path` (which must end at one label). Throws when `orderBy` is not a
 * property of the related type or `withRel` is asked of a path with more than one relationship, so a
 * wrong declaration fails when its module loads.
 */
export function defineRelation(name: string, path: ModelPath, options: RelationOptions): Relation {
  const to = endTypeOf(path);
  if (options.orderBy !== 'id' && !Object.hasOwn(NODE_SPECS[to].properties, options.orderBy)) {
    throw new Error(`${name}: ${options.orderBy} is not a property of ${NODE_SPECS[to].label}`);
  }
  if (options.withRel && path.hops.length !== 1) throw new Error(`${name}: relationship properties come only with a one-hop path`);
  if (options.countPaths && (path.hops.length < 2 || !options.distinct)) throw new Error(`${name}: paths are counted only on a distinct path of several hops`);
  return { name, from: path.from, to, path, pattern: renderPath(path, 'n', 'm'), ...options };
}

const sourcesRelations = new Map<Label, Relation>();

/** The `SOURCED_FROM` relation of a label (behind every node type's `sources` and `provenance`). */
export function sourcesOf(label: Label): Relation {
  let relation = sourcesRelations.get(label);
  if (!relation) {
    relation = defineRelation(`${label}.sources`, pathOf(label, [outgoing('SOURCED_FROM')], { to: 'Source' }), { orderBy: 'title', withRel: true });
    sourcesRelations.set(label, relation);
  }
  return relation;
}

export interface RelatedItem {
  node: NodeRecord;
  /** Properties of the relationship (empty unless the relation is `withRel`). */
  rel: Record<string, unknown>;
}

/** A slice of the related items, for connection fields; `undefined` means all of them. */
export interface Window {
  offset: number;
  first: number;
  /**
   * Whether the total count is wanted. Without it the page is a top-k sort (`SKIP`/`LIMIT`, one row more
   * to tell whether a next page exists) instead of sorting and collecting every related node: a practice's
   * first 10 of ~400 cases, 1,104 → 1,583 statements/s (8 concurrent).
   */
  counted: boolean;
}

/**
 * The window of a paged relationship field, computed here only: the prefetch (`selectedRelations`) and the
 * field resolver (`relatedConnection`) must ask for the same window, or the prefetched page is never used.
 */
export function pageWindow(first: number, after: string | null | undefined, counted: boolean): Window {
  return { offset: offsetAfter(after), first, counted };
}

export interface RelatedPage {
  /** All related items (not only the window's); undefined for a window that is not `counted`. */
  totalCount?: number;
  items: RelatedItem[];
  /** More items follow the window. */
  hasNextPage?: boolean;
}

/**
 * What tells loads of one relation apart: the relation, the window when it pages, and the properties
 * fetched of the related nodes (so a record fetched for `{ id name }` never answers `{ description }`).
 */
export function relationKey(relation: Relation, window?: Window, projection?: Projection, scope: DataScope = DataScope.ALL): string {
  const fetched = projection ? projection.join(',') : '*';
  // The scope is part of the key: a REAL page must never answer an ALL field (or the reverse).
  return window ? `${relation.name}|${scope}|${window.offset}|${window.first}|${window.counted}|${fetched}` : `${relation.name}|${scope}|${fetched}`;
}

/** One relation (window, projection) to load for a batch of parent ids. */
export interface RelatedRequest {
  relation: Relation;
  window?: Window;
  /** The properties of the related nodes to fetch; all when undefined. */
  projection?: Projection;
  /** What the load walks (the field's `scope`); ALL when undefined, which adds no predicate. */
  scope?: DataScope;
  ids: readonly string[];
}

/**
 * Loads several relations, each for a batch of parent ids (`UNWIND`), in one statement: one `CALL`
 * subquery per request. Sibling relationship fields (`Practice.dilemmas` and `Practice.cases`) are
 * requested in the same tick, so a level of a query costs one round trip however many fields it has.
 * Returns, per request, one page per id in key order (empty for ids with nothing related or that do
 * not exist).
 *
 * Pages carry only the ids of their items; each distinct related node comes back once per request. Many
 * parents share related nodes (1,000 employees, a few hundred practices), and shipping a property map per
 * parent per item had doubled what a nested read took from Neo4j.
 */
export async function loadRelatedMany(db: Database, requests: readonly RelatedRequest[]): Promise<RelatedPage[][]> {
  const { subqueries, columns, params } = relatedSubqueries(requests);
  const rows = await db.read(`${subqueries}\nRETURN ${columns}`, params);
  return readRelatedPages(rows[0]!, requests);
}

/**
 * A node by id with some of its relations, in one statement: what `practice(id) { dilemmas cases { … } }`
 * needs, fetched before the field resolvers ask (they then find the pages in the loaders' cache).
 */
export async function loadNodeWithRelated(
  db: Database,
  type: NodeType,
  id: string,
  relations: ReadonlyArray<Omit<RelatedRequest, 'ids'>>,
): Promise<{ node: NodeRecord | null; pages: RelatedPage[] }> {
  const related = relatedOfOne(id, relations);
  const rows = await db.read(
    `OPTIONAL MATCH (root:${NODE_SPECS[type].label} {id: $rootId})
     WITH properties(root) AS root
     ${related.subqueries}
     RETURN root, ${related.columns}`,
    { ...related.params, rootId: id },
  );
  const row = rows[0]!;
  const root = row.root as Record<string, unknown> | null;
  return { node: root ? toNodeRecord(type, root) : null, pages: related.pages(row) };
}

/** Some relations of one node as subqueries to put in a statement of the caller's (`relatedOfOne`). */
export interface RelatedOfOne {
  /** `CALL () { … }` subqueries, one per relation: they import nothing, so they follow any clause. */
  subqueries: string;
  /** What the statement must return for `pages` to read: `pages0, nodes0, …`. */
  columns: string;
  /** Their parameters (`ids<i>`, `offset<i>`, `first<i>`). */
  params: Record<string, unknown>;
  /** The page of each relation, in the order asked, from the statement's row. */
  pages(row: Record<string, unknown>): RelatedPage[];
}

/**
 * The relations of node `id` (at least one) as subqueries another statement runs: `loadNodeWithRelated`
 * reads them with the node, a create reads them back in the statement that wrote the node (what its
 * mutation's selection asks of the new node, without a second statement). The pages are those
 * `loadRelatedMany` would give for `id`.
 */
export function relatedOfOne(id: string, relations: ReadonlyArray<Omit<RelatedRequest, 'ids'>>): RelatedOfOne {
  const requests = relations.map((request) => ({ ...request, ids: [id] }));
  const { subqueries, columns, params } = relatedSubqueries(requests);
  return { subqueries, columns, params, pages: (row) => readRelatedPages(row, requests).map((pages) => pages[0]!) };
}

function relatedSubqueries(requests: readonly RelatedRequest[]): { subqueries: string; columns: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const subqueries = requests.map((request, i) => {
    params[`ids${i}`] = [...request.ids];
    if (request.window) {
      params[`offset${i}`] = neo4j.int(request.window.offset);
      params[`first${i}`] = neo4j.int(request.window.first);
    }
    return relatedSubquery(request, i);
  });
  return { subqueries: subqueries.join('\n'), columns: requests.map((_, i) => `pages${i}, nodes${i}`).join(', '), params };
}

function readRelatedPages(row: Record<string, unknown>, requests: readonly RelatedRequest[]): RelatedPage[][] {
  return requests.map((request, i) => {
    const nodes = new Map<string, NodeRecord>();
    for (const props of row[`nodes${i}`] as Array<Record<string, unknown>>) nodes.set(props.id as string, toNodeRecord(request.relation.to, props));
    const byId = new Map<string, RelatedPage>();
    const window = request.window;
    // A page is a list [parent id, total count, item ids, relationship properties], not a map: the driver
    // decodes every map key as a string, once per parent.
    for (const [id, totalCount, itemIds, rels] of row[`pages${i}`] as Array<[string, number | null, string[], Array<Record<string, unknown>>]>) {
      const items = itemIds.map((itemId, j) => ({ node: nodes.get(itemId)!, rel: rels[j] ?? NO_PROPERTIES }));
      byId.set(
        id,
        totalCount === null
          ? // An uncounted window fetched one row more than it shows, to tell whether a next page exists.
            { items: items.slice(0, window!.first), hasNextPage: items.length > window!.first }
          : { totalCount, items, hasNextPage: window ? window.offset + items.length < totalCount : false },
      );
    }
    return request.ids.map((id) => byId.get(id) ?? (window && !window.counted ? { items: [], hasNextPage: false } : { totalCount: 0, items: [], hasNextPage: false }));
  });
}

const NO_PROPERTIES: Record<string, unknown> = Object.freeze({});

/** The subquery of request `i`: binds `pages<i>` (ids per parent) and `nodes<i>` (each related node once). */
function relatedSubquery({ relation, window, projection, scope }: RelatedRequest, i: number): string {
  const toLabel = NODE_SPECS[relation.to].label;
  // The scope tests the related node and every relationship and inner node of the path (not the parent).
  const { relationships, innerNodes } = pathVariables(relation.path);
  const inScope = scopePredicate(scope, ['m', ...relationships, ...innerNodes]);
  const properties = propertiesOf('m', relation.to, projection);
  // A path runs through made-up data when the node reached, or a relationship or node on the way, is made up
  // (what scope REAL leaves out; the parent is not tested, as by the scope).
  const realPath = scopePredicate(DataScope.REAL, ['m', ...relationships, ...innerNodes]);
  const distinct = relation.countPaths
    ? `WITH m, count(*) AS paths, sum(CASE WHEN ${realPath} THEN 0 ELSE 1 END) AS syntheticPaths`
    : relation.distinct
      ? 'WITH DISTINCT m'
      : '';
  const carry = relation.withRel ? 'm, r' : relation.countPaths ? 'm, paths, syntheticPaths' : 'm';
  const rels = relation.withRel ? 'collect(properties(r))' : relation.countPaths ? 'collect({paths: paths, syntheticPaths: syntheticPaths})' : '[]';
  const matched = `MATCH ${relation.pattern}
           WHERE m:${toLabel}${inScope ? ` AND ${inScope}` : ''}
           ${distinct}`;
  // A window is cut in Cypher (`SKIP`/`LIMIT` after the ordering: a top-k sort, not a sort of everything
  // related); a counted one counts in a subquery of its own (`count`, no list of every related node).
  const page = window ? `SKIP $offset${i} LIMIT $first${i}${window.counted ? '' : ' + 1'}` : '';
  const count = window?.counted
    ? `CALL (n) {
           ${matched}
           RETURN count(m) AS totalCount }`
    : '';
  return `CALL () {
    UNWIND $ids${i} AS id
    MATCH (n:${relation.from} {id: id})
    ${count}
    CALL (n) {
           ${matched}
           WITH ${carry} ORDER BY m.${relation.orderBy}, m.id ${page}
           RETURN collect(m) AS related, ${rels} AS rels }
    WITH id, ${window?.counted ? 'totalCount' : window ? 'null AS totalCount' : 'size(related) AS totalCount'}, related, rels
    WITH collect([id, totalCount, [x IN related | x.id], rels]) AS pages, collect(related) AS lists
    CALL (lists) {
           UNWIND lists AS list
           UNWIND list AS m
           WITH DISTINCT m
           RETURN collect(${properties}) AS nodes }
    RETURN pages AS pages${i}, nodes AS nodes${i}
  }`;
}
