import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { FULLTEXT_INDEX, PUBLIC_FULLTEXT_INDEX } from '../db/fulltext.js';
import { NODE_SPECS, NODE_TYPES, elementInScope, whereClause, type DataScope, type NodeType, toNodeRecord, type NodeRecord } from '../model/index.js';
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
  /** Only real (REAL) or only made-up (SYNTHETIC) nodes; default ALL. Applied before the cut to `first`. */
  scope?: DataScope | null;
  /**
   * The properties the caller reads of each hit's node, of whatever type (`projectionOfAnyNode`), or
   * undefined for all: then only those, the flag and the display text are fetched, not every property (a
   * case's summary, a practice's description). Such a node is partial.
   */
  nodeProperties?: readonly string[];
}

/** One hit, best first. */
export interface SearchHitData {
  /** Lucene relevance; higher is better. */
  score: number;
  node: NodeRecord;
  type: NodeType;
  /** The node's display text. */
  label: string;
  /** The node is made up (illustrative data). */
  synthetic: boolean;
}

/**
 * What a lean search fetches of a hit: its id, flag and display text, and what the caller reads, of the
 * types searched only. A name goes into the statement only when one of those types has that property.
 */
function leanProperties(select: readonly string[], types: readonly NodeType[]): string[] {
  const own = (name: string) => types.some((type) => Object.hasOwn(NODE_SPECS[type].properties, name));
  return [...new Set(['id', 'synthetic', ...types.map((type) => NODE_SPECS[type].display), ...select.filter(own)])];
}

/**
 * Full-text search over names, titles, pseudonyms, statements, descriptions, summaries and glosses (diacritics
 * fold, so `cafe` finds `café`), ranked by score (ties by id). The text is never parsed as Lucene syntax (see
 * `luceneQuery`). Without `includeRestricted`, nothing hidden plays a part: a restricted case is found and
 * scored by its other text only, a restricted quotation not at all, and while anything is restricted the query
 * runs on the public index (`practiceGraphPublicText`, db/fulltext.ts), which does not hold hidden text, so it
 * cannot move the score or place of any hit either. Otherwise it runs on `practiceGraphText`, which holds all.
 * Blank query, over-long query, more than `SEARCH_MAX_PHRASES` different words and phrases, or `first` outside
 * 1..100 → BAD_USER_INPUT. One statement.
 */
export async function search(db: Database, options: SearchOptions): Promise<SearchHitData[]> {
  const first = checkRange(options.first ?? SEARCH_DEFAULT_FIRST, 1, SEARCH_MAX_FIRST, 'first');
  const query = luceneQuery(options.query);
  const types = options.types ?? NODE_TYPES;
  if (types.length === 0) return [];
  // The index covers only the model's labels: a filter naming all of them would cost a label check per
  // hit (at scale 1, "speeltuin": 64k db hits with it, 15k without).
  const ofTypes = new Set(types).size < NODE_TYPES.length ? `node:${labelExpression(types)}` : '';
  // With nothing restricted the two indexes hold the same text: the full one is used, as for editors (it is the
  // one every other reader of the index uses, and the two can differ by Lucene's bookkeeping of deleted
  // documents until a merge). Whether anything is restricted is a look-up in the `restricted` range indexes.
  const rows = await db.read(
    `CALL () {
       RETURN NOT $includeRestricted AND (EXISTS { MATCH (c:Case) WHERE c.restricted = true } OR EXISTS { MATCH (q:Quotation) WHERE q.restricted = true }) AS hiding
     }
     CALL db.index.fulltext.queryNodes(CASE WHEN hiding THEN $publicIndex ELSE $index END, $query) YIELD node, score
     WITH node, score WHERE ${ofTypes ? `${ofTypes} AND` : ''}
       // A restricted quotation is its text: only callers who may read it find it at all.
       ($includeRestricted OR NOT (node:Quotation AND node.restricted = true))
     WITH node, score ${whereClause(elementInScope('node', options.scope))}
     WITH node, score ORDER BY score DESC, node.id
     LIMIT $first
     RETURN ${options.nodeProperties ? `node {${leanProperties(options.nodeProperties, types).map((name) => `.${name}`).join(', ')}}` : 'properties(node)'} AS props, labels(node) AS labels, score`,
    {
      index: FULLTEXT_INDEX,
      publicIndex: PUBLIC_FULLTEXT_INDEX,
      query,
      includeRestricted: options.includeRestricted === true,
      first: neo4j.int(first),
    },
  );
  return rows.map((row) => {
    const type = typeOfLabels(row.labels as string[])!;
    // A partial node has the selected and display properties of every type: those it lacks are null, and left out.
    const props = options.nodeProperties ? Object.fromEntries(Object.entries(row.props as Record<string, unknown>).filter(([, value]) => value !== null)) : row.props;
    const node = toNodeRecord(type, props as Record<string, unknown>);
    return { score: row.score as number, node, type, label: String(node[NODE_SPECS[type].display] ?? node.id), synthetic: node.synthetic === true };
  });
}
