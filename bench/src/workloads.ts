import neo4j, { type Driver } from 'neo4j-driver';
import { luceneQuery } from '../../src/analytics/lucene.js';
import type { Connection } from '../../src/db/index.js';
import { MANUAL_SOURCE, searchKeyOf } from '../../src/model/index.js';
import { denseCooccurrence, PATH_LABELS, RAW } from './cypher.js';
import { mulberry32 } from '../../src/util/index.js';

/** A GraphQL request: the operation and its variables. */
export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** A raw-Cypher request. */
export interface RawRequest {
  cypher: string;
  params: Record<string, unknown>;
  write?: boolean;
  /** The client's own work on the records, on every request (what our API does in JS after its statement). */
  finish?: (records: Record<string, unknown>[]) => Record<string, unknown>[];
  /**
   * Instead of `cypher`: a client that sends several statements in turn, one session, and makes the answer of
   * their records (the nested read, one statement per level as our API sends them). `run` is one auto-commit
   * statement; `cypher` and `params` then name the first step, for logs.
   */
  steps?: (run: (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>) => Promise<Record<string, unknown>[]>;
}

/**
 * One question asked three ways, with its parameters drawn from the data, and how to bring each answer
 * to one canonical shape (keys sorted by `canonical`; list order kept: every workload has a defined order).
 */
export interface Workload<P = any> {
  key: string;
  title: string;
  /** Reads take their parameters from `pool`, one per request in turn; writes make fresh ones (`fresh`). */
  pool: P[];
  /** Writes: the parameters of the n-th request of a run (fresh ids, so nothing collides). */
  fresh?: (n: number, run: string) => P;
  /** Writes: the answer the parameters imply (no reference to ask for). */
  expected?: (p: P) => unknown;
  /** Bulk import: rows (nodes + relationships, SOURCED_FROM not counted) written per request. */
  rowsPerRequest?: number;
  /** Our API needs a token for this (mutations). */
  write?: boolean;
  /**
   * The answers carry full-text scores, which depend on the index's statistics: every document written since
   * (the write workloads' cases, removed again but still counted until Lucene merges them) shifts them a
   * little, for all three clients alike. Their references are taken again, all three agreeing, before each
   * timed phase that follows a write.
   */
  scored?: boolean;
  ours(p: P): GraphqlRequest;
  theirs(p: P): GraphqlRequest;
  raw(p: P): RawRequest;
  fromOurs(data: any, p: P): unknown;
  fromTheirs(data: any, p: P): unknown;
  fromRaw(rows: any[], p: P): unknown;
}

/** The nested read's raw statements, one per level (lists: the driver decodes every map key as a string). */
const NESTED_MUNICIPALITIES = `MATCH (m:Municipality) WHERE m.id IN $ids WITH m ORDER BY m.name, m.id LIMIT 50 RETURN collect([m.id, m.name]) AS municipalities`;
const NESTED_EMPLOYEES = `UNWIND $ids AS id MATCH (m:Municipality {id: id})
  CALL (m) { MATCH (m)<-[:WORKS_AT]-(e:Employee) WITH e ORDER BY e.pseudonym, e.id LIMIT $first RETURN collect([e.id, e.pseudonym]) AS employees }
  RETURN collect([id, employees]) AS employeesOf`;
/** Each parent's related ids in order, and every related node once with its name. */
const relatedStatement = (from: string, pattern: string) => `UNWIND $ids AS id MATCH (n:${from} {id: id})
  CALL (n) { MATCH ${pattern} WITH m ORDER BY m.name, m.id RETURN collect(m) AS related }
  WITH collect([id, [x IN related | x.id]]) AS pages, collect(related) AS lists
  CALL (lists) { UNWIND lists AS list UNWIND list AS m WITH DISTINCT m RETURN collect([m.id, m.name]) AS nodes }
  RETURN pages, nodes`;
const NESTED_PRACTICES = relatedStatement('Employee', '(n)-[:USES]->(m:Practice)');
const NESTED_DILEMMAS = relatedStatement('Practice', '(n)-[:ADDRESSES]->(m:Dilemma)');

async function related(run: Parameters<NonNullable<RawRequest['steps']>>[0], cypher: string, ids: string[]): Promise<{ pages: Map<string, string[]>; names: Map<string, string> }> {
  const [{ pages, nodes }] = (await run(cypher, { ids })) as [{ pages: Array<[string, string[]]>; nodes: Array<[string, string]> }];
  return { pages: new Map(pages), names: new Map(nodes) };
}

/** Sends a GraphQL request to one of the two servers (used to fetch the first-page cursors of workload 3). */
export type Ask = (request: GraphqlRequest) => Promise<{ data: any }>;

export interface PoolOptions {
  /** Parameter sets per read workload (heavy ones take a third, at least 3). */
  size: number;
  /** Seed of the draw (the same data and seed give the same parameters). */
  seed: number;
  /** Municipalities per nested read (default 50). */
  nestedMunicipalities?: number;
}

/** Page size of the paged workloads. */
const PAGE = 20;
/** Cases written per bulk-import request; each with its municipality (IN) and a practice (APPLIES). */
const IMPORT_BATCH = 50;
/** The bulk import's Source (created before the write runs, removed after). */
export const IMPORT_SOURCE = 'source:bench-import';
/** The Source our API records manual writes against (MANUAL_SOURCE). */
const MANUAL_SOURCE_ID = 'source:handmatige-invoer';
/** Ids of everything the write workloads create start with this: removed after every write run. */
export const WRITE_PREFIX = 'case:bench-w';

const int = (n: number) => neo4j.int(n);
/** The name our API records as `by` for the benchmark's editor token; the other two record it too. */
const WRITER = 'editor#1';
/** What @neo4j/graphql's writes record on a relationship they make (its `Provenance` properties). */
const provenanceEdge = (sourceId: string | undefined, synthetic: boolean) => ({ ...(sourceId ? { sourceId } : {}), by: WRITER, at: new Date().toISOString(), synthetic });
const sortByName = '[{ name: ASC }, { id: ASC }]';


function sample<T>(items: readonly T[], n: number, random: () => number): T[] {
  const copy = items.slice();
  const out: T[] = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]!);
  return out;
}

async function column(driver: Driver, cypher: string, params: Record<string, unknown> = {}): Promise<any[]> {
  const result = await driver.executeQuery(cypher, params, { database: 'neo4j', routing: neo4j.routing.READ });
  return result.records.map((record) => record.get(0));
}

/**
 * Draws every read workload's parameters from the data (varied ids, words and pairs, the same for the three
 * clients), and builds the workloads. `ours`/`theirs` fetch the first pages whose cursors workload 3 continues after.
 */
export async function buildWorkloads(driver: Driver, options: PoolOptions, ask: { ours: Ask; theirs?: Ask }): Promise<Workload[]> {
  const random = mulberry32(options.seed);
  const n = options.size;
  const heavy = Math.max(3, Math.ceil(n / 3));
  const practices = await column(driver, 'MATCH (p:Practice) RETURN p.id ORDER BY p.id');
  const municipalities = await column(driver, 'MATCH (m:Municipality) RETURN m.id ORDER BY m.id');
  const employees = await column(driver, 'MATCH (e:Employee) RETURN e.id ORDER BY e.id');
  const dilemmas = await column(driver, `MATCH (d:Dilemma) WHERE COUNT { (d)<-[:ADDRESSES]-(:Practice) } > ${PAGE} RETURN d.id ORDER BY d.id`);
  const titles = await column(driver, 'MATCH (c:Case) WITH c ORDER BY c.id LIMIT 3000 RETURN c.title');
  const words = [...new Set(titles.flatMap((title: string) => title.split(/[^\p{L}]+/u)).filter((w: string) => w.length >= 6).map((w: string) => w.toLowerCase()))].sort();
  if (dilemmas.length === 0) throw new Error('no dilemma is addressed by more than one page of practices: the data is too small');

  // Far pairs for the shortest path: of 4× as many random employee pairs, those with the longest paths.
  const candidates = Array.from({ length: heavy * 4 }, () => sample(employees, 2, random) as [string, string]);
  const lengths: Array<{ pair: [string, string]; length: number }> = [];
  for (const pair of candidates) {
    const rows = await driver.executeQuery(RAW.shortestPath, { from: pair[0], to: pair[1] }, { database: 'neo4j', routing: neo4j.routing.READ });
    lengths.push({ pair, length: rows.records[0] ? (rows.records[0].get('edges') as unknown[]).length : -1 });
  }
  lengths.sort((a, b) => b.length - a.length);
  const pathPairs = lengths.slice(0, heavy).map((x) => x.pair);

  const searchWords = sample(words, n, random);
  const needles = sample(words, n, random).map((w) => w.slice(1, 5));
  const filteredPage = [];
  for (const dilemma of sample(dilemmas, n, random)) {
    const [ours, theirs] = await Promise.all([
      ask.ours({ query: `query P1($d: ID!) { practices(where: { dilemmaIds: [$d] }, orderBy: [{ field: NAME }], first: ${PAGE}) { pageInfo { endCursor } } }`, variables: { d: dilemma } }),
      ask.theirs?.({ query: `query P1($d: ID!) { practicesConnection(where: { dilemmas: { some: { id: { eq: $d } } } }, sort: ${sortByName}, first: ${PAGE}) { pageInfo { endCursor } } }`, variables: { d: dilemma } }),
    ]);
    filteredPage.push({ dilemma, ours: ours.data.practices.pageInfo.endCursor as string, theirs: (theirs?.data.practicesConnection.pageInfo.endCursor ?? '') as string });
  }

  const pools = {
    pointLookup: sample(practices, n, random).map((id) => ({ id })),
    nestedList: Array.from({ length: heavy }, () => ({ ids: sample(municipalities, options.nestedMunicipalities ?? 50, random) })),
    filteredPage,
    nameContains: needles.map((needle) => ({ needle })),
    neighbourhood: sample(employees, n, random).map((id) => ({ id })),
    shortestPath: pathPairs.map(([from, to]) => ({ from, to })),
    similarMunicipalities: sample(municipalities, n, random).map((id) => ({ id })),
    sharedPractices: Array.from({ length: n }, () => ({ ids: sample(municipalities, 3, random) })),
    cooccurrence: Array.from({ length: heavy }, () => ({ ids: sample(municipalities, 10, random) })),
    search: searchWords.map((word) => ({ word })),
    searchCases: sample(words, n, random).map((word) => ({ word })),
  };
  // Writes: the municipality and practice each new case is linked to, by request number.
  const linkTarget = (i: number) => ({ municipality: municipalities[(i * 7919) % municipalities.length] as string, practice: practices[(i * 104_729) % practices.length] as string });

  return [
    {
      key: 'pointLookup',
      title: '1. point lookup: a practice by id, its dilemmas, its first 10 cases and how many it has',
      pool: pools.pointLookup,
      ours: (p) => ({
        query: `query PointLookup($id: ID!) { practice(id: $id) { id name kind description dilemmas { id name } cases(first: 10) { totalCount edges { node { id title year } } } } }`,
        variables: p,
      }),
      theirs: (p) => ({
        query: `query PointLookup($id: ID!) { practices(where: { id: { eq: $id } }) { id name kind description dilemmas(sort: ${sortByName}) { id name } casesConnection(first: 10, sort: [{ node: { title: ASC } }, { node: { id: ASC } }]) { totalCount edges { node { id title year } } } } }`,
        variables: p,
      }),
      raw: (p) => ({
        cypher: `MATCH (p:Practice {id: $id})
          RETURN p { .id, .name, .kind, .description,
            dilemmas: COLLECT { MATCH (p)-[:ADDRESSES]->(d:Dilemma) WITH d ORDER BY d.name, d.id RETURN d { .id, .name } },
            totalCount: COUNT { (p)<-[:APPLIES]-(:Case) },
            cases: COLLECT { MATCH (p)<-[:APPLIES]-(c:Case) WITH c ORDER BY c.title, c.id LIMIT 10 RETURN c { .id, .title, .year } }
          } AS practice`,
        params: p,
      }),
      fromOurs: (data) => practiceAnswer(data.practice && { ...data.practice, totalCount: data.practice.cases.totalCount, cases: data.practice.cases.edges.map((e: any) => e.node) }),
      fromTheirs: (data) => {
        const p = data.practices[0];
        return practiceAnswer(p && { ...p, totalCount: p.casesConnection.totalCount, cases: p.casesConnection.edges.map((e: any) => e.node) });
      },
      fromRaw: (rows) => practiceAnswer(rows[0]?.practice),
    },
    {
      key: 'nestedList',
      title: `2. nested list: ${options.nestedMunicipalities ?? 50} municipalities → 20 employees each → their practices → their dilemmas`,
      pool: pools.nestedList,
      ours: (p) => ({
        query: `query NestedList($ids: [ID!]) { municipalities(first: 50, where: { ids: $ids }) { edges { node { id name employees(first: ${PAGE}) { edges { node { id pseudonym practices { id name dilemmas { id name } } } } } } } } }`,
        variables: p,
      }),
      theirs: (p) => ({
        query: `query NestedList($ids: [ID!]) { municipalities(where: { id: { in: $ids } }, sort: ${sortByName}, limit: 50) { id name employeesConnection(first: ${PAGE}, sort: [{ node: { pseudonym: ASC } }, { node: { id: ASC } }]) { edges { node { id pseudonym practices(sort: ${sortByName}) { id name dilemmas(sort: ${sortByName}) { id name } } } } } } }`,
        variables: p,
      }),
      // One statement per level, as our API sends them, each node's relations loaded once however many parents
      // share it. The one-statement form, nested COLLECT subqueries, loads a practice's dilemmas again for every
      // employee using it: 69–98 ms of Neo4j time against 38–54 ms for our four (`npm run bench:statements`).
      raw: (p) => ({
        cypher: NESTED_MUNICIPALITIES,
        params: p,
        steps: async (run) => {
          const [{ municipalities }] = (await run(NESTED_MUNICIPALITIES, { ids: p.ids })) as [{ municipalities: Array<[string, string]> }];
          const [{ employeesOf }] = (await run(NESTED_EMPLOYEES, { ids: municipalities.map(([id]) => id), first: int(PAGE) })) as [{ employeesOf: Array<[string, Array<[string, string]>]> }];
          const employees = new Map(employeesOf);
          const employeeIds = [...new Set(employeesOf.flatMap(([, list]) => list.map(([id]) => id)))];
          const practices = await related(run, NESTED_PRACTICES, employeeIds);
          const practiceIds = [...new Set([...practices.pages.values()].flat())];
          const dilemmas = await related(run, NESTED_DILEMMAS, practiceIds);
          const practice = (id: string) => ({ id, name: practices.names.get(id), dilemmas: dilemmas.pages.get(id)!.map((d) => ({ id: d, name: dilemmas.names.get(d) })) });
          return municipalities.map(([id, name]) => ({
            municipality: { id, name, employees: employees.get(id)!.map(([e, pseudonym]) => ({ id: e, pseudonym, practices: practices.pages.get(e)!.map(practice) })) },
          }));
        },
      }),
      fromOurs: (data) => data.municipalities.edges.map((m: any) => ({ ...m.node, employees: m.node.employees.edges.map((e: any) => e.node) })),
      fromTheirs: (data) => data.municipalities.map((m: any) => ({ id: m.id, name: m.name, employees: m.employeesConnection.edges.map((e: any) => e.node) })),
      fromRaw: (rows) => rows.map((row) => row.municipality),
    },
    {
      key: 'filteredPage',
      title: '3. filtered page: practices addressing a dilemma, by name, page 2 of 20, with totalCount',
      pool: pools.filteredPage,
      ours: (p) => ({
        query: `query FilteredPage($dilemma: ID!, $after: String) { practices(where: { dilemmaIds: [$dilemma] }, orderBy: [{ field: NAME }], first: ${PAGE}, after: $after) { totalCount edges { node { id name kind } } } }`,
        variables: { dilemma: p.dilemma, after: p.ours },
      }),
      theirs: (p) => ({
        query: `query FilteredPage($dilemma: ID!, $after: String) { practicesConnection(where: { dilemmas: { some: { id: { eq: $dilemma } } } }, sort: ${sortByName}, first: ${PAGE}, after: $after) { totalCount edges { node { id name kind } } } }`,
        variables: { dilemma: p.dilemma, after: p.theirs },
      }),
      raw: (p) => ({
        cypher: `MATCH (p:Practice) WHERE EXISTS { (p)-[:ADDRESSES]->(:Dilemma {id: $dilemma}) }
          WITH p ORDER BY p.name, p.id
          WITH collect(p { .id, .name, .kind }) AS matching
          RETURN size(matching) AS totalCount, matching[$offset..($offset + $first)] AS page`,
        params: { dilemma: p.dilemma, offset: int(PAGE), first: int(PAGE) },
      }),
      fromOurs: (data) => ({ totalCount: data.practices.totalCount, page: data.practices.edges.map((e: any) => e.node) }),
      fromTheirs: (data) => ({ totalCount: data.practicesConnection.totalCount, page: data.practicesConnection.edges.map((e: any) => e.node) }),
      fromRaw: (rows) => ({ totalCount: rows[0].totalCount, page: rows[0].page }),
    },
    {
      key: 'nameContains',
      title: '4. filtered list: cases whose title contains a fragment (nameContains), by title, first 20, with totalCount',
      pool: pools.nameContains,
      ours: (p) => ({
        query: `query NameContains($q: String!) { cases(where: { nameContains: $q }, orderBy: [{ field: TITLE }], first: ${PAGE}) { totalCount edges { node { id title year } } } }`,
        variables: { q: p.needle },
      }),
      // @neo4j/graphql's `contains` is case- and accent-sensitive: the expert filters the folded display
      // text our data carries (`searchKey`), folding the input on the client as our API folds it.
      theirs: (p) => ({
        query: `query NameContains($q: String!) { casesConnection(where: { searchKey: { contains: $q } }, sort: [{ title: ASC }, { id: ASC }], first: ${PAGE}) { totalCount edges { node { id title year } } } }`,
        variables: { q: searchKeyOf(p.needle) },
      }),
      raw: (p) => ({
        cypher: `MATCH (c:Case) WHERE c.searchKey CONTAINS $q
          WITH c ORDER BY c.title, c.id
          WITH collect(c) AS matching
          RETURN size(matching) AS totalCount, [c IN matching[0..$first] | c { .id, .title, .year }] AS page`,
        params: { q: searchKeyOf(p.needle), first: int(PAGE) },
      }),
      fromOurs: (data) => ({ totalCount: data.cases.totalCount, page: data.cases.edges.map((e: any) => caseAnswer(e.node)) }),
      fromTheirs: (data) => ({ totalCount: data.casesConnection.totalCount, page: data.casesConnection.edges.map((e: any) => caseAnswer(e.node)) }),
      fromRaw: (rows) => ({ totalCount: rows[0].totalCount, page: rows[0].page.map(caseAnswer) }),
    },
    {
      key: 'neighbourhood',
      title: '5. neighbourhood of an employee, depth 2, limit 500 (municipality, practices, cases, dilemmas, colleagues)',
      pool: pools.neighbourhood,
      ours: (p) => ({
        query: `query Neighbourhood($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 500) { nodes { id type label } edges { type source target } } }`,
        variables: p,
      }),
      theirs: (p) => ({
        query: `query Neighbourhood($id: ID!) { neighbourhood(id: $id, limit: 500) { nodes { id type label } edges { type source target } } }`,
        variables: p,
      }),
      raw: (p) => ({ cypher: RAW.neighbourhood, params: { id: p.id, limit: int(500) } }),
      fromOurs: (data) => data.neighbourhood,
      fromTheirs: (data) => data.neighbourhood,
      fromRaw: (rows) => ({
        nodes: rows[0].nodes.map(([id, label, text]: [string, string, string]) => ({ id, type: label.toUpperCase(), label: text })),
        edges: rows[0].edges.map(([source, type, target]: string[]) => ({ source, type, target })),
      }),
    },
    {
      key: 'shortestPath',
      title: `6. shortest path between two far ${PATH_LABELS[0].toLowerCase()}s (first of the shortest by ids)`,
      pool: pools.shortestPath,
      ours: (p) => ({
        query: `query Path($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { nodes { id label } edges { type source target } } }`,
        variables: p,
      }),
      theirs: (p) => ({
        query: `query Path($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { nodes { id label } edges { type source target } } }`,
        variables: p,
      }),
      raw: (p) => ({ cypher: RAW.shortestPath, params: p }),
      fromOurs: (data) => data.shortestPath,
      fromTheirs: (data) => data.shortestPath,
      fromRaw: (rows) =>
        rows[0]
          ? {
              nodes: rows[0].nodes.map(([id, label]: string[]) => ({ id, label })),
              edges: rows[0].edges.map(([source, type, target]: string[]) => ({ source, type, target })),
            }
          : null,
    },
    {
      key: 'similarMunicipalities',
      title: '7. similar municipalities: top 5 by Jaccard similarity of practice sets, with the shared practices',
      pool: pools.similarMunicipalities,
      ours: (p) => ({ query: `query Similar($id: ID!) { similarMunicipalities(id: $id, limit: 5) { score municipality { id name } shared { id } } }`, variables: p }),
      theirs: (p) => ({ query: `query Similar($id: ID!) { similarMunicipalities(id: $id, limit: 5) { score municipality { id name } shared { id } } }`, variables: p }),
      raw: (p) => ({ cypher: RAW.similarMunicipalities, params: { id: p.id, limit: int(5) } }),
      fromOurs: (data) => data.similarMunicipalities.map(similarity),
      fromTheirs: (data) => data.similarMunicipalities.map(similarity),
      fromRaw: (rows) =>
        (rows[0]?.similar ?? []).map(([id, name, score, shared]: [string, string, number, string[]]) => similarity({ municipality: { id, name }, score, shared: shared.map((s) => ({ id: s })) })),
    },
    {
      key: 'sharedPractices',
      title: '8. shared practices of three municipalities, with employee and case counts in each',
      pool: pools.sharedPractices,
      ours: (p) => ({
        query: `query Shared($ids: [ID!]!) { sharedPractices(municipalityIds: $ids) { practice { id name } support { municipality { id } employeeCount caseCount } } }`,
        variables: p,
      }),
      theirs: (p) => ({
        query: `query Shared($ids: [ID!]!) { sharedPractices(ids: $ids) { practice { id name } support { municipality { id } employeeCount caseCount } } }`,
        variables: p,
      }),
      raw: (p) => ({ cypher: RAW.sharedPractices, params: p }),
      fromOurs: (data) => data.sharedPractices,
      fromTheirs: (data) => data.sharedPractices,
      fromRaw: (rows) =>
        (rows[0]?.shared ?? []).map(([id, name, support]: [string, string, Array<[string, number, number]>]) => ({
          practice: { id, name },
          support: support.map(([m, employeeCount, caseCount]) => ({ municipality: { id: m }, employeeCount, caseCount })),
        })),
    },
    {
      key: 'cooccurrence',
      title: '9. co-occurrence practices × dilemmas over the cases of 10 municipalities',
      pool: pools.cooccurrence,
      ours: (p) => ({
        query: `query Cooccurrence($ids: [ID!]) { cooccurrence(rows: PRACTICE, columns: DILEMMA, municipalityIds: $ids) { rows { id } columns { id } rowLabels columnLabels counts } }`,
        variables: p,
      }),
      theirs: (p) => ({ query: `query Cooccurrence($ids: [ID!]!) { cooccurrence(municipalityIds: $ids) { rows { id label } columns { id label } counts } }`, variables: p }),
      raw: (p) => ({ cypher: RAW.cooccurrence, params: { municipalityIds: p.ids }, finish: denseCooccurrence }),
      fromOurs: (data) => {
        const m = data.cooccurrence;
        return {
          rows: m.rows.map((row: any, i: number) => ({ id: row.id, label: m.rowLabels[i] })),
          columns: m.columns.map((column: any, j: number) => ({ id: column.id, label: m.columnLabels[j] })),
          counts: m.counts,
        };
      },
      fromTheirs: (data) => data.cooccurrence,
      fromRaw: (rows) => rows[0].result,
    },
    {
      key: 'search',
      scored: true,
      title: '10. full-text search over every type, first 20',
      pool: pools.search,
      ours: (p) => ({ query: `query Search($q: String!) { search(query: $q, first: 20) { score type label node { id } } }`, variables: { q: p.word } }),
      // @neo4j/graphql has no cross-type full-text query: a @cypher field; the client escapes the query as ours does.
      theirs: (p) => ({ query: `query Search($q: String!) { search(query: $q, first: 20) { id type label score } }`, variables: { q: luceneQuery(p.word) } }),
      raw: (p) => ({ cypher: RAW.search, params: { query: luceneQuery(p.word), first: int(20) } }),
      fromOurs: (data) => data.search.map((hit: any) => searchHit({ ...hit, id: hit.node.id })),
      fromTheirs: (data) => data.search.map(searchHit),
      fromRaw: (rows) => rows.map((row) => searchHit(row.result)),
    },
    {
      key: 'searchCases',
      scored: true,
      title: '11. full-text search of cases only (@neo4j/graphql: its @fulltext query), first 20',
      pool: pools.searchCases,
      ours: (p) => ({ query: `query SearchCases($q: String!) { search(query: $q, types: [CASE], first: 20) { score node { id ... on Case { title } } } }`, variables: { q: p.word } }),
      theirs: (p) => ({
        query: `query SearchCases($q: String!) { casesFulltext(phrase: $q, sort: [{ score: DESC }, { node: { id: ASC } }], first: 20) { edges { score node { id title } } } }`,
        variables: { q: luceneQuery(p.word) },
      }),
      raw: (p) => ({
        cypher: `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
          WITH node, score WHERE node:Case
          ORDER BY score DESC, node.id LIMIT $first
          RETURN node.id AS id, node.title AS title, score`,
        params: { index: 'practiceGraphText', query: luceneQuery(p.word), first: int(20) },
      }),
      fromOurs: (data) => data.search.map((hit: any) => caseHit({ id: hit.node.id, title: hit.node.title, score: hit.score })),
      fromTheirs: (data) => data.casesFulltext.edges.map((e: any) => caseHit({ id: e.node.id, title: e.node.title, score: e.score })),
      fromRaw: (rows) => rows.map(caseHit),
    },
    {
      key: 'createAndLink',
      title: '12. write: create a case and link it to its municipality and a practice',
      pool: [],
      write: true,
      fresh: (i, run) => ({ id: `${WRITE_PREFIX}${run}-${i}`, title: `Benchmarkcasus ${run} ${i}`, year: 2000 + (i % 25), ...linkTarget(i) }),
      expected: (p) => ({ id: p.id, title: p.title, year: p.year, municipality: p.municipality, practice: p.practice }),
      // One create with its links (input.links): the node, its provenance edge and both relationships in one
      // statement of one transaction, the answer read back as the library's is.
      ours: (p) => ({
        query: `mutation CreateAndLink($id: ID!, $title: String!, $year: Int, $m: ID!, $p: ID!) {
          createCase(input: { id: $id, title: $title, year: $year, links: [{ type: "IN", to: $m }, { type: "APPLIES", to: $p }] }) {
            id title year municipality { id } practices { id } } }`,
        variables: { id: p.id, title: p.title, year: p.year, m: p.municipality, p: p.practice },
      }),
      // One nested create: the node, its two links and its provenance edge, in one request as the library does it,
      // recording what ours records (the node's flag; on each relationship its source, who, when, the flag).
      theirs: (p) => ({
        query: `mutation CreateAndLink($input: [CaseCreateInput!]!) { createCases(input: $input) { cases { id title year municipality { id } practices { id } } } }`,
        variables: {
          input: [
            {
              id: p.id,
              title: p.title,
              year: p.year,
              searchKey: searchKeyOf(p.title),
              synthetic: false,
              municipality: { connect: [{ where: { node: { id: { eq: p.municipality } } }, edge: provenanceEdge(MANUAL_SOURCE_ID, false) }] },
              practices: { connect: [{ where: { node: { id: { eq: p.practice } } }, edge: provenanceEdge(MANUAL_SOURCE_ID, false) }] },
              sources: { connect: [{ where: { node: { id: { eq: MANUAL_SOURCE_ID } } }, edge: provenanceEdge(undefined, false) }] },
            },
          ],
        },
      }),
      // What our create with links writes, as one hand-written statement: the node with its search key and
      // flag, its provenance edge (by, at, flag), and the two relationships with their sourceId, by, at and flag.
      raw: (p) => ({
        cypher: `MATCH (s:Source {id: $source}), (m:Municipality {id: $m}), (p:Practice {id: $p})
          WITH s, m, p, coalesce(s.synthetic, false) AS synthetic
          CREATE (c:Case {id: $id}) SET c.title = $title, c.year = $year, c.searchKey = $searchKey, c.synthetic = synthetic
          CREATE (c)-[e:SOURCED_FROM]->(s) SET e.by = $by, e.at = datetime(), e.synthetic = synthetic
          MERGE (c)-[r1:IN]->(m) SET r1.sourceId = $source, r1.by = $by, r1.at = datetime(), r1.synthetic = synthetic
          MERGE (c)-[r2:APPLIES]->(p) SET r2.sourceId = $source, r2.by = $by, r2.at = datetime(), r2.synthetic = synthetic
          RETURN c.id AS id, c.title AS title, c.year AS year, m.id AS municipality, p.id AS practice`,
        params: { source: MANUAL_SOURCE_ID, by: WRITER, id: p.id, title: p.title, year: int(p.year), searchKey: searchKeyOf(p.title), m: p.municipality, p: p.practice },
        write: true,
      }),
      fromOurs: (data) => {
        const c = data.createCase;
        return { id: c.id, title: c.title, year: c.year, municipality: c.municipality?.id, practice: c.practices[0]?.id };
      },
      fromTheirs: (data) => {
        const c = data.createCases.cases[0];
        return { id: c.id, title: c.title, year: c.year, municipality: c.municipality[0]?.id, practice: c.practices[0]?.id };
      },
      fromRaw: (rows) => rows[0],
    },
    {
      key: 'bulkImport',
      title: `13. write: bulk import of ${IMPORT_BATCH} cases with 2 relationships each (${IMPORT_BATCH * 3} rows per request)`,
      pool: [],
      write: true,
      rowsPerRequest: IMPORT_BATCH * 3,
      fresh: (i, run) => ({
        cases: Array.from({ length: IMPORT_BATCH }, (_, j) => {
          const k = i * IMPORT_BATCH + j;
          return { id: `${WRITE_PREFIX}${run}-b${k}`, title: `Importcasus ${run} ${k}`, year: 2000 + (k % 25), ...linkTarget(k) };
        }),
      }),
      expected: () => ({ nodes: IMPORT_BATCH, relationships: IMPORT_BATCH * 2 }),
      ours: (p) => ({
        query: `mutation Import($document: JSONObject!) { importGraph(document: $document) { byLabel { label created } byType { type created } } }`,
        variables: {
          document: {
            source: { id: IMPORT_SOURCE, title: 'Benchmark import', kind: 'DOCUMENT', synthetic: true },
            nodes: p.cases.map((c: any) => ({ type: 'Case', id: c.id, title: c.title, year: c.year })),
            relationships: p.cases.flatMap((c: any) => [
              { from: c.id, type: 'IN', to: c.municipality },
              { from: c.id, type: 'APPLIES', to: c.practice },
            ]),
          },
        },
      }),
      theirs: (p) => ({
        query: `mutation Import($input: [CaseCreateInput!]!) { createCases(input: $input) { info { nodesCreated relationshipsCreated } } }`,
        variables: {
          input: p.cases.map((c: any) => ({
            id: c.id,
            title: c.title,
            year: c.year,
            searchKey: searchKeyOf(c.title),
            synthetic: true,
            municipality: { connect: [{ where: { node: { id: { eq: c.municipality } } }, edge: provenanceEdge(IMPORT_SOURCE, true) }] },
            practices: { connect: [{ where: { node: { id: { eq: c.practice } } }, edge: provenanceEdge(IMPORT_SOURCE, true) }] },
            sources: { connect: [{ where: { node: { id: { eq: IMPORT_SOURCE } } }, edge: provenanceEdge(undefined, true) }] },
          })),
        },
      }),
      // What our import does for new rows, in UNWIND batches: MERGE by id (an import is idempotent), search
      // key and flag, provenance edge (by, at, flag); relationships merged with their sourceId, by, at and flag.
      raw: (p) => ({
        cypher: `MATCH (s:Source {id: $source})
          WITH s, coalesce(s.synthetic, false) AS synthetic
          CALL (s, synthetic) {
            UNWIND $cases AS row
            MERGE (c:Case {id: row.id}) SET c.title = row.title, c.year = row.year, c.searchKey = row.searchKey, c.synthetic = synthetic
            MERGE (c)-[e:SOURCED_FROM]->(s) SET e.by = $by, e.at = datetime(), e.synthetic = synthetic
            RETURN count(c) AS nodes
          }
          CALL (synthetic) {
            UNWIND $cases AS row
            MATCH (c:Case {id: row.id}), (m:Municipality {id: row.municipality}), (p:Practice {id: row.practice})
            MERGE (c)-[r1:IN]->(m) SET r1.sourceId = $source, r1.by = $by, r1.at = datetime(), r1.synthetic = synthetic
            MERGE (c)-[r2:APPLIES]->(p) SET r2.sourceId = $source, r2.by = $by, r2.at = datetime(), r2.synthetic = synthetic
            RETURN count(*) * 2 AS relationships
          }
          RETURN nodes, relationships`,
        params: { source: IMPORT_SOURCE, by: WRITER, cases: p.cases.map((c: any) => ({ ...c, year: int(c.year), searchKey: searchKeyOf(c.title) })) },
        write: true,
      }),
      fromOurs: (data) => ({
        nodes: data.importGraph.byLabel.filter((x: any) => x.label === 'Case').reduce((s: number, x: any) => s + x.created, 0),
        relationships: data.importGraph.byType.filter((x: any) => x.type !== 'SOURCED_FROM').reduce((s: number, x: any) => s + x.created, 0),
      }),
      // relationshipsCreated counts the provenance edges too (one per case).
      fromTheirs: (data) => ({ nodes: data.createCases.info.nodesCreated, relationships: data.createCases.info.relationshipsCreated - data.createCases.info.nodesCreated }),
      fromRaw: (rows) => ({ nodes: rows[0].nodes, relationships: rows[0].relationships }),
    },
  ];
}

function practiceAnswer(p: any): unknown {
  if (!p) return null;
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    description: p.description ?? null,
    dilemmas: p.dilemmas,
    totalCount: p.totalCount,
    cases: p.cases.map(caseAnswer),
  };
}

function caseAnswer(c: any): unknown {
  return { id: c.id, title: c.title, year: c.year ?? null };
}

/** Scores are floats computed by the same index or formula; compared to 5 significant digits. */
const approx = (x: unknown) => Number(Number(x).toPrecision(5));

function searchHit(hit: any): unknown {
  return { id: hit.id, type: hit.type, label: hit.label, score: approx(hit.score) };
}

function caseHit(hit: any): unknown {
  return { id: hit.id, title: hit.title, score: approx(hit.score) };
}

function similarity(s: any): unknown {
  return { municipality: { id: s.municipality.id, name: s.municipality.name }, score: approx(s.score), shared: s.shared.map((x: any) => x.id) };
}

/**
 * The canonical JSON of an answer: object keys sorted, so that property order does not matter (list
 * order does: every workload has a defined order).
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

/** The first place two canonical answers differ, for the error message. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return `at character ${i}:\n  ${a.slice(from, i + 80)}\n  ${b.slice(from, i + 80)}`;
}

/** Whether our manual-input source exists (before the writes: `removeWrites` keeps it then). */
export async function manualSourceExists(driver: Driver): Promise<boolean> {
  const result = await driver.executeQuery('MATCH (s:Source {id: $id}) RETURN count(s) > 0 AS found', { id: MANUAL_SOURCE.id }, { database: 'neo4j' });
  return result.records[0]!.get('found') as boolean;
}

/** The Sources the writes link to: our manual-input source, and the bulk import's document source. */
export async function prepareWrites(driver: Driver): Promise<void> {
  await driver.executeQuery(
    `MERGE (m:Source {id: $manual.id}) ON CREATE SET m += $manual.props, m.searchKey = $manual.searchKey
     MERGE (i:Source {id: $import}) ON CREATE SET i.title = 'Benchmark import', i.kind = 'DOCUMENT', i.synthetic = true, i.searchKey = $importKey`,
    { manual: MANUAL_SOURCE, import: IMPORT_SOURCE, importKey: searchKeyOf('Benchmark import') },
    { database: 'neo4j' },
  );
}

/** Removes everything the write workloads created (the data is as loaded again: read answers stay valid). */
export async function removeWrites(connection: Connection, keepManualSource: boolean): Promise<void> {
  const session = connection.db.driver.session({ database: 'neo4j' });
  try {
    await session.run(`MATCH (n:Case) WHERE n.id STARTS WITH $prefix CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS`, { prefix: WRITE_PREFIX });
    await session.run(`MATCH (s:Source) WHERE s.id = $import OR (s.id = $manual AND NOT $keep) DETACH DELETE s`, { import: IMPORT_SOURCE, manual: MANUAL_SOURCE.id, keep: keepManualSource });
  } finally {
    await session.close();
  }
}
