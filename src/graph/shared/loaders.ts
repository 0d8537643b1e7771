import DataLoader from 'dataloader';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Database } from '../../db/database.js';
import { NodeRepository } from './node.repository.js';
import { DataScope, type NodeRecord, type NodeType } from '../../model/index.js';
import { lookAheadOf, type LookAhead, type RelationTables } from './look-ahead.js';
import type { RelationLoad } from './prefetch.js';
import { projectionOf, type Projection } from './projection.js';
import { loadNodeWithRelated, loadRelatedMany, relationKey, type RelatedItem, type RelatedPage, type RelatedRequest, type Relation, type Window } from './relation.js';

/** A value now, or a promise of it: what a field resolver may answer without making graphql-js wait. */
export type Maybe<T> = T | Promise<T>;

/** `f` applied to `value`: at once when it is there, after it resolves when it is a promise. */
export function mapMaybe<T, R>(value: Maybe<T>, f: (value: T) => R): Maybe<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/**
 * The per-request DataLoaders. Create one `Loaders` per request (never share across requests: what a
 * request may see depends on who asks). Every relationship field goes through `page`, and all the
 * relations requested in one tick are loaded together, so a nested query costs one database round trip
 * per level, whatever the number of parent rows and relationship fields.
 *
 * A load also fetches, one statement per level, what the query will read of the nodes it returns
 * (`lookAheadOf`), and keeps every page it has; a relationship field whose page is already there answers
 * with it synchronously (`page`, `items`, `nodes`, `one` return a value, not a promise), which spares
 * graphql-js a chain of promises per row.
 */
export class Loaders {
  /** Any node by id (null when absent), batched across the whole request. */
  readonly node: DataLoader<string, NodeRecord | null>;
  private readonly relatedPages: DataLoader<RelatedKey, RelatedPage, string>;
  /** Every page loaded so far, by `pageKey`: what a field finds without waiting. */
  private readonly pages = new Map<string, RelatedPage>();
  /** The look-ahead of each field of the query (per field nodes, per target type): the document and variables do not change within a request. */
  private readonly plans = new WeakMap<readonly FieldNode[], Map<string, readonly LookAhead[]>>();

  /** `tables`: every domain's relations by node type, which the look-ahead follows (none: no look-ahead). */
  constructor(
    private readonly db: Database,
    private readonly tables: RelationTables = {},
  ) {
    const nodes = new NodeRepository(db);
    this.node = new DataLoader((ids) => nodes.byIds(ids));
    this.relatedPages = new DataLoader((keys) => this.loadBatch(keys), { cacheKeyFn: pageKey });
  }

  /**
   * A node of `type` by id (null when absent or of another type) together with relations its fields are
   * about to read (`selectedRelations`): one statement, whose pages are put in the cache the field
   * resolvers read through. Without relations it is a plain (batched) node lookup.
   */
  async nodeWithRelated(type: NodeType, id: string, relations: readonly RelationLoad[]): Promise<NodeRecord | null> {
    if (relations.length === 0) return this.node.load(id);
    const { node, pages } = await loadNodeWithRelated(this.db, type, id, relations);
    if (node) this.node.prime(id, node);
    this.keepRelated(id, relations, pages);
    return node;
  }

  /**
   * Node `id`'s pages of `relations` (in that order), read by a statement of the caller's: a create reads
   * back what its selection asks of the new node in the statement that wrote it (`relatedOfOne`). The
   * fields then answer from the cache, as after `nodeWithRelated`.
   */
  keepRelated(id: string, relations: readonly RelationLoad[], pages: readonly RelatedPage[]): void {
    relations.forEach(({ relation, window, projection, scope }, i) => this.keep({ relation, window, projection, scope: scope ?? DataScope.ALL, id }, pages[i]!));
  }

  /**
   * Before the fields of `records` (the `type` nodes a list field answers with) are resolved: loads what
   * the query reads of them, level by level (`lookAheadOf`), so those fields answer from the cache.
   */
  async lookAheadFrom(records: readonly NodeRecord[], info: GraphQLResolveInfo, type: NodeType): Promise<void> {
    const plan = this.planOf(info, type);
    if (plan.length > 0 && records.length > 0) await this.lookAhead([{ plan, page: { items: records.map((node) => ({ node, rel: NO_PROPERTIES })) } }]);
  }

  /**
   * The page of one relation (and window, for connection fields) for node `id`: from the cache when it is
   * there, else loaded with the request's other loads of this tick. `projection`: the properties of the
   * related nodes to fetch (`projectionOf` the field); all of them when undefined. `scope`: the field's
   * `scope` argument; ALL when undefined. `info`: the field's, for the look-ahead (none without it).
   */
  page(relation: Relation, id: string, window?: Window, projection?: Projection, scope?: DataScope | null, info?: GraphQLResolveInfo): Maybe<RelatedPage> {
    const key: RelatedKey = { relation, window, projection, scope: scope ?? DataScope.ALL, id };
    const kept = this.pages.get(pageKey(key));
    if (kept) return kept;
    return this.relatedPages.load(info ? { ...key, then: this.planOf(info, relation.to) } : key);
  }

  /**
   * All related nodes of `id`, in the relation's order. `info` is the field's: the nodes come with the
   * properties its selection reads.
   */
  nodes(relation: Relation, id: string, info: GraphQLResolveInfo, scope?: DataScope | null): Maybe<NodeRecord[]> {
    return mapMaybe(this.items(relation, id, info, scope), (items) => items.map((item) => item.node));
  }

  /** All related items of `id` with their relationship properties (`info` and `scope` as for `nodes`). */
  items(relation: Relation, id: string, info: GraphQLResolveInfo, scope?: DataScope | null): Maybe<RelatedItem[]> {
    return mapMaybe(this.page(relation, id, undefined, projectionOf(info, relation.to), scope, info), (page) => page.items);
  }

  /** The single related node (for to-one relations such as `Employee.municipality`), or null. */
  one(relation: Relation, id: string, info: GraphQLResolveInfo, scope?: DataScope | null): Maybe<NodeRecord | null> {
    return mapMaybe(this.items(relation, id, info, scope), (items) => items[0]?.node ?? null);
  }

  /** One batch of loads (one statement), then their look-ahead. */
  private async loadBatch(keys: readonly RelatedKey[]): Promise<RelatedPage[]> {
    const pages = await loadRelatedKeys(this.db, keys);
    keys.forEach((key, i) => this.pages.set(pageKey(key), pages[i]!));
    await this.lookAhead(keys.map((key, i) => ({ plan: key.then, page: pages[i]! })));
    return pages;
  }

  /**
   * For every parent page, the relations its plan names, for its items: one statement per level for the
   * whole batch (ids already in the cache left out), kept in the cache, then the next level. A failing
   * look-ahead is dropped: the fields then load on demand and report their own errors, as without it.
   */
  private async lookAhead(parents: ReadonlyArray<{ plan?: readonly LookAhead[]; page: RelatedPage }>): Promise<void> {
    const wanted = new Map<string, { load: LookAhead; ids: Set<string> }>();
    for (const { plan, page } of parents) {
      for (const load of plan ?? []) {
        const group = relationKey(load.relation, load.window, load.projection, load.scope ?? DataScope.ALL);
        let entry = wanted.get(group);
        if (!entry) wanted.set(group, (entry = { load, ids: new Set() }));
        for (const item of page.items) if (!this.pages.has(`${group}|${item.node.id}`)) entry.ids.add(item.node.id);
      }
    }
    const requests = [...wanted.values()].filter((entry) => entry.ids.size > 0);
    if (requests.length === 0) return;
    let loaded: RelatedPage[][];
    try {
      loaded = await loadRelatedMany(
        this.db,
        requests.map(({ load, ids }) => ({ relation: load.relation, window: load.window, projection: load.projection, scope: load.scope ?? DataScope.ALL, ids: [...ids] })),
      );
    } catch {
      return;
    }
    const next: Array<{ plan: readonly LookAhead[]; page: RelatedPage }> = [];
    requests.forEach(({ load, ids }, r) => {
      [...ids].forEach((id, j) => {
        const page = loaded[r]![j]!;
        this.keep({ relation: load.relation, window: load.window, projection: load.projection, scope: load.scope ?? DataScope.ALL, id }, page);
        if (load.then.length > 0) next.push({ plan: load.then, page });
      });
    });
    await this.lookAhead(next);
  }

  /** Puts a page in the cache (and the loader's, for anything that asks it directly). */
  private keep(key: RelatedKey, page: RelatedPage): void {
    this.pages.set(pageKey(key), page);
    this.relatedPages.prime(key, page);
  }

  /** The look-ahead of the field `info` resolves, for the `target` nodes it returns (worked out once per field). */
  private planOf(info: GraphQLResolveInfo, target: NodeType): readonly LookAhead[] {
    let byTarget = this.plans.get(info.fieldNodes);
    if (!byTarget) this.plans.set(info.fieldNodes, (byTarget = new Map()));
    let plan = byTarget.get(target);
    if (!plan) byTarget.set(target, (plan = lookAheadOf(info, info.fieldNodes, info.returnType, target, this.tables)));
    return plan;
  }
}

interface RelatedKey {
  relation: Relation;
  window?: Window;
  projection?: Projection;
  scope: DataScope;
  id: string;
  /** What to load next of the page's items (not part of the key: the page is the same without it). */
  then?: readonly LookAhead[];
}

function pageKey(key: RelatedKey): string {
  return `${relationKey(key.relation, key.window, key.projection, key.scope)}|${key.id}`;
}

const NO_PROPERTIES: Record<string, unknown> = Object.freeze({});

/** One batch of the request's relation loads: grouped by relation and window, all in one statement. */
async function loadRelatedKeys(db: Database, keys: readonly RelatedKey[]): Promise<RelatedPage[]> {
  const requests = new Map<string, RelatedRequest & { ids: string[] }>();
  const placed = keys.map((key) => {
    const group = relationKey(key.relation, key.window, key.projection, key.scope);
    let request = requests.get(group);
    if (!request) requests.set(group, (request = { relation: key.relation, window: key.window, projection: key.projection, scope: key.scope, ids: [] }));
    request.ids.push(key.id);
    return { group, index: request.ids.length - 1 };
  });
  const groups = [...requests.keys()];
  const pages = await loadRelatedMany(db, [...requests.values()]);
  return placed.map(({ group, index }) => pages[groups.indexOf(group)]![index]!);
}
