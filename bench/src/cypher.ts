import { FULLTEXT_INDEX } from '../../src/db/fulltext.js';
import { LABELS, NODE_SPECS, RELATIONSHIP_TYPES } from '../../src/model/index.js';

/**
 * The hand-written Cypher of the benchmark: what the raw-Cypher client runs, and (for the questions
 * @neo4j/graphql has no built-in for) the statements of its `@cypher` fields.
 *
 * The raw client is the floor: for every workload it runs the best statement known for the question. Where
 * our API's statement measured faster than an earlier hand-written one (the neighbourhood: a pruning
 * variable-length expand beat `ANY SHORTEST` by 1.66×), the raw statement is ours, so raw Cypher is never
 * slower than us by being written worse. Raw statements return lists where the shape allows (the driver
 * decodes every map key as a string); the `@cypher` statements return maps, which is what a GraphQL object
 * type needs. Both compute the same answer the same way.
 */

/** Every relationship type but provenance, as our analytics traverse by default. */
const CONTENT_TYPES = RELATIONSHIP_TYPES.filter((type) => type !== 'SOURCED_FROM').join('|');
/** Every label of the model (analytics reach only model nodes). */
const MODEL_LABELS = LABELS.join('|');
const DISPLAY_PROPERTIES = [...new Set(Object.values(NODE_SPECS).map((spec) => spec.display))];

/** The display text of a node of any type of the model. */
export const DISPLAY = (v: string) => `coalesce(${DISPLAY_PROPERTIES.map((p) => `${v}.${p}`).join(', ')}, ${v}.id)`;

/**
 * Neighbourhood: `$id` (a node of the focus label), `$limit` (most nodes, focus included; an Integer). Depth 2 is written
 * in (a variable-length bound must be a literal). Every node within 2 hops at its shortest distance,
 * closest first then by id, cut at the limit; the edges among the kept nodes by source, type, target.
 * Our API's statement (src/analytics/neighbourhood.ts): min(length(p)) per end node is planned as a
 * pruning breadth-first expand.
 */
function neighbourhood(shape: 'lists' | 'maps', label: string): string {
  const node = shape === 'lists' ? `[n.id, labels(n)[0], ${DISPLAY('n')}]` : `{id: n.id, type: toUpper(labels(n)[0]), label: ${DISPLAY('n')}}`;
  const edge = shape === 'lists' ? '[a.id, type(r), b.id]' : '{source: a.id, type: type(r), target: b.id}';
  return `
MATCH (f:${label} {id: $id})
CALL (f) {
  MATCH p = (f)-[:${CONTENT_TYPES}*1..2]-(m:${MODEL_LABELS})
  WHERE m <> f
  WITH m, min(length(p)) AS d
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
  RETURN collect(${edge}) AS edges
}
RETURN ${shape === 'lists' ? '[n IN ns | ' + node + '] AS nodes, edges' : `{nodes: [n IN ns | ${node}], edges: edges} AS result`}`;
}

/**
 * Shortest path: `$from`, `$to` (ids of any two nodes). Relationships in either direction, provenance
 * excluded, at most 8; of the shortest paths the first by the ids along it. Our API's statement
 * (src/analytics/paths.ts); `ANY SHORTEST` would be cheaper but picks an arbitrary path of the minimal
 * length, a different answer.
 */
function shortestPath(shape: 'lists' | 'maps', fromLabel: string, toLabel: string): string {
  const node = shape === 'lists' ? `[n.id, ${DISPLAY('n')}]` : `{id: n.id, label: ${DISPLAY('n')}}`;
  const edge = shape === 'lists' ? '[startNode(r).id, type(r), endNode(r).id]' : '{source: startNode(r).id, type: type(r), target: endNode(r).id}';
  return `
MATCH (a:${fromLabel} {id: $from}), (b:${toLabel} {id: $to})
MATCH p = ALL SHORTEST (a)(()-[:${CONTENT_TYPES}]-(:${MODEL_LABELS})){0,8}(b)
WITH p ORDER BY [n IN nodes(p) | n.id]
LIMIT 1
RETURN ${shape === 'lists' ? `[n IN nodes(p) | ${node}] AS nodes, [r IN relationships(p) | ${edge}] AS edges` : `{nodes: [n IN nodes(p) | ${node}], edges: [r IN relationships(p) | ${edge}]} AS result`}`;
}

/** How a municipality uses practices: through its employees (USES) or its cases (APPLIES). */
const PRACTICE_OF_MUNICIPALITY = '(m)<-[:WORKS_AT|IN]-(x)-[:USES|APPLIES]->(p:Practice)';

/**
 * Similar municipalities: `$id`, `$limit` (an Integer). Jaccard similarity of the practice sets, highest
 * first, ties by name then id; the shared practices by name then id. Our API's statement
 * (src/analytics/municipalities.ts: the shared practices counted per municipality, |B| counted, the lists
 * built only for the top `limit`), with the shared practices ordered in Cypher (ours orders them in JS)
 * and without our synthetic share.
 */
function similarMunicipalities(shape: 'lists' | 'maps'): string {
  const item =
    shape === 'lists'
      ? '[o.id, o.name, score, [q IN sharedSorted | q.id]]'
      : '{municipality: {id: o.id, name: o.name}, score: score, shared: [q IN sharedSorted | {id: q.id}]}';
  return `
MATCH (m:Municipality {id: $id})
CALL (m) {
  MATCH ${PRACTICE_OF_MUNICIPALITY}
  RETURN collect(DISTINCT p) AS mine
}
CALL (m, mine) {
  CALL (m, mine) {
    UNWIND mine AS p
    MATCH (p)<-[:USES|APPLIES]-()-[:WORKS_AT|IN]->(o:Municipality)
    WHERE o <> m
    WITH o, count(DISTINCT p) AS shared
    CALL (o) {
      MATCH (o)<-[:WORKS_AT|IN]-()-[:USES|APPLIES]->(q:Practice)
      RETURN count(DISTINCT q) AS theirs
    }
    RETURN o, shared, theirs
  }
  WITH o, mine, toFloat(shared) / (size(mine) + theirs - shared) AS score
  ORDER BY score DESC, o.name, o.id
  LIMIT $limit
  WITH o, score, COLLECT {
    UNWIND mine AS q
    WITH q WHERE EXISTS { (q)<-[:USES|APPLIES]-()-[:WORKS_AT|IN]->(o) }
    WITH q ORDER BY q.name, q.id
    RETURN q
  } AS sharedSorted
  ORDER BY score DESC, o.name, o.id
  RETURN collect(${item}) AS similar
}
${shape === 'maps' ? 'UNWIND similar AS result RETURN result' : 'RETURN similar'}`;
}

/**
 * Shared practices: `$ids` (municipality ids, no duplicates). Practices used in every one of them, by
 * name then id, each with per-municipality case and employee counts in the order asked. Our API's
 * statement (src/analytics/municipalities.ts), with the support ordered in Cypher.
 */
function sharedPractices(shape: 'lists' | 'maps'): string {
  const support =
    shape === 'lists'
      ? '[id IN $ids | [s IN support WHERE s[0] = id][0]]'
      : '[id IN $ids | [s IN support WHERE s.municipality.id = id][0]]';
  const one = shape === 'lists' ? '[m.id, employeeCount, caseCount]' : '{municipality: {id: m.id}, employeeCount: employeeCount, caseCount: caseCount}';
  return `
MATCH (m:Municipality) WHERE m.id IN $ids
MATCH ${PRACTICE_OF_MUNICIPALITY}
WITH p, m, count(DISTINCT CASE WHEN x:Case THEN x END) AS caseCount,
           count(DISTINCT CASE WHEN x:Employee THEN x END) AS employeeCount
WITH p, collect(${one}) AS support
WHERE size(support) = size($ids)
WITH p, support ORDER BY p.name, p.id
RETURN ${shape === 'lists' ? `collect([p.id, p.name, ${support}]) AS shared` : `{practice: {id: p.id, name: p.name}, support: ${support}} AS result`}`;
}

/** The cases of `$municipalityIds`, and the dilemmas they raise (the columns, by name then id). */
const COOCCURRENCE_CASES_AND_COLUMNS = `
MATCH (m:Municipality)<-[:IN]-(c:Case)
WHERE m.id IN $municipalityIds
WITH collect(DISTINCT c) AS cases
CALL (cases) {
  UNWIND cases AS c
  MATCH (c)-[:RAISES]->(d:Dilemma)
  WITH DISTINCT d ORDER BY d.name, d.id
  RETURN collect([d.id, d.name]) AS columns
}`;

/**
 * The co-occurrence's rows: each practice the cases apply, by name then id, its cases collected once and its pair
 * counts with the dilemmas taken from them (`d`, `n`); `cells` says what a row's counts return, `rows` what the
 * rows return. `scope`: the variables the subquery imports.
 */
const byRows = (scope: string, cells: string, rows: string) => `CALL (${scope}) {
  UNWIND cases AS c
  MATCH (c)-[:APPLIES]->(p:Practice)
  WITH p, collect(c) AS rowCases ORDER BY p.name, p.id
  CALL (rowCases) {
    UNWIND rowCases AS c
    MATCH (c)-[:RAISES]->(d:Dilemma)
    WITH d, count(DISTINCT c) AS n
    RETURN ${cells}
  }
  RETURN ${rows}
}`;

/**
 * Co-occurrence: `$municipalityIds`. The cases in those municipalities; rows = the practices they apply,
 * columns = the dilemmas they raise (each by name, then id); counts[i][j] = the cases applying row i and
 * raising column j. Each row's cases are collected once and its pair counts taken from them, so rows and their
 * counts come out together in row order (79k db hits at scale 1, 10 municipalities, against our API's 92k and
 * an earlier statement's 176k, which padded every row with an OPTIONAL MATCH). Raw: the sparse counts per row,
 * laid out dense by the client (`denseCooccurrence`), as our API does in JS.
 */
const RAW_COOCCURRENCE = `${COOCCURRENCE_CASES_AND_COLUMNS}
${byRows('cases', 'collect(d.id) AS cellColumns, collect(n) AS cellCounts', 'collect([p.id, p.name, cellColumns, cellCounts]) AS rows')}
RETURN rows, columns`;

/**
 * The same for @neo4j/graphql's `@cypher` field, which must return the dense matrix: each row's counts laid out
 * over the columns in Cypher (the fastest of three dense forms in throw-away timings at scale 1: 37–43 ms, against
 * 47–62 ms for the earlier statement). Counts as floats: @neo4j/graphql serialises no Neo4j integer nested in a list
 * of lists; the values are whole numbers all the same.
 */
const DENSE_COOCCURRENCE = `${COOCCURRENCE_CASES_AND_COLUMNS}
${byRows(
  'cases, columns',
  'collect([d.id, n]) AS cells',
  'collect({id: p.id, label: p.name}) AS rows,\n         collect([column IN columns | toFloat(coalesce([cell IN cells WHERE cell[0] = column[0] | cell[1]][0], 0))]) AS counts',
)}
RETURN {rows: rows, columns: [column IN columns | {id: column[0], label: column[1]}], counts: counts} AS result`;

/** The raw client's own work on the co-occurrence records, per request: the answer laid out dense. */
export function denseCooccurrence(records: Record<string, unknown>[]): Record<string, unknown>[] {
  const { rows, columns } = records[0] as { rows: Array<[string, string, string[], number[]]>; columns: Array<[string, string]> };
  const columnIndex = new Map(columns.map(([id], j) => [id, j]));
  const counts = rows.map(([, , cellColumns, cellCounts]) => {
    const line = new Array<number>(columns.length).fill(0);
    cellColumns.forEach((id, k) => (line[columnIndex.get(id)!] = cellCounts[k]!));
    return line;
  });
  return [
    {
      result: {
        rows: rows.map(([id, label]) => ({ id, label })),
        columns: columns.map(([id, label]) => ({ id, label })),
        counts,
      },
    },
  ];
}

/**
 * Cross-type full-text search: `$query` (a Lucene query, escaped by the client as our API escapes it),
 * `$first` (an Integer). Ranked by score, ties by id. (Our API also asks first whether anything is restricted,
 * and for anonymous callers, while anything is, searches the index without hidden text instead; the generated
 * data restricts nothing, so the answers are the same and this floor does less.)
 */
export const SEARCH = `
CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', $query) YIELD node, score
WITH node, score ORDER BY score DESC, node.id
LIMIT $first
RETURN {id: node.id, type: toUpper(labels(node)[0]), label: ${DISPLAY('node')}, score: score} AS result`;

/** The focus type of the neighbourhood workload, and the endpoint types of the shortest-path workload. */
export const NEIGHBOURHOOD_LABEL = 'Employee';
export const PATH_LABELS = ['Employee', 'Employee'] as const;

/** Raw statements (lists where the shape allows). */
export const RAW = {
  neighbourhood: neighbourhood('lists', NEIGHBOURHOOD_LABEL),
  shortestPath: shortestPath('lists', PATH_LABELS[0], PATH_LABELS[1]),
  similarMunicipalities: similarMunicipalities('lists'),
  sharedPractices: sharedPractices('lists'),
  cooccurrence: RAW_COOCCURRENCE,
  search: SEARCH,
};

/** The `@cypher` statements of the @neo4j/graphql schema (maps, column `result`; a list field takes one row per item). */
export const CYPHER = {
  neighbourhood: neighbourhood('maps', NEIGHBOURHOOD_LABEL),
  shortestPath: shortestPath('maps', PATH_LABELS[0], PATH_LABELS[1]),
  similarMunicipalities: similarMunicipalities('maps'),
  sharedPractices: sharedPractices('maps'),
  cooccurrence: DENSE_COOCCURRENCE,
  search: SEARCH,
};
export type CypherStatements = typeof CYPHER;
