import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { Database } from '../../db/database.js';
import { NodeRepository } from './node.repository.js';
import { DataScope, type NodeRecord, type NodeType } from '../../model/index.js';
import type { RelationLoad } from './prefetch.js';
import { projectionOf, type Projection } from './projection.js';
import { loadNodeWithRelated, loadRelatedMany, relationKey, type RelatedItem, type RelatedPage, type RelatedRequest, type Relation, type Window } from './relation.js';

/**
 * The per-request DataLoaders. Create one `Loaders` per request (never share across requests: what a
 * request may see depends on who asks). Every relationship field goes through `related`, and all the
 * relations requested in one tick are loaded together, so a nested query costs one database round trip
 * per level, whatever the number of parent rows and relationship fields.
 */
export class Loaders {
  /** Any node by id (null when absent), batched across the whole request. */
  readonly node: DataLoader<string, NodeRecord | null>;
  private readonly relatedPages: DataLoader<RelatedKey, RelatedPage, string>;

  constructor(private readonly db: Database) {
    const nodes = new NodeRepository(db);
    this.node = new DataLoader((ids) => nodes.byIds(ids));
    this.relatedPages = new DataLoader((keys) => loadRelatedKeys(db, keys), {
      cacheKeyFn: (key) => `${relationKey(key.relation, key.window, key.projection, key.scope)}|${key.id}`,
    });
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
    relations.forEach(({ relation, window, projection, scope }, i) => this.relatedPages.prime({ relation, window, projection, scope: scope ?? DataScope.ALL, id }, pages[i]!));
    return node;
  }

  /**
   * The loader of one relation (and window, for connection fields). `projection`: the properties of the
   * related nodes to fetch (`projectionOf` the field); all of them when undefined. `scope`: the field's
   * `scope` argument (what the load walks); ALL when undefined.
   */
  related(relation: Relation, window?: Window, projection?: Projection, scope?: DataScope | null): { load(id: string): Promise<RelatedPage> } {
    const scoped = scope ?? DataScope.ALL;
    return { load: (id) => this.relatedPages.load({ relation, window, projection, scope: scoped, id }) };
  }

  /**
   * All related nodes of `id`, in the relation's order. `info` is the field's: the nodes come with the
   * properties its selection reads.
   */
  async nodes(relation: Relation, id: string, info: GraphQLResolveInfo, scope?: DataScope | null): Promise<NodeRecord[]> {
    return (await this.items(relation, id, info, scope)).map((item) => item.node);
  }

  /** All related items of `id` with their relationship properties (`info` and `scope` as for `nodes`). */
  async items(relation: Relation, id: string, info: GraphQLResolveInfo, scope?: DataScope | null): Promise<RelatedItem[]> {
    return (await this.related(relation, undefined, projectionOf(info, relation.to), scope).load(id)).items;
  }

  /** The single related node (for to-one relations such as `Employee.municipality`), or null. */
  async one(relation: Relation, id: string, info: GraphQLResolveInfo, scope?: DataScope | null): Promise<NodeRecord | null> {
    return (await this.items(relation, id, info, scope))[0]?.node ?? null;
  }
}

interface RelatedKey {
  relation: Relation;
  window?: Window;
  projection?: Projection;
  scope: DataScope;
  id: string;
}

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
