import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { FULLTEXT_INDEX, FULLTEXT_PROPERTIES } from '../db/migrations.js';
import { NODE_SPECS, NODE_TYPES, type NodeType } from '../model/index.js';
import { toNodeRecord, type NodeRecord } from '../model/index.js';
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
  // A viewer must not find a restricted case through its hidden summary: such a hit counts only when it
  // also matches without the summary. Restricted cases are few and indexed: they are looked up once and
  // each hit is checked against that list, rather than reading a property of every hit ("speeltuin" at
  // scale 1, 5k hits, 8 concurrent: 364 → 487 statements/s).
  const rows = await db.read(
    `CALL () { MATCH (hidden:Case) WHERE hidden.restricted = true AND NOT $includeRestricted RETURN collect(hidden) AS hiddenCases }
     CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
     WHERE ${ofTypes ? `${ofTypes} AND` : ''}
       (NOT node IN hiddenCases OR EXISTS {
          CALL db.index.fulltext.queryNodes($index, $publicQuery) YIELD node AS visible
          WITH visible WHERE visible = node
          RETURN visible
        })
     WITH node, score ORDER BY score DESC, node.id
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
