import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database.js';
import { NODE_SPECS, type Label, type NodeType } from '../model/index.js';
import { toNodeRecord, type NodeRecord } from './records.js';

/**
 * A relationship field (`Practice.dilemmas`, `Municipality.practices`, …) as one batched query.
 * `pattern` is a constant of our code: it binds the parent as `n`, the related node as `m`, and
 * (when `withRel`) the relationship whose properties go along as `r`.
 */
export interface Relation {
  /** Unique name, also the loader cache key: `Practice.dilemmas`. */
  name: string;
  from: Label;
  to: NodeType;
  pattern: string;
  /** Property of `m` the items are ordered by (then by id). */
  orderBy: string;
  /** Return `properties(r)` with each item. */
  withRel?: boolean;
  /** The pattern can reach the same `m` more than once (e.g. via several employees): keep one. */
  distinct?: boolean;
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
}

export interface RelatedPage {
  totalCount: number;
  items: RelatedItem[];
}

/**
 * Loads a relation for a batch of parent ids in one statement (`UNWIND $ids`), returning one page per
 * id in key order (empty for ids with nothing related or that do not exist).
 */
export async function loadRelated(db: Database, relation: Relation, ids: readonly string[], window?: Window): Promise<RelatedPage[]> {
  const toLabel = NODE_SPECS[relation.to].label;
  const project = `{node: properties(m), rel: ${relation.withRel ? 'properties(r)' : '{}'}}`;
  const distinct = relation.distinct ? 'WITH DISTINCT m' : '';
  const carry = relation.withRel ? 'm, r' : 'm';
  const slice = window ? 'items[$offset..($offset + $first)]' : 'items';
  const rows = await db.read(
    `UNWIND $ids AS id
     MATCH (n:${relation.from} {id: id})
     CALL { WITH n
            MATCH ${relation.pattern}
            WHERE m:${toLabel}
            ${distinct}
            WITH ${carry} ORDER BY m.${relation.orderBy}, m.id
            RETURN collect(${project}) AS items }
     RETURN id, size(items) AS totalCount, ${slice} AS items`,
    { ids: [...ids], offset: neo4j.int(window?.offset ?? 0), first: neo4j.int(window?.first ?? 0) },
  );
  const byId = new Map<string, RelatedPage>();
  for (const row of rows) {
    byId.set(row.id as string, {
      totalCount: row.totalCount as number,
      items: (row.items as Array<{ node: Record<string, unknown>; rel: Record<string, unknown> }>).map((item) => ({
        node: toNodeRecord(relation.to, item.node),
        rel: item.rel,
      })),
    });
  }
  return ids.map((id) => byId.get(id) ?? { totalCount: 0, items: [] });
}
