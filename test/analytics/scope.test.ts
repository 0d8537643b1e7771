import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySyntheticFlags, nodeSyntheticExpression } from '../../src/db/synthetic.js';
import { validateDocument } from '../../src/import/document.js';
import { existingIdsIn, writeDocument } from '../../src/import/writer.js';
import { startTestApi, uniqueId, type TestApi } from '../support/api.js';
import { writeMixedCases } from '../support/mixed-cases.js';
import { TOKENS, startAuthApi } from '../mutations/support.js';

// `synthetic` on every node and relationship, and `scope: ALL | REAL | SYNTHETIC` on lists, relationship
// fields and analytics. On the seed graph the report's facts are real and every employee and case (with
// their links) comes from the illustrative sample, so REAL answers hold no employee, case or case count.
let api: TestApi;
/** The unique tags in the ids this file writes: its nodes are deleted after it, so files that count the seed see the seed. */
const tags: string[] = [];
function tagged(prefix: string): string {
  const tag = uniqueId(prefix).split(':')[1]!;
  tags.push(tag);
  return tag;
}
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.db.write('MATCH (n) WHERE any(tag IN $tags WHERE n.id ENDS WITH tag) DETACH DELETE n', { tags });
  await api.close();
});

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await api.gql<T>(query, variables);
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return response.body.data!;
}

const STATS = 'nodeCount relationshipCount syntheticNodeCount syntheticRelationshipCount syntheticShare byLabel { label count } byType { type count }';
interface Stats {
  nodeCount: number;
  relationshipCount: number;
  syntheticNodeCount: number;
  syntheticRelationshipCount: number;
  syntheticShare: number;
  byLabel: Array<{ label: string; count: number }>;
  byType: Array<{ type: string; count: number }>;
}

describe('stats(scope)', () => {
  it('REAL and SYNTHETIC counts add up to ALL, per label and per type too', async () => {
    // Other test files may write meanwhile: retry until one request sees a graph that held still.
    let last: { all: Stats; real: Stats; synthetic: Stats } | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = await data<{ all: Stats; real: Stats; synthetic: Stats }>(`{ all: stats { ${STATS} } real: stats(scope: REAL) { ${STATS} } synthetic: stats(scope: SYNTHETIC) { ${STATS} } }`);
      const again = await data<{ all: Stats }>(`{ all: stats { ${STATS} } }`);
      last = before;
      if (JSON.stringify(again.all) === JSON.stringify(before.all)) break;
    }
    const { all, real, synthetic } = last!;
    expect(real.nodeCount + synthetic.nodeCount).toBe(all.nodeCount);
    expect(real.relationshipCount + synthetic.relationshipCount).toBe(all.relationshipCount);
    all.byLabel.forEach((entry, i) => expect(real.byLabel[i]!.count + synthetic.byLabel[i]!.count, entry.label).toBe(entry.count));
    all.byType.forEach((entry, i) => expect(real.byType[i]!.count + synthetic.byType[i]!.count, entry.type).toBe(entry.count));
    // ALL says how much of it is made up; a scope's counts say it too.
    expect(all.syntheticNodeCount).toBe(synthetic.nodeCount);
    expect(all.syntheticRelationshipCount).toBe(synthetic.relationshipCount);
    expect(all.syntheticShare).toBeCloseTo((synthetic.nodeCount + synthetic.relationshipCount) / (all.nodeCount + all.relationshipCount), 10);
    expect(real.syntheticNodeCount).toBe(0);
    expect(synthetic.syntheticShare).toBe(1);
    // The seed: the report's facts are real, the sample's employees and cases are not.
    expect(real.byLabel.find((entry) => entry.label === 'Municipality')!.count).toBeGreaterThanOrEqual(6);
    expect(real.byLabel.find((entry) => entry.label === 'Employee')!.count).toBe(0);
    expect(synthetic.byLabel.find((entry) => entry.label === 'Employee')!.count).toBeGreaterThanOrEqual(30);
    expect(real.byType.find((entry) => entry.type === 'USES')!.count).toBe(0);
  });

  it('topPractices counts the degree in the scope, and says how much of it is made up', async () => {
    type Top = { stats: { topPractices: Array<{ practice: { id: string }; degree: number; syntheticShare: number }> } };
    const all = await data<Top>('{ stats { topPractices(limit: 100) { practice { id } degree syntheticShare } } }');
    const real = await data<Top>('{ stats(scope: REAL) { topPractices(limit: 100) { practice { id } degree syntheticShare } } }');
    const realDegree = new Map(real.stats.topPractices.map((item) => [item.practice.id, item.degree]));
    const madeUp = all.stats.topPractices.filter((item) => item.syntheticShare > 0);
    expect(madeUp.length).toBeGreaterThan(0);
    for (const item of all.stats.topPractices) {
      // The real degree is the degree without its made-up part, computed by the query, not afterwards.
      expect(realDegree.get(item.practice.id) ?? 0, item.practice.id).toBe(Math.round(item.degree * (1 - item.syntheticShare)));
    }
    for (const item of real.stats.topPractices) expect(item.syntheticShare).toBe(0);
  });
});

describe('analytics with scope: REAL hold only report data', () => {
  it('similarMunicipalities of Breda: scores under ALL (all from made-up data), none under REAL', async () => {
    type Similar = { similarMunicipalities: Array<{ municipality: { id: string }; score: number; syntheticShare: number }> };
    const all = await data<Similar>('{ similarMunicipalities(id: "municipality:breda") { municipality { id } score syntheticShare } }');
    expect(all.similarMunicipalities.length).toBeGreaterThan(0);
    for (const item of all.similarMunicipalities) expect(item.syntheticShare).toBe(1);
    const real = await data<Similar>('{ similarMunicipalities(id: "municipality:breda", scope: REAL) { municipality { id } score syntheticShare } }');
    expect(real.similarMunicipalities).toEqual([]);
    const synthetic = await data<Similar>('{ similarMunicipalities(id: "municipality:breda", scope: SYNTHETIC) { municipality { id } score } }');
    expect(synthetic.similarMunicipalities.map((item) => [item.municipality.id, item.score])).toEqual(
      all.similarMunicipalities.map((item) => [item.municipality.id, item.score]),
    );
  });

  it('cooccurrence PRACTICE × DILEMMA: every count 0 under REAL; per-cell synthetic counts under ALL', async () => {
    type Matrix = { cooccurrence: { rows: Array<{ id: string }>; counts: number[][]; syntheticCounts: number[][]; syntheticShare: number } };
    const fields = 'rows { id } counts syntheticCounts syntheticShare';
    const real = await data<Matrix>(`{ cooccurrence(rows: PRACTICE, columns: DILEMMA, scope: REAL) { ${fields} } }`);
    expect(real.cooccurrence.counts.flat().every((count) => count === 0)).toBe(true);
    expect(real.cooccurrence.syntheticShare).toBe(0);
    const all = await data<Matrix>(`{ cooccurrence(rows: PRACTICE, columns: DILEMMA) { ${fields} } }`);
    const counts = all.cooccurrence.counts.flat();
    expect(counts.some((count) => count > 0)).toBe(true);
    // Every case of the seed is made up: every counted co-occurrence is.
    expect(all.cooccurrence.syntheticCounts.flat()).toEqual(counts);
    expect(all.cooccurrence.syntheticShare).toBe(1);
    const synthetic = await data<Matrix>(`{ cooccurrence(rows: PRACTICE, columns: DILEMMA, scope: SYNTHETIC) { ${fields} } }`);
    expect(synthetic.cooccurrence.counts).toEqual(all.cooccurrence.counts);
  });

  it('cooccurrence on a mixed graph: a cell is made up through the case, the row link or the column link, and REAL drops each', async () => {
    // One real municipality, practice and two dilemmas; four cases, each made up in one way or real:
    //   c1 real,       APPLIES real,      RAISES d1 real                      → real
    //   c2 real,       APPLIES made up,   RAISES d1 real                      → made up through the row link
    //   c3 real,       APPLIES real,      RAISES d1 made up, RAISES d2 real    → d1 made up through the column link, d2 real
    //   c4 made up,    APPLIES real,      RAISES d2 real                      → made up through the case
    const tag = tagged('mixed');
    const id = (type: string, n = '') => `${type}:mixed${n}-${tag}`;
    await writeMixedCases(api.db, { m: id('municipality'), p: id('practice'), d1: id('dilemma', '1'), d2: id('dilemma', '2') }, [
      { id: id('case', '1'), made: false, applies: [false], raises1: [false], raises2: [] },
      { id: id('case', '2'), made: false, applies: [true], raises1: [false], raises2: [] },
      { id: id('case', '3'), made: false, applies: [false], raises1: [true], raises2: [false] },
      { id: id('case', '4'), made: true, applies: [false], raises1: [], raises2: [false] },
    ]);
    type Matrix = { cooccurrence: { rows: Array<{ id: string }>; columns: Array<{ id: string }>; counts: number[][]; coefficients: number[][]; syntheticCounts: number[][]; syntheticShare: number } };
    const ask = (scope: string) =>
      data<Matrix>(`query($ids: [ID!]) { cooccurrence(rows: PRACTICE, columns: DILEMMA, municipalityIds: $ids, scope: ${scope}) {
        rows { id } columns { id } counts coefficients syntheticCounts syntheticShare } }`, { ids: [id('municipality')] });
    const all = (await ask('ALL')).cooccurrence;
    expect(all.rows.map((row) => row.id)).toEqual([id('practice')]);
    expect(all.columns.map((column) => column.id)).toEqual([id('dilemma', '1'), id('dilemma', '2')]);
    expect(all.counts).toEqual([[3, 2]]);
    expect(all.syntheticCounts).toEqual([[2, 1]]);
    expect(all.syntheticShare).toBeCloseTo(3 / 5, 12);
    // n1 = 4 cases apply the practice, n2 = 3 and 2 cases raise the dilemmas.
    expect(all.coefficients[0]![0]).toBeCloseTo(3 / (4 + 3 - 3), 12);
    expect(all.coefficients[0]![1]).toBeCloseTo(2 / (4 + 2 - 2), 12);
    // REAL: c1 and c3 apply the practice; c1 and c2 raise d1 by real links, c3 raises d2.
    const real = (await ask('REAL')).cooccurrence;
    expect(real.counts).toEqual([[1, 1]]);
    expect(real.syntheticCounts).toEqual([[0, 0]]);
    expect(real.coefficients[0]![0]).toBeCloseTo(1 / (2 + 2 - 1), 12);
    expect(real.coefficients[0]![1]).toBeCloseTo(1 / (2 + 1 - 1), 12);
  });

  it('sharedPractices: made-up support only, so none under REAL', async () => {
    type Shared = { sharedPractices: Array<{ practice: { id: string; synthetic: boolean }; syntheticShare: number }> };
    const ids = ['municipality:breda', 'municipality:tilburg'];
    const all = await data<Shared>('query($ids: [ID!]!) { sharedPractices(municipalityIds: $ids) { practice { id synthetic } syntheticShare } }', { ids });
    expect(all.sharedPractices.length).toBeGreaterThan(0);
    for (const item of all.sharedPractices) expect(item.syntheticShare).toBe(1);
    const real = await data<Shared>('query($ids: [ID!]!) { sharedPractices(municipalityIds: $ids, scope: REAL) { practice { id synthetic } syntheticShare } }', { ids });
    expect(real.sharedPractices).toEqual([]);
  });

  it('neighbourhood walks only what the scope keeps, and says how much is made up', async () => {
    type Sub = { neighbourhood: { nodes: Array<{ id: string; synthetic: boolean }>; edges: Array<{ id: string; synthetic: boolean }>; syntheticShare: number } };
    const fields = 'nodes { id synthetic } edges { id synthetic } syntheticShare';
    const all = await data<Sub>(`{ neighbourhood(id: "municipality:breda", depth: 1) { ${fields} } }`);
    const real = await data<Sub>(`{ neighbourhood(id: "municipality:breda", depth: 1, scope: REAL) { ${fields} } }`);
    expect(all.neighbourhood.nodes.some((node) => node.synthetic)).toBe(true);
    expect(all.neighbourhood.syntheticShare).toBeGreaterThan(0);
    const elements = [...all.neighbourhood.nodes, ...all.neighbourhood.edges];
    expect(all.neighbourhood.syntheticShare).toBeCloseTo(elements.filter((e) => e.synthetic).length / elements.length, 10);
    expect(real.neighbourhood.nodes.length).toBeGreaterThan(1);
    for (const element of [...real.neighbourhood.nodes, ...real.neighbourhood.edges]) expect(element.synthetic, element.id).toBe(false);
    expect(real.neighbourhood.syntheticShare).toBe(0);
    // REAL keeps exactly the real part of ALL at depth 1 (the edges among the real nodes).
    expect(real.neighbourhood.nodes.map((node) => node.id)).toEqual(all.neighbourhood.nodes.filter((node) => !node.synthetic).map((node) => node.id));
  });

  it('shortestPath under REAL never runs through made-up nodes', async () => {
    type Path = { shortestPath: { nodes: Array<{ id: string; synthetic: boolean }>; edges: Array<{ synthetic: boolean }>; syntheticShare: number } | null };
    // Under ALL the shortest way from Breda to Tilburg is through the sample (a shared practice or case).
    const all = await data<Path>('{ shortestPath(from: "municipality:breda", to: "municipality:tilburg") { nodes { id synthetic } edges { synthetic } syntheticShare } }');
    expect(all.shortestPath).not.toBeNull();
    const real = await data<Path>('{ shortestPath(from: "municipality:breda", to: "municipality:tilburg", scope: REAL) { nodes { id synthetic } edges { synthetic } syntheticShare } }');
    expect(real.shortestPath).not.toBeNull();
    for (const element of [...real.shortestPath!.nodes, ...real.shortestPath!.edges]) expect(element.synthetic).toBe(false);
    expect(real.shortestPath!.syntheticShare).toBe(0);
    // A made-up employee cannot be reached through real data only.
    const employee = await data<{ employees: { edges: Array<{ node: { id: string } }> } }>('{ employees(first: 1) { edges { node { id } } } }');
    const to = employee.employees.edges[0]!.node.id;
    const none = await data<Path>(`{ shortestPath(from: "municipality:breda", to: "${to}", scope: REAL) { syntheticShare } }`);
    expect(none.shortestPath).toBeNull();
  });

  it('search(scope) finds only nodes of the scope', async () => {
    type Hits = { search: Array<{ synthetic: boolean; node: { id: string; synthetic: boolean } }> };
    const all = await data<Hits>('{ search(query: "breda", first: 100) { synthetic node { id synthetic } } }');
    expect(all.search.some((hit) => hit.synthetic)).toBe(true);
    expect(all.search.some((hit) => !hit.synthetic)).toBe(true);
    const real = await data<Hits>('{ search(query: "breda", first: 100, scope: REAL) { synthetic node { id synthetic } } }');
    const synthetic = await data<Hits>('{ search(query: "breda", first: 100, scope: SYNTHETIC) { synthetic node { id synthetic } } }');
    expect(real.search.every((hit) => !hit.synthetic && !hit.node.synthetic)).toBe(true);
    expect(synthetic.search.every((hit) => hit.synthetic && hit.node.synthetic)).toBe(true);
    expect(new Set([...real.search, ...synthetic.search].map((hit) => hit.node.id))).toEqual(new Set(all.search.map((hit) => hit.node.id)));
  });
});

describe('lists and relationship fields take a scope', () => {
  it('top-level lists: REAL + SYNTHETIC = ALL, each node flagged', async () => {
    type Lists = Record<string, { totalCount: number; edges: Array<{ node: { id: string; synthetic: boolean } }> }>;
    const result = await data<Lists>(`{
      all: employees(first: 100) { totalCount edges { node { id synthetic } } }
      real: employees(first: 100, scope: REAL) { totalCount edges { node { id synthetic } } }
      synthetic: employees(first: 100, scope: SYNTHETIC) { totalCount edges { node { id synthetic } } }
      practicesReal: practices(first: 100, scope: REAL) { totalCount edges { node { id synthetic } } }
      practicesAll: practices(first: 100) { totalCount edges { node { id synthetic } } }
    }`);
    expect(result.real!.totalCount + result.synthetic!.totalCount).toBe(result.all!.totalCount);
    expect(result.synthetic!.edges.every((edge) => edge.node.synthetic)).toBe(true);
    expect(result.real!.edges.every((edge) => !edge.node.synthetic)).toBe(true);
    expect(result.practicesReal!.edges.map((edge) => edge.node.id)).toEqual(result.practicesAll!.edges.filter((edge) => !edge.node.synthetic).map((edge) => edge.node.id));
  });

  it('relationship fields: the scope reaches the loader (and its cache key), in one request', async () => {
    type Breda = {
      municipality: {
        synthetic: boolean;
        all: { totalCount: number };
        real: { totalCount: number };
        synthetic2: { totalCount: number; edges: Array<{ node: { synthetic: boolean } }> };
        practicesAll: Array<{ id: string }>;
        practicesReal: Array<{ id: string }>;
        research: Array<{ id: string; synthetic: boolean }>;
        provenance: Array<{ synthetic: boolean; source: { synthetic: boolean } }>;
      };
    };
    const result = await data<Breda>(`{ municipality(id: "municipality:breda") {
      synthetic
      all: employees(first: 50) { totalCount }
      real: employees(first: 50, scope: REAL) { totalCount }
      synthetic2: employees(first: 50, scope: SYNTHETIC) { totalCount edges { node { synthetic } } }
      practicesAll: practices { id }
      practicesReal: practices(scope: REAL) { id }
      research(scope: REAL) { id synthetic }
      provenance { synthetic source { synthetic } }
    } }`);
    const breda = result.municipality;
    expect(breda.synthetic).toBe(false);
    expect(breda.all.totalCount).toBeGreaterThan(0);
    expect(breda.real.totalCount).toBe(0);
    expect(breda.synthetic2.totalCount).toBe(breda.all.totalCount);
    expect(breda.synthetic2.edges.every((edge) => edge.node.synthetic)).toBe(true);
    // Breda's practices come only through made-up employees and cases.
    expect(breda.practicesAll.length).toBeGreaterThan(0);
    expect(breda.practicesReal).toEqual([]);
    expect(breda.research.length).toBeGreaterThan(0);
    for (const item of breda.provenance) expect(item.synthetic).toBe(item.source.synthetic);
  });

  it('relationship-property types carry the flag (PracticeUse, MeetingSpeaker)', async () => {
    type Result = {
      employees: { edges: Array<{ node: { synthetic: boolean; practiceUses: Array<{ synthetic: boolean }> } }> };
      meeting: { speakers: Array<{ synthetic: boolean }> };
    };
    const result = await data<Result>(`{
      employees(first: 5) { edges { node { synthetic practiceUses { synthetic } } } }
      meeting(id: "meeting:leerkring-2018-03-14") { speakers { synthetic } }
    }`);
    const uses = result.employees.edges.flatMap((edge) => edge.node.practiceUses);
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.every((use) => use.synthetic)).toBe(true);
    expect(result.meeting.speakers.length).toBeGreaterThan(0);
    // The speakers are the report's: real.
    expect(result.meeting.speakers.every((speaker) => !speaker.synthetic)).toBe(true);
  });
});

describe('the stored flag', () => {
  it('is written by the bulk import and by link, from the source of each node and relationship', async () => {
    const tag = tagged('scope');
    const made = `source:made-up-${tag}`;
    const document = {
      source: { id: made, title: `Made up ${tag}`, kind: 'ILLUSTRATIVE', synthetic: true },
      nodes: [
        { type: 'Practice', id: `practice:scope-${tag}`, name: `Scope practice ${tag}`, kind: 'SKILL' },
        { type: 'Dilemma', id: `dilemma:scope-${tag}`, name: `Scope dilemma ${tag}` },
      ],
      relationships: [{ from: `practice:scope-${tag}`, type: 'ADDRESSES', to: `dilemma:scope-${tag}` }],
    };
    const validated = await validateDocument(document, existingIdsIn(api.db));
    expect(validated.ok, JSON.stringify(validated)).toBe(true);
    if (!validated.ok) return;
    await writeDocument(api.db, validated.document);
    const [row] = await api.db.read(
      `MATCH (p:Practice {id: $p})-[r:ADDRESSES]->(d:Dilemma {id: $d}), (p)-[e:SOURCED_FROM]->(:Source {id: $s})
       RETURN p.synthetic AS p, d.synthetic AS d, r.synthetic AS r, e.synthetic AS e`,
      { p: `practice:scope-${tag}`, d: `dilemma:scope-${tag}`, s: made },
    );
    expect(row).toEqual({ p: true, d: true, r: true, e: true });
    // A relationship from a real source between made-up nodes is real; the nodes stay made up.
    const real = `source:real-${tag}`;
    await api.db.write('CREATE (s:Source {id: $id, title: $id, kind: "DOCUMENT", synthetic: false})', { id: real });
    const second = await validateDocument(
      { source: { id: real, title: real, kind: 'DOCUMENT', synthetic: false }, nodes: [{ type: 'Practice', id: `practice:scope-${tag}`, name: `Scope practice ${tag}`, kind: 'SKILL' }], relationships: [] },
      existingIdsIn(api.db),
    );
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    await writeDocument(api.db, second.document);
    // Now one of its two sources is real: the practice is not made up any more.
    const [after] = await api.db.read('MATCH (p:Practice {id: $p}) RETURN p.synthetic AS p', { p: `practice:scope-${tag}` });
    expect(after!.p).toBe(false);
  });

  it('is written by the mutations and follows a Source whose own flag changes', async () => {
    const auth = await startAuthApi();
    try {
      const editor = `Bearer ${TOKENS.editor}`;
      const run = async <T>(query: string) => {
        const { body } = await auth.raw(query, editor);
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
        return body.data as T;
      };
      const slug = tagged('mut');
      const source = `source:made-up-${slug}`;
      // A document thought made up (an ILLUSTRATIVE source could not turn real: that kind is always synthetic).
      await run(`mutation { createSource(input: { id: "${source}", title: "Made up ${slug}", kind: DOCUMENT, synthetic: true }) { id synthetic } }`);
      const created = await run<{ createPractice: { synthetic: boolean } }>(
        `mutation { createPractice(input: { id: "practice:made-up-${slug}", name: "Made up ${slug}", sourceId: "${source}" }) { synthetic } }`,
      );
      expect(created.createPractice.synthetic).toBe(true);
      const linked = await run<{ link: { synthetic: boolean } }>(
        `mutation { link(from: "practice:made-up-${slug}", type: "ADDRESSES", to: "dilemma:loslaten-of-sturen", sourceId: "${source}") { synthetic } }`,
      );
      expect(linked.link.synthetic).toBe(true);
      // The source turns out to be real: what comes from it follows.
      await run(`mutation { updateSource(id: "${source}", input: { synthetic: false }) { id } }`);
      const after = await run<{ practice: { synthetic: boolean; dilemmas: Array<{ id: string }> } }>(
        `{ practice(id: "practice:made-up-${slug}") { synthetic dilemmas(scope: REAL) { id } } }`,
      );
      expect(after.practice).toEqual({ synthetic: false, dilemmas: [{ id: 'dilemma:loslaten-of-sturen' }] });
    } finally {
      await auth.close();
    }
  });

  it('is backfilled at start-up for data written without it, idempotently', async () => {
    const tag = tagged('backfill');
    await api.db.write(
      `CREATE (s:Source {id: $s, title: $s, kind: 'ILLUSTRATIVE', synthetic: true})
       CREATE (d:Dilemma {id: $d, name: $d})-[:SOURCED_FROM]->(s)
       CREATE (p:Practice {id: $p, name: $p, kind: 'SKILL'})-[:ADDRESSES {sourceId: $s}]->(d)`,
      { s: `source:backfill-${tag}`, d: `dilemma:backfill-${tag}`, p: `practice:backfill-${tag}` },
    );
    const first = await applySyntheticFlags(api.db);
    expect(first.nodes).toBeGreaterThanOrEqual(2);
    const [row] = await api.db.read(
      `MATCH (p:Practice {id: $p})-[r:ADDRESSES]->(d:Dilemma {id: $d})-[e:SOURCED_FROM]->()
       RETURN p.synthetic AS p, d.synthetic AS d, r.synthetic AS r, e.synthetic AS e`,
      { d: `dilemma:backfill-${tag}`, p: `practice:backfill-${tag}` },
    );
    // The practice has no source at all: not claimed to be made up.
    expect(row).toEqual({ p: false, d: true, r: true, e: true });
    const [still] = await api.db.read('MATCH (p:Practice {id: $p}), (d:Dilemma {id: $d}) RETURN p.synthetic AS p, d.synthetic AS d', {
      d: `dilemma:backfill-${tag}`,
      p: `practice:backfill-${tag}`,
    });
    await applySyntheticFlags(api.db);
    const [again] = await api.db.read('MATCH (p:Practice {id: $p}), (d:Dilemma {id: $d}) RETURN p.synthetic AS p, d.synthetic AS d', {
      d: `dilemma:backfill-${tag}`,
      p: `practice:backfill-${tag}`,
    });
    expect(again).toEqual(still);
  });

  it('every node and relationship of the seed has it, as the rule computes it', async () => {
    // The seed's data only: other test files may write raw test data meanwhile.
    const [row] = await api.db.read(
      `MATCH (s:Source) WHERE s.id IN $seed
       RETURN COUNT { MATCH (n)-[:SOURCED_FROM]->(s) WHERE n.synthetic IS NULL OR n.synthetic <> ${nodeSyntheticExpression('n')} } AS nodes,
              COUNT { MATCH ()-[r]->() WHERE r.sourceId = s.id AND (r.synthetic IS NULL OR r.synthetic <> s.synthetic) } AS relationships,
              COUNT { MATCH (n)-[:SOURCED_FROM]->(s) } AS checked`,
      { seed: ['source:illustratieve-steekproef', 'source:leerkring-2018-03-14'] },
    );
    expect(row).toMatchObject({ nodes: 0, relationships: 0 });
    expect(row!.checked as number).toBeGreaterThan(30);
  });
});
