import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { FULLTEXT_INDEX, FULLTEXT_PROPERTIES } from '../db/migrations.js';
import { NODE_SPECS, NODE_TYPES, type NodeType } from '../graph/model/index.js';
import { toNodeRecord, type NodeRecord } from '../graph/shared/records.js';
import { checkRange, labelExpression } from './cypher.js';
import { luceneQuery } from './lucene.js';
import { typeOfLabels, type ProjectionOptions } from './projection.js';

/** `search` returns 20 hits by default, at most 100. */
export const SEARCH_DEFAULT_FIRST = 20;
export const SEARCH_MAX_FIRST = 100;

/** The arguments of `search`. */
export interface SearchOptions extends ProjectionOptions {
  /** What the user typed: words (all must occur) and "quoted phrases"; never Lucene syntax. */
  query: string;
  /** Only nodes of these types; default all. */
  types?: readonly NodeType[] | null;
  /** Most hits, 1..100; default 20. */
  first?: number | null;
}

/** One hit, best first. */
export interface SearchHitData {
  /** Lucene relevance; higher is better. */
  score: number;
  node: NodeRecord;
  type: NodeType;
  /** The node's display text. */
  label: string;
}

/** Index fields a viewer may match on a restricted case (everything but its summary). */
const PUBLIC_FIELDS = FULLTEXT_PROPERTIES.filter((property) => property !== 'summary');

/**
 * Full-text search over names, titles, pseudonyms, statements, descriptions, summaries and glosses (the
 * `practiceGraphText` index; diacritics fold, so `cafe` finds `café`), ranked by score (ties by id).
 * The text is never parsed as Lucene syntax (see `luceneQuery`). Without `includeRestricted`, a restricted
 * case is found only when it also matches without its summary, so a search cannot probe hidden text.
 * Blank query, over-long query or `first` outside 1..100 → BAD_USER_INPUT. One statement.
 */
export async function search(db: Database, options: SearchOptions): Promise<SearchHitData[]> {
  const first = checkRange(options.first ?? SEARCH_DEFAULT_FIRST, 1, SEARCH_MAX_FIRST, 'first');
  const query = luceneQuery(options.query);
  const types = options.types ?? NODE_TYPES;
  if (types.length === 0) return [];
  // The index covers only the model's labels: a filter naming all of them would cost a label check per
  // hit (at scale 1, "speeltuin": 64k db hits with it, 15k without).
  const ofTypes = new Set(types).size < NODE_TYPES.length ? `node:${labelExpression(types)}` : '';
  const rows = await db.read(
    // Sorted first, then filtered up to the limit: the restricted-case check reads a property, and only
    // the hits that can still make the page need it (5k instead of 15k db hits for a common word).
    `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
     ${ofTypes ? `WHERE ${ofTypes}` : ''}
     WITH node, score ORDER BY score DESC, node.id
     WITH node, score
     WHERE CASE
             WHEN $includeRestricted OR NOT coalesce(node:Case AND node.restricted, false) THEN true
             ELSE EXISTS {
               CALL db.index.fulltext.queryNodes($index, $publicQuery) YIELD node AS visible
               WITH visible WHERE visible = node
               RETURN visible
             }
           END
     LIMIT $first
     RETURN properties(node) AS props, labels(node) AS labels, score`,
    {
      index: FULLTEXT_INDEX,
      query,
      publicQuery: luceneQuery(options.query, PUBLIC_FIELDS),
      includeRestricted: options.includeRestricted === true,
      first: neo4j.int(first),
    },
  );
  return rows.map((row) => {
    const type = typeOfLabels(row.labels as string[])!;
    const node = toNodeRecord(type, row.props as Record<string, unknown>);
    return { score: row.score as number, node, type, label: String(node[NODE_SPECS[type].display] ?? node.id) };
  });
}
