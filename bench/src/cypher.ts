import { FULLTEXT_INDEX } from '../../src/db/migrations.js';
import { RELATIONSHIP_TYPES } from '../../src/model/index.js';

/**
 * The hand-written Cypher of workloads 4-6, shared by the raw-Cypher client and by the `@cypher` fields of
 * the @neo4j/graphql schema (which has no built-in neighbourhood, co-occurrence matrix or cross-type
 * full-text search). Each returns one column, `result`, already shaped as the GraphQL type wants it.
 * They answer exactly the question our API's analytics answer (src/analytics), written the way a
 * developer would for that one question: same traversal, same ordering and tie-breaks, nothing more.
 */

/** Every relationship type but provenance, as our neighbourhood traverses by default. */
const CONTENT_TYPES = RELATIONSHIP_TYPES.filter((type) => type !== 'SOURCED_FROM').join('|');

/** The display text of a node of any type of the model (each type has exactly one of these properties). */
const DISPLAY = (v: string) => `coalesce(${v}.name, ${v}.title, ${v}.pseudonym, ${v}.statement, ${v}.id)`;

/**
 * Workload 4. Params: `$id` (a municipality), `$limit` (nodes, focus included; an Integer). Depth 2 is written into the
 * statement (a quantifier must be a literal, in our API too). Each node at its shortest distance,
 * closest first then by id, cut at `$limit`; the edges among the kept nodes by source, type, target.
 */
export const NEIGHBOURHOOD = `
MATCH (f:Municipality {id: $id})
CALL (f) {
  MATCH p = ANY SHORTEST (f)(()-[:${CONTENT_TYPES}]-()){1,2}(m)
  WHERE m <> f
  WITH m, length(p) AS d
  ORDER BY d, m.id
  LIMIT $limit
  RETURN collect(m) AS reached
}
WITH [f] + reached[0..($limit - 1)] AS ns
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r:${CONTENT_TYPES}]->(b)
  WHERE b IN ns
  WITH a, r, b ORDER BY a.id, type(r), b.id
  RETURN collect({type: type(r), source: a.id, target: b.id}) AS edges
}
RETURN {
  nodes: [n IN ns | {id: n.id, type: toUpper(labels(n)[0]), label: ${DISPLAY('n')}}],
  edges: edges
} AS result`;

/**
 * Workload 5. Param: `$municipalityIds`. The cases in those municipalities; rows = the practices they
 * apply, columns = the dilemmas they raise (each by name, then id); counts[i][j] = the cases applying
 * row i and raising column j. Pair counts are grouped per row in the row order, then laid out densely
 * (one short list lookup per cell). Counts as floats: @neo4j/graphql serialises no Neo4j integer
 * nested in a list of lists (see the type definitions); the values are whole numbers all the same.
 */
export const COOCCURRENCE = `
MATCH (m:Municipality)<-[:IN]-(c:Case)
WHERE m.id IN $municipalityIds
WITH collect(DISTINCT c) AS cases
CALL (cases) {
  UNWIND cases AS c
  MATCH (c)-[:RAISES]->(d:Dilemma)
  WITH DISTINCT d ORDER BY d.name, d.id
  RETURN collect(d) AS columns
}
CALL (cases) {
  UNWIND cases AS c
  MATCH (c)-[:APPLIES]->(p:Practice)
  OPTIONAL MATCH (c)-[:RAISES]->(d:Dilemma)
  WITH p, d, count(DISTINCT c) AS n
  WITH p, collect(CASE WHEN d IS NOT NULL THEN {d: d.id, n: n} END) AS cells
  ORDER BY p.name, p.id
  RETURN collect({p: p, cells: cells}) AS rowCells
}
RETURN {
  rows: [x IN rowCells | {id: x.p.id, label: x.p.name}],
  columns: [d IN columns | {id: d.id, label: d.name}],
  counts: [x IN rowCells | [d IN columns | toFloat(coalesce([cell IN x.cells WHERE cell.d = d.id | cell.n][0], 0))]]
} AS result`;

/**
 * Workload 6. Params: `$query` (a Lucene query, already escaped by the client as our API escapes it),
 * `$first` (an Integer). Ranked by score, ties by id.
 */
export const SEARCH = `
CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', $query) YIELD node, score
WITH node, score ORDER BY score DESC, node.id
LIMIT $first
RETURN {id: node.id, type: toUpper(labels(node)[0]), label: ${DISPLAY('node')}, score: score} AS result`;

/** The three statements, as the @neo4j/graphql type definitions take them. */
export const CYPHER = { neighbourhood: NEIGHBOURHOOD, cooccurrence: COOCCURRENCE, search: SEARCH };
