import DataLoader from 'dataloader';
import type { Database } from '../../db/database.js';
import { NodeRepository } from './node.repository.js';
import type { NodeRecord } from './records.js';
import { loadRelated, type RelatedItem, type RelatedPage, type Relation, type Window } from './relation.js';

/**
 * The per-request DataLoaders. Create one `Loaders` per request (never share across requests: what a
 * request may see depends on who asks). Every relationship field goes through `related`, so a nested
 * query costs one database round trip per level, whatever the number of parent rows.
 */
export class Loaders {
  /** Any node by id (null when absent), batched across the whole request. */
  readonly node: DataLoader<string, NodeRecord | null>;
  private readonly relatedLoaders = new Map<string, DataLoader<string, RelatedPage>>();

  constructor(private readonly db: Database) {
    const nodes = new NodeRepository(db);
    this.node = new DataLoader((ids) => nodes.byIds(ids));
  }

  /** The loader of one relation (and window, for connection fields). */
  related(relation: Relation, window?: Window): DataLoader<string, RelatedPage> {
    const key = window ? `${relation.name}|${window.offset}|${window.first}` : relation.name;
    let loader = this.relatedLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => loadRelated(this.db, relation, ids, window));
      this.relatedLoaders.set(key, loader);
    }
    return loader;
  }

  /** All related nodes of `id`, in the relation's order. */
  async nodes(relation: Relation, id: string): Promise<NodeRecord[]> {
    return (await this.related(relation).load(id)).items.map((item) => item.node);
  }

  /** All related items of `id` with their relationship properties. */
  async items(relation: Relation, id: string): Promise<RelatedItem[]> {
    return (await this.related(relation).load(id)).items;
  }

  /** The single related node (for to-one relations such as `Employee.municipality`), or null. */
  async one(relation: Relation, id: string): Promise<NodeRecord | null> {
    return (await this.related(relation).load(id)).items[0]?.node ?? null;
  }
}
