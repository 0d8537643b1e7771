import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database.js';
import { idsByLabelQuery } from '../../db/ids-by-label.js';
import { propertiesOf } from '../../analytics/cypher.js';
import { NODE_SPECS, andClause, anchorInScope, elementInScope, endsOf, foldText, type DataScope, pathVariables, renderPath, scopePredicate, type ModelPath, type NodeType, toNodeRecord, typeOfLabel, type NodeRecord } from '../../model/index.js';

/**
 * A filter condition of a list query. Property names and patterns come from our own code (each domain's
 * `where` translation), never from client input; the values travel as parameters.
 */
export type Condition =
  | { kind: 'ids'; ids: string[] }
  /** Case- and diacritic-insensitive substring of the display name (the indexed `searchKey`). */
  | { kind: 'text'; needle: string }
  | { kind: 'in'; property: string; values: unknown[] }
  | { kind: 'range'; property: string; min?: unknown; max?: unknown }
  /** Only nodes in the data scope (their stored `synthetic` flag); never built for `ALL`. */
  | { kind: 'scope'; scope: DataScope }
  /**
   * Matches when some node at the end of `path` (from the listed node) has its id in `ids`, reached within
   * `scope` (the list's): every relationship and inner node of the path is tested, so that under REAL a path
   * through made-up data does not match. The nodes named by `ids` are anchors (`anchorInScope`): REAL wants
   * them real; SYNTHETIC takes any, so that the made-up cases in a real municipality are found.
   */
  | { kind: 'related'; path: ModelPath; ids: string[]; scope?: DataScope };

/** The condition "related along `path` to one of `ids`" (a relationship filter such as `practices(where: { dilemmaIds })`). */
export const relatedTo = (path: ModelPath, ids: string[]): Condition => ({ kind: 'related', path, ids });

export interface SortKey {
  property: string;
  descending: boolean;
}

export interface ListQuery {
  type: NodeType;
  conditions: Condition[];
  order: SortKey[];
  offset: number;
  first: number;
  /**
   * The properties to fetch (`projectionOf` the list field), or undefined for all. The records of a
   * projected page are partial: they must not go into the `node` loader.
   */
  projection?: readonly string[];
}

export interface ListPage {
  totalCount: number;
  records: NodeRecord[];
}

/** Reads nodes of any type: by id (batched, for the node loader) and as filtered, ordered pages. */
export class NodeRepository {
  constructor(private readonly db: Database) {}

  /**
   * Nodes for a batch of ids in one statement (one indexed branch per label the ids name).
   * Returns records in key order, null for ids that do not exist (DataLoader's contract).
   */
  async byIds(ids: readonly string[]): Promise<Array<NodeRecord | null>> {
    const query = idsByLabelQuery(ids, { withProperties: true });
    if (!query) return ids.map(() => null);
    const rows = await this.db.read(query.cypher, query.params);
    const byId = new Map<string, NodeRecord>();
    for (const row of rows) {
      const record = toNodeRecord(typeOfLabel(row.label as never), row.props as Record<string, unknown>);
      byId.set(record.id, record);
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** One page of a filtered, ordered list, with the total count, in one statement. */
  async list(query: ListQuery): Promise<ListPage> {
    const { label } = NODE_SPECS[query.type];
    // Integers, not floats: SKIP and LIMIT refuse 20.0.
    const params: Record<string, unknown> = { offset: neo4j.int(query.offset), first: neo4j.int(query.first) };
    const where = query.conditions.map((condition, i) => conditionCypher(condition, `p${i}`, params));
    const whereClause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const projected = (v: string) => propertiesOf(v, query.type, query.projection);
    const orderBy = [...query.order, { property: 'id', descending: false }]
      .map((key) => `n.${key.property}${key.descending ? ' DESC' : ''}`)
      .join(', ');
    // Unfiltered, the count comes from Neo4j's count store and the page from a top-k sort. Filtered, the
    // conditions (EXISTS subqueries, text matches) are evaluated once for both: counting and paging in
    // two passes had doubled the database's work (a practice page filtered by dilemma: 9.3k → 4.8k db hits).
    const cypher =
      where.length === 0
        ? `CALL () { MATCH (n:${label}) RETURN count(n) AS totalCount }
           CALL () { MATCH (n:${label})
                  WITH n ORDER BY ${orderBy} SKIP $offset LIMIT $first
                  RETURN collect(${projected('n')}) AS page }
           RETURN totalCount, page`
        : `MATCH (n:${label}) ${whereClause}
           WITH n ORDER BY ${orderBy}
           WITH collect(n) AS matched
           RETURN size(matched) AS totalCount, [x IN matched[$offset..($offset + $first)] | ${projected('x')}] AS page`;
    const rows = await this.db.read(cypher, params);
    const row = rows[0]!;
    return {
      totalCount: row.totalCount as number,
      records: (row.page as Array<Record<string, unknown>>).map((props) => toNodeRecord(query.type, props)),
    };
  }
}

function conditionCypher(condition: Condition, param: string, params: Record<string, unknown>): string {
  switch (condition.kind) {
    case 'ids':
      params[param] = condition.ids;
      return `n.id IN $${param}`;
    case 'text':
      params[param] = foldText(condition.needle);
      return `n.searchKey CONTAINS $${param}`;
    case 'in':
      params[param] = condition.values;
      return `n.${condition.property} IN $${param}`;
    case 'range': {
      const parts: string[] = [];
      if (condition.min !== undefined) {
        params[`${param}min`] = condition.min;
        parts.push(`n.${condition.property} >= $${param}min`);
      }
      if (condition.max !== undefined) {
        params[`${param}max`] = condition.max;
        parts.push(`n.${condition.property} <= $${param}max`);
      }
      return parts.length > 0 ? parts.join(' AND ') : 'true';
    }
    case 'scope':
      return elementInScope('n', condition.scope) ?? 'true';
    case 'related': {
      params[param] = condition.ids;
      const { relationships, innerNodes } = pathVariables(condition.path);
      return `EXISTS { MATCH ${relatedPattern(condition.path)} WHERE x.id IN $${param} ${andClause(scopePredicate(condition.scope, [...relationships, ...innerNodes]), anchorInScope('x', condition.scope))} }`;
    }
  }
}

/** A filter's path from the listed node `n` to `x`, labelled when the path ends at one label (so the id lookup can use its index). */
function relatedPattern(path: ModelPath): string {
  const ends = [...endsOf(path)];
  return renderPath(path, 'n', 'x', ends.length === 1 ? ends[0] : undefined);
}
